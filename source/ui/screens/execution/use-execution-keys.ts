// The execution screen's keys: each intent of the screen's keymap (or, while a pane is open, of the pane's) becomes
// a view-state action or a call (pause, refresh, stop, retry, delete, start again from here with the marked
// steps). Scrolling a pane is the pane's own layer.
import type {Dispatch} from 'react';
import {sanitizeText} from '../../../pipeline/sanitize.js';
import {selectionProblem} from '../../../pipeline/selection.js';
import type {ExecutionPoller} from '../../../watch/execution-poller.js';
import type {PollPhase} from '../../../watch/polling-store.js';
import {useNavigation, useScreenHost} from '../../app-context.js';
import type {ExecutionRef} from '../../execution-actions.js';
import {useCopy} from '../../clipboard.js';
import {useExecutionActions} from '../../hooks/use-execution-actions.js';
import type {ListFilter} from '../../hooks/use-list-filter.js';
import {useScreenKeys} from '../../hooks/use-screen-keys.js';
import {withoutInFooter} from '../../keys/bindings.js';
import {KeyPriority} from '../../keys/key-router.js';
import {executionKeymap, paneKeymap} from '../../keys/keymaps.js';
import {triagePaneKeymap} from '../../keys/triage-keymaps.js';
import type {StepView} from '../../../pipeline/execution-state.js';
import type {StepDefinition} from '../../../pipeline/model.js';
import {modelsRouteOf} from '../models/models-route.js';
import type {ExecutionViewAction, ExecutionViewState, Pane, StepPanelShape} from './execution-view-state.js';

export type ExecutionKeysInput = {
	state: ExecutionViewState;
	dispatch: Dispatch<ExecutionViewAction>;
	shape: StepPanelShape;
	/** The selected step's name, when there is a step. */
	selected: string | undefined;
	/** The selected step as drawn, and the definition's steps by name (for M and c). */
	selectedView?: StepView | undefined;
	steps?: ReadonlyMap<string, StepDefinition>;
	/** c on the selected step: answer it when it is a waiting Callback step. */
	onCallback?: () => void;
	execution: ExecutionRef;
	pipelineName: string;
	poller: Pick<ExecutionPoller, 'pause' | 'resume' | 'refreshNow'>;
	phase: PollPhase;
	ended: boolean;
	active: boolean;
	/** The `/` filter over the steps. */
	filter: Pick<ListFilter, 'start' | 'clear'>;
	/** The next command the triage gives for the selected failed step (else the first), for `y` in the why pane. */
	nextAction?: string | undefined;
};

/** Once the execution has ended the footer no longer offers `x stop` (the key still answers that it has ended). */
const endedKeymap = withoutInFooter(executionKeymap, ['stop']);

export function useExecutionKeys(input: ExecutionKeysInput): void {
	const {state, dispatch, shape, selected, execution, poller, active} = input;
	const shell = useScreenHost();
	const navigation = useNavigation();
	const actions = useExecutionActions();
	const copy = useCopy();

	const openPane = (pane: Pane) => {
		if ((pane === 'details' || pane === 'reports') && selected === undefined)
			shell.notify('No step is selected.', 'error');
		else dispatch({type: 'open-pane', pane});
	};

	/** `s`: the start form prefilled from this execution; with marks, checked first as the service would. */
	const startAgain = () => {
		const marked = state.marked;
		if (marked.length > 0) {
			if (!shape.dag || execution.status === undefined) {
				shell.notify('The execution is still being read; try again in a moment.', 'info');
				return;
			}

			const problem = selectionProblem(shape.dag, [...marked], {
				arn: execution.arn,
				status: execution.status,
			});
			if (problem) {
				shell.notify(sanitizeText(problem), 'error');
				return;
			}
		}

		const inOrder = shape.names.filter((name) => marked.includes(name));
		navigation.push({
			kind: 'start',
			pipelineName: input.pipelineName,
			from: {executionArn: execution.arn, ...(inOrder.length > 0 ? {steps: inOrder} : {})},
		});
	};

	useScreenKeys(
		input.ended ? endedKeymap : executionKeymap,
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
					dispatch({type: 'move', move: intent, shape});
					return;
				case 'view':
					dispatch({type: 'cycle-view', shape});
					return;
				case 'details':
				case 'reports':
				case 'parameters':
				case 'logs':
				case 'why':
					openPane(intent);
					return;
				case 'models': {
					const view = input.selectedView;
					const target = modelsRouteOf(view, view ? input.steps?.get(view.name) : undefined);
					if ('problem' in target) shell.notify(target.problem, 'error');
					else navigation.push(target);
					return;
				}

				case 'callback':
					input.onCallback?.();
					return;
				case 'pause':
					if (input.phase === 'paused') {
						poller.resume();
						shell.notify('Refreshing again.', 'info');
					} else if (input.ended || input.phase === 'done') {
						shell.notify('The execution has ended, so there is nothing to refresh.', 'info');
					} else {
						poller.pause();
						shell.notify('Refresh paused; p resumes.', 'info');
					}
					return;
				case 'refresh':
					poller.refreshNow();
					return;
				case 'copy':
					copy(execution.arn, 'the execution ARN');
					return;
				case 'filter':
					input.filter.start();
					return;
				case 'clear-filter':
					// Esc clears a kept filter; without one it goes back.
					return input.filter.clear() ? undefined : false;
				case 'stop':
					actions.stop(execution, () => poller.refreshNow());
					return;
				case 'retry':
					actions.retry(execution, () => poller.refreshNow());
					return;
				case 'compare':
					navigation.push({kind: 'compare', pipelineName: input.pipelineName, executionB: execution.arn});
					return;
				case 'delete':
					actions.deletePipeline(input.pipelineName, () => navigation.reset([{kind: 'pipelines'}]));
					return;
				case 'mark':
				case 'mark-downstream':
					if (selected === undefined) shell.notify('No step is selected.', 'error');
					else if (intent === 'mark') dispatch({type: 'toggle-mark', step: selected});
					else if (shape.dag) dispatch({type: 'mark-downstream', step: selected, dag: shape.dag});
					else shell.notify('The DAG is still being read.', 'info');
					return;
				case 'clear-marks':
					dispatch({type: 'clear-marks'});
					return;
				case 'start-again':
					startAgain();
					return;
			}
		},
		{active: active && state.pane === undefined},
	);

	useScreenKeys(
		state.pane === 'why' ? triagePaneKeymap : paneKeymap,
		(intent) => {
			switch (intent) {
				case 'retry':
					actions.retry(execution, () => poller.refreshNow());
					return;
				case 'copy-next':
					if (input.nextAction) copy(input.nextAction, 'the next command');
					else shell.notify('Nothing has failed, so there is no next command to copy.', 'info');
					return;
				case 'close':
					dispatch({type: 'close-pane'});
					return;
				case 'next':
				case 'previous':
					if (state.pane !== 'reports') return false;
					dispatch({type: intent === 'next' ? 'next-report' : 'previous-report'});
					return;
				case 'reports':
				case 'details':
				case 'logs':
					openPane(intent);
					return;
				default:
					// Scrolling belongs to the pane's own layer.
					return false;
			}
		},
		// The log pane has its own keys (log-pane.tsx).
		{active: active && state.pane !== undefined && state.pane !== 'logs', priority: KeyPriority.pane},
	);
}
