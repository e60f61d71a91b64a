// The step types the service knows, and the likely intended one for a misspelt type ("Proccessing").
import leven from 'leven';
import {shorten} from './definition-parameters.js';
import type {DefinitionProblem, StepDefinition} from './model.js';

/** Every `Type` a pipeline step may have (the SageMaker SDK's StepTypeEnum). */
export const knownStepTypes: readonly string[] = [
	'Processing',
	'Training',
	'Tuning',
	'AutoML',
	'Transform',
	'Model',
	'RegisterModel',
	'Condition',
	'Fail',
	'Lambda',
	'Callback',
	'EMR',
	'EMRServerless',
	'QualityCheck',
	'ClarifyCheck',
	'NotebookJob',
	'EndpointConfig',
	'Endpoint',
	'InferenceComponent',
	'BedrockCustomModel',
	'BedrockCustomModelDeployment',
	'BedrockModelImport',
	'BedrockProvisionedModelThroughput',
	'Lineage',
];

const known = new Set(knownStepTypes);

export function isKnownStepType(type: string): boolean {
	return known.has(type);
}

/**
 * The known type `type` was most likely meant to be: the same letters in another case, or one a few edits away
 * (at most one edit per four letters). Undefined for a known type and for a type too far from all of them, which
 * may be one the service added after this list.
 */
export function intendedStepType(type: string): string | undefined {
	if (known.has(type)) return undefined;
	const lower = type.toLowerCase();
	let best: {type: string; distance: number} | undefined;
	for (const candidate of knownStepTypes) {
		const distance = candidate.toLowerCase() === lower ? 0 : leven(lower, candidate.toLowerCase());
		if (distance > Math.max(1, Math.floor(candidate.length / 4))) continue;
		if (!best || distance < best.distance) best = {type: candidate, distance};
	}

	return best?.type;
}

/**
 * A warning for each step whose type is neither known nor a likely misspelling of a known one: the service may
 * have added it after this list, or may refuse it when the pipeline is created.
 */
export function unknownStepTypeWarnings(steps: readonly StepDefinition[]): DefinitionProblem[] {
	return steps.flatMap((step) =>
		typeof step.raw.Type !== 'string' || known.has(step.type) || intendedStepType(step.type) !== undefined
			? []
			: [
					{
						path: step.path === undefined ? '' : `${step.path}.Type`,
						step: step.name,
						message: `Step '${shorten(step.name)}' has Type ${JSON.stringify(shorten(step.type))}, which sagemon does not know: the service refuses a type it does not know when the pipeline is created`,
					},
				],
	);
}
