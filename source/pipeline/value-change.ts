// How a value changed between two executions: numeric delta and percentage, and their display text
// (`4.50 → 3.98 (-11.6%)`, `+1m 12s (-8%)`), shared by every section of an execution diff.
import {formatDuration} from './format.js';

/** A leaf value as both sides report it; `undefined` when that side has none. */
export type Leaf = string | number | boolean | null;

export type ValueChange = {
	changed: boolean;
	/** `b - a`, when both are numbers. */
	delta?: number;
	/** `(b - a) / |a| * 100`, when both are numbers and `a` is not 0. */
	percent?: number;
};

/** Compares two leaves; numbers also get their delta and percentage. */
export function compareValues(a: Leaf | undefined, b: Leaf | undefined): ValueChange {
	const change: ValueChange = {changed: !sameLeaf(a, b)};
	if (typeof a === 'number' && typeof b === 'number' && Number.isFinite(a) && Number.isFinite(b)) {
		change.delta = roundTo(b - a, 12);
		if (a !== 0) change.percent = roundTo(((b - a) / Math.abs(a)) * 100, 6);
	}

	return change;
}

function sameLeaf(a: Leaf | undefined, b: Leaf | undefined): boolean {
	return a === b || (Number.isNaN(a) && Number.isNaN(b));
}

/** Rounds away binary noise (`0.1 + 0.2`) so JSON consumers see the change people expect. */
function roundTo(value: number, digits: number): number {
	return Number(value.toPrecision(digits));
}

/** `-11.6%`, `+0.4%`, `0%`; `decimals` digits after the point (trailing zeros kept only when non-zero). */
export function formatPercent(percent: number, decimals = 1): string {
	const rounded = Number(percent.toFixed(decimals));
	if (rounded === 0) return '0%';
	return `${rounded > 0 ? '+' : ''}${rounded.toFixed(decimals).replace(/\.0+$/, '')}%`;
}

/**
 * Both numbers with the same count of decimals (the larger of the two, at most 6), so `4.5` and `3.98` read
 * `4.50` and `3.98`; integers stay integers.
 */
export function formatNumberPair(a: number, b: number): [string, string] {
	const decimals = Math.min(6, Math.max(decimalsOf(a), decimalsOf(b)));
	return [a.toFixed(decimals), b.toFixed(decimals)];
}

function decimalsOf(value: number): number {
	if (!Number.isFinite(value) || Number.isInteger(value)) return 0;
	const text = String(value);
	if (text.includes('e')) return 6;
	return text.length - text.indexOf('.') - 1;
}

/** A leaf as people read it: texts as they are, `null` and a missing value as `-`. */
export function formatLeaf(value: Leaf | undefined): string {
	if (value === undefined || value === null) return '-';
	return String(value);
}

/** `4.50 → 3.98 (-11.6%)`, `abc → abd`, `7 (same)` for equal values. */
export function formatValueChange(a: Leaf | undefined, b: Leaf | undefined): string {
	const change = compareValues(a, b);
	if (typeof a === 'number' && typeof b === 'number') {
		const [left, right] = formatNumberPair(a, b);
		if (!change.changed) return `${left} (same)`;
		return change.percent === undefined
			? `${left} → ${right}`
			: `${left} → ${right} (${formatPercent(change.percent)})`;
	}

	if (!change.changed) return `${formatLeaf(a)} (same)`;
	return `${formatLeaf(a)} → ${formatLeaf(b)}`;
}

/** `+1m 12s`, `-850ms`, `0s`. */
export function formatDurationDelta(deltaMs: number): string {
	if (deltaMs === 0) return '0s';
	return `${deltaMs > 0 ? '+' : '-'}${formatDuration(Math.abs(deltaMs))}`;
}
