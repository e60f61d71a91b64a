// Types for scripts/ink-frame-caches.mjs (plain JavaScript, so scripts/build.mjs runs without a compile step).
import type {Plugin} from 'esbuild';

export declare const inkFrameCaches: Plugin;
