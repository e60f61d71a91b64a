// A framework-free store that polls a fetch function: one request at a time, backoff on failure, silence when
// nothing changed, and no calls at all once the data is final. Shaped for React's useSyncExternalStore.
import {AwsError} from '../aws/types.js';
import {backoffDelay} from './backoff.js';
import {reuseUnchanged, sameData} from './same-data.js';
import {systemTimers, type Timers} from './timers.js';

/**
 * - `loading`: started, nothing received yet
 * - `live`: polling every interval
 * - `paused`: polling suspended by `pause()` (data kept)
 * - `retrying`: the last poll failed; `error` says why, `nextRetryAt` says when the next try is (data kept)
 * - `done`: the data is final (e.g. the execution ended); no more calls unless `refreshNow()` is called
 * - `gone`: the resource does not exist (any more); no more calls unless `refreshNow()` is called
 */
export type PollPhase = 'loading' | 'live' | 'paused' | 'retrying' | 'done' | 'gone';

export type PollStatus = {
	phase: PollPhase;
	/** When the data last changed, or was first loaded (epoch ms). */
	updatedAt?: number;
	error?: AwsError;
	/** When the next try after a failure is due (epoch ms); only while `retrying`. */
	nextRetryAt?: number;
	/** API calls made so far; refreshed whenever a new snapshot is published (see `getStats()` for live counts). */
	calls: number;
};

export type PollStats = {calls: number; lastPolledAt?: number; inFlight: boolean};

export type PollingStore<Snapshot> = {
	/** Starts polling (the first poll happens at once). Calling it again is harmless. */
	start(): void;
	/** Stops polling for good; a poll in flight is ignored when it returns. */
	stop(): void;
	pause(): void;
	resume(): void;
	/** Polls now (or right after the poll in flight), also after `done`/`gone`, e.g. after a retry. */
	refreshNow(): void;
	/** The same object until something a user could see changes. */
	getSnapshot(): Snapshot;
	subscribe(listener: () => void): () => void;
	getStats(): PollStats;
};

export type PollerOptions = {
	intervalMs: number;
	/** Ceiling of the backoff after failures (default 60 s). */
	maxBackoffMs?: number;
	random?: () => number;
	timers?: Timers;
};

export type FetchResult<Data> = {data: Data; final: boolean};

/** Wraps one API call so the store can count it. */
export type Track = <Result>(call: Promise<Result>) => Promise<Result>;

/** Shows what a first load has so far (pages as they arrive); ignored once the store has loaded. */
export type Progress<Data> = (partial: Data) => void;

export function createPollingStore<Data extends object>(
	options: PollerOptions & {
		initial: Data;
		fetch: (track: Track, progress: Progress<Data>) => Promise<FetchResult<Data>>;
	},
): PollingStore<Data & PollStatus> {
	const timers = options.timers ?? systemTimers;
	const random = options.random ?? Math.random;
	const intervalMs = Math.max(1, options.intervalMs);
	const maxBackoffMs = Math.max(intervalMs, options.maxBackoffMs ?? 60_000);
	const listeners = new Set<() => void>();

	let snapshot: Data & PollStatus = {...options.initial, phase: 'loading', calls: 0};
	let data = options.initial;
	let loaded = false;
	let running = false;
	let paused = false;
	let finished = false;
	let inFlight = false;
	let refreshRequested = false;
	let failures = 0;
	let calls = 0;
	let lastPolledAt: number | undefined;
	let timer: unknown;

	const track: Track = (call) => {
		calls++;
		return call;
	};
	const progress: Progress<Data> = (partial) => {
		if (!running || loaded) return;
		data = partial;
		snapshot = {...partial, phase: 'loading', calls};
		for (const listener of [...listeners]) listener();
	};

	function publish(nextData: Data, status: Omit<PollStatus, 'calls' | 'updatedAt'>): void {
		const dataChanged = !loaded || !sameData(data, nextData);
		const statusChanged =
			status.phase !== snapshot.phase ||
			status.nextRetryAt !== snapshot.nextRetryAt ||
			status.error?.kind !== snapshot.error?.kind ||
			status.error?.message !== snapshot.error?.message;
		if (!dataChanged && !statusChanged) return;
		if (dataChanged) {
			data = loaded ? reuseUnchanged(data, nextData) : nextData;
		}

		const next: Data & PollStatus = {...data, phase: status.phase, calls};
		const updatedAt = dataChanged && status.phase !== 'loading' ? timers.now() : snapshot.updatedAt;
		if (updatedAt !== undefined) next.updatedAt = updatedAt;
		if (status.error) next.error = status.error;
		if (status.nextRetryAt !== undefined) next.nextRetryAt = status.nextRetryAt;
		snapshot = next;
		for (const listener of [...listeners]) listener();
	}

	function clearTimer(): void {
		if (timer !== undefined) timers.clearTimeout(timer);
		timer = undefined;
	}

	function schedule(delay: number): void {
		clearTimer();
		timer = timers.setTimeout(() => {
			timer = undefined;
			void poll();
		}, delay);
	}

	async function poll(): Promise<void> {
		if (!running) return;
		if (inFlight) {
			refreshRequested = true;
			return;
		}

		inFlight = true;
		refreshRequested = false;
		let delay = intervalMs;
		try {
			const result = await options.fetch(track, progress);
			if (!running) return;
			failures = 0;
			loaded = true;
			finished = result.final;
			publish(result.data, {phase: finished ? 'done' : paused ? 'paused' : 'live'});
		} catch (caught) {
			if (!running) return;
			const error = asAwsError(caught);
			if (error.kind === 'NotFound') {
				finished = true;
				publish(data, {phase: 'gone', error});
			} else {
				failures++;
				delay = backoffDelay({failures, intervalMs, maxBackoffMs, random});
				publish(data, {phase: paused ? 'paused' : 'retrying', error, nextRetryAt: timers.now() + delay});
			}
		} finally {
			inFlight = false;
			lastPolledAt = timers.now();
		}

		if (!running) return;
		if (refreshRequested) {
			void poll();
			return;
		}

		if (!finished && !paused) schedule(delay);
	}

	return {
		start() {
			if (running) return;
			running = true;
			if (!finished && !paused) void poll();
		},
		stop() {
			running = false;
			clearTimer();
		},
		pause() {
			if (paused) return;
			paused = true;
			clearTimer();
			if (running && !finished) publish(data, {phase: 'paused', error: snapshot.error});
		},
		resume() {
			if (!paused) return;
			paused = false;
			if (!running || finished) return;
			publish(data, {phase: loaded ? 'live' : 'loading'});
			void poll();
		},
		refreshNow() {
			if (!running) return;
			finished = false;
			clearTimer();
			void poll();
		},
		getSnapshot: () => snapshot,
		subscribe(listener) {
			listeners.add(listener);
			return () => {
				listeners.delete(listener);
			};
		},
		getStats: () => ({calls, inFlight, ...(lastPolledAt === undefined ? {} : {lastPolledAt})}),
	};
}

function asAwsError(error: unknown): AwsError {
	if (error instanceof AwsError) return error;
	return new AwsError('Unknown', error instanceof Error ? error.message : String(error));
}
