// What happens when a step starts: its arguments are resolved against the execution so far, a cached run is
// looked up, and otherwise its job is prepared and its simulated run time drawn.
import {evaluate} from '../../pipeline/expressions.js';
import {derivedRandom} from '../random.js';
import type {ModelRegistry} from '../registry/model-registry.js';
import type {ObjectStorage} from '../s3-store.js';
import {type CachedRun, cacheKey, parseExpireAfter, type StepCache} from './cache.js';
import {evaluationContext} from './evaluation-context.js';
import type {ExecutionState, StepRun} from './execution-state.js';
import {jobNameFor, type PreparedStep, prepareStep} from './step-runners.js';
import {defaultDurationSeconds} from './tuning.js';

export type StepPlan =
	| {kind: 'unresolvable'; reason: string}
	| {kind: 'cached'; hit: CachedRun}
	| {
			kind: 'run';
			prepared: PreparedStep;
			startingMilliseconds: number;
			runningMilliseconds: number;
			cacheKey?: string;
	  };

export type PlanDependencies = {
	seed: number;
	storage: ObjectStorage;
	cache: StepCache;
	registry: ModelRegistry;
};

/** Real milliseconds for simulated seconds of this execution. */
export function simulatedMilliseconds(execution: ExecutionState, seconds: number): number {
	return (seconds * 1000) / execution.timeScale;
}

export function planStep(
	execution: ExecutionState,
	step: StepRun,
	time: number,
	dependencies: PlanDependencies,
): StepPlan {
	const definition = step.definition;
	const identity = {
		region: execution.region,
		executionId: execution.id,
		step: definition,
		attempt: step.attempt,
		seed: dependencies.seed,
		time,
	};
	const jobVariables: Record<string, string> = {};
	if (definition.type === 'Processing' || definition.type === 'Training') {
		jobVariables[`${definition.type}JobName`] = jobNameFor(identity);
	}

	let resolved: unknown;
	// Condition and Fail steps evaluate their expressions when they finish.
	if (definition.type !== 'Condition' && definition.type !== 'Fail') {
		try {
			resolved = evaluate(
				definition.arguments,
				evaluationContext(execution, dependencies.storage, time, jobVariables),
			);
		} catch (error) {
			return {
				kind: 'unresolvable',
				reason: `Failed to resolve the arguments of step ${step.name}: ${messageOf(error)}`,
			};
		}
	}

	step.resolvedArguments = resolved;
	const cache = definition.cacheConfig;
	const key = cache?.enabled ? cacheKey(definition.type, resolved) : undefined;
	if (key !== undefined) {
		const expireAfter = cache?.expireAfter ? parseExpireAfter(cache.expireAfter) : undefined;
		const hit = dependencies.cache.find(execution.pipelineKey, step.name, key, time, expireAfter);
		if (hit) return {kind: 'cached', hit};
	}

	let prepared: PreparedStep;
	try {
		prepared = prepareStep(identity, resolved, (request) =>
			dependencies.registry.register({
				...request,
				createdBy: execution.createdBy,
				// The service names the execution that registered a version in its MetadataProperties.
				metadataProperties: {...request.metadataProperties, GeneratedBy: execution.arn},
			}),
		);
	} catch (error) {
		// What the step's own request is refused for (a RegisterModel step's ModelApprovalStatus) fails the step.
		return {kind: 'unresolvable', reason: messageOf(error)};
	}

	const tuned = execution.tuning.steps[step.name]?.durationSeconds;
	const jitter =
		0.85 +
		derivedRandom(dependencies.seed, `${execution.id}/${step.name}/${step.attempt}/duration`).next() * 0.3;
	const total = simulatedMilliseconds(execution, tuned ?? defaultDurationSeconds(definition.type) * jitter);
	const starting = Math.min(total * 0.1, simulatedMilliseconds(execution, 5));
	return {
		kind: 'run',
		prepared,
		startingMilliseconds: starting,
		runningMilliseconds: total - starting,
		...(key === undefined ? {} : {cacheKey: key}),
	};
}

export function messageOf(error: unknown): string {
	return error instanceof Error ? error.message : String(error);
}
