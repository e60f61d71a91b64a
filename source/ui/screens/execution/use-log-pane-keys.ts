// The log pane's keys: scrolling and following, search typed after `/` with n/N, wrap, timestamps, instance,
// save, close. Each intent becomes a log-pane action, except saving and closing, which the pane does.
import type {Dispatch} from 'react';
import {useScreenKeys} from '../../hooks/use-screen-keys.js';
import {useTextEditing} from '../../hooks/use-text-editing.js';
import {KeyPriority} from '../../keys/key-router.js';
import {logPaneKeymap, logSearchKeymap} from '../../keys/log-keymaps.js';
import type {LogPaneAction, LogPaneShape, LogPaneState} from './log-pane-state.js';

export type LogPaneKeysInput = {
	state: LogPaneState;
	dispatch: Dispatch<LogPaneAction>;
	shape: LogPaneShape;
	matches: readonly number[];
	instances: readonly string[];
	active: boolean;
	save(): void;
	close(): void;
};

export function useLogPaneKeys(input: LogPaneKeysInput): void {
	const {state, dispatch, shape, active} = input;
	useTextEditing({
		keymap: logSearchKeymap,
		active: active && state.searching,
		value: state.query,
		onChange: (query) => dispatch({type: 'edit-search', query}),
		onIntent: (intent) => {
			if (intent === 'commit') {
				dispatch({type: 'end-search', keep: true});
				dispatch({type: 'next-match', matches: input.matches, shape});
			} else if (intent === 'leave') dispatch({type: 'end-search', keep: false});
		},
	});
	useScreenKeys(
		logPaneKeymap,
		(intent) => {
			switch (intent) {
				case 'up':
				case 'down':
				case 'page-up':
				case 'page-down':
				case 'first':
				case 'last':
					dispatch({type: 'scroll', move: intent, shape});
					return;
				case 'search':
					dispatch({type: 'start-search'});
					return;
				case 'next-match':
				case 'previous-match':
					dispatch({type: intent, matches: input.matches, shape});
					return;
				case 'wrap':
					dispatch({type: 'toggle-wrap'});
					return;
				case 'timestamps':
					dispatch({type: 'toggle-timestamps'});
					return;
				case 'instance':
					dispatch({type: 'cycle-instance', instances: input.instances});
					return;
				case 'save':
					input.save();
					return;
				case 'close':
					input.close();
					return;
			}
		},
		{active: active && !state.searching, priority: KeyPriority.pane},
	);
}
