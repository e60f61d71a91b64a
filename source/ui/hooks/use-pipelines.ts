// The pipelines list: pages appear as they arrive on first load, then the list poller keeps every row fresh while
// the screen is shown, looking up the latest execution only of the rows on screen.
import {createPipelineListPoller, maxListedPipelines} from '../../watch/pipeline-list-poller.js';
import {useSession} from '../app-context.js';
import {usePoller} from './use-poller.js';

export function usePipelines(options: {visibleRows: number}) {
	const {aws, listIntervalMs} = useSession();
	const {poller, snapshot} = usePoller(
		() =>
			createPipelineListPoller({
				pipelines: aws.pipelines,
				intervalMs: listIntervalMs,
				visibleRows: options.visibleRows,
			}),
		[aws, listIntervalMs],
	);
	const loaded = snapshot.phase !== 'loading';
	return {
		rows: snapshot.pipelines,
		/** True until every page has been listed at least once (pages show as they arrive). */
		loading: !loaded,
		/** True while rows on screen wait for their latest execution. */
		detailsPending: !loaded || snapshot.pipelines.some((row) => row.latestPending),
		/** The account has more pipelines than are listed (only the newest `maxListedPipelines`). */
		capped: snapshot.more && snapshot.pipelines.length >= maxListedPipelines,
		snapshot,
		refresh: () => poller.refreshNow(),
		/** Tells the poller which pipelines are on screen, so only theirs are looked up. */
		showRows: (names: readonly string[]) => poller.showRows(names),
	};
}
