import type {BuildOptions, Plugin} from 'esbuild';

export const stubDevtools: Plugin;
export const nodeBundleOptions: BuildOptions;
export function cliBundleOptions(outdir: string): BuildOptions;
