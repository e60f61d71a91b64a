// The pipelines list: pages appear as they arrive on first load, then the list poller keeps every row (with its
// latest execution) fresh while the screen is shown.
import {useState} from 'react';
import type {PipelineSummary} from '../../pipeline/model.js';
import {
	createPipelineListPoller,
	maxListedPipelines,
	type PipelineRow,
} from '../../watch/pipeline-list-poller.js';
import {useSession} from '../app-context.js';
import {useAbortableEffect} from './use-async-resource.js';
import {usePoller} from './use-poller.js';

export function usePipelines() {
	const {aws, listIntervalMs} = useSession();
	const {poller, snapshot} = usePoller(
		() =>
			createPipelineListPoller({
				pipelines: aws.pipelines,
				intervalMs: listIntervalMs,
			}),
		[aws, listIntervalMs],
	);
	const [firstPages, setFirstPages] = useState<{items: PipelineSummary[]; more: boolean}>({
		items: [],
		more: true,
	});
	const polled = snapshot.phase !== 'loading';

	useAbortableEffect(
		(signal) =>
			(async () => {
				const items: PipelineSummary[] = [];
				let nextToken: string | undefined;
				do {
					const page = await aws.pipelines.listPipelines(nextToken ? {nextToken} : {});
					if (signal.aborted) return;
					items.push(...page.items);
					nextToken = page.nextToken;
					setFirstPages({items: [...items], more: nextToken !== undefined});
				} while (nextToken && !signal.aborted && items.length < maxListedPipelines);
			})().catch(() => {
				// The poller reports the same failure (and retries); the first pages only make the wait shorter.
				if (!signal.aborted) setFirstPages((current) => ({...current, more: false}));
			}),
		[aws],
	);

	const rows: PipelineRow[] = polled ? snapshot.pipelines : firstPages.items.map((pipeline) => ({pipeline}));
	return {
		rows,
		/** True until every page has been listed at least once. */
		loading: !polled && firstPages.more && firstPages.items.length < maxListedPipelines,
		/** True until the latest executions are known. */
		detailsPending: !polled,
		/** The account has more pipelines than are listed (only the newest `maxListedPipelines`). */
		capped: polled ? snapshot.more : firstPages.items.length >= maxListedPipelines && firstPages.more,
		snapshot,
		refresh: () => poller.refreshNow(),
	};
}
