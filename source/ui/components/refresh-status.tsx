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
			return {text: `updated ${formatRelativeTime(at, now)}`, tone: 'muted'};
		}
	}
}

/** How often the text can change: 1 s for a countdown, 5 s while the age is in seconds, then 30 s. */
function tickPeriod(state: RefreshState, now: number): number | undefined {
	if (state.phase === 'retrying') return state.nextRetryAt === undefined ? undefined : 1000;
	const at = freshness(state);
	if (state.phase === 'paused' || state.phase === 'loading' || state.phase === 'done' || at === undefined)
		return undefined;
	const age = now - at;
	return age < 60_000 ? 5000 : 30_000;
}

function freshness(state: RefreshState): number | undefined {
	return state.polledAt?.() ?? state.updatedAt;
}
