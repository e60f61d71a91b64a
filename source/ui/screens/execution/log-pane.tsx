// The selected step's job log (`L`): all instances interleaved by time with a tag, or one at a time; follows the
// end while the step runs unless scrolled up; search, wrap, timestamps, save. A step without logs, a group that
// does not exist yet or a refused permission is one line of text, never an empty pane.
import {writeFileSync} from 'node:fs';
import {join} from 'node:path';
import {Box, Text} from 'ink';
import {useMemo, useReducer} from 'react';
import {type JobLogRef, jobOfStepMetadata} from '../../../pipeline/job-log-names.js';
import type {StepRecord} from '../../../pipeline/model.js';
import {sanitizeText} from '../../../pipeline/sanitize.js';
import {useScreenHost, useSession} from '../../app-context.js';
import {PaneRow, type PaneSpan} from '../../components/text-pane.js';
import {useScreenKeys} from '../../hooks/use-screen-keys.js';
import {useStepLogs} from '../../hooks/use-step-logs.js';
import {KeyPriority} from '../../keys/key-router.js';
import {logPaneKeymap} from '../../keys/log-keymaps.js';
import {useTheme} from '../../theme.js';
import {initialLogPaneState, logPaneReducer, topRowOf} from './log-pane-state.js';
import {logRows} from './log-pane-rows.js';
import {useLogPaneKeys} from './use-log-pane-keys.js';

export type LogPaneProps = {
	stepName: string;
	record: StepRecord | undefined;
	width: number;
	height: number;
	active: boolean;
	onClose(): void;
};

const endedStatuses = new Set(['Succeeded', 'Failed', 'Stopped']);

export function LogPane(props: LogPaneProps) {
	const job = jobOfStepMetadata(props.record?.metadata);
	if (!job) return <NoLogPane {...props} />;
	return <StepLogPane {...props} job={job} />;
}

function NoLogPane({stepName, record, width, height, active, onClose}: LogPaneProps) {
	const kind = Object.keys(record?.metadata ?? {})[0];
	const message = !record
		? 'This step has not started, so it has no logs yet.'
		: kind
			? `A ${sanitizeText(kind)} step has no logs: only Processing, Training and Transform jobs write logs.`
			: endedStatuses.has(record.status)
				? 'This step ran no job, so it has no logs.'
				: 'This step’s job has not started yet; its logs appear once it runs.';
	useScreenKeys(logPaneKeymap, (intent) => (intent === 'close' ? onClose() : undefined), {
		active,
		priority: KeyPriority.pane,
	});
	return (
		<Frame
			title={`Logs · ${sanitizeText(stepName)}`}
			width={width}
			height={height}
			rows={[]}
			note={message}
		/>
	);
}

function StepLogPane({
	stepName,
	record,
	width,
	height,
	active,
	onClose,
	job,
}: LogPaneProps & {job: JobLogRef}) {
	const host = useScreenHost();
	const session = useSession();
	const stepEnded = record !== undefined && endedStatuses.has(record.status);
	const {poller, snapshot} = useStepLogs(job, stepEnded);
	const [state, dispatch] = useReducer(logPaneReducer, initialLogPaneState);
	const trouble =
		snapshot.problem?.message ??
		(snapshot.error ? `Could not read the log: ${snapshot.error.message}` : undefined);
	// Border, title and the key line take 4 rows; a message about trouble takes one more.
	const room = Math.max(1, height - 4 - (trouble ? 1 : 0));
	// snapshot.total changes with every line added, so the rows are rebuilt exactly when new lines arrived (or the
	// way they are shown changed), not at every scrolling key: with wrap or a search that reads every kept line.
	const {instance, timestamps, wrap, query} = state;
	// biome-ignore lint/correctness/useExhaustiveDependencies: the buffer changes in place; total says when
	const rows = useMemo(
		() => logRows(poller.buffer, {instance, timestamps, wrap, query, width: width - 4}),
		[poller.buffer, snapshot.total, instance, timestamps, wrap, query, width],
	);
	const shape = {rows: rows.count, room};
	const top = topRowOf(state, shape);
	useLogPaneKeys({
		state,
		dispatch,
		shape,
		matches: rows.matches,
		instances: snapshot.instances,
		active,
		close: onClose,
		save: () => {
			const stamp = new Date(session.now()).toISOString().replace(/[:.]/g, '-').slice(0, 19);
			const file = `sagemon-${stepName.replace(/[^A-Za-z0-9._-]/g, '_')}-${stamp}.log`;
			try {
				writeFileSync(join(process.cwd(), file), rows.text());
				host.notify(`Saved ${rows.count} lines to ${sanitizeText(file)}.`, 'success');
			} catch (error) {
				host.notify(`Could not save the log: ${sanitizeText(String(error))}`, 'error');
			}
		},
	});

	const buffer = poller.buffer;
	const status = snapshot.problem
		? undefined
		: snapshot.complete
			? 'ended'
			: state.following
				? 'following'
				: 'paused (End follows)';
	const title = [
		`Logs · ${sanitizeText(stepName)}`,
		state.instance
			? sanitizeText(state.instance)
			: snapshot.instances.length === 1
				? '1 instance'
				: `${snapshot.instances.length || 'all'} instances`,
		status,
		`${buffer.total.toLocaleString('en-US')} lines${buffer.skipped > 0 ? ` (${buffer.skipped.toLocaleString('en-US')} skipped)` : ''}`,
		state.wrap ? 'wrap' : undefined,
	]
		.filter(Boolean)
		.join(' · ');
	const note =
		trouble ??
		(rows.count === 0
			? snapshot.phase === 'loading'
				? 'Reading the log…'
				: stepEnded
					? 'The job wrote no log lines.'
					: 'No log lines yet; they appear here as the job writes them.'
			: undefined);
	const prompt = state.searching
		? `/${sanitizeText(state.query)}`
		: state.query
			? `${rows.matches.length} matches for “${sanitizeText(state.query)}” · n/N`
			: undefined;
	return (
		<Frame
			title={title}
			width={width}
			height={height}
			rows={rows.rows(top, room)}
			note={note && sanitizeText(note)}
			prompt={prompt}
		/>
	);
}

function Frame(props: {
	title: string;
	width: number;
	height: number;
	rows: Array<{key: string; spans: PaneSpan[]}>;
	note?: string | undefined;
	prompt?: string | undefined;
}) {
	const theme = useTheme();
	return (
		<Box
			flexDirection="column"
			width={props.width}
			height={props.height}
			borderStyle="round"
			borderColor={theme.colorOf('muted')}
			paddingX={1}
		>
			<Text bold wrap="truncate-end">
				{props.title}
			</Text>
			{props.note ? (
				<Text color={theme.colorOf('warning')} wrap="truncate-end">
					{props.note}
				</Text>
			) : null}
			{props.rows.map((row) => (
				<PaneRow key={row.key} spans={row.spans} />
			))}
			<Box flexGrow={1} />
			<Text color={theme.colorOf('muted')} wrap="truncate-end">
				{props.prompt ?? 'esc closes · / search · w wrap · t time · i instance · s save · End follows'}
			</Text>
		</Box>
	);
}
