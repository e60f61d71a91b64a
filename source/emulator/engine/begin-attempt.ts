// The record of a step attempt: a fresh one for a step's first attempt, or the step's record reset for another
// attempt (a retried execution moves it to the end of the start order; a retry policy's attempt keeps its place).
import type {ExecutionState, StepRun} from './execution-state.js';

/** A fresh record for a step's first attempt, or its record reset for another attempt (retry). */
export function beginAttempt(
	execution: ExecutionState,
	name: string,
	time: number,
	inPlace: boolean,
): StepRun {
	let step = execution.steps.get(name);
	if (step) {
		execution.rerun.delete(name);
		// A retry policy's attempt keeps the step's place and start; a retried execution starts it anew.
		if (!inPlace) {
			execution.started.splice(execution.started.indexOf(step), 1);
			step.policyRetries = 0;
			step.startTime = time;
		}

		Object.assign(step, {
			attempt: step.attempt + 1,
			generation: step.generation + 1,
			status: 'Starting',
			endTime: undefined,
			failureReason: undefined,
			cacheSource: undefined,
			finishAt: undefined,
			callbackToken: undefined,
			metadata: {},
			properties: {},
		});
	} else {
		const definition = execution.stepDefinitions.get(name)!;
		step = {
			name,
			definition,
			status: 'Starting',
			attempt: 1,
			startTime: time,
			metadata: {},
			properties: {},
			generation: 0,
		};
		execution.steps.set(name, step);
	}

	if (!inPlace) execution.started.push(step);
	execution.modifiedAt = time;
	return step;
}
