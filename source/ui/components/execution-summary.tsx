// The execution's own header: status (icon, colour, word), name, who started it, elapsed or total time, step
// counts, the execution a selective one reuses steps from, and the failure reason.
import {Box, Text} from 'ink';
import {memo} from 'react';
import {executionIdOf} from '../../pipeline/arn.js';
import {formatDuration, formatTimestamp} from '../../pipeline/format.js';
import {type StepView, summarizeStates} from '../../pipeline/execution-state.js';
import type {ExecutionDetails} from '../../pipeline/model.js';
import {sanitizeText} from '../../pipeline/sanitize.js';
import {useTicking} from '../hooks/use-ticking.js';
import {statusKeyOf, useTheme} from '../theme.js';

export type ExecutionSummaryProps = {
	execution?: ExecutionDetails;
	views: readonly StepView[];
	name: string;
	width: number;
	/** The clock: the elapsed time of a running execution ticks on its own, without redrawing the screen. */
	now: () => number;
};

export function executionSummaryHeight(execution: ExecutionDetails | undefined): number {
	return execution?.failureReason ? 2 : 1;
}

// Memoised: a key press that only moves the selection leaves the header as it was.
export const ExecutionSummary = memo(function ExecutionSummary({
	execution,
	views,
	name,
	width,
	now,
}: ExecutionSummaryProps) {
	const theme = useTheme();
	if (!execution) {
		return <Text color={theme.colorOf('muted')}>Loading {sanitizeText(name)}…</Text>;
	}

	const look = theme.status(statusKeyOf(execution.status));
	const running = execution.status === 'Executing' || execution.status === 'Stopping';
	const started = execution.startedAt ?? execution.createdAt;
	const took =
		running || started === undefined || execution.modifiedAt === undefined
			? undefined
			: `took ${formatDuration(execution.modifiedAt - started)}`;
	const counts = summarizeStates([...views]);
	const finished = counts.succeeded + counts['cache-hit'];
	const parts = [
		took,
		views.length > 0 ? `${finished}/${views.length} steps done` : undefined,
		counts.failed > 0 ? `${counts.failed} failed` : undefined,
		execution.selectiveExecution?.sourceExecutionArn
			? `selective: reuses ${sanitizeText(executionIdOf(execution.selectiveExecution.sourceExecutionArn))}`
			: undefined,
		started === undefined
			? undefined
			: `started ${formatTimestamp(started, {timeZoneOffsetMinutes: -new Date(started).getTimezoneOffset()})}`,
		execution.createdBy ? `by ${sanitizeText(execution.createdBy)}` : undefined,
	].filter(Boolean);
	return (
		<Box flexDirection="column" width={width}>
			<Text wrap="truncate-end">
				<Text color={theme.colorOf(look.tone)} bold>
					{look.icon} {look.word.toUpperCase()}
				</Text>
				<Text bold> {sanitizeText(execution.displayName ?? name)}</Text>
				<Text color={theme.colorOf('muted')}>
					{running && started !== undefined ? <Elapsed started={started} now={now} /> : null}
					{parts.length > 0 ? ` · ${parts.join(' · ')}` : ''}
				</Text>
			</Text>
			{execution.failureReason ? (
				<Text wrap="truncate-end" color={theme.colorOf('danger')}>
					Failure: {sanitizeText(execution.failureReason)}
				</Text>
			) : null}
		</Box>
	);
});

/**
 * " · elapsed 20s": in steps of ten seconds under a minute, then in whole minutes. Any change of this text is a
 * frame of the whole screen, so it changes at most six times in the first minute and once a minute after; the clock
 * is read every second and every five, and nothing renders while the text stays the same.
 */
function Elapsed({started, now}: {started: number; now: () => number}) {
	const read = () => {
		const ms = now() - started;
		if (ms < 10_000) return 'elapsed <10s';
		if (ms < 60_000) return `elapsed ${Math.floor(ms / 10_000) * 10}s`;
		return `elapsed ${formatDuration(ms, 'minute')}`;
	};
	const text = useTicking(read, now() - started < 60_000 ? 1000 : 5000);
	return <Text> · {text}</Text>;
}
