// Keeps the pipelines list fresh, each with its latest execution, for the TUI's Pipelines screen.
import type {PipelinesApi} from '../aws/types.js';
import {type ExecutionSummary, type PipelineSummary, terminalExecutionStatuses} from '../pipeline/model.js';
import {createPollingStore, type PollerOptions, type PollingStore, type PollStatus} from './polling-store.js';

export type PipelineRow = {pipeline: PipelineSummary; latestExecution?: ExecutionSummary};

export type PipelineListSnapshot = PollStatus & {
	/** Newest pipeline first, as ListPipelines sorts by creation time. */
	pipelines: PipelineRow[];
	/** The account holds more than `maxListedPipelines`: only the newest are listed. */
	more: boolean;
};

export type PipelineListPoller = PollingStore<PipelineListSnapshot>;

/** At most this many pipelines are listed (10 pages); an account holds at most 500 by default. */
export const maxListedPipelines = 1000;
const parallelLookups = 4;
/** How often to look again at a pipeline the service gives no LastExecutionTime for (never run, or a server
 * that does not report it). */
const unknownTimeRecheckMs = 30_000;

/**
 * Each tick lists the pipelines, then asks for the latest execution only of pipelines whose latest execution
 * may have changed: never looked up, still running, or a newer LastExecutionTime (every 30 s when the service
 * gives none). An idle account costs one call per tick.
 */
export function createPipelineListPoller(
	options: PollerOptions & {pipelines: PipelinesApi},
): PipelineListPoller {
	const {pipelines} = options;
	const now = options.timers?.now ?? Date.now;
	const latest = new Map<
		string,
		{lastExecutionAt?: number; execution?: ExecutionSummary; checkedAt: number}
	>();

	return createPollingStore<{pipelines: PipelineRow[]; more: boolean}>({
		...options,
		initial: {pipelines: [], more: false},
		async fetch(track) {
			const summaries: PipelineSummary[] = [];
			let nextToken: string | undefined;
			do {
				const page = await track(pipelines.listPipelines(nextToken ? {nextToken} : {}));
				summaries.push(...page.items);
				nextToken = page.nextToken;
			} while (nextToken && summaries.length < maxListedPipelines);

			const stale = summaries.filter((summary) => {
				const known = latest.get(summary.name);
				if (!known) return true;
				if (known.execution && !terminalExecutionStatuses.has(known.execution.status)) return true;
				if (summary.lastExecutionAt === undefined) return now() - known.checkedAt >= unknownTimeRecheckMs;
				return summary.lastExecutionAt !== known.lastExecutionAt;
			});
			const gone = new Set<string>();
			await forEachLimited(stale, parallelLookups, async (summary) => {
				try {
					const page = await track(pipelines.listExecutions(summary.name, {maxResults: 1}));
					latest.set(summary.name, {
						lastExecutionAt: summary.lastExecutionAt,
						execution: page.items[0],
						checkedAt: now(),
					});
				} catch (error) {
					// Deleted between the two calls: drop it rather than fail the whole list.
					if ((error as {kind?: unknown}).kind !== 'NotFound') throw error;
					gone.add(summary.name);
				}
			});

			const names = new Set(summaries.map((summary) => summary.name));
			for (const name of latest.keys()) if (!names.has(name) || gone.has(name)) latest.delete(name);
			const rows = summaries
				.filter((summary) => !gone.has(summary.name))
				.map((pipeline): PipelineRow => {
					const execution = latest.get(pipeline.name)?.execution;
					return execution ? {pipeline, latestExecution: execution} : {pipeline};
				});
			return {data: {pipelines: rows, more: nextToken !== undefined}, final: false};
		},
	});
}

async function forEachLimited<T>(items: T[], limit: number, run: (item: T) => Promise<void>): Promise<void> {
	let next = 0;
	const worker = async () => {
		while (next < items.length) {
			const item = items[next++]!;
			await run(item);
		}
	};
	await Promise.all(Array.from({length: Math.min(limit, items.length)}, worker));
}
