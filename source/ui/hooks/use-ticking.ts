// A clock that ticks every second or few seconds, shared by every component that shows an age or an elapsed time: one timer
// per period and one batched render per tick, and no timer at all while nothing needs one (idle CPU stays near 0).
import {useSyncExternalStore} from 'react';
import {type TimePrecision, unitOf} from '../../pipeline/format.js';

type Clock = {listeners: Set<() => void>; timer?: NodeJS.Timeout; tick: number};

const clocks = new Map<number, Clock>();

function clockFor(periodMs: number): Clock {
	let clock = clocks.get(periodMs);
	if (!clock) {
		clock = {listeners: new Set(), tick: 0};
		clocks.set(periodMs, clock);
	}

	return clock;
}

function subscribe(periodMs: number, listener: () => void): () => void {
	const clock = clockFor(periodMs);
	clock.listeners.add(listener);
	if (!clock.timer) {
		clock.timer = setInterval(() => {
			clock.tick++;
			for (const each of [...clock.listeners]) each();
		}, periodMs);
		clock.timer.unref?.();
	}

	return () => {
		clock.listeners.delete(listener);
		if (clock.listeners.size === 0 && clock.timer) {
			clearInterval(clock.timer);
			clock.timer = undefined;
		}
	};
}

const never = () => () => {};
const subscribers = new Map<number, (listener: () => void) => () => void>();

/** One subscribe function per period, so React does not resubscribe (and restart the timer) on every render. */
function subscriberFor(periodMs: number): (listener: () => void) => () => void {
	let subscriber = subscribers.get(periodMs);
	if (!subscriber) {
		subscriber = (listener) => subscribe(periodMs, listener);
		subscribers.set(periodMs, subscriber);
	}

	return subscriber;
}

/**
 * Recomputes `read()` every `periodMs` (when given) and re-renders the caller only when the result changed, so a
 * clock that would show the same text again costs no render at all.
 */
export function useTicking<T extends string | number | undefined>(
	read: () => T,
	periodMs: number | undefined,
): T {
	return useSyncExternalStore(periodMs === undefined ? never : subscriberFor(periodMs), read);
}

/** Re-renders the caller every `periodMs` (none when undefined); returns a tick count (use `now()` for the time). */
export function useCoarseTick(periodMs: number | undefined): number {
	return useSyncExternalStore(periodMs === undefined ? never : subscriberFor(periodMs), () =>
		periodMs === undefined ? 0 : clockFor(periodMs).tick,
	);
}

/** How often a figure at `precision` is looked at: each second, or every 5 s for one that moves once a minute. */
export function tickPeriodOf(precision: TimePrecision): number {
	return precision === 'second' ? 1000 : 5000;
}

/**
 * Re-renders the caller when a figure counted from any of `since` changes at `precision`: each figure (an age, a
 * running duration) has its own moment of change, a row started at :20 turning "1m" at :20 of the next minute, so
 * each is redrawn within a tick of its own moment, not at the screen's next whole minute. Past a day the figures
 * move by the hour, and so does this. Nothing renders for time alone in between; no timer unless `live`.
 */
export function useElapsedUnits(
	now: () => number,
	since: ReadonlyArray<number | undefined>,
	precision: TimePrecision,
	live: boolean,
): string {
	const unit = unitOf(precision);
	const read = () => {
		const at = now();
		let key = '';
		for (const start of since) if (start !== undefined) key += `${unitsSince(at - start, unit)},`;
		return key;
	};
	return useTicking(
		read,
		live && since.some((start) => start !== undefined) ? tickPeriodOf(precision) : undefined,
	);
}

/** Whole units of an age under a day; whole hours (negated, to stay apart) after. */
function unitsSince(age: number, unit: number): number {
	return age < 86_400_000 ? Math.floor(age / unit) : -Math.floor(age / 3_600_000);
}
