// One execution, live: its header, then every step in one of three views (DAG, list, timeline) with a selection
// that moves along the graph; panes for a step's details, its reports and the execution's parameters; stop,
// retry, delete and pause from the keyboard.
import {Box, Text} from 'ink';
import {type ReactNode, useEffect, useMemo, useRef, useState} from 'react';
import {layoutDag} from '../../pipeline/layout-dag.js';
import {terminalExecutionStatuses} from '../../pipeline/model.js';
import {sanitizeText} from '../../pipeline/sanitize.js';
import {useNavigation, useScreenHost, useSession} from '../app-context.js';
import {DagPanel} from '../components/dag-panel.js';
import {ExecutionSummary, executionSummaryHeight} from '../components/execution-summary.js';
import {ParametersPane} from '../components/parameters-pane.js';
import {ReportPane} from '../components/report-pane.js';
import {StepList} from '../components/step-list.js';
import {StepTimeline} from '../components/step-timeline.js';
import {paneRoom, TextPane} from '../components/text-pane.js';
import {boxesInOrder, dagScrollRow, moveInDag} from '../dag-navigation.js';
import {
	deletePipelineConfirmation,
	retryConfirmation,
	stopConfirmation,
	whyNotRetry,
	whyNotStop,
} from '../execution-actions.js';
import {useTicking} from '../hooks/use-ticking.js';
import {useExecutionWatch} from '../hooks/use-execution-watch.js';
import {useScreenKeys} from '../hooks/use-screen-keys.js';
import {KeyPriority} from '../keys/key-router.js';
import {executionKeymap, paneKeymap} from '../keys/keymaps.js';
import {moveSelection} from '../list-navigation.js';
import {executionIdOf} from '../../pipeline/arn.js';
import type {ScreenProps} from '../shell/routes.js';
import {stepDetailLines} from '../step-details.js';
import {isLive, stepDetail} from '../step-look.js';
import {useTheme} from '../theme.js';

export type StepPanelView = 'dag' | 'list' | 'timeline';
type Pane = 'details' | 'reports' | 'parameters';

const viewOrder: StepPanelView[] = ['dag', 'list', 'timeline'];

export function ExecutionScreen({route, width, height, active}: ScreenProps<'execution'>) {
	const theme = useTheme();
	const session = useSession();
	const navigation = useNavigation();
	const shell = useScreenHost();
	const {executionArn, pipelineName} = route;
	const {definition, snapshot, views, poller} = useExecutionWatch(executionArn);
	const [view, setView] = useState<StepPanelView>('dag');
	const [selectedName, setSelectedName] = useState<string | undefined>(undefined);
	const [pane, setPane] = useState<Pane | undefined>(undefined);
	const [paneOffset, setPaneOffset] = useState(0);
	const [reportIndex, setReportIndex] = useState(0);
	const paneLines = useRef(0);
	const dagScroll = useRef(0);

	const execution = snapshot.execution;
	const ended = execution !== undefined && terminalExecutionStatuses.has(execution.status);
	const live = !ended && snapshot.phase !== 'paused' && (execution !== undefined || isLive(views));
	// Elapsed times move with the clock: every 5 s in the first minute, then every 15 s (cheap to watch).
	const startedAt = execution?.startedAt;
	useTicking(
		() =>
			startedAt === undefined
				? 0
				: Math.floor((session.now() - startedAt) / (session.now() - startedAt < 60_000 ? 5000 : 15_000)),
		live ? 5000 : undefined,
	);
	const now = session.now();
	const name = execution?.displayName ?? route.title ?? executionIdOf(executionArn);

	useEffect(() => {
		if (execution?.displayName && execution.displayName !== route.title) {
			navigation.remember({title: execution.displayName});
		}
	}, [execution?.displayName, route.title, navigation]);

	useEffect(() => {
		if (snapshot.phase !== 'gone') return;
		shell.notify(
			`Pipeline ${sanitizeText(pipelineName)} no longer exists (or this execution is gone).`,
			'error',
		);
		navigation.reset([{kind: 'pipelines'}]);
	}, [snapshot.phase, pipelineName, shell, navigation]);

	const dag = definition.state === 'ready' ? definition.dag : undefined;
	const layout = useMemo(
		() => (dag ? layoutDag(dag, {maxWidth: width, ascii: !theme.unicode}) : undefined),
		[dag, width, theme.unicode],
	);
	const dagFits = layout?.fits === true;
	const shownView: StepPanelView = view === 'dag' && !dagFits ? 'list' : view;
	const selectedIndex = Math.max(
		0,
		views.findIndex((candidate) => candidate.name === selectedName),
	);
	const selected = views[selectedIndex];
	const steps = useMemo(
		() =>
			new Map(
				(definition.state === 'ready' ? definition.definition.steps : []).map((step) => [step.name, step]),
			),
		[definition],
	);

	const summaryHeight = executionSummaryHeight(execution);
	const panelHeight = Math.max(3, height - summaryHeight - 2);

	const reference = {arn: executionArn, status: execution?.status, name};
	const runAction = (intent: 'stop' | 'retry' | 'delete') => {
		if (intent === 'delete') {
			shell.confirm(
				deletePipelineConfirmation(session.aws.pipelines, pipelineName, () =>
					navigation.reset([{kind: 'pipelines'}]),
				),
			);
			return;
		}

		const why = intent === 'stop' ? whyNotStop(reference) : whyNotRetry(reference);
		if (why) {
			shell.notify(why, 'error');
			return;
		}

		const confirmation = intent === 'stop' ? stopConfirmation : retryConfirmation;
		shell.confirm(confirmation(session.aws.pipelines, reference, () => poller.refreshNow()));
	};

	const openPane = (next: Pane) => {
		if ((next === 'details' || next === 'reports') && !selected) {
			shell.notify('No step is selected.', 'error');
			return;
		}

		setPane(next);
		setPaneOffset(0);
		setReportIndex(0);
	};

	const moveStep = (intent: string) => {
		if (views.length === 0) return;
		if (shownView === 'dag' && layout?.fits && dag) {
			const current = selected?.name ?? layout.boxes[0]?.name ?? '';
			if (intent === 'up' || intent === 'down' || intent === 'left' || intent === 'right') {
				setSelectedName(moveInDag(layout, dag, current, intent));
				return;
			}

			const ordered = boxesInOrder(layout);
			const position = Math.max(
				0,
				ordered.findIndex((box) => box.name === current),
			);
			const page = Math.max(1, Math.floor(panelHeight / 5));
			const next = moveSelection(position, intent, ordered.length, page);
			setSelectedName(ordered[next]?.name);
			return;
		}

		if (intent === 'left' || intent === 'right') return;
		setSelectedName(views[moveSelection(selectedIndex, intent, views.length, panelHeight - 2)]?.name);
	};

	useScreenKeys(
		executionKeymap,
		(intent) => {
			switch (intent) {
				case 'up':
				case 'down':
				case 'left':
				case 'right':
				case 'page-up':
				case 'page-down':
				case 'first':
				case 'last':
					moveStep(intent);
					return;
				case 'view':
					setView((current) => viewOrder[(viewOrder.indexOf(current) + 1) % viewOrder.length] ?? 'dag');
					return;
				case 'details':
					openPane('details');
					return;
				case 'reports':
					openPane('reports');
					return;
				case 'parameters':
					openPane('parameters');
					return;
				case 'pause':
					if (snapshot.phase === 'paused') {
						poller.resume();
						shell.notify('Refreshing again.', 'info');
					} else if (ended || snapshot.phase === 'done') {
						shell.notify('The execution has ended, so there is nothing to refresh.', 'info');
					} else {
						poller.pause();
						shell.notify('Refresh paused; p resumes.', 'info');
					}
					return;
				case 'refresh':
					poller.refreshNow();
					return;
				case 'stop':
				case 'retry':
				case 'delete':
					runAction(intent);
					return;
			}
		},
		{active: active && pane === undefined},
	);

	useScreenKeys(
		paneKeymap,
		(intent) => {
			const maximum = Math.max(0, paneLines.current - paneRoom(panelHeight));
			const page = paneRoom(panelHeight) - 1;
			switch (intent) {
				case 'close':
					setPane(undefined);
					return;
				case 'up':
					setPaneOffset((offset) => Math.max(0, Math.min(offset, maximum) - 1));
					return;
				case 'down':
					setPaneOffset((offset) => Math.min(maximum, offset + 1));
					return;
				case 'page-up':
					setPaneOffset((offset) => Math.max(0, Math.min(offset, maximum) - page));
					return;
				case 'page-down':
					setPaneOffset((offset) => Math.min(maximum, offset + page));
					return;
				case 'first':
					setPaneOffset(0);
					return;
				case 'last':
					setPaneOffset(maximum);
					return;
				case 'next':
				case 'previous':
					if (pane !== 'reports') return false;
					setReportIndex((index) => index + (intent === 'next' ? 1 : -1));
					setPaneOffset(0);
					return;
				case 'reports':
				case 'details':
					openPane(intent);
					return;
			}
		},
		{active: active && pane !== undefined, priority: KeyPriority.pane},
	);

	if (definition.state === 'failed') {
		return (
			<Box flexDirection="column" paddingX={1}>
				<Text color={theme.colorOf('danger')}>
					Could not read this execution’s definition: {sanitizeText(definition.message)}
				</Text>
				<Text color={theme.colorOf('muted')}>esc goes back</Text>
			</Box>
		);
	}

	const counts = countLine(views, theme);
	const fallbackNote =
		view === 'dag' && layout && !layout.fits
			? `DAG too wide (${layout.neededWidth} columns needed): list shown`
			: '';
	const tabs = viewOrder
		.map((candidate) => {
			const label = candidate === 'dag' ? 'DAG' : candidate;
			return candidate === shownView ? `[${label}]` : label;
		})
		.join(' ');

	let panel: ReactNode;
	if (definition.state === 'loading') {
		panel = <Text color={theme.colorOf('muted')}> Reading the definition this execution ran with…</Text>;
	} else if (pane === 'details' && selected) {
		const lines = stepDetailLines(theme, selected, steps.get(selected.name), dag, now, width);
		paneLines.current = lines.length;
		panel = (
			<TextPane
				title={`Step ${sanitizeText(selected.name)}`}
				lines={lines}
				offset={paneOffset}
				width={width}
				height={panelHeight}
				footer="esc closes · e reports · ↑↓ scroll"
			/>
		);
	} else if (pane === 'reports' && selected) {
		panel = (
			<ReportPane
				executionArn={executionArn}
				stepName={selected.name}
				index={reportIndex}
				offset={paneOffset}
				width={width}
				height={panelHeight}
				onLines={(count) => {
					paneLines.current = count;
				}}
			/>
		);
	} else if (pane === 'parameters') {
		panel = (
			<ParametersPane
				executionArn={executionArn}
				declared={definition.definition.parameters}
				offset={paneOffset}
				width={width}
				height={panelHeight}
				onLines={(count) => {
					paneLines.current = count;
				}}
			/>
		);
	} else if (shownView === 'dag' && layout?.fits) {
		dagScroll.current = dagScrollRow(layout, selected?.name, dagScroll.current, panelHeight);
		panel = (
			<DagPanel
				layout={layout}
				views={views}
				selected={selected?.name}
				scrollRow={dagScroll.current}
				height={panelHeight}
				width={width}
				now={now}
			/>
		);
	} else if (shownView === 'timeline') {
		const starts = views.flatMap((candidate) =>
			candidate.record?.startedAt === undefined ? [] : [candidate.record.startedAt],
		);
		const ends = views.flatMap((candidate) =>
			candidate.record?.endedAt === undefined ? [] : [candidate.record.endedAt],
		);
		const from = execution?.startedAt ?? Math.min(now, ...starts);
		const to = ended ? Math.max(execution?.modifiedAt ?? from, ...ends) : now;
		panel = (
			<StepTimeline
				views={views}
				selected={selectedIndex}
				from={from}
				to={to}
				width={width}
				height={panelHeight}
				now={now}
			/>
		);
	} else {
		panel = (
			<StepList
				views={views}
				steps={steps}
				selected={selectedIndex}
				width={width}
				height={panelHeight}
				now={now}
			/>
		);
	}

	const selectionLook = selected ? theme.status(selected.state) : undefined;
	return (
		<Box flexDirection="column" width={width} height={height}>
			<ExecutionSummary execution={execution} views={views} name={name} width={width} now={now} />
			<Text wrap="truncate-end">
				<Text bold color={theme.colorOf('accent')}>
					{tabs}
				</Text>
				<Text color={theme.colorOf('muted')}> (g) </Text>
				{counts}
				{fallbackNote ? <Text color={theme.colorOf('warning')}> · {fallbackNote}</Text> : null}
				{snapshot.phase === 'paused' ? <Text color={theme.colorOf('warning')}> · refresh paused</Text> : null}
				{snapshot.phase === 'retrying' ? (
					<Text color={theme.colorOf('danger')}>
						{' '}
						· showing the last known state:{' '}
						{sanitizeText(snapshot.error?.message ?? 'the service did not answer')}
					</Text>
				) : null}
			</Text>
			<Box height={panelHeight} flexDirection="column">
				{panel}
			</Box>
			<Text wrap="truncate-end">
				{selected && selectionLook ? (
					<>
						<Text color={theme.colorOf('muted')}>{theme.glyphs.selected} </Text>
						<Text bold>{sanitizeText(selected.name)}</Text>
						<Text color={theme.colorOf('muted')}> {sanitizeText(selected.type)} </Text>
						<Text color={theme.colorOf(selectionLook.tone)}>
							{selectionLook.icon} {selectionLook.word}
						</Text>
						<Text color={theme.colorOf('muted')}> {stepDetail(selected, now)}</Text>
						{selected.record?.failureReason ? (
							<Text color={theme.colorOf('danger')}> {sanitizeText(selected.record.failureReason)}</Text>
						) : null}
					</>
				) : (
					' '
				)}
			</Text>
		</Box>
	);
}

function countLine(views: readonly {state: string}[], theme: ReturnType<typeof useTheme>): ReactNode {
	const counts = new Map<string, number>();
	for (const view of views) counts.set(view.state, (counts.get(view.state) ?? 0) + 1);
	const order = [
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
	return order
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
