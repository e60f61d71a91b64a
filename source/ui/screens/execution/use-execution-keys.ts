// The execution screen's keys: each intent of the screen's keymap (or, while a pane is open, of the pane's) becomes
// a view-state action or a call (pause, refresh, stop, retry, delete). Scrolling a pane is the pane's own layer.
import type {Dispatch} from 'react';
import type {ExecutionPoller} from '../../../watch/execution-poller.js';
import type {PollPhase} from '../../../watch/polling-store.js';
import {useNavigation, useScreenHost} from '../../app-context.js';
import type {ExecutionRef} from '../../execution-actions.js';
import {useCopy} from '../../clipboard.js';
import {useExecutionActions} from '../../hooks/use-execution-actions.js';
import type {ListFilter} from '../../hooks/use-list-filter.js';
import {useScreenKeys} from '../../hooks/use-screen-keys.js';
import {KeyPriority} from '../../keys/key-router.js';
import {executionKeymap, paneKeymap} from '../../keys/keymaps.js';
import type {ExecutionViewAction, ExecutionViewState, Pane, StepPanelShape} from './execution-view-state.js';

export type ExecutionKeysInput = {
	state: ExecutionViewState;
	dispatch: Dispatch<ExecutionViewAction>;
	shape: StepPanelShape;
	/** The selected step's name, when there is a step. */
	selected: string | undefined;
	execution: ExecutionRef;
	pipelineName: string;
	poller: Pick<ExecutionPoller, 'pause' | 'resume' | 'refreshNow'>;
	phase: PollPhase;
	ended: boolean;
	active: boolean;
	/** The `/` filter over the steps. */
	filter: Pick<ListFilter, 'start' | 'clear'>;
};

/** Once the execution has ended the footer no longer offers `x stop` (the key still answers that it has ended). */
const endedKeymap = executionKeymap.map((binding) =>
	binding.intent === 'stop' ? {...binding, footer: false} : binding,
) as unknown as typeof executionKeymap;

export function useExecutionKeys(input: ExecutionKeysInput): void {
	const {state, dispatch, shape, selected, execution, poller, active} = input;
	const shell = useScreenHost();
	const navigation = useNavigation();
	const actions = useExecutionActions();
	const copy = useCopy();

	const openPane = (pane: Pane) => {
		if (pane !== 'parameters' && selected === undefined) shell.notify('No step is selected.', 'error');
		else dispatch({type: 'open-pane', pane});
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
					dispatch({type: 'cycle-view'});
					return;
				case 'details':
				case 'reports':
				case 'parameters':
					openPane(intent);
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
				case 'delete':
					actions.deletePipeline(input.pipelineName, () => navigation.reset([{kind: 'pipelines'}]));
					return;
			}
		},
		{active: active && state.pane === undefined},
	);

	useScreenKeys(
		paneKeymap,
		(intent) => {
			switch (intent) {
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
					openPane(intent);
					return;
				default:
					// Scrolling belongs to the pane's own layer.
					return false;
			}
		},
		{active: active && state.pane !== undefined, priority: KeyPriority.pane},
	);
}
