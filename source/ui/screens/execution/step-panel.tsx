// The execution screen's middle: the open pane (a step's details or reports, the parameters) or else the steps in
// the view shown (DAG, timeline, list), or a note while the definition is being read.
import {Text} from 'ink';
import {useMemo} from 'react';
import type {StepView} from '../../../pipeline/execution-state.js';
import type {DagLayout} from '../../../pipeline/layout-dag.js';
import type {Dag, ExecutionDetails, PipelineDefinition, StepDefinition} from '../../../pipeline/model.js';
import {sanitizeText} from '../../../pipeline/sanitize.js';
import {DagPanel} from '../../components/dag-panel.js';
import {LogPane} from './log-pane.js';
import {ParametersPane} from './parameters-pane.js';
import {ReportPane} from './report-pane.js';
import {TriagePane} from './triage-pane.js';
import type {Loading} from '../../hooks/use-async-resource.js';
import type {ScreenTriage} from '../../hooks/use-triage.js';
import {ScrollPane} from '../../components/scroll-pane.js';
import {StepList} from '../../components/step-list.js';
import {StepTimeline} from '../../components/step-timeline.js';
import {stepDetailLines} from '../../step-details.js';
import {useTheme} from '../../theme.js';
import type {ExecutionViewState, StepPanelView} from './execution-view-state.js';

export type StepPanelProps = {
	state: ExecutionViewState;
	shownView: StepPanelView;
	executionArn: string;
	execution: ExecutionDetails | undefined;
	ended: boolean;
	/** Undefined while the definition is read. */
	definition: PipelineDefinition | undefined;
	dag: Dag | undefined;
	steps: ReadonlyMap<string, StepDefinition>;
	/** The DAG's layout, only when it fits. */
	layout: DagLayout | undefined;
	dagScroll: number;
	views: readonly StepView[];
	selectedIndex: number;
	width: number;
	height: number;
	now: number;
	active: boolean;
	onClosePane(): void;
	/** The execution's triage, for the `w` pane. */
	triage: Loading<ScreenTriage>;
};

export function StepPanel(props: StepPanelProps) {
	const theme = useTheme();
	const {state, definition, views, selectedIndex, width, height, now, active} = props;
	const selected = views[selectedIndex];
	// The same set until the marks change, so the DAG's box looks are not worked out again on every key press.
	const marked = useMemo(() => new Set(state.marked), [state.marked]);
	// A new key for each opening (and each report) starts the pane again at the top.
	const paneKey = `${state.pane}:${state.paneOpenings}:${state.reportIndex}`;
	if (definition === undefined) {
		return <Text color={theme.colorOf('muted')}> Reading the definition this execution ran with…</Text>;
	}

	if (state.pane === 'details' && selected) {
		return (
			<ScrollPane
				key={paneKey}
				title={`Step ${sanitizeText(selected.name)}`}
				lines={stepDetailLines(theme, selected, props.steps.get(selected.name), props.dag, now, width)}
				width={width}
				height={height}
				footer="esc closes · e reports · L logs · ↑↓ scroll"
				active={active}
			/>
		);
	}

	if (state.pane === 'logs' && selected) {
		return (
			<LogPane
				key={`${paneKey}:${selected.name}`}
				stepName={selected.name}
				record={selected.record}
				width={width}
				height={height}
				active={active}
				onClose={props.onClosePane}
			/>
		);
	}

	if (state.pane === 'reports' && selected) {
		return (
			<ReportPane
				key={paneKey}
				stepName={selected.name}
				record={selected.record}
				steps={definition.steps}
				index={state.reportIndex}
				width={width}
				height={height}
				active={active}
			/>
		);
	}

	if (state.pane === 'why') {
		return <TriagePane key={paneKey} triage={props.triage} width={width} height={height} active={active} />;
	}

	if (state.pane === 'parameters') {
		return (
			<ParametersPane
				key={paneKey}
				executionArn={props.executionArn}
				declared={definition.parameters}
				width={width}
				height={height}
				active={active}
			/>
		);
	}

	if (props.shownView === 'dag' && props.layout) {
		return (
			<DagPanel
				layout={props.layout}
				views={views}
				selected={selected?.name}
				marked={marked}
				scrollRow={props.dagScroll}
				height={height}
				width={width}
				now={now}
			/>
		);
	}

	if (props.shownView === 'timeline') {
		const {from, to} = timelineSpan(views, props.execution, props.ended, now);
		return (
			<StepTimeline
				views={views}
				selected={selectedIndex}
				marked={marked}
				from={from}
				to={to}
				width={width}
				height={height}
				now={now}
			/>
		);
	}

	return (
		<StepList
			views={views}
			steps={props.steps}
			selected={selectedIndex}
			marked={marked}
			width={width}
			height={height}
			now={now}
		/>
	);
}

/** The timeline runs from the execution's start to now, or to its last moment once it has ended. */
function timelineSpan(
	views: readonly StepView[],
	execution: ExecutionDetails | undefined,
	ended: boolean,
	now: number,
): {from: number; to: number} {
	const starts = views.flatMap((view) =>
		view.record?.startedAt === undefined ? [] : [view.record.startedAt],
	);
	const ends = views.flatMap((view) => (view.record?.endedAt === undefined ? [] : [view.record.endedAt]));
	const from = execution?.startedAt ?? Math.min(now, ...starts);
	const to = ended ? Math.max(execution?.modifiedAt ?? from, ...ends) : now;
	return {from, to};
}
