// The checks and record changes of stopping and retrying an execution (the service's ValidationException when
// the execution is in the wrong status), and when a stopping step has stopped.
import {validationError} from '../service-error.js';
import type {ExecutionState, StepRun} from './execution-state.js';
import {simulatedMilliseconds} from './plan-step.js';

/** Simulated seconds a stopped job takes to stop. */
const stopSeconds = 8;

/** When a step told to stop at `time` has stopped: after its job stops, or at its own end if that comes first. */
export function stoppedAt(execution: ExecutionState, run: StepRun, time: number): number {
	return Math.min(
		run.finishAt ?? Number.POSITIVE_INFINITY,
		time + simulatedMilliseconds(execution, stopSeconds),
	);
}

export function beginStopping(execution: ExecutionState, time: number): void {
	if (execution.status !== 'Executing') {
		throw validationError(
			`Pipeline execution ${execution.arn} is in ${execution.status} status. Only pipelines with 'Executing' status can be stopped.`,
		);
	}

	execution.status = 'Stopping';
	execution.stopRequested = true;
	execution.modifiedAt = time;
}

/** Marks the failed and stopped steps to run again and puts the execution back in Executing. */
export function beginRetry(execution: ExecutionState, time: number, parallelism?: number): void {
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

	execution.rerun.clear();
	for (const run of execution.started) {
		if (run.status === 'Failed' || run.status === 'Stopped') execution.rerun.add(run.name);
	}

	execution.status = 'Executing';
	execution.failed = false;
	execution.stopRequested = false;
	execution.failureReason = undefined;
	execution.modifiedAt = time;
	if (parallelism !== undefined) execution.parallelism = parallelism;
}
