// The JSON a Processing step writes for a property file when the definition gives none: every path the
// definition reads from that file, with values chosen so that the conditions reading them are true (the If
// branch runs, as in the tutorial's output). The values are computed from the conditions, never per pipeline.
import {isRecord} from '../../pipeline/expressions.js';
import type {PipelineDefinition} from '../../pipeline/model.js';
import {parsePropertyPath} from '../../pipeline/property-path.js';

type Comparison =
	| 'Equals'
	| 'NotEquals'
	| 'GreaterThan'
	| 'GreaterThanOrEqualTo'
	| 'LessThan'
	| 'LessThanOrEqualTo';

type Constraint =
	| {path: string; comparison: Comparison; other: unknown}
	| {path: string; oneOf: unknown[]; inside: boolean};

/** Evaluates the operand on the other side of a condition; undefined when it cannot be known yet. */
export type OperandEvaluator = (value: unknown) => unknown;

/** Value used for a path that no condition constrains. */
const unconstrainedValue = 0.5;

export function synthesizePropertyFile(
	definition: PipelineDefinition,
	step: string,
	file: string,
	evaluateOperand: OperandEvaluator,
): Record<string, unknown> {
	const reference = `Steps.${step}.PropertyFiles.${file}`;
	const paths = new Set<string>();
	const constraints: Constraint[] = [];
	for (const candidate of definition.steps) {
		collectPaths(candidate.raw, reference, paths);
		if (candidate.type !== 'Condition' || !isRecord(candidate.arguments)) continue;
		const conditions = candidate.arguments.Conditions;
		if (!Array.isArray(conditions)) continue;
		for (const condition of conditions) constrain(condition, true, reference, evaluateOperand, constraints);
	}

	for (const constraint of constraints) paths.add(constraint.path);
	const content: Record<string, unknown> = {};
	for (const path of paths) {
		const own = constraints.filter((constraint) => constraint.path === path);
		setPath(content, parsePropertyPath(path), chooseValue(own));
	}

	return content;
}

function jsonGetPath(value: unknown, reference: string): string | undefined {
	if (!isRecord(value) || !isRecord(value['Std:JsonGet'])) return undefined;
	const jsonGet = value['Std:JsonGet'];
	if (!isRecord(jsonGet.PropertyFile) || jsonGet.PropertyFile.Get !== reference) return undefined;
	return typeof jsonGet.Path === 'string' ? jsonGet.Path : undefined;
}

function collectPaths(value: unknown, reference: string, paths: Set<string>): void {
	const stack = [value];
	while (stack.length > 0) {
		const current = stack.pop();
		if (Array.isArray(current)) stack.push(...current);
		else if (isRecord(current)) {
			const path = jsonGetPath(current, reference);
			if (path !== undefined) paths.add(path);
			else stack.push(...Object.values(current));
		}
	}
}

const flipped: Record<Comparison, Comparison> = {
	Equals: 'Equals',
	NotEquals: 'NotEquals',
	GreaterThan: 'LessThan',
	GreaterThanOrEqualTo: 'LessThanOrEqualTo',
	LessThan: 'GreaterThan',
	LessThanOrEqualTo: 'GreaterThanOrEqualTo',
};

const negated: Record<Comparison, Comparison> = {
	Equals: 'NotEquals',
	NotEquals: 'Equals',
	GreaterThan: 'LessThanOrEqualTo',
	GreaterThanOrEqualTo: 'LessThan',
	LessThan: 'GreaterThanOrEqualTo',
	LessThanOrEqualTo: 'GreaterThan',
};

/** Records what the file's values must be for `condition` to evaluate to `wanted`. */
function constrain(
	condition: unknown,
	wanted: boolean,
	reference: string,
	evaluateOperand: OperandEvaluator,
	constraints: Constraint[],
): void {
	if (!isRecord(condition) || typeof condition.Type !== 'string') return;
	const type = condition.Type;
	if (type === 'Not') {
		constrain(condition.Condition, !wanted, reference, evaluateOperand, constraints);
		return;
	}

	if (type === 'Or') {
		const inner = Array.isArray(condition.Conditions) ? condition.Conditions : [];
		// One true member makes an Or true; every member must be false for it to be false.
		for (const member of wanted ? inner.slice(0, 1) : inner) {
			constrain(member, wanted, reference, evaluateOperand, constraints);
		}

		return;
	}

	if (type === 'In' || type === 'NotIn') {
		const path = jsonGetPath(condition.QueryValue, reference);
		const values = Array.isArray(condition.Values) ? condition.Values.map(evaluateOperand) : [];
		if (path === undefined || values.some((value) => value === undefined)) return;
		constraints.push({path, oneOf: values, inside: (type === 'In') === wanted});
		return;
	}

	if (!(type in flipped)) return;
	let comparison = type as Comparison;
	let path = jsonGetPath(condition.LeftValue, reference);
	let otherSide = condition.RightValue;
	if (path === undefined) {
		path = jsonGetPath(condition.RightValue, reference);
		otherSide = condition.LeftValue;
		comparison = flipped[comparison];
	}

	if (path === undefined) return;
	const other = evaluateOperand(otherSide);
	if (other === undefined) return;
	constraints.push({path, comparison: wanted ? comparison : negated[comparison], other});
}

function chooseValue(constraints: Constraint[]): unknown {
	let lower: {value: number; strict: boolean} | undefined;
	let upper: {value: number; strict: boolean} | undefined;
	const excluded: unknown[] = [];
	for (const constraint of constraints) {
		if ('oneOf' in constraint) {
			if (constraint.inside) return constraint.oneOf[0];
			excluded.push(...constraint.oneOf);
			continue;
		}

		const {comparison, other} = constraint;
		if (comparison === 'Equals') return other;
		if (comparison === 'NotEquals') {
			excluded.push(other);
			continue;
		}

		if (typeof other === 'string')
			return comparison.startsWith('Greater') ? `${other}~` : comparison.endsWith('EqualTo') ? other : '';
		if (typeof other !== 'number') continue;
		const strict = !comparison.endsWith('EqualTo');
		if (comparison.startsWith('Greater')) {
			if (!lower || other > lower.value || (other === lower.value && strict)) lower = {value: other, strict};
		} else if (!upper || other < upper.value || (other === upper.value && strict))
			upper = {value: other, strict};
	}

	return avoid(numberBetween(lower, upper), excluded);
}

function numberBetween(
	lower: {value: number; strict: boolean} | undefined,
	upper: {value: number; strict: boolean} | undefined,
): number {
	if (lower && upper) return tidy((lower.value + upper.value) / 2);
	if (upper) return tidy(upper.value - Math.max(Math.abs(upper.value) * 0.25, 0.25));
	if (lower) {
		// Scores such as accuracy live in [0, 1): stay inside it.
		if (lower.value >= 0 && lower.value < 1) return tidy((lower.value + 1) / 2);
		return tidy(lower.value + Math.max(Math.abs(lower.value) * 0.25, 0.25));
	}

	return unconstrainedValue;
}

function avoid(value: unknown, excluded: unknown[]): unknown {
	let candidate = value;
	while (excluded.some((item) => item === candidate)) {
		candidate = typeof candidate === 'number' ? candidate + 1 : `${String(candidate)}-other`;
	}

	return candidate;
}

function tidy(value: number): number {
	return Math.round(value * 10_000) / 10_000;
}

function setPath(target: Record<string, unknown>, members: Array<string | number>, value: unknown): void {
	if (members.length === 0) return;
	let current: Record<string, unknown> | unknown[] = target;
	members.forEach((member, index) => {
		const last = index === members.length - 1;
		const next = members[index + 1];
		const container = current as Record<string | number, unknown>;
		if (last) {
			container[member] = value;
			return;
		}

		if (container[member] === null || typeof container[member] !== 'object') {
			container[member] = typeof next === 'number' ? [] : {};
		}

		current = container[member] as Record<string, unknown>;
	});
}
