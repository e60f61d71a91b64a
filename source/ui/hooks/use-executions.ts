// One pipeline's executions, newest first: the newest page kept fresh by the list poller, older pages loaded
// when the selection reaches the end of what is loaded.
import {useCallback, useRef, useState} from 'react';
import {messageOf} from '../../pipeline/message-of.js';
import type {ExecutionSummary} from '../../pipeline/model.js';
import {createExecutionListPoller} from '../../watch/execution-list-poller.js';
import {useSession} from '../app-context.js';
import {usePoller} from './use-poller.js';

export const executionsPageSize = 50;

type Older = {
	items: ExecutionSummary[];
	nextToken?: string;
	started: boolean;
	done: boolean;
	loading: boolean;
};

export function useExecutions(pipelineName: string) {
	const {aws, listIntervalMs} = useSession();
	const {poller, snapshot} = usePoller(
		() =>
			createExecutionListPoller({
				pipelines: aws.pipelines,
				pipelineName,
				limit: executionsPageSize,
				intervalMs: listIntervalMs,
			}),
		[aws, pipelineName, listIntervalMs],
	);
	const [older, setOlder] = useState<Older>({items: [], started: false, done: false, loading: false});
	const loading = useRef(false);
	const [olderError, setOlderError] = useState<string | undefined>(undefined);

	const newest = snapshot.executions;
	const mayHaveMore = newest.length >= executionsPageSize && !older.done;

	const loadMore = useCallback(() => {
		if (loading.current || older.done || newest.length < executionsPageSize) return;
		loading.current = true;
		setOlder((current) => ({...current, loading: true}));
		(async () => {
			let token = older.nextToken;
			if (!older.started) {
				// The poller does not hand out its page token: ask for the first page once to learn it.
				const first = await aws.pipelines.listExecutions(pipelineName, {maxResults: executionsPageSize});
				token = first.nextToken;
			}

			if (token === undefined) return {items: [], done: true};
			const page = await aws.pipelines.listExecutions(pipelineName, {
				maxResults: executionsPageSize,
				nextToken: token,
			});
			return {items: page.items, nextToken: page.nextToken, done: page.nextToken === undefined};
		})().then(
			(page) => {
				loading.current = false;
				setOlderError(undefined);
				setOlder((current) => ({
					items: [...current.items, ...page.items],
					...(page.nextToken === undefined ? {} : {nextToken: page.nextToken}),
					started: true,
					done: page.done,
					loading: false,
				}));
			},
			(error: unknown) => {
				loading.current = false;
				setOlderError(messageOf(error));
				setOlder((current) => ({...current, loading: false}));
			},
		);
	}, [aws, pipelineName, older, newest.length]);

	const seen = new Set(newest.map((execution) => execution.arn));
	const executions = [...newest, ...older.items.filter((execution) => !seen.has(execution.arn))];
	return {
		executions,
		snapshot,
		loadingMore: older.loading,
		mayHaveMore,
		olderError,
		loadMore,
		refresh: () => poller.refreshNow(),
	};
}
