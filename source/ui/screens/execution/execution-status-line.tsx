// The lines around the execution screen's step panel: above it the view tabs, the count of steps per state and
// what is wrong with refreshing; below it the selected step in one line.
import {callbackTokenOf} from '../../../pipeline/callback-outputs.js';
import {Text} from 'ink';
import {memo, type ReactNode} from 'react';
import type {StepView} from '../../../pipeline/execution-state.js';
import {sanitizeText} from '../../../pipeline/sanitize.js';
import type {PollPhase} from '../../../watch/polling-store.js';
import {useSession} from '../../app-context.js';
import {stepLook, stepSourceOrDetail} from '../../step-look.js';
import {type Theme, useTheme} from '../../theme.js';
import {type StepPanelView, viewOrder} from './execution-view-state.js';

export type ExecutionStatusLineProps = {
	shownView: StepPanelView;
	views: readonly StepView[];
	/** Set when the DAG was asked for but needs more columns than there are. */
	neededWidth: number | undefined;
	phase: PollPhase;
	/** Why the last refresh failed, while retrying. */
	error: string | undefined;
};

// Memoised: a key press that only moves the selection leaves this line as it was.
export const ExecutionStatusLine = memo(function ExecutionStatusLine({
	shownView,
	views,
	neededWidth,
	phase,
	error,
}: ExecutionStatusLineProps) {
	const theme = useTheme();
	const tabs = viewOrder
		.map((candidate) => {
			const label = candidate === 'dag' ? 'DAG' : candidate;
			return candidate === shownView ? `[${label}]` : label;
		})
		.join(' ');
	return (
		<Text wrap="truncate-end">
			<Text bold color={theme.colorOf('accent')}>
				{tabs}
			</Text>
			<Text color={theme.colorOf('muted')}> (g) </Text>
			{countLine(views, theme)}
			{neededWidth === undefined ? null : (
				<Text color={theme.colorOf('warning')}>
					{' '}
					· DAG too wide ({neededWidth} columns needed): list shown
				</Text>
			)}
			{phase === 'paused' ? <Text color={theme.colorOf('warning')}> · refresh paused</Text> : null}
			{phase === 'retrying' ? (
				<Text color={theme.colorOf('danger')}>
					{' '}
					· showing the last known state: {sanitizeText(error ?? 'the service did not answer')}
				</Text>
			) : null}
		</Text>
	);
});

export function SelectionLine({selected, now}: {selected: StepView | undefined; now: number}) {
	const theme = useTheme();
	// With --read-only the A key is refused, so the line does not offer it.
	const {readOnly} = useSession();
	if (!selected) return <Text wrap="truncate-end"> </Text>;
	const look = stepLook(theme, selected);
	const awaitingAnswer =
		selected.type === 'Callback' &&
		selected.record?.status === 'Executing' &&
		callbackTokenOf(selected.record.metadata) !== undefined;
	return (
		<Text wrap="truncate-end">
			<Text color={theme.colorOf('muted')}>{theme.glyphs.selected} </Text>
			<Text bold>{sanitizeText(selected.name)}</Text>
			<Text color={theme.colorOf('muted')}> {sanitizeText(selected.type)} </Text>
			<Text color={theme.colorOf(look.tone)}>
				{look.icon} {look.word}
			</Text>
			{/* A callback waiting for its answer says so once, in the note after the time. */}
			<Text color={theme.colorOf('muted')}>
				{' '}
				{stepSourceOrDetail(selected, now, {note: !awaitingAnswer})}
			</Text>
			{awaitingAnswer ? (
				<Text color={theme.colorOf('warning')}>
					{readOnly ? ' waiting for a callback' : ' waiting for a callback · A answers it'}
				</Text>
			) : null}
			{selected.record?.failureReason ? (
				<Text color={theme.colorOf('danger')}> {sanitizeText(selected.record.failureReason)}</Text>
			) : null}
		</Text>
	);
}

const countOrder = [
	'succeeded',
	'cache-hit',
	'executing',
	'starting',
	'stopping',
	'stopped',
	'failed',
	'not-started',
	'skipped',
] as const;

function countLine(views: readonly {state: string}[], theme: Theme): ReactNode {
	const counts = new Map<string, number>();
	for (const view of views) counts.set(view.state, (counts.get(view.state) ?? 0) + 1);
	return countOrder
		.filter((state) => counts.has(state))
		.map((state) => {
			const look = theme.status(state);
			return (
				<Text key={state} color={theme.colorOf(look.tone)}>
					{look.icon}
					{counts.get(state)}{' '}
				</Text>
			);
		});
}
