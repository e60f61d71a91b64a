// The tokens of Callback steps waiting for SendPipelineExecutionStepSuccess/Failure, and how long they wait.
import {alphanumeric, derivedRandom} from '../random.js';
import type {ExecutionState, StepRun} from './execution-state.js';

/** Simulated seconds a Callback step waits for its answer before it fails (7 days), unless tuned. */
export const callbackTimeoutSeconds = 7 * 24 * 3600;

export function callbackTimeoutReason(seconds: number): string {
	return `The callback step timed out: no SendPipelineExecutionStepSuccess or SendPipelineExecutionStepFailure arrived within ${seconds} seconds.`;
}

export class CallbackTokens {
	readonly #waiting = new Map<string, {execution: ExecutionState; step: StepRun}>();

	/** Gives the step a new 10-character token (seeded) and the Callback metadata the service lists. */
	issue(execution: ExecutionState, step: StepRun, seed: number): void {
		const random = derivedRandom(seed, `${execution.id}/${step.name}/${step.attempt}/callback`);
		let token = random.text(10, alphanumeric);
		while (this.#waiting.has(token)) token = random.text(10, alphanumeric);
		step.callbackToken = token;
		this.#waiting.set(token, {execution, step});
		const queue = step.definition.raw.SqsQueueUrl;
		step.metadata = {
			Callback: {CallbackToken: token, ...(typeof queue === 'string' ? {SqsQueueUrl: queue} : {})},
		};
	}

	find(token: string): {execution: ExecutionState; step: StepRun} | undefined {
		return this.#waiting.get(token);
	}

	forget(execution: ExecutionState): void {
		for (const run of execution.steps.values())
			if (run.callbackToken) this.#waiting.delete(run.callbackToken);
	}
}
