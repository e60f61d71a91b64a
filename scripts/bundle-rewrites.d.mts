import type {Plugin} from 'esbuild';

export type LazyRule = {path: string; replacements: Array<{from: string; to: string}>};
export const lazyRules: LazyRule[];
export function ruleFor(path: string): LazyRule | undefined;
export function applyRule(rule: LazyRule, source: string): string;
export const bundleRewrites: Plugin;
