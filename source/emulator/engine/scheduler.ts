// The execution engine (notes §4.10): starts steps when every upstream step succeeded (and the Condition chose
// their branch), moves them Starting → Executing → Succeeded/Failed on simulated time, stops, retries, caches,
// and completes Callback steps. Time only moves when `advance()` runs (on each request), so an idle emulator
// does no work, and the same inputs, seed and request times give the same run.
import {evaluateConditions} from '../../pipeline/conditions.js';
import {EvaluationError, evaluate, isRecord} from '../../pipeline/expressions.js';
import type {StepDefinition} from '../../pipeline/model.js';
import type {Clock} from '../clock.js';
import {alphanumeric, derivedRandom} from '../random.js';
import type {ObjectStorage} from '../s3-store.js';
import {validationError} from '../service-error.js';
import {cacheKey, parseExpireAfter, type StepCache} from './cache.js';
import {evaluationContext} from './evaluation-context.js';
import {EventQueue} from './event-queue.js';
import {activeStepStatuses, type ExecutionState, type StepRun} from './execution-state.js';
import type {JobRegistry} from './jobs.js';
import {synthesizePropertyFile} from './property-files.js';
import {
	defaultOutputParameters,
	jobNameFor,
	outputParameterList,
	prepareStep,
	writeStepOutputs,
} from './step-runners.js';
import {defaultDurationSeconds} from './tuning.js';

export type EngineDependencies = {
	clock: Clock;
	seed: number;
	storage: ObjectStorage;
	jobs: JobRegistry;
	cache: StepCache;
};

/** Simulated seconds between a step ending and the steps it unblocks starting. */
const handoffSeconds = 0.5;
/** Simulated seconds a stopped job takes to stop. */
const stopSeconds = 8;
/** Types that run to their end when the execution is stopped instead of being stopped. */
const finishOnStop = new Set(['Condition', 'Fail', 'Lambda']);
const executionFailure = 'Step failure: One or multiple steps failed.';

export class ExecutionEngine {
	readonly #queue = new EventQueue();
	readonly #callbacks = new Map<string, {execution: ExecutionState; step: StepRun}>();
	readonly #modelPackageVersions = new Map<string, number>();
	/** Steps found ready but held back by MaxParallelExecutionSteps, per execution. */
	readonly #deferred = new WeakMap<ExecutionState, Set<string>>();
	/** Steps of a retried execution that may run again. */
	readonly #rerun = new WeakMap<ExecutionState, Set<string>>();
	/** Hand-offs scheduled but not run yet: the execution cannot settle while any is pending. */
	readonly #pendingHandoffs = new WeakMap<ExecutionState, number>();

	constructor(private readonly dependencies: EngineDependencies) {}

	/** Runs every event due by now. */
	advance(): void {
		this.#queue.runUntil(this.dependencies.clock.now());
	}

	/** Runs every event due by `time` (seeding past executions replays history in order). */
	advanceTo(time: number): void {
		this.#queue.runUntil(time);
	}

	/** Begins running an execution whose record is ready (status Executing, no steps) at `time`. */
	begin(execution: ExecutionState, time: number): void {
		this.#schedule(execution, time, undefined);
	}

	stop(execution: ExecutionState, time: number): void {
		if (execution.status !== 'Executing') {
			throw validationError(
				`Pipeline execution ${execution.arn} is in ${execution.status} status. Only pipelines with 'Executing' status can be stopped.`,
			);
		}

		execution.status = 'Stopping';
		execution.stopRequested = true;
		execution.modifiedAt = time;
		for (const run of execution.started) {
			if (!activeStepStatuses.has(run.status)) continue;
			run.status = 'Stopping';
			if (finishOnStop.has(run.definition.type)) continue;
			if (run.finishAt === undefined && run.callbackToken !== undefined) continue; // waits for Send*
			const generation = run.generation;
			const at = Math.min(
				run.finishAt ?? Number.POSITIVE_INFINITY,
				time + this.#milliseconds(execution, stopSeconds),
			);
			this.#queue.schedule(at, (eventTime) => {
				if (run.generation !== generation || run.status !== 'Stopping') return;
				this.#end(execution, run, 'Stopped', eventTime);
			});
		}

		this.#settle(execution, time);
	}

	retry(execution: ExecutionState, time: number, parallelism?: number): void {
		if (execution.status !== 'Failed' && execution.status !== 'Stopped') {
			throw validationError(
				`Pipeline execution ${execution.arn} is in ${execution.status} status. Only pipeline executions with 'Failed' or 'Stopped' status can be retried.`,
			);
		}

		if (execution.endedByFailStep) {
			throw validationError(
				`Pipeline execution ${execution.arn} ended in a Fail step. A pipeline execution that ends with a Fail step cannot be retried.`,
			);
		}

		const rerun = new Set<string>();
		for (const run of execution.started)
			if (run.status === 'Failed' || run.status === 'Stopped') rerun.add(run.name);
		this.#rerun.set(execution, rerun);
		execution.status = 'Executing';
		execution.failed = false;
		execution.stopRequested = false;
		execution.failureReason = undefined;
		execution.modifiedAt = time;
		if (parallelism !== undefined) execution.parallelism = parallelism;
		this.#schedule(execution, time, undefined);
	}

	/** SendPipelineExecutionStepSuccess/Failure: completes the Callback step holding `token`. */
	completeCallback(
		token: string,
		time: number,
		result: {outputs: Record<string, string>} | {failureReason: string},
	): ExecutionState | undefined {
		const entry = this.#callbacks.get(token);
		if (!entry) return undefined;
		const {execution, step} = entry;
		if (step.callbackToken !== token || !activeStepStatuses.has(step.status)) {
			throw validationError(
				`The callback token ${token} was already used: its step is no longer waiting for a callback.`,
			);
		}

		if ('failureReason' in result) {
			this.#fail(execution, step, result.failureReason, time);
		} else {
			this.#setOutputs(step, 'Callback', result.outputs);
			this.#end(execution, step, 'Succeeded', time);
		}

		return execution;
	}

	forget(execution: ExecutionState): void {
		for (const run of execution.steps.values())
			if (run.callbackToken) this.#callbacks.delete(run.callbackToken);
		for (const run of execution.steps.values()) run.generation++;
	}

	#milliseconds(execution: ExecutionState, seconds: number): number {
		return (seconds * 1000) / execution.timeScale;
	}

	#schedule(execution: ExecutionState, time: number, candidates: Iterable<string> | undefined): void {
		if (execution.status === 'Executing' && !execution.failed) {
			const deferred = this.#deferred.get(execution) ?? new Set<string>();
			const names = new Set<string>(candidates ?? execution.position.keys());
			for (const name of deferred) names.add(name);
			const ready = [...names]
				.filter((name) => this.#isReady(execution, name))
				.sort((a, b) => execution.position.get(a)! - execution.position.get(b)!);
			const limit = execution.parallelism ?? Number.POSITIVE_INFINITY;
			let running = execution.started.filter((run) => activeStepStatuses.has(run.status)).length;
			deferred.clear();
			const batch: string[] = [];
			for (const name of ready) {
				if (running >= limit) deferred.add(name);
				else {
					batch.push(name);
					running++;
				}
			}

			this.#deferred.set(execution, deferred);
			// Steps that start together are listed newest-first in definition order, as the service lists them.
			for (const name of batch.reverse()) this.#startStep(execution, name, time);
		}

		this.#settle(execution, time);
	}

	#isReady(execution: ExecutionState, name: string): boolean {
		const existing = execution.steps.get(name);
		if (existing && !this.#rerun.get(execution)?.has(name)) return false;
		for (const edge of execution.parents.get(name) ?? []) {
			const parent = execution.steps.get(edge.from);
			if (parent?.status !== 'Succeeded') return false;
			if (edge.kind === 'condition-if' && parent.properties.Outcome !== true) return false;
			if (edge.kind === 'condition-else' && parent.properties.Outcome !== false) return false;
		}

		return true;
	}

	#startStep(execution: ExecutionState, name: string, time: number): void {
		const definition = execution.stepDefinitions.get(name)!;
		let run = execution.steps.get(name);
		if (run) {
			this.#rerun.get(execution)?.delete(name);
			execution.started.splice(execution.started.indexOf(run), 1);
			run.attempt++;
			run.generation++;
			run.status = 'Starting';
			run.startTime = time;
			run.endTime = undefined;
			run.failureReason = undefined;
			run.cacheSource = undefined;
			run.finishAt = undefined;
			run.metadata = {};
			run.properties = {};
		} else {
			run = {
				name,
				definition,
				status: 'Starting',
				attempt: 1,
				startTime: time,
				metadata: {},
				properties: {},
				generation: 0,
			};
			execution.steps.set(name, run);
		}

		execution.started.push(run);
		execution.modifiedAt = time;
		const step = run;
		const generation = step.generation;
		const when = (at: number, action: (eventTime: number) => void) =>
			this.#queue.schedule(at, (eventTime) => {
				if (step.generation === generation) action(eventTime);
			});

		const identity = {
			region: execution.region,
			executionId: execution.id,
			step: definition,
			attempt: step.attempt,
			seed: this.dependencies.seed,
			time,
		};
		const jobVariables: Record<string, string> = {};
		if (definition.type === 'Processing' || definition.type === 'Training') {
			jobVariables[`${definition.type}JobName`] = jobNameFor(identity);
		}
		const tuning = execution.tuning.steps[name] ?? {};
		let resolved: unknown;
		try {
			if (definition.type !== 'Condition' && definition.type !== 'Fail') {
				resolved = evaluate(
					definition.arguments,
					evaluationContext(execution, this.dependencies.storage, time, jobVariables),
				);
			}
		} catch (error) {
			const reason = `Failed to resolve the arguments of step ${name}: ${messageOf(error)}`;
			when(time + this.#milliseconds(execution, 1), (eventTime) =>
				this.#fail(execution, step, reason, eventTime),
			);
			return;
		}

		step.resolvedArguments = resolved;
		const key = definition.cacheConfig?.enabled ? cacheKey(definition.type, resolved) : undefined;
		const expireAfter = definition.cacheConfig?.expireAfter
			? parseExpireAfter(definition.cacheConfig.expireAfter)
			: undefined;
		const hit =
			key === undefined
				? undefined
				: this.dependencies.cache.find(execution.pipelineKey, name, key, time, expireAfter);
		if (hit) {
			when(time + this.#milliseconds(execution, 0.4), (eventTime) => {
				if (step.status !== 'Starting') return;
				step.metadata = hit.metadata;
				step.properties = hit.properties;
				step.cacheSource = hit.executionArn;
				this.#end(execution, step, 'Succeeded', eventTime);
			});
			return;
		}

		const prepared = prepareStep(identity, resolved, (group) => {
			const version = (this.#modelPackageVersions.get(group) ?? 0) + 1;
			this.#modelPackageVersions.set(group, version);
			return version;
		});
		const jitter =
			0.85 +
			derivedRandom(this.dependencies.seed, `${execution.id}/${name}/${step.attempt}/duration`).next() * 0.3;
		const duration = this.#milliseconds(
			execution,
			tuning.durationSeconds ?? defaultDurationSeconds(definition.type) * jitter,
		);
		const starting = Math.min(duration * 0.1, this.#milliseconds(execution, 5));
		when(time + starting, (executingAt) => {
			if (step.status !== 'Starting') return;
			step.status = 'Executing';
			step.metadata = prepared.metadata;
			step.properties = prepared.properties;
			if (prepared.job) {
				prepared.job.startTime = executingAt;
				prepared.job.experimentConfig = execution.experimentConfig;
				this.dependencies.jobs.add(prepared.job);
			}

			if (definition.type === 'Callback') this.#awaitCallback(execution, step);
			if (definition.type === 'Callback' && tuning.waitForCallback) return;
			step.finishAt = executingAt + (duration - starting);
			when(step.finishAt, (finishedAt) => {
				if (
					step.status === 'Executing' ||
					(step.status === 'Stopping' && finishOnStop.has(definition.type))
				) {
					this.#complete(execution, step, finishedAt, key, prepared.job);
				}
			});
		});
	}

	#awaitCallback(execution: ExecutionState, step: StepRun): void {
		const random = derivedRandom(
			this.dependencies.seed,
			`${execution.id}/${step.name}/${step.attempt}/callback`,
		);
		let token = random.text(10, alphanumeric);
		while (this.#callbacks.has(token)) token = random.text(10, alphanumeric);
		step.callbackToken = token;
		this.#callbacks.set(token, {execution, step});
		const queue = step.definition.raw.SqsQueueUrl;
		step.metadata = {
			Callback: {CallbackToken: token, ...(typeof queue === 'string' ? {SqsQueueUrl: queue} : {})},
		};
	}

	/** A step reached the end of its run: it succeeds unless told to fail, or its own logic fails it. */
	#complete(
		execution: ExecutionState,
		step: StepRun,
		time: number,
		key: string | undefined,
		job: StepRunJob,
	): void {
		const definition = step.definition;
		const tuning = execution.tuning.steps[step.name] ?? {};
		if (tuning.fail !== undefined && step.attempt <= (tuning.failAttempts ?? Number.POSITIVE_INFINITY)) {
			this.dependencies.jobs.update(job, 'Failed', time, tuning.fail);
			this.#fail(execution, step, tuning.fail, time);
			return;
		}

		try {
			this.#finishByType(execution, step, definition, time);
		} catch (error) {
			this.dependencies.jobs.update(job, 'Failed', time, messageOf(error));
			this.#fail(execution, step, messageOf(error), time);
			return;
		}

		if (definition.type === 'Fail') return;
		this.dependencies.jobs.update(job, 'Completed', time);
		this.#end(execution, step, 'Succeeded', time);
		if (key !== undefined) {
			this.dependencies.cache.record(execution.pipelineKey, step.name, key, {
				executionArn: execution.arn,
				endedAt: time,
				metadata: step.metadata,
				properties: step.properties,
			});
		}
	}

	#finishByType(execution: ExecutionState, step: StepRun, definition: StepDefinition, time: number): void {
		const context = () => evaluationContext(execution, this.dependencies.storage, time);
		const tuning = execution.tuning.steps[step.name] ?? {};
		switch (definition.type) {
			case 'Condition': {
				const conditions = isRecord(definition.arguments) ? definition.arguments.Conditions : [];
				const outcome = evaluateConditions(Array.isArray(conditions) ? conditions : [], context());
				step.properties = {Outcome: outcome};
				step.metadata = {Condition: {Outcome: outcome ? 'True' : 'False'}};
				return;
			}

			case 'Fail': {
				const message = isRecord(definition.arguments)
					? evaluate(definition.arguments.ErrorMessage, context())
					: '';
				const text =
					message === undefined || message === null
						? ''
						: typeof message === 'string'
							? message
							: JSON.stringify(message);
				step.metadata = {Fail: {ErrorMessage: text}};
				execution.endedByFailStep = true;
				this.#fail(execution, step, text, time);
				return;
			}

			case 'Lambda':
			case 'Callback':
				this.#setOutputs(step, definition.type, defaultOutputParameters(definition, tuning.outputParameters));
				return;
			case 'Processing': {
				const values = context();
				writeStepOutputs(
					this.dependencies.storage,
					definition,
					step.properties,
					(file) => {
						const given = tuning.propertyFiles?.[file];
						if (given !== undefined) return given;
						return synthesizePropertyFile(execution.definition, step.name, file, (operand) => {
							try {
								return evaluate(operand, values);
							} catch {
								return undefined;
							}
						});
					},
					time,
				);
				return;
			}

			default:
				writeStepOutputs(this.dependencies.storage, definition, step.properties, () => ({}), time);
		}
	}

	#setOutputs(step: StepRun, type: 'Lambda' | 'Callback', outputs: Record<string, string>): void {
		step.properties = {...step.properties, OutputParameters: outputs};
		const current = isRecord(step.metadata[type]) ? step.metadata[type] : {};
		step.metadata = {[type]: {...current, OutputParameters: outputParameterList(outputs)}};
	}

	#fail(execution: ExecutionState, step: StepRun, reason: string, time: number): void {
		step.failureReason = reason === '' ? undefined : reason.slice(0, 1024);
		execution.failed = true;
		this.#end(execution, step, 'Failed', time);
	}

	#end(
		execution: ExecutionState,
		step: StepRun,
		status: 'Succeeded' | 'Failed' | 'Stopped',
		time: number,
	): void {
		step.status = status;
		step.endTime = time;
		step.finishAt = undefined;
		step.generation++;
		execution.modifiedAt = time;
		if (status === 'Stopped') this.dependencies.jobs.update(this.#jobOf(step), 'Stopped', time);
		if (status !== 'Succeeded' || execution.status !== 'Executing' || execution.failed) {
			this.#settle(execution, time);
			return;
		}

		const children = (execution.children.get(step.name) ?? []).map((edge) => edge.to);
		this.#pendingHandoffs.set(execution, (this.#pendingHandoffs.get(execution) ?? 0) + 1);
		this.#queue.schedule(time + this.#milliseconds(execution, handoffSeconds), (handoffAt) => {
			this.#pendingHandoffs.set(execution, (this.#pendingHandoffs.get(execution) ?? 1) - 1);
			this.#schedule(execution, handoffAt, children);
		});
	}

	#jobOf(step: StepRun): StepRunJob {
		const metadata = step.metadata;
		const arn = isRecord(metadata.ProcessingJob)
			? metadata.ProcessingJob.Arn
			: isRecord(metadata.TrainingJob)
				? metadata.TrainingJob.Arn
				: undefined;
		if (typeof arn !== 'string') return undefined;
		const name = arn.slice(arn.lastIndexOf('/') + 1);
		return this.dependencies.jobs.find(isRecord(metadata.ProcessingJob) ? 'processing' : 'training', name);
	}

	/** Ends the execution once nothing runs and nothing more can start. */
	#settle(execution: ExecutionState, time: number): void {
		if (execution.status !== 'Executing' && execution.status !== 'Stopping') return;
		if (execution.started.some((run) => activeStepStatuses.has(run.status))) return;
		if ((this.#pendingHandoffs.get(execution) ?? 0) > 0) return;
		if (
			execution.status === 'Executing' &&
			!execution.failed &&
			(this.#deferred.get(execution)?.size ?? 0) > 0
		)
			return;
		if (execution.stopRequested) execution.status = 'Stopped';
		else if (execution.failed) {
			execution.status = 'Failed';
			execution.failureReason = executionFailure;
		} else execution.status = 'Succeeded';
		execution.modifiedAt = time;
	}
}

type StepRunJob = ReturnType<JobRegistry['find']>;

function messageOf(error: unknown): string {
	if (error instanceof EvaluationError || error instanceof Error) return error.message;
	return String(error);
}
