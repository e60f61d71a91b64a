// Keeps the pipelines list fresh, each with its latest execution, for the TUI's Pipelines screen.
import type {PipelinesApi} from '../aws/types.js';
import {type ExecutionSummary, type PipelineSummary, terminalExecutionStatuses} from '../pipeline/model.js';
import {createPollingStore, type PollerOptions, type PollingStore, type PollStatus} from './polling-store.js';

export type PipelineRow = {
	pipeline: PipelineSummary;
	latestExecution?: ExecutionSummary;
	/** Its latest execution has not been looked up yet: the row has not been on screen. */
	latestPending?: true;
};

export type PipelineListSnapshot = PollStatus & {
	/** Newest pipeline first, as ListPipelines sorts by creation time. */
	pipelines: PipelineRow[];
	/** The account holds more than `maxListedPipelines`: only the newest are listed. */
	more: boolean;
};

export type PipelineListPoller = PollingStore<PipelineListSnapshot> & {
	/**
	 * The pipelines the screen shows now: only their latest executions are looked up. Rows that come into view
	 * are looked up at once, without listing the pipelines again.
	 */
	showRows(names: readonly string[]): void;
};

/** At most this many pipelines are listed (10 pages); an account holds at most 500 by default. */
export const maxListedPipelines = 1000;
const parallelLookups = 4;
/** How often to look again at a pipeline the service gives no LastExecutionTime for (never run, or a server
 * that does not report it). */
const unknownTimeRecheckMs = 30_000;

type Latest = {lastExecutionAt?: number; execution?: ExecutionSummary; checkedAt: number};

/**
 * Each tick lists the pipelines, then asks for the latest execution only of the pipelines on screen whose latest
 * execution may have changed: never looked up, still running, or a newer LastExecutionTime (every 30 s when the
 * service gives none). An idle account costs one call per page per tick, and 5,000 pipelines cost no more
 * lookups than rows fit on the screen. Until the screen says which rows it shows, the first `visibleRows` are.
 */
export function createPipelineListPoller(
	options: PollerOptions & {pipelines: PipelinesApi; visibleRows?: number},
): PipelineListPoller {
	const {pipelines} = options;
	const now = options.timers?.now ?? Date.now;
	const latest = new Map<string, Latest>();
	let listed: {summaries: PipelineSummary[]; more: boolean} | undefined;
	let shown: ReadonlySet<string> | undefined;
	let lookupsOnly = false;

	const isStale = (summary: PipelineSummary): boolean => {
		const known = latest.get(summary.name);
		if (!known) return true;
		if (known.execution && !terminalExecutionStatuses.has(known.execution.status)) return true;
		if (summary.lastExecutionAt === undefined) return now() - known.checkedAt >= unknownTimeRecheckMs;
		return summary.lastExecutionAt !== known.lastExecutionAt;
	};
	const onScreen = (summaries: PipelineSummary[]): PipelineSummary[] =>
		shown === undefined
			? summaries.slice(0, options.visibleRows ?? 50)
			: summaries.filter((summary) => shown!.has(summary.name));

	const store = createPollingStore<{pipelines: PipelineRow[]; more: boolean}>({
		...options,
		initial: {pipelines: [], more: false},
		async fetch(track, progress) {
			if (!lookupsOnly || !listed) {
				const summaries: PipelineSummary[] = [];
				let nextToken: string | undefined;
				do {
					const page = await track(pipelines.listPipelines(nextToken ? {nextToken} : {}));
					summaries.push(...page.items);
					nextToken = page.nextToken;
					if (nextToken) progress({pipelines: rowsOf(summaries, latest), more: true});
				} while (nextToken && summaries.length < maxListedPipelines);
				listed = {summaries, more: nextToken !== undefined};
			}
			lookupsOnly = false;

			const {summaries, more} = listed;
			const gone = new Set<string>();
			await forEachLimited(onScreen(summaries).filter(isStale), parallelLookups, async (summary) => {
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
			const present = summaries.filter((summary) => !gone.has(summary.name));
			if (gone.size > 0) listed = {summaries: present, more};
			return {data: {pipelines: rowsOf(present, latest), more}, final: false};
		},
	});

	return {
		...store,
		showRows(names) {
			shown = new Set(names);
			if (listed && names.some((name) => !latest.has(name))) {
				lookupsOnly = true;
				store.refreshNow();
			}
		},
	};
}

function rowsOf(summaries: PipelineSummary[], latest: ReadonlyMap<string, Latest>): PipelineRow[] {
	return summaries.map((pipeline): PipelineRow => {
		const known = latest.get(pipeline.name);
		if (!known) return {pipeline, latestPending: true};
		return known.execution ? {pipeline, latestExecution: known.execution} : {pipeline};
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
