// Follows one pipeline execution: its header and its steps, until it ends. Shared by `wait`, `watch` and the TUI.
import type {PipelinesApi} from '../aws/types.js';
import {type ExecutionDetails, type StepRecord, terminalExecutionStatuses} from '../pipeline/model.js';
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
	return createPollingStore<{execution?: ExecutionDetails; steps: StepRecord[]}>({
		...options,
		initial: {steps: []},
		async fetch(track) {
			const execution = await track(pipelines.describeExecution(executionArn));
			const steps = await track(pipelines.listSteps(executionArn));
			return {data: {execution, steps}, final: terminalExecutionStatuses.has(execution.status)};
		},
	});
}
