// One execution, live: its header, then every step in one of three views (DAG, list, timeline) with a selection
// that moves along the graph; panes for a step's details, its reports and the execution's parameters; stop,
// retry, delete and pause from the keyboard. What is shown is `execution-view-state`; keys are `use-execution-keys`.
import {Box, Text} from 'ink';
import {useEffect, useMemo, useReducer, useState} from 'react';
import {executionIdOf} from '../../../pipeline/arn.js';
import {layoutDag} from '../../../pipeline/layout-dag.js';
import {terminalExecutionStatuses} from '../../../pipeline/model.js';
import {sanitizeText} from '../../../pipeline/sanitize.js';
import {useNavigation, useSession, useScreenHost} from '../../app-context.js';
import {ExecutionSummary, executionSummaryHeight} from '../../components/execution-summary.js';
import {ListCaption} from '../../components/list-caption.js';
import {useListFilter} from '../../hooks/use-list-filter.js';
import {useElapsedUnits} from '../../hooks/use-ticking.js';
import {useExecutionWatch} from '../../hooks/use-execution-watch.js';
import {failedStepsKey, useTriage} from '../../hooks/use-triage.js';
import type {ScreenProps} from '../../shell/routes.js';
import {isLive} from '../../step-look.js';
import {useTheme} from '../../theme.js';
import {ExecutionStatusLine, SelectionLine} from './execution-status-line.js';
import {
	dagScrollOf,
	executionViewReducer,
	initialViewState,
	type StepPanelShape,
	selectedIndexOf,
	shownViewOf,
} from './execution-view-state.js';
import {callbackTokenOf, declaredOutputs} from '../../../pipeline/callback-outputs.js';
import {type CallbackForm, openCallbackForm} from './callback-form-state.js';
import {CallbackFormView} from './callback-form.js';
import {StepPanel} from './step-panel.js';
import {useCallbackForm} from './use-callback-form.js';
import {useExecutionKeys} from './use-execution-keys.js';
import {WhyStrip, whyStripHeight} from './why-strip.js';

export function ExecutionScreen({route, width, height, active}: ScreenProps<'execution'>) {
	const theme = useTheme();
	const session = useSession();
	const navigation = useNavigation();
	const shell = useScreenHost();
	const {executionArn, pipelineName} = route;
	const {definition, snapshot, views: allViews, poller} = useExecutionWatch(executionArn);
	const [state, dispatch] = useReducer(executionViewReducer, initialViewState);
	const [callback, setCallback] = useState<CallbackForm>();

	const execution = snapshot.execution;
	const ended = execution !== undefined && terminalExecutionStatuses.has(execution.status);
	const live = !ended && snapshot.phase !== 'paused' && (execution !== undefined || isLive(allViews));
	// Running steps' durations in the lists, boxes and timeline show whole minutes: the screen redraws as each one
	// turns, for time alone; the header's elapsed time ticks by itself (execution-summary.tsx).
	useElapsedUnits(
		session.now,
		allViews.map((view) => (view.record?.endedAt === undefined ? view.record?.startedAt : undefined)),
		'minute',
		live,
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

	const ready = definition.state === 'ready' ? definition.value : undefined;
	const dag = ready?.dag;
	const layout = useMemo(
		() => (dag ? layoutDag(dag, {maxWidth: width, ascii: !theme.unicode}) : undefined),
		[dag, width, theme.unicode],
	);
	const steps = useMemo(
		() => new Map((ready?.definition.steps ?? []).map((step) => [step.name, step])),
		[ready],
	);
	const fitted = layout?.fits ? layout : undefined;
	// `/` narrows the steps by name, type or status; the DAG is drawn whole, so a filter shows the list instead.
	const filter = useListFilter(active && state.pane === undefined);
	const needle = filter.text.trim().toLowerCase();
	const views = useMemo(
		() =>
			needle === ''
				? allViews
				: allViews.filter((view) =>
						[view.name, view.displayName, view.type, view.state].some((field) =>
							field?.toLowerCase().includes(needle),
						),
					),
		[allViews, needle],
	);
	const names = useMemo(() => views.map((view) => view.name), [views]);
	// A failed execution opens on its first failed step, and says why under the steps without a key press.
	const failedKey = failedStepsKey(allViews);
	const failed = allViews.filter((view) => view.state === 'failed' || view.state === 'stopped');
	const preferred = (failed.find((view) => view.state === 'failed') ?? failed[0])?.name;
	const triage = useTriage(
		executionArn,
		`${execution?.status}\n${failedKey}`,
		failed.length > 0 || state.pane === 'why',
	);
	const strip = failed.length > 0 && state.pane !== 'why';
	const panelHeight = Math.max(
		3,
		height - executionSummaryHeight(execution) - 2 - (strip ? whyStripHeight : 0),
	);
	const filtered = needle !== '';
	const shape: StepPanelShape = {names, layout: filtered ? undefined : fitted, dag, panelHeight, preferred};
	const shownView = filtered && state.view === 'dag' ? 'list' : shownViewOf(state.view, fitted);
	const selectedIndex = selectedIndexOf(state, names, preferred);
	const selected = views[selectedIndex];
	const glanced = failed.find((view) => view.name === selected?.name) ?? failed[0];
	// Kept once shown, so a retry (which clears the failure) leaves the selection where it was.
	useEffect(() => {
		if (preferred !== undefined) dispatch({type: 'select-unless-chosen', name: preferred});
	}, [preferred]);

	useExecutionKeys({
		state,
		dispatch,
		shape,
		selected: selected?.name,
		selectedView: selected,
		steps,
		onCallback: () => {
			const step = selected && steps.get(selected.name);
			const token = callbackTokenOf(selected?.record?.metadata);
			if (!selected || (step?.type ?? selected.type) !== 'Callback')
				shell.notify('A answers a Callback step that waits; select one first.', 'error');
			else if (selected.record?.status !== 'Executing' || token === undefined)
				shell.notify(`${sanitizeText(selected.name)} is not waiting for a callback.`, 'error');
			else setCallback(openCallbackForm(selected.name, token, step ? declaredOutputs(step) : []));
		},
		execution: {arn: executionArn, status: execution?.status, name},
		pipelineName,
		poller,
		phase: snapshot.phase,
		ended,
		active: active && callback === undefined,
		filter,
		nextAction:
			triage.state === 'ready'
				? (
						triage.value.triage.failedSteps.find((step) => step.name === glanced?.name) ??
						triage.value.triage.failedSteps[0]
					)?.nextAction
				: undefined,
	});
	useCallbackForm({form: callback, setForm: setCallback, after: () => poller.refreshNow(), active});

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

	return (
		<Box flexDirection="column" width={width} height={height}>
			<ExecutionSummary execution={execution} views={allViews} name={name} width={width} now={session.now} />
			<ExecutionStatusLine
				shownView={shownView}
				views={allViews}
				neededWidth={state.view === 'dag' && layout && !layout.fits ? layout.neededWidth : undefined}
				phase={snapshot.phase}
				error={snapshot.error?.message}
			/>
			<Box height={panelHeight} flexDirection="column">
				{callback ? (
					<CallbackFormView form={callback} width={width} height={panelHeight} />
				) : (
					<StepPanel
						state={state}
						shownView={shownView}
						executionArn={executionArn}
						execution={execution}
						ended={ended}
						definition={ready?.definition}
						dag={dag}
						steps={steps}
						layout={filtered ? undefined : fitted}
						dagScroll={dagScrollOf(state, shape)}
						views={views}
						selectedIndex={selectedIndex}
						width={width}
						height={panelHeight}
						now={now}
						active={active}
						onClosePane={() => dispatch({type: 'close-pane'})}
						triage={triage}
					/>
				)}
			</Box>
			{strip && glanced ? (
				<WhyStrip
					triage={triage}
					step={{
						name: glanced.name,
						...(glanced.record?.failureReason ? {reason: glanced.record.failureReason} : {}),
					}}
					width={width}
				/>
			) : null}
			{filter.editing || filtered ? (
				<ListCaption summary={`${views.length} of ${allViews.length} steps`} filter={filter} width={width} />
			) : (
				<SelectionLine selected={selected} now={now} />
			)}
		</Box>
	);
}
