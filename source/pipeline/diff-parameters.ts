// The parameters section of an execution diff: each parameter's effective value in both executions, side by side.
import {effectiveParameters} from './execution-parameters.js';
import type {ParameterAssignment, ParameterDefinition} from './model.js';
import {compareValues} from './value-change.js';

export type ParameterDiffRow = {
	name: string;
	/** The value as the service lists it, or the default's; null when that execution has no such parameter. */
	a: string | null;
	b: string | null;
	/** True when the value is the definition's default (the execution listed none). */
	aDefault: boolean;
	bDefault: boolean;
	changed: boolean;
	/** For numbers: `b - a` and its percentage of `a`. */
	delta?: number;
	percent?: number;
};

export type ParameterSide = {declared: ParameterDefinition[]; assignments: ParameterAssignment[]};

/** Every parameter of either execution: A's in definition order, then those only B has. */
export function diffParameters(a: ParameterSide, b: ParameterSide): ParameterDiffRow[] {
	const left = effectiveParameters(a.declared, a.assignments);
	const right = new Map(effectiveParameters(b.declared, b.assignments).map((item) => [item.name, item]));
	const names = [
		...left.map((item) => item.name),
		...[...right.keys()].filter((name) => !hasName(left, name)),
	];
	const leftByName = new Map(left.map((item) => [item.name, item]));
	return names.map((name) => {
		const one = leftByName.get(name);
		const two = right.get(name);
		// Typed values decide, so a Float listed as "6" equals a default of 6.0.
		const change = compareValues(one?.value, two?.value);
		const row: ParameterDiffRow = {
			name,
			a: one?.text ?? null,
			b: two?.text ?? null,
			aDefault: one?.fromDefault ?? false,
			bDefault: two?.fromDefault ?? false,
			changed: change.changed,
		};
		if (change.delta !== undefined) row.delta = change.delta;
		if (change.percent !== undefined) row.percent = change.percent;
		return row;
	});
}

function hasName(items: Array<{name: string}>, name: string): boolean {
	return items.some((item) => item.name === name);
}
