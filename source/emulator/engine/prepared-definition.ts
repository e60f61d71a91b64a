// A pipeline definition checked the way CreatePipeline/UpdatePipeline check it, and indexed once for the
// engine: parsed steps, DAG edges per step, definition order, emulator tuning.
import {indexDag, validateDefinition} from '../../pipeline/dag.js';
import type {DagEdge, PipelineDefinition, StepDefinition} from '../../pipeline/model.js';
import {parseExpireAfter} from './cache.js';
import {unknownStepTypeProblems} from './step-types.js';
import {readTuning, type EmulatorTuning} from './tuning.js';

export type PreparedDefinition = {
	text: string;
	definition: PipelineDefinition;
	parents: Map<string, DagEdge[]>;
	children: Map<string, DagEdge[]>;
	position: Map<string, number>;
	steps: Map<string, StepDefinition>;
	tuning: EmulatorTuning;
};

/** The definition ready to run, or the problems the service would reject it for (one sentence each). */
export function prepareDefinition(text: string): {prepared?: PreparedDefinition; problems: string[]} {
	// The native parser is much faster; the core's parser runs only on bad JSON, for its precise error position.
	let value: unknown = text;
	try {
		value = JSON.parse(text);
	} catch {}

	const validated = validateDefinition(value);
	const problems = validated.problems.map((problem) =>
		problem.path === '' ? problem.message : `${problem.message} (at ${problem.path})`,
	);
	if (!validated.definition || !validated.dag) return {problems};
	problems.push(...unknownStepTypeProblems(validated.definition.steps));
	const {tuning, problems: tuningProblems} = readTuning(validated.definition.metadata);
	problems.push(...tuningProblems);
	for (const name of Object.keys(tuning.steps)) {
		if (!validated.dag.nodes.some((node) => node.name === name)) {
			problems.push(
				`Metadata["sagemon.emulator"].steps names '${name}', which is not a step of this pipeline`,
			);
		}
	}

	for (const step of validated.definition.steps) {
		const expireAfter = step.cacheConfig?.expireAfter;
		if (expireAfter !== undefined && parseExpireAfter(expireAfter) === undefined) {
			problems.push(
				`CacheConfig.ExpireAfter of step '${step.name}' is '${expireAfter}', which is not a duration such as 30d, P4DT12H or PT1H`,
			);
		}
	}

	if (problems.length > 0) return {problems};
	const {parents, children} = indexDag(validated.dag);
	const position = new Map(validated.dag.nodes.map((node, index) => [node.name, index]));
	const steps = new Map<string, StepDefinition>();
	for (const step of validated.definition.steps) if (!steps.has(step.name)) steps.set(step.name, step);
	return {
		prepared: {text, definition: validated.definition, parents, children, position, steps, tuning},
		problems,
	};
}
