// The execution engine: starts steps once their upstream steps succeeded (and the Condition chose their branch),
// runs them on simulated time, stops, retries (RetryPolicies too), caches, and holds Callback steps for their answer.
// Time only moves in `advance()` (on each request): an idle emulator does no work; the same inputs, the same run.
import type {Clock} from '../clock.js';
import type {ObjectStorage} from '../s3-store.js';
import {validationError} from '../service-error.js';
import type {StepCache} from './cache.js';
import {EventQueue} from './event-queue.js';
import {beginAttempt} from './begin-attempt.js';
import {beginRetry, beginStopping, stoppedAt} from './execution-transitions.js';
import {CallbackTokens, callbackTimeoutReason, callbackTimeoutSeconds} from './callback-tokens.js';
import {activeStepStatuses, type ExecutionState, type StepRun} from './execution-state.js';
import {finishStep, setOutputParameters} from './finish-step.js';
import type {ModelRegistry} from '../registry/model-registry.js';
import {jobScript} from './job-script.js';
import type {JobRecord, JobRegistry} from './jobs.js';
import {messageOf, planStep, simulatedMilliseconds} from './plan-step.js';
import {settle, stepsToStart} from './readiness.js';
import {decideRetry, exceptionFailureReason, type RetryExceptionType} from './retry-policies.js';

export type EngineDependencies = {
	clock: Clock;
	seed: number;
	storage: ObjectStorage;
	jobs: JobRegistry;
	cache: StepCache;
	registry: ModelRegistry;
};

/** Simulated seconds between a step ending and the steps it unblocks starting. */
const handoffSeconds = 0.5;
/** Types that run to their end when the execution is stopped instead of being stopped. */
const finishOnStop = new Set(['Condition', 'Fail', 'Lambda']);

export class ExecutionEngine {
	readonly #queue = new EventQueue();
	readonly #callbacks = new CallbackTokens();

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
		beginStopping(execution, time);
		for (const run of execution.started) {
			if (!activeStepStatuses.has(run.status)) continue;
			run.status = 'Stopping';
			if (finishOnStop.has(run.definition.type)) continue;
			if (run.finishAt === undefined && run.callbackToken !== undefined) continue; // waits for Send*
			this.#stopAt(execution, run, time);
		}

		settle(execution, time);
	}

	retry(execution: ExecutionState, time: number, parallelism?: number): void {
		beginRetry(execution, time, parallelism);
		this.#schedule(execution, time, undefined);
	}

	/** SendPipelineExecutionStepSuccess/Failure: completes the Callback step holding `token`. */
	completeCallback(
		token: string,
		time: number,
		result: {outputs: Record<string, string>} | {failureReason: string},
	): ExecutionState | undefined {
		const entry = this.#callbacks.find(token);
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
			setOutputParameters(step, 'Callback', result.outputs);
			this.#end(execution, step, 'Succeeded', time);
		}

		return execution;
	}

	forget(execution: ExecutionState): void {
		this.#callbacks.forget(execution);
		for (const run of execution.steps.values()) run.generation++;
	}

	#schedule(execution: ExecutionState, time: number, candidates: Iterable<string> | undefined): void {
		// Steps that start together are listed newest-first in definition order, as the service lists them.
		for (const name of stepsToStart(execution, candidates).reverse()) this.#startStep(execution, name, time);
		settle(execution, time);
	}

	#startStep(execution: ExecutionState, name: string, time: number, inPlace = false): void {
		const step = beginAttempt(execution, name, time, inPlace);
		const generation = step.generation;
		const when = (at: number, action: (eventTime: number) => void) =>
			this.#queue.schedule(at, (eventTime) => {
				if (step.generation === generation) action(eventTime);
			});

		const plan = planStep(execution, step, time, {
			seed: this.dependencies.seed,
			storage: this.dependencies.storage,
			cache: this.dependencies.cache,
			registry: this.dependencies.registry,
		});
		if (plan.kind === 'unresolvable') {
			when(time + simulatedMilliseconds(execution, 1), (eventTime) =>
				this.#fail(execution, step, plan.reason, eventTime),
			);
			return;
		}

		if (plan.kind === 'cached') {
			when(time + simulatedMilliseconds(execution, 0.4), (eventTime) => {
				if (step.status !== 'Starting') return;
				step.metadata = plan.hit.metadata;
				step.properties = plan.hit.properties;
				step.cacheSource = plan.hit.executionArn;
				this.#end(execution, step, 'Succeeded', eventTime);
			});
			return;
		}

		const {prepared} = plan;
		const type = step.definition.type;
		when(time + plan.startingMilliseconds, (executingAt) => {
			if (step.status !== 'Starting') return;
			const tuned = execution.tuning.steps[name];
			if (tuned?.errorType && step.attempt <= (tuned.failAttempts ?? Number.POSITIVE_INFINITY)) {
				this.#failAttempt(execution, step, tuned.errorType, executingAt);
				return;
			}

			step.status = 'Executing';
			step.metadata = prepared.metadata;
			step.properties = prepared.properties;
			const {job} = prepared;
			if (job) {
				const {storage, seed, jobs} = this.dependencies;
				const script = jobScript(execution, step, storage, seed, executingAt);
				Object.assign(job, {startTime: executingAt, experimentConfig: execution.experimentConfig, script});
				job.stopStep = (stoppedAt) => this.#stopJobStep(execution, step, job, stoppedAt);
				jobs.add(job);
			}

			if (type === 'Callback') {
				this.#callbacks.issue(execution, step, this.dependencies.seed);
				// As on AWS, a Callback step waits for its answer unless the definition asks for an automatic one.
				if (tuned?.waitForCallback !== false) {
					const seconds = tuned?.callbackTimeoutSeconds ?? callbackTimeoutSeconds;
					when(executingAt + simulatedMilliseconds(execution, seconds), (timedOutAt) => {
						if (!activeStepStatuses.has(step.status)) return;
						this.#fail(execution, step, callbackTimeoutReason(seconds), timedOutAt);
					});
					return;
				}
			}

			step.finishAt = executingAt + plan.runningMilliseconds;
			if (prepared.job) prepared.job.plannedEndTime = step.finishAt;
			when(step.finishAt, (finishedAt) => {
				if (step.status === 'Executing' || (step.status === 'Stopping' && finishOnStop.has(type))) {
					this.#complete(execution, step, finishedAt, plan.cacheKey, prepared.job);
				}
			});
		});
	}

	/** An attempt failed with a retryable exception type: retried as the step's RetryPolicies allow, else failed. */
	#failAttempt(execution: ExecutionState, step: StepRun, type: RetryExceptionType, time: number): void {
		const retries = step.policyRetries ?? 0;
		const elapsedSeconds = ((time - step.startTime) * execution.timeScale) / 1000;
		const decision = decideRetry(step.definition, type, retries, elapsedSeconds);
		if (!decision.retry) {
			const reason = exceptionFailureReason(step.definition, execution.arn, type, decision.reason);
			this.#fail(execution, step, reason, time);
			return;
		}

		step.policyRetries = retries + 1;
		const generation = ++step.generation;
		this.#queue.schedule(time + simulatedMilliseconds(execution, decision.delaySeconds), (retryAt) => {
			if (step.generation !== generation) return;
			if (execution.stopRequested) this.#end(execution, step, 'Stopped', retryAt);
			else this.#startStep(execution, step.name, retryAt, true);
		});
	}

	/** StopProcessingJob/StopTrainingJob on a step's running job: the job stops, and the step with it. */
	#stopJobStep(execution: ExecutionState, step: StepRun, job: JobRecord, time: number): void {
		if (step.status !== 'Executing' || job.status !== 'InProgress') return;
		step.status = 'Stopping';
		this.dependencies.jobs.update(job, 'Stopping', time);
		this.#stopAt(execution, step, time, true);
	}

	/** Ends a stopping step once stopped (or at its end); a step stopped by its job fails the execution. */
	#stopAt(execution: ExecutionState, run: StepRun, time: number, failsExecution = false): void {
		const generation = run.generation;
		const at = stoppedAt(execution, run, time);
		this.#queue.schedule(at, (eventTime) => {
			if (run.generation !== generation || run.status !== 'Stopping') return;
			if (failsExecution && !execution.stopRequested) execution.failed = true;
			this.#end(execution, run, 'Stopped', eventTime);
		});
	}

	/** A step reached the end of its run: it succeeds unless told to fail, or its own work fails it. */
	#complete(
		execution: ExecutionState,
		step: StepRun,
		time: number,
		key: string | undefined,
		job: JobRecord | undefined,
	): void {
		const tuning = execution.tuning.steps[step.name] ?? {};
		let failure: string | undefined;
		const planned = job ? job.script?.failure?.reason : tuning.fail;
		if (
			planned !== undefined &&
			tuning.errorType === undefined &&
			step.attempt <= (tuning.failAttempts ?? Number.POSITIVE_INFINITY)
		)
			failure = planned;
		else {
			try {
				failure = finishStep(execution, step, time, this.dependencies.storage).failure;
			} catch (error) {
				failure = messageOf(error);
			}
		}

		if (failure !== undefined) {
			this.dependencies.jobs.update(job, 'Failed', time, failure);
			this.#fail(execution, step, failure, time);
			return;
		}

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
		if (status === 'Stopped')
			this.dependencies.jobs.update(this.dependencies.jobs.ofStep(step.metadata), 'Stopped', time);
		if (status !== 'Succeeded' || execution.status !== 'Executing' || execution.failed) {
			settle(execution, time);
			return;
		}

		const children = (execution.children.get(step.name) ?? []).map((edge) => edge.to);
		execution.pendingHandoffs++;
		this.#queue.schedule(time + simulatedMilliseconds(execution, handoffSeconds), (handoffAt) => {
			execution.pendingHandoffs--;
			this.#schedule(execution, handoffAt, children);
		});
	}
}
