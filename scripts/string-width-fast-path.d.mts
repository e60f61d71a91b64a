// Types for scripts/string-width-fast-path.mjs (plain JavaScript, so scripts/build.mjs runs without a compile step).
import type {Plugin} from 'esbuild';

/** The characters of the fast path, as the inside of a regular-expression class. */
export declare const oneColumn: string;
export declare const stringWidthFastPath: Plugin;
