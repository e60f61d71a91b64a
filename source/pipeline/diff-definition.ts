// The definition section of an execution diff: did both run the same pipeline version, and if not, which steps were
// added, removed or changed, with the JSON paths of the changed members.
import {isRecord} from './expressions.js';
import {indexPath, memberPath} from './json-path.js';
import type {PipelineDefinition, StepDefinition} from './model.js';

export type DefinitionDiff = {
	/** Null when a side's definition could not be read. */
	identical: boolean | null;
	added: string[];
	removed: string[];
	changed: Array<{step: string; paths: string[]}>;
	/** Parameters declared by one definition only. */
	parametersAdded: string[];
	parametersRemoved: string[];
};

/** At most this many changed paths per step; a longer list ends with a `…` entry counting the rest. */
const maximumPaths = 50;

/** Steps in B's definition order for `added`/`changed`, A's order for `removed`. */
export function diffDefinitions(
	a: PipelineDefinition | undefined,
	b: PipelineDefinition | undefined,
): DefinitionDiff {
	const diff: DefinitionDiff = {
		identical: null,
		added: [],
		removed: [],
		changed: [],
		parametersAdded: [],
		parametersRemoved: [],
	};
	if (!a || !b) return diff;
	const before = new Map(a.steps.map((step) => [step.name, step]));
	const after = new Map(b.steps.map((step) => [step.name, step]));
	for (const step of b.steps) {
		const old = before.get(step.name);
		if (!old) {
			diff.added.push(step.name);
			continue;
		}

		const paths: string[] = [];
		collectPaths(comparable(old), comparable(step), '', paths);
		if (paths.length > maximumPaths) {
			const rest = paths.length - maximumPaths;
			paths.splice(maximumPaths, rest, `… ${rest} more`);
		}

		if (paths.length > 0) diff.changed.push({step: step.name, paths});
	}

	diff.removed = a.steps.filter((step) => !after.has(step.name)).map((step) => step.name);
	const oldParameters = new Set(a.parameters.map((parameter) => parameter.name));
	const newParameters = new Set(b.parameters.map((parameter) => parameter.name));
	diff.parametersAdded = [...newParameters].filter((name) => !oldParameters.has(name));
	diff.parametersRemoved = [...oldParameters].filter((name) => !newParameters.has(name));
	const sameParameters = JSON.stringify(a.parameters) === JSON.stringify(b.parameters);
	diff.identical =
		diff.added.length === 0 &&
		diff.removed.length === 0 &&
		diff.changed.length === 0 &&
		sameParameters &&
		JSON.stringify(a.steps.map((step) => step.name)) === JSON.stringify(b.steps.map((step) => step.name)) &&
		JSON.stringify(a.experimentConfig ?? null) === JSON.stringify(b.experimentConfig ?? null);
	return diff;
}

/**
 * The step as written, with a Condition's nested steps replaced by their names: each nested step is compared on its
 * own, so the condition only changes when its branches list different steps.
 */
function comparable(step: StepDefinition): unknown {
	const raw = step.raw;
	if (step.type !== 'Condition' || !isRecord(raw.Arguments)) return raw;
	const names = (steps: unknown) =>
		Array.isArray(steps) ? steps.map((item) => (isRecord(item) ? item.Name : item)) : steps;
	return {
		...raw,
		Arguments: {
			...raw.Arguments,
			IfSteps: names(raw.Arguments.IfSteps),
			ElseSteps: names(raw.Arguments.ElseSteps),
		},
	};
}

/** The JSON paths where `a` and `b` differ: leaves, members present on one side, lists of different lengths. */
function collectPaths(a: unknown, b: unknown, path: string, paths: string[]): void {
	const stack: Array<[unknown, unknown, string]> = [[a, b, path]];
	while (stack.length > 0) {
		const [left, right, at] = stack.pop() as [unknown, unknown, string];
		if (Array.isArray(left) && Array.isArray(right)) {
			if (left.length !== right.length) {
				paths.push(at);
				continue;
			}

			for (let index = left.length - 1; index >= 0; index--)
				stack.push([left[index], right[index], indexPath(at, index)]);
			continue;
		}

		if (isRecord(left) && isRecord(right)) {
			const keys = [...new Set([...Object.keys(left), ...Object.keys(right)])];
			for (let index = keys.length - 1; index >= 0; index--) {
				const key = keys[index] as string;
				stack.push([left[key], right[key], memberPath(at, key)]);
			}

			continue;
		}

		if (JSON.stringify(left) !== JSON.stringify(right)) paths.push(at);
	}
}
