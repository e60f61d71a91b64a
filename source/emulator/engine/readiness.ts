// Which steps of an execution may start now, and how the execution ends once nothing more can run.
import type {ExecutionStatus} from '../../pipeline/model.js';
import {activeStepStatuses, type ExecutionState} from './execution-state.js';

const executionFailure = 'Step failure: One or multiple steps failed.';

/**
 * A step is ready when it has not run (or a retry lets it run again) and every upstream step succeeded; a
 * step in a Condition's branch also needs the Condition to have chosen that branch.
 */
export function isReady(execution: ExecutionState, name: string): boolean {
	if (execution.steps.has(name) && !execution.rerun.has(name)) return false;
	if (execution.selection && !execution.selection.steps.has(name)) return false;
	for (const edge of execution.parents.get(name) ?? []) {
		const parent = execution.steps.get(edge.from);
		if (parent?.status !== 'Succeeded') return false;
		if (edge.kind === 'condition-if' && parent.properties.Outcome !== true) return false;
		if (edge.kind === 'condition-else' && parent.properties.Outcome !== false) return false;
	}

	return true;
}

/**
 * The steps to start now among `candidates` (every step when undefined) and the ones held back earlier, in
 * definition order, up to MaxParallelExecutionSteps; the rest are held back in `execution.deferred`.
 */
export function stepsToStart(execution: ExecutionState, candidates: Iterable<string> | undefined): string[] {
	if (execution.status !== 'Executing' || execution.failed) return [];
	const names = new Set<string>(candidates ?? execution.position.keys());
	for (const name of execution.deferred) names.add(name);
	const ready = [...names]
		.filter((name) => isReady(execution, name))
		.sort((a, b) => execution.position.get(a)! - execution.position.get(b)!);
	const limit = execution.parallelism ?? Number.POSITIVE_INFINITY;
	let running = execution.started.filter((run) => activeStepStatuses.has(run.status)).length;
	execution.deferred.clear();
	const batch: string[] = [];
	for (const name of ready) {
		if (running >= limit) execution.deferred.add(name);
		else {
			batch.push(name);
			running++;
		}
	}

	return batch;
}

/** Ends the execution when nothing runs and nothing more can start; returns its new status, if it ended. */
export function settle(execution: ExecutionState, time: number): ExecutionStatus | undefined {
	if (execution.status !== 'Executing' && execution.status !== 'Stopping') return undefined;
	if (execution.started.some((run) => activeStepStatuses.has(run.status))) return undefined;
	if (execution.pendingHandoffs > 0) return undefined;
	if (execution.status === 'Executing' && !execution.failed && execution.deferred.size > 0) return undefined;
	if (execution.stopRequested) execution.status = 'Stopped';
	else if (execution.failed) {
		execution.status = 'Failed';
		execution.failureReason = executionFailure;
	} else execution.status = 'Succeeded';
	execution.modifiedAt = time;
	return execution.status;
}
