// What the execution screen shows, as plain data: the step view (DAG, list, timeline), the selected step, the open
// pane and the report in it, how far the DAG is scrolled, and the steps marked for a re-run. Keys become actions; `executionViewReducer` is the
// only way the state changes, and it needs no React, so each move is tested on its own.
import type {DagLayout} from '../../../pipeline/layout-dag.js';
import type {Dag} from '../../../pipeline/model.js';
import {withDownstream} from '../../../pipeline/dag.js';
import {boxesInOrder, dagScrollRow, moveInDag} from '../../dag-navigation.js';
import {moveSelection} from '../../list-navigation.js';

export type StepPanelView = 'dag' | 'list' | 'timeline';
export type Pane = 'details' | 'reports' | 'parameters' | 'logs' | 'why';
export type StepMove = 'up' | 'down' | 'left' | 'right' | 'page-up' | 'page-down' | 'first' | 'last';

export const viewOrder: readonly StepPanelView[] = ['dag', 'list', 'timeline'];

export type ExecutionViewState = {
	/** The view asked for with `g`; the DAG falls back to the list when it does not fit. */
	view: StepPanelView;
	/** Undefined until a step is chosen: the first step is shown selected. */
	selectedName?: string;
	pane?: Pane;
	/** Which of the step's reports the reports pane shows (it wraps around). */
	reportIndex: number;
	/** Counts pane openings, so opening a pane again starts it at the top. */
	paneOpenings: number;
	/** The DAG's first drawn row before the last move (the drawn row keeps the selection in view from here). */
	dagScroll: number;
	/** The steps marked for a selective re-run (Space, `+`), in the order they were marked. */
	marked: readonly string[];
};

/** What a move needs to know about the screen: the steps in list order, the DAG and its layout, the panel size. */
export type StepPanelShape = {
	names: readonly string[];
	/** The DAG's layout, only when it fits the width. */
	layout?: DagLayout;
	dag?: Dag;
	panelHeight: number;
	/** The step shown selected until one is chosen (a failed execution opens on its first failed step). */
	preferred?: string;
};

export type ExecutionViewAction =
	| {type: 'move'; move: StepMove; shape: StepPanelShape}
	/** `shape`: from the view shown (a DAG that does not fit shows the list, so g moves on to the timeline). */
	| {type: 'cycle-view'; shape?: StepPanelShape}
	/** Chooses a step, unless one is chosen already (the failed step a failed execution opens on). */
	| {type: 'select-unless-chosen'; name: string}
	| {type: 'open-pane'; pane: Pane}
	| {type: 'close-pane'}
	| {type: 'next-report'}
	| {type: 'previous-report'}
	| {type: 'toggle-mark'; step: string}
	| {type: 'mark-downstream'; step: string; dag: Dag}
	| {type: 'clear-marks'};

export const initialViewState: ExecutionViewState = {
	view: 'dag',
	reportIndex: 0,
	paneOpenings: 0,
	dagScroll: 0,
	marked: [],
};

export function executionViewReducer(
	state: ExecutionViewState,
	action: ExecutionViewAction,
): ExecutionViewState {
	switch (action.type) {
		case 'move':
			return moveStep(state, action.move, action.shape);
		case 'select-unless-chosen':
			return state.selectedName === undefined ? {...state, selectedName: action.name} : state;
		case 'cycle-view': {
			const shown = action.shape ? shownViewOf(state.view, action.shape.layout) : state.view;
			return {...state, view: viewOrder[(viewOrder.indexOf(shown) + 1) % viewOrder.length] ?? 'dag'};
		}
		case 'open-pane':
			return {...state, pane: action.pane, reportIndex: 0, paneOpenings: state.paneOpenings + 1};
		case 'close-pane':
			return {...state, pane: undefined};
		case 'next-report':
			return {...state, reportIndex: state.reportIndex + 1};
		case 'previous-report':
			return {...state, reportIndex: state.reportIndex - 1};
		case 'toggle-mark':
			return {
				...state,
				marked: state.marked.includes(action.step)
					? state.marked.filter((name) => name !== action.step)
					: [...state.marked, action.step],
			};
		case 'mark-downstream': {
			const added = withDownstream(action.dag, action.step).filter((name) => !state.marked.includes(name));
			return added.length === 0 ? state : {...state, marked: [...state.marked, ...added]};
		}

		case 'clear-marks':
			return state.marked.length === 0 ? state : {...state, marked: []};
	}
}

/** The view drawn: the DAG only when it was laid out to fit the width (`layout` is then set). */
export function shownViewOf(view: StepPanelView, layout: DagLayout | undefined): StepPanelView {
	return view === 'dag' && layout === undefined ? 'list' : view;
}

/**
 * The selected step's position in the list: the chosen one; while none is chosen (or it is gone) the `preferred`
 * step, else the first.
 */
export function selectedIndexOf(
	state: ExecutionViewState,
	names: readonly string[],
	preferred?: string,
): number {
	const chosen = names.indexOf(state.selectedName ?? '');
	return chosen !== -1 ? chosen : Math.max(0, names.indexOf(preferred ?? ''));
}

/** The DAG's first drawn row: as close to the last one as keeps the selected box in view. */
export function dagScrollOf(state: ExecutionViewState, shape: StepPanelShape): number {
	if (!shape.layout) return 0;
	const selected = shape.names[selectedIndexOf(state, shape.names, shape.preferred)];
	return dagScrollRow(shape.layout, selected, state.dagScroll, shape.panelHeight);
}

function moveStep(state: ExecutionViewState, move: StepMove, shape: StepPanelShape): ExecutionViewState {
	const {names, layout, dag, panelHeight} = shape;
	if (names.length === 0) return state;
	const selectedIndex = selectedIndexOf(state, names, shape.preferred);
	if (shownViewOf(state.view, layout) === 'dag' && layout && dag) {
		const current = names[selectedIndex] ?? layout.boxes[0]?.name ?? '';
		let next: string | undefined;
		if (move === 'up' || move === 'down' || move === 'left' || move === 'right') {
			next = moveInDag(layout, dag, current, move);
		} else {
			const ordered = boxesInOrder(layout);
			const position = Math.max(
				0,
				ordered.findIndex((box) => box.name === current),
			);
			const page = Math.max(1, Math.floor(panelHeight / 5));
			next = ordered[moveSelection(position, move, ordered.length, page)]?.name;
		}

		return {
			...state,
			selectedName: next,
			dagScroll: dagScrollRow(layout, next, dagScrollOf(state, shape), panelHeight),
		};
	}

	if (move === 'left' || move === 'right') return state;
	return {...state, selectedName: names[moveSelection(selectedIndex, move, names.length, panelHeight - 2)]};
}
