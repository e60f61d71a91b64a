import {describe, expect, test} from 'vitest';
import {validateDefinition} from '../../../../source/pipeline/dag.js';
import {layoutDag} from '../../../../source/pipeline/layout-dag.js';
import {
	dagScrollOf,
	type ExecutionViewAction,
	type ExecutionViewState,
	executionViewReducer,
	initialViewState,
	type StepPanelShape,
	selectedIndexOf,
	shownViewOf,
} from '../../../../source/ui/screens/execution/execution-view-state.js';
import {readFixture} from '../../../helpers/fixtures.js';

const {dag, definition} = validateDefinition(readFixture('abalone-tutorial.json'));
if (!dag || !definition) throw new Error('the abalone fixture has no DAG');
const laid = layoutDag(dag, {maxWidth: 120, direction: 'down'});
if (!laid.fits) throw new Error(laid.reason);
const layout = laid;
const names = definition.steps.map((step) => step.name);

const inList: StepPanelShape = {names, panelHeight: 20};
const inDag: StepPanelShape = {names, layout, dag, panelHeight: 20};

function run(
	actions: ExecutionViewAction[],
	from: ExecutionViewState = initialViewState,
): ExecutionViewState {
	return actions.reduce(executionViewReducer, from);
}

const move = (how: Extract<ExecutionViewAction, {type: 'move'}>['move'], shape: StepPanelShape) =>
	({type: 'move', move: how, shape}) as const;

describe('the execution view state', () => {
	test('opens on the DAG with the first step selected and no pane', () => {
		expect(initialViewState.view).toBe('dag');
		expect(selectedIndexOf(initialViewState, names)).toBe(0);
		expect(initialViewState.pane).toBeUndefined();
	});

	test('g cycles DAG, list, timeline and back; a DAG that does not fit is shown as the list', () => {
		const views = [1, 2, 3].map((count) =>
			run(Array.from({length: count}, () => ({type: 'cycle-view'}) as const)),
		);
		expect(views.map((state) => state.view)).toEqual(['list', 'timeline', 'dag']);
		expect(shownViewOf('dag', undefined)).toBe('list');
		expect(shownViewOf('dag', layout)).toBe('dag');
		expect(shownViewOf('timeline', undefined)).toBe('timeline');
	});

	test('g from a DAG too wide for the screen (shown as the list) goes on to the timeline, not to the same list', () => {
		const wide = {...inList, layout: undefined};
		const once = run([{type: 'cycle-view', shape: wide}]);
		expect(once.view).toBe('timeline');
		const twice = run([{type: 'cycle-view', shape: wide}], once);
		expect(shownViewOf(twice.view, undefined)).toBe('list');
		// Where the DAG fits, g goes from it to the list as before.
		expect(run([{type: 'cycle-view', shape: {...inList, layout}}]).view).toBe('list');
	});

	test('in the list, moves go row by row, by page, to either end, and left/right do nothing', () => {
		const list = run([{type: 'cycle-view'}]);
		expect(run([move('down', inList), move('down', inList)], list).selectedName).toBe(names[2]);
		expect(run([move('last', inList)], list).selectedName).toBe(names.at(-1));
		expect(run([move('last', inList), move('first', inList)], list).selectedName).toBe(names[0]);
		expect(run([move('up', inList)], list).selectedName).toBe(names[0]);
		expect(run([move('page-down', {...inList, panelHeight: 4})], list).selectedName).toBe(names[2]);
		expect(run([move('right', inList)], list)).toBe(list);
	});

	test('in the DAG, down goes to a child and up back to a parent', () => {
		const down = run([move('down', inDag)]);
		const child = down.selectedName ?? '';
		expect(dag.edges.some((edge) => edge.from === names[0] && edge.to === child)).toBe(true);
		const up = run([move('up', inDag)], down);
		expect(dag.edges.some((edge) => edge.from === up.selectedName && edge.to === child)).toBe(true);
	});

	test('in the DAG, End selects the last box in reading order and the view scrolls to keep it whole', () => {
		const short: StepPanelShape = {...inDag, panelHeight: 8};
		const end = run([move('last', short)]);
		const last = [...layout.boxes].sort((a, b) => a.layer - b.layer || a.y - b.y || a.x - b.x).at(-1);
		expect(end.selectedName).toBe(last?.name);
		const row = dagScrollOf(end, short);
		expect(last && row <= last.y && last.y + last.height <= row + 8).toBe(true);
		expect(dagScrollOf(run([move('first', short)], end), short)).toBe(0);
	});

	test('no steps yet: moves change nothing', () => {
		expect(run([move('down', {names: [], panelHeight: 20})])).toBe(initialViewState);
	});

	test('a pane opens at the first report, tab cycles reports, and each opening is counted', () => {
		const opened = run([{type: 'open-pane', pane: 'reports'}, {type: 'next-report'}, {type: 'next-report'}]);
		expect(opened).toMatchObject({pane: 'reports', reportIndex: 2, paneOpenings: 1});
		expect(run([{type: 'previous-report'}], opened).reportIndex).toBe(1);
		const again = run([{type: 'open-pane', pane: 'reports'}], opened);
		expect(again).toMatchObject({reportIndex: 0, paneOpenings: 2});
		expect(run([{type: 'close-pane'}], again).pane).toBeUndefined();
	});
});

describe('marking steps for a re-run', () => {
	test('Space marks a step and marks it off again, keeping the others', () => {
		const marked = run([
			{type: 'toggle-mark', step: 'AbaloneTrain'},
			{type: 'toggle-mark', step: 'AbaloneEval'},
		]);
		expect(marked.marked).toEqual(['AbaloneTrain', 'AbaloneEval']);
		expect(run([{type: 'toggle-mark', step: 'AbaloneTrain'}], marked).marked).toEqual(['AbaloneEval']);
	});

	test('marks a step and everything downstream of it, adding to what is marked', () => {
		const fromEval = run([{type: 'mark-downstream', step: 'AbaloneEval', dag}]);
		expect(fromEval.marked).toEqual([
			'AbaloneEval',
			'AbaloneMSECond',
			'AbaloneRegisterModel',
			'AbaloneCreateModel',
			'AbaloneTransform',
		]);
		const withTrain = run(
			[
				{type: 'toggle-mark', step: 'AbaloneTrain'},
				{type: 'mark-downstream', step: 'AbaloneCreateModel', dag},
			],
			initialViewState,
		);
		expect(withTrain.marked).toEqual(['AbaloneTrain', 'AbaloneCreateModel', 'AbaloneTransform']);
		expect(run([{type: 'mark-downstream', step: 'AbaloneTransform', dag}], fromEval)).toBe(fromEval);
	});

	test('clearing forgets every mark, and moving or changing view keeps them', () => {
		const marked = run([
			{type: 'toggle-mark', step: 'AbaloneTrain'},
			move('down', inList),
			{type: 'cycle-view'},
		]);
		expect(marked.marked).toEqual(['AbaloneTrain']);
		expect(run([{type: 'clear-marks'}], marked).marked).toEqual([]);
	});
});

describe('a failed execution opens on its failed step', () => {
	test('the preferred step is selected until one is chosen, and moves start from it', () => {
		const preferred = 'AbaloneTrain';
		expect(selectedIndexOf(initialViewState, names, preferred)).toBe(names.indexOf(preferred));
		expect(selectedIndexOf(initialViewState, names, 'NoSuchStep')).toBe(0);
		const down = run([move('down', {...inList, preferred})]);
		expect(down.selectedName).toBe(names[names.indexOf(preferred) + 1]);
		// A chosen step wins over the preferred one.
		expect(selectedIndexOf(down, names, preferred)).toBe(names.indexOf(preferred) + 1);
	});

	test('select-unless-chosen pins the failed step once, and never overrides a choice', () => {
		const pinned = run([{type: 'select-unless-chosen', name: 'AbaloneTrain'}]);
		expect(pinned.selectedName).toBe('AbaloneTrain');
		const chosen = run([move('down', inList), {type: 'select-unless-chosen', name: 'AbaloneTrain'}]);
		expect(chosen.selectedName).toBe(names[1]);
	});

	test('w opens the triage pane like the other panes', () => {
		const open = run([{type: 'open-pane', pane: 'why'}]);
		expect(open.pane).toBe('why');
		expect(run([{type: 'close-pane'}], open).pane).toBeUndefined();
	});
});
