// The polling store's schedule, driven by a hand-cranked clock: one request at a time, backoff, silence when
// nothing changed, and no calls once the data is final.
import {describe, expect, it} from 'vitest';
import {AwsError} from '../../source/aws/types.js';
import {backoffDelay} from '../../source/watch/backoff.js';
import {createPollingStore, type FetchResult} from '../../source/watch/polling-store.js';
import type {Timers} from '../../source/watch/timers.js';

type Data = {items: Array<{name: string; status: string}>};

function manualClock() {
	let now = 1_000_000;
	let nextId = 0;
	const pending = new Map<number, {at: number; callback: () => void}>();
	const timers: Timers = {
		setTimeout(callback, ms) {
			const id = ++nextId;
			pending.set(id, {at: now + ms, callback});
			return id;
		},
		clearTimeout(handle) {
			pending.delete(handle as number);
		},
		now: () => now,
	};
	return {
		timers,
		/** Delays of the timers waiting to fire, from now. */
		waiting: () => [...pending.values()].map((timer) => timer.at - now),
		async advance(ms: number) {
			const until = now + ms;
			for (;;) {
				const due = [...pending.entries()]
					.filter(([, timer]) => timer.at <= until)
					.sort((a, b) => a[1].at - b[1].at)[0];
				if (!due) break;
				pending.delete(due[0]);
				now = due[1].at;
				due[1].callback();
				await settle();
			}

			now = until;
			await settle();
		},
	};
}

async function settle() {
	for (let index = 0; index < 10; index++) await Promise.resolve();
}

/** A fetch whose answers the test hands out one by one. */
function scriptedFetch() {
	const waiting: Array<{resolve: (value: FetchResult<Data>) => void; reject: (error: unknown) => void}> = [];
	let started = 0;
	return {
		fetch: (track: <T>(call: Promise<T>) => Promise<T>) => {
			started++;
			return track(
				new Promise<FetchResult<Data>>((resolve, reject) => {
					waiting.push({resolve, reject});
				}),
			);
		},
		get started() {
			return started;
		},
		get inFlight() {
			return waiting.length;
		},
		async answer(data: Data, final = false) {
			waiting.shift()!.resolve({data, final});
			await settle();
		},
		async fail(error: unknown) {
			waiting.shift()!.reject(error);
			await settle();
		},
	};
}

const running: Data = {items: [{name: 'Train', status: 'Executing'}]};
const finished: Data = {items: [{name: 'Train', status: 'Succeeded'}]};

function setup(options: {random?: () => number} = {}) {
	const clock = manualClock();
	const source = scriptedFetch();
	const store = createPollingStore<Data>({
		initial: {items: []},
		fetch: source.fetch,
		intervalMs: 2000,
		maxBackoffMs: 30_000,
		timers: clock.timers,
		random: options.random ?? (() => 1),
	});
	let notifications = 0;
	store.subscribe(() => notifications++);
	return {clock, source, store, notifications: () => notifications};
}

describe('createPollingStore', () => {
	it('loads, goes live and polls again one interval after each answer', async () => {
		const {clock, source, store} = setup();
		expect(store.getSnapshot()).toMatchObject({phase: 'loading', items: []});
		store.start();
		expect(source.started).toBe(1);
		await source.answer(running);
		expect(store.getSnapshot()).toMatchObject({
			phase: 'live',
			items: running.items,
			calls: 1,
			updatedAt: 1_000_000,
		});
		expect(clock.waiting()).toEqual([2000]);
		await clock.advance(1999);
		expect(source.started).toBe(1);
		await clock.advance(1);
		expect(source.started).toBe(2);
	});

	it('keeps the same snapshot object when a poll brings nothing new', async () => {
		const {clock, source, store, notifications} = setup();
		store.start();
		await source.answer(running);
		const first = store.getSnapshot();
		const seen = notifications();
		await clock.advance(2000);
		await source.answer(structuredClone(running));
		expect(store.getSnapshot()).toBe(first);
		expect(notifications()).toBe(seen);
		expect(store.getStats().calls).toBe(2);

		await clock.advance(2000);
		await source.answer(finished);
		expect(store.getSnapshot()).not.toBe(first);
		expect(store.getSnapshot().items).toEqual(finished.items);
		expect(notifications()).toBe(seen + 1);
	});

	it('never starts a poll while one is in flight, however slow it is', async () => {
		const {clock, source, store} = setup();
		store.start();
		await clock.advance(60_000);
		store.refreshNow();
		store.refreshNow();
		expect(source.started).toBe(1);
		expect(clock.waiting()).toEqual([]);
		await source.answer(running);
		// The refresh asked for during the slow poll runs once, right after it.
		expect(source.started).toBe(2);
		expect(source.inFlight).toBe(1);
		await source.answer(running);
		expect(clock.waiting()).toEqual([2000]);
	});

	it('backs off exponentially on throttling, keeps the data, and recovers', async () => {
		const {clock, source, store} = setup();
		store.start();
		await source.answer(running);
		const throttled = new AwsError('Throttled', 'AWS kept throttling the requests.');
		const delays: number[] = [];
		for (let attempt = 0; attempt < 5; attempt++) {
			await clock.advance(clock.waiting()[0]!);
			await source.fail(throttled);
			delays.push(clock.waiting()[0]!);
			expect(store.getSnapshot()).toMatchObject({phase: 'retrying', items: running.items, error: throttled});
			expect(store.getSnapshot().nextRetryAt).toBe(clock.timers.now() + delays.at(-1)!);
		}

		expect(delays).toEqual([4000, 8000, 16_000, 30_000, 30_000]);
		await clock.advance(30_000);
		await source.answer(finished, true);
		expect(store.getSnapshot()).toMatchObject({phase: 'done', items: finished.items});
		expect(store.getSnapshot()).not.toHaveProperty('error');
		expect(store.getSnapshot()).not.toHaveProperty('nextRetryAt');
	});

	it('makes no call at all once the data is final', async () => {
		const {clock, source, store} = setup();
		store.start();
		await source.answer(finished, true);
		expect(store.getSnapshot().phase).toBe('done');
		await clock.advance(3_600_000);
		expect(source.started).toBe(1);
		expect(store.getStats().calls).toBe(1);
		expect(clock.waiting()).toEqual([]);
	});

	it('stops at gone when the resource does not exist', async () => {
		const {clock, source, store} = setup();
		store.start();
		await source.fail(new AwsError('NotFound', 'Pipeline execution X does not exist.'));
		expect(store.getSnapshot()).toMatchObject({phase: 'gone', error: {kind: 'NotFound'}});
		await clock.advance(600_000);
		expect(source.started).toBe(1);
	});

	it('pauses without calls and polls at once on resume', async () => {
		const {clock, source, store} = setup();
		store.start();
		await source.answer(running);
		store.pause();
		expect(store.getSnapshot()).toMatchObject({phase: 'paused', items: running.items});
		await clock.advance(600_000);
		expect(source.started).toBe(1);
		store.resume();
		expect(store.getSnapshot().phase).toBe('live');
		expect(source.started).toBe(2);
	});

	it('follows again after refreshNow on a finished store (an execution that was retried)', async () => {
		const {clock, source, store} = setup();
		store.start();
		await source.answer(finished, true);
		store.refreshNow();
		await source.answer(running);
		expect(store.getSnapshot().phase).toBe('live');
		expect(clock.waiting()).toEqual([2000]);
	});

	it('ignores an answer that arrives after stop', async () => {
		const {clock, source, store, notifications} = setup();
		store.start();
		const seen = notifications();
		store.stop();
		await source.answer(running);
		expect(notifications()).toBe(seen);
		expect(store.getSnapshot().phase).toBe('loading');
		expect(clock.waiting()).toEqual([]);
	});
});

describe('backoffDelay', () => {
	it('draws between the interval and a doubling ceiling', () => {
		const at = (random: number, failures: number) =>
			backoffDelay({failures, intervalMs: 1000, maxBackoffMs: 10_000, random: () => random});
		expect([1, 2, 3, 4, 5].map((failures) => at(1, failures))).toEqual([2000, 4000, 8000, 10_000, 10_000]);
		expect([1, 2, 3].map((failures) => at(0, failures))).toEqual([1000, 1000, 1000]);
		expect(at(0.5, 3)).toBe(4500);
	});
});
