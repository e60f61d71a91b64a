// Keeps one pipeline's executions list fresh, for the TUI's Executions screen.
import type {PipelinesApi} from '../aws/types.js';
import type {ExecutionSummary} from '../pipeline/model.js';
import {createPollingStore, type PollerOptions, type PollingStore, type PollStatus} from './polling-store.js';

export type ExecutionListSnapshot = PollStatus & {
	/** Newest first. */
	executions: ExecutionSummary[];
};

export type ExecutionListPoller = PollingStore<ExecutionListSnapshot>;

/** One ListPipelineExecutions call per tick (the newest `limit`, at most 100); phase `gone` if the pipeline is deleted. */
export function createExecutionListPoller(
	options: PollerOptions & {pipelines: PipelinesApi; pipelineName: string; limit?: number},
): ExecutionListPoller {
	const {pipelines, pipelineName} = options;
	const limit = Math.min(100, Math.max(1, options.limit ?? 100));
	return createPollingStore<{executions: ExecutionSummary[]}>({
		...options,
		initial: {executions: []},
		async fetch(track) {
			const page = await track(pipelines.listExecutions(pipelineName, {maxResults: limit}));
			return {data: {executions: page.items}, final: false};
		},
	});
}
