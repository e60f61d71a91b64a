// Follows one pipeline execution: its header and its steps, until it ends. Shared by `wait`, `watch` and the TUI.
import type {PipelinesApi} from '../aws/types.js';
import {type ExecutionDetails, type StepRecord, terminalExecutionStatuses} from '../pipeline/model.js';
import {sameData} from './same-data.js';
import {createPollingStore, type PollerOptions, type PollingStore, type PollStatus} from './polling-store.js';

export type ExecutionSnapshot = PollStatus & {
	execution?: ExecutionDetails;
	/** Steps as the service lists them (only started ones, newest first). */
	steps: StepRecord[];
};

export type ExecutionPoller = PollingStore<ExecutionSnapshot>;

/**
 * Each tick is DescribePipelineExecution then ListPipelineExecutionSteps (one call per page of 100 steps); the
 * next tick is scheduled only after both answered, so polls never overlap. Once the execution is Succeeded,
 * Failed or Stopped the poller makes no more calls (phase `done`); call `refreshNow()` after a retry to follow
 * it again.
 *
 * ```ts
 * const poller = createExecutionPoller({pipelines, executionArn, intervalMs: 2000});
 * const snapshot = useSyncExternalStore(poller.subscribe, poller.getSnapshot);
 * ```
 */
export function createExecutionPoller(
	options: PollerOptions & {pipelines: PipelinesApi; executionArn: string},
): ExecutionPoller {
	const {pipelines, executionArn} = options;
	let lastSteps: StepRecord[] = [];
	return createPollingStore<{execution?: ExecutionDetails; steps: StepRecord[]}>({
		...options,
		initial: {steps: []},
		async fetch(track) {
			const execution = await track(pipelines.describeExecution(executionArn));
			lastSteps = keepUnchangedRecords(lastSteps, await track(pipelines.listSteps(executionArn)));
			return {data: {execution, steps: lastSteps}, final: terminalExecutionStatuses.has(execution.status)};
		},
	});
}

/**
 * `next`, except that a record equal to the one the last poll listed for the same step run is that same object (and
 * the whole list is `previous` when nothing changed), so a poll in which a few steps moved lets everything drawn from
 * the other steps be reused as it was.
 */
export function keepUnchangedRecords(previous: StepRecord[], next: StepRecord[]): StepRecord[] {
	if (previous.length === 0) return next;
	const before = new Map(previous.map((record) => [runKey(record), record]));
	let changed = previous.length !== next.length;
	const kept = next.map((record, index) => {
		const old = before.get(runKey(record));
		const result = old !== undefined && sameData(old, record) ? old : record;
		if (result !== previous[index]) changed = true;
		return result;
	});
	return changed ? kept : previous;
}

function runKey(record: StepRecord): string {
	return `${record.name}\u0000${record.startedAt ?? ''}`;
}
