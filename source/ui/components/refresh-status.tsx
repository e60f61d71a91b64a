// The header's refresh state. It alone re-renders as time passes (every few seconds, every second only while a
// retry countdown runs), so the age text stays current without redrawing the screen below it.
import {Text} from 'ink';
import {useSyncExternalStore} from 'react';
import {formatRelativeTime} from '../../pipeline/format.js';
import {useTicking} from '../hooks/use-ticking.js';
import type {RefreshState, RefreshStore} from '../refresh-store.js';
import {useTheme} from '../theme.js';

export type RefreshStatusProps = {
	store: RefreshStore;
	now: () => number;
	suffix?: string;
	/** Narrow terminals: say only what needs attention (paused, offline), not the age. */
	onlyProblems?: boolean;
};

export function RefreshStatus({store, now, suffix = '', onlyProblems = false}: RefreshStatusProps) {
	const theme = useTheme();
	// Re-render when what is shown changes, not on every store update: each poll that changes data sets a new
	// updatedAt, and "updated just now" usually stays "updated just now".
	useSyncExternalStore(store.subscribe, () => {
		const look = describeRefresh(store.get(), now());
		return `${look.tone}:${look.text}`;
	});
	const period = useSyncExternalStore(store.subscribe, () => tickPeriod(store.get(), now()));
	useTicking(() => describeRefresh(store.get(), now()).text, period);
	const {text, tone} = describeRefresh(store.get(), now());
	if (!text || (onlyProblems && tone === 'muted')) return null;
	return (
		<Text color={theme.colorOf(tone)}>
			{text}
			{suffix}
		</Text>
	);
}

export function describeRefresh(
	state: RefreshState,
	now: number,
): {text: string; tone: 'muted' | 'warning' | 'danger' | 'normal'} {
	switch (state.phase) {
		case 'loading':
			return {text: 'loading…', tone: 'muted'};
		case 'paused':
			return {text: 'paused (p resumes)', tone: 'warning'};
		case 'retrying': {
			const seconds =
				state.nextRetryAt === undefined
					? undefined
					: Math.max(0, Math.ceil((state.nextRetryAt - now) / 1000));
			return {
				text: seconds === undefined ? 'offline, retrying' : `offline, retrying in ${seconds}s`,
				tone: 'danger',
			};
		}
		// Final data (an execution that ended) is as fresh as it will ever be: no age, and so no clock ticking.
		case 'done':
			return {text: '', tone: 'muted'};
		case 'live':
		case 'idle': {
			const at = freshness(state);
			if (at === undefined) return {text: '', tone: 'muted'};
			return {text: `updated ${ageOf(at, now)}`, tone: 'muted'};
		}
	}
}

/**
 * "just now" under ten seconds, then "10s ago", "20s ago", ..., then whole minutes: no figure finer than it is
 * kept current at, and at most six changes (six frames) in the first minute. A poll every few seconds keeps it at
 * "just now", drawing nothing.
 */
function ageOf(at: number, now: number): string {
	const age = now - at;
	if (age < 10_000) return 'just now';
	if (age < 60_000) return `${Math.floor(age / 10_000) * 10}s ago`;
	return formatRelativeTime(at, now, 'minute');
}

/**
 * How often the clock is read (a read that leaves the text as it was draws nothing): each second for a countdown
 * or an age in tens of seconds, so each change shows within a second; every 5 s once it is in minutes.
 */
function tickPeriod(state: RefreshState, now: number): number | undefined {
	if (state.phase === 'retrying') return state.nextRetryAt === undefined ? undefined : 1000;
	const at = freshness(state);
	if (state.phase === 'paused' || state.phase === 'loading' || state.phase === 'done' || at === undefined)
		return undefined;
	const age = now - at;
	return age < 60_000 ? 1000 : 5000;
}

function freshness(state: RefreshState): number | undefined {
	return state.polledAt?.() ?? state.updatedAt;
}
