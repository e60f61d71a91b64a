// The JSON a Processing step writes for a property file when the definition gives none: every path the
// definition reads from that file, with a value plausible for what the path measures (an MSE of 2 to 5, an
// accuracy or AUC inside [0, 1], a count as a whole number), drawn from the execution's id. The values never
// depend on the thresholds the conditions compare them with, so the parameters and conditions choose the branch
// as they would on AWS; `Metadata["sagemon.emulator"]` sets exact content when a test needs one branch.
import {isRecord} from '../../pipeline/expressions.js';
import type {PipelineDefinition} from '../../pipeline/model.js';
import {parsePropertyPath} from '../../pipeline/property-path.js';
import {derivedRandom, type Random} from '../random.js';

/** Evaluates the operand on the other side of a condition; undefined when it cannot be known yet. */
export type OperandEvaluator = (value: unknown) => unknown;

export function synthesizePropertyFile(
	definition: PipelineDefinition,
	step: string,
	file: string,
	evaluateOperand: OperandEvaluator,
	executionId: string,
): Record<string, unknown> {
	const reference = `Steps.${step}.PropertyFiles.${file}`;
	const paths = new Set<string>();
	const compared = new Map<string, unknown[]>();
	for (const candidate of definition.steps)
		collect(candidate.raw, reference, paths, compared, evaluateOperand);
	const content: Record<string, unknown> = {};
	for (const path of [...paths].sort()) {
		const random = derivedRandom(0, `${executionId}/${step}/${file}/${path}`);
		setPath(content, parsePropertyPath(path), plausibleValue(path, compared.get(path) ?? [], random));
	}

	return content;
}

/** A value of the kind the path names; a path compared only with texts or booleans gets one of those kinds. */
export function plausibleValue(path: string, comparedWith: unknown[], random: Random): unknown {
	const texts = comparedWith.filter((value): value is string => typeof value === 'string');
	if (texts.length > 0 && texts.length === comparedWith.length) {
		// Texts carry no measure: the file holds one of the texts the definition names, or another one.
		const choices = [...new Set(texts), 'other'];
		return choices[Math.floor(random.next() * choices.length)];
	}

	if (comparedWith.length > 0 && comparedWith.every((value) => typeof value === 'boolean'))
		return random.next() < 0.5;
	const name = metricName(path);
	const between = (low: number, high: number) => round(low + random.next() * (high - low), 4);
	if (/standard_deviation|std|stddev|variance/.test(name)) return between(0.001, 0.05);
	if (/(^|_)(r?mse|mean_squared_error)$/.test(name)) return between(2, 5);
	if (/mae|mape|rmsle|loss|error|residual|distance|latency/.test(name)) return between(0.5, 3);
	if (/count|number|num_|^n_|total|rows|samples|records|size|instances/.test(name))
		return 50 + Math.floor(random.next() * 4950);
	if (/r2|rsquared|r_squared/.test(name)) return between(0.4, 0.95);
	// Accuracy, AUC, precision, recall, F1 and any other score or rate: a share inside [0, 1].
	return between(0.6, 0.98);
}

/** The member that says what a path measures: its last member, or the one before a `value`-like leaf. */
function metricName(path: string): string {
	const members = parsePropertyPath(path).filter((member): member is string => typeof member === 'string');
	const leaf = (members.at(-1) ?? '').toLowerCase();
	if (/^(value|mean|avg|average|score)$/.test(leaf) && members.length > 1)
		return `${members.at(-2)!.toLowerCase()}${leaf === 'value' ? '' : `_${leaf}`}`;
	return leaf;
}

function jsonGetPath(value: unknown, reference: string): string | undefined {
	if (!isRecord(value) || !isRecord(value['Std:JsonGet'])) return undefined;
	const jsonGet = value['Std:JsonGet'];
	if (!isRecord(jsonGet.PropertyFile) || jsonGet.PropertyFile.Get !== reference) return undefined;
	return typeof jsonGet.Path === 'string' ? jsonGet.Path : undefined;
}

/** Every path read from the file, and for each the values conditions compare it with (to know its kind). */
function collect(
	value: unknown,
	reference: string,
	paths: Set<string>,
	compared: Map<string, unknown[]>,
	evaluateOperand: OperandEvaluator,
): void {
	const stack = [value];
	while (stack.length > 0) {
		const current = stack.pop();
		if (Array.isArray(current)) {
			stack.push(...current);
			continue;
		}

		if (!isRecord(current)) continue;
		const path = jsonGetPath(current, reference);
		if (path !== undefined) {
			paths.add(path);
			continue;
		}

		const sides: Array<[unknown, unknown[]]> = [
			[current.LeftValue, [current.RightValue]],
			[current.RightValue, [current.LeftValue]],
			[current.QueryValue, Array.isArray(current.Values) ? current.Values : []],
		];
		for (const [side, others] of sides) {
			const read = jsonGetPath(side, reference);
			if (read === undefined) continue;
			const known = others.map(evaluateOperand).filter((other) => other !== undefined);
			compared.set(read, [...(compared.get(read) ?? []), ...known]);
		}

		stack.push(...Object.values(current));
	}
}

function round(value: number, digits: number): number {
	const factor = 10 ** digits;
	return Math.round(value * factor) / factor;
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
