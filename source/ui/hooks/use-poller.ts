// Runs a poller from source/watch while the screen is shown and reads its snapshot; the header shows its state.
import {useCallback, useEffect, useMemo, useSyncExternalStore} from 'react';
import type {PollingStore, PollStatus} from '../../watch/polling-store.js';
import {useScreenHost} from '../app-context.js';
import type {RefreshPhase} from '../refresh-store.js';

export function usePoller<Poller extends PollingStore<PollStatus>>(
	create: () => Poller,
	deps: readonly unknown[],
	options: {reportToHeader?: boolean} = {},
): {poller: Poller; snapshot: ReturnType<Poller['getSnapshot']>} {
	// biome-ignore lint/correctness/useExhaustiveDependencies: the caller lists what the poller depends on
	const poller = useMemo(create, deps);
	const host = useScreenHost();
	useEffect(() => {
		poller.start();
		return () => {
			poller.stop();
			host.refresh.set({phase: 'idle'});
		};
	}, [poller, host]);
	const snapshot = useSyncExternalStore(poller.subscribe, poller.getSnapshot) as ReturnType<
		Poller['getSnapshot']
	>;
	const polledAt = useCallback(() => poller.getStats().lastPolledAt, [poller]);
	const report = options.reportToHeader ?? true;
	useEffect(() => {
		if (!report) return;
		host.refresh.set({
			phase: refreshPhaseOf(snapshot.phase),
			...(snapshot.updatedAt === undefined ? {} : {updatedAt: snapshot.updatedAt}),
			...(snapshot.nextRetryAt === undefined ? {} : {nextRetryAt: snapshot.nextRetryAt}),
			...(snapshot.error === undefined ? {} : {error: snapshot.error.message}),
			...(snapshot.phase === 'live' ? {polledAt} : {}),
		});
	}, [host, report, polledAt, snapshot.phase, snapshot.updatedAt, snapshot.nextRetryAt, snapshot.error]);
	return {poller, snapshot};
}

function refreshPhaseOf(phase: PollStatus['phase']): RefreshPhase {
	return phase === 'gone' ? 'done' : phase;
}
