// Parses a pipeline definition (JSON text or an already-parsed value) into plain data, listing every structural problem.
import {parseParameters, describeJsonType, shorten} from './definition-parameters.js';
import {intendedStepType} from './step-types.js';
import {isRecord} from './expressions.js';
import {indexPath, memberPath} from './json-path.js';
import type {DefinitionProblem, PipelineDefinition, StepDefinition} from './model.js';
import {parseJson} from './parse-json.js';
import {
	checkConditionArguments,
	parseCacheConfig,
	parseDependsOn,
	parsePropertyFiles,
} from './step-members.js';

export type ParsedDefinition = {definition?: PipelineDefinition; problems: DefinitionProblem[]};

/** The only definition format version the service knows. */
export const definitionVersion = '2020-12-01';

/** Step names the service accepts. */
const stepNamePattern = /^[A-Za-z0-9_-]{1,64}$/;

/**
 * `definition` is returned whenever there is something to draw (an object with a `Steps` list), even with problems.
 * Steps nested in a Condition's IfSteps/ElseSteps (any depth) are flattened into `steps`, depth-first in definition
 * order, with `parent` set. Steps without a usable Name are left out (and reported); unknown Types are kept.
 */
export function parseDefinition(input: string | unknown): ParsedDefinition {
	const problems: DefinitionProblem[] = [];
	let value = input;
	if (typeof input === 'string') {
		const text = input.startsWith('\uFEFF') ? input.slice(1) : input;
		if (text.trim() === '')
			return {problems: [{path: '', message: 'The definition is empty: expected a JSON object'}]};
		const parsed = parseJson(text);
		if (!parsed.ok)
			return {problems: [{path: '', message: `The definition is not valid JSON: ${parsed.message}`}]};
		value = parsed.value;
	}

	if (!isRecord(value)) {
		return {
			problems: [{path: '', message: `The definition must be a JSON object, got ${describeJsonType(value)}`}],
		};
	}

	const version = value.Version;
	if (version !== undefined && version !== definitionVersion) {
		problems.push({
			path: 'Version',
			message: `Version must be "${definitionVersion}", got ${typeof version === 'string' ? JSON.stringify(shorten(version)) : describeJsonType(version)}`,
		});
	}

	let metadata: Record<string, unknown> = {};
	if (isRecord(value.Metadata)) metadata = value.Metadata;
	else if (value.Metadata !== undefined && value.Metadata !== null) {
		problems.push({
			path: 'Metadata',
			message: `Metadata must be an object, got ${describeJsonType(value.Metadata)}`,
		});
	}

	const parameters = parseParameters(value.Parameters, problems);
	const experimentConfig = value.PipelineExperimentConfig;
	if (experimentConfig !== undefined && experimentConfig !== null && !isRecord(experimentConfig)) {
		problems.push({
			path: 'PipelineExperimentConfig',
			message: `PipelineExperimentConfig must be an object or null, got ${describeJsonType(experimentConfig)}`,
		});
	}

	if (!('Steps' in value)) {
		problems.push({path: 'Steps', message: 'The definition has no Steps list'});
		return {problems};
	}

	if (!Array.isArray(value.Steps)) {
		problems.push({
			path: 'Steps',
			message: `Steps must be a list of steps, got ${describeJsonType(value.Steps)}`,
		});
		return {problems};
	}

	if (value.Steps.length === 0)
		problems.push({path: 'Steps', message: 'Steps is empty: a pipeline needs at least one step'});
	const definition: PipelineDefinition = {
		metadata,
		parameters,
		steps: flattenSteps(value.Steps, problems),
	};
	if (typeof version === 'string') definition.version = version;
	if (experimentConfig === null || isRecord(experimentConfig)) definition.experimentConfig = experimentConfig;
	return {definition, problems};
}

type PendingStep = {value: unknown; path: string; parent?: StepDefinition['parent']};

function flattenSteps(steps: unknown[], problems: DefinitionProblem[]): StepDefinition[] {
	const result: StepDefinition[] = [];
	// Depth-first with an explicit stack, so deeply nested conditions cannot overflow the call stack.
	const stack: PendingStep[] = steps
		.map((value, index) => ({value, path: indexPath('Steps', index)}))
		.reverse();
	// Parsed JSON is a tree, but an already-parsed value handed in by code could contain a step inside itself.
	const seen = new Set<unknown>();
	while (stack.length > 0) {
		const pending = stack.pop() as PendingStep;
		if (pending.value !== null && typeof pending.value === 'object') {
			if (seen.has(pending.value)) {
				problems.push({
					path: pending.path,
					message: 'This step object contains itself; a definition must be plain JSON',
				});
				continue;
			}

			seen.add(pending.value);
		}

		const step = parseStep(pending, problems);
		if (!step) continue;
		result.push(step);
		if (step.type !== 'Condition') continue;
		const children: PendingStep[] = [];
		for (const [member, branch] of [
			['IfSteps', 'if'],
			['ElseSteps', 'else'],
		] as const) {
			const list = isRecord(step.arguments) ? step.arguments[member] : undefined;
			const listPath = memberPath(memberPath(pending.path, 'Arguments'), member);
			if (list === undefined || list === null) continue;
			if (!Array.isArray(list)) {
				problems.push({
					path: listPath,
					step: step.name,
					message: `${member} of '${shorten(step.name)}' must be a list of steps`,
				});
				continue;
			}

			list.forEach((value, index) => {
				children.push({value, path: indexPath(listPath, index), parent: {condition: step.name, branch}});
			});
		}

		stack.push(...children.reverse());
	}

	return result;
}

function parseStep(
	{value, path, parent}: PendingStep,
	problems: DefinitionProblem[],
): StepDefinition | undefined {
	if (!isRecord(value)) {
		problems.push({
			path,
			message: `A step must be an object with Name, Type and Arguments, got ${describeJsonType(value)}`,
		});
		return undefined;
	}

	const name = value.Name;
	if (typeof name !== 'string' || name === '') {
		const got = name === undefined ? 'none' : describeJsonType(name);
		problems.push({
			path: memberPath(path, 'Name'),
			message: `The step has no Name (a non-empty text); got ${got}`,
		});
		return undefined;
	}

	const report = (member: string, message: string) =>
		problems.push({path: member.split('.').reduce(memberPath, path), step: name, message});
	if (!stepNamePattern.test(name)) {
		report(
			'Name',
			name.length > 64
				? `Step name is ${name.length} characters long; the service allows at most 64`
				: `Step name '${name}' is not allowed: use letters, digits, '-' or '_'`,
		);
	}

	let type = value.Type;
	if (typeof type !== 'string' || type === '') {
		report('Type', `Step '${shorten(name)}' has no Type (such as "Training" or "Processing")`);
		type = 'Unknown';
	} else {
		const intended = intendedStepType(type);
		if (intended !== undefined) {
			report(
				'Type',
				`Step '${shorten(name)}' has Type ${JSON.stringify(shorten(type))}; did you mean "${intended}"?`,
			);
		}
	}

	const step: StepDefinition = {
		name,
		type: type as string,
		dependsOn: parseDependsOn(value.DependsOn, name, memberPath(path, 'DependsOn'), problems),
		arguments: value.Arguments,
		propertyFiles: parsePropertyFiles(value.PropertyFiles, name, memberPath(path, 'PropertyFiles'), problems),
		raw: value,
		path,
	};
	if (parent) step.parent = parent;
	for (const member of ['DisplayName', 'Description'] as const) {
		const text = value[member];
		if (text === undefined || text === null) continue;
		if (typeof text !== 'string') report(member, `${member} of '${shorten(name)}' must be a text`);
		else if (member === 'DisplayName') step.displayName = text;
		else step.description = text;
	}

	const cacheConfig = parseCacheConfig(value.CacheConfig, (member, message) => report(member, message));
	if (cacheConfig) step.cacheConfig = cacheConfig;
	if (step.type === 'Condition') checkConditionArguments(value.Arguments, report);
	return step;
}
