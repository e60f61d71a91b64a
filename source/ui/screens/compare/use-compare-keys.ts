// The compare screen's keys: scrolling, showing or hiding the unchanged rows, swapping A and B, reading again.
import type {Dispatch} from 'react';
import {useScreenKeys} from '../../hooks/use-screen-keys.js';
import {compareKeymap} from '../../keys/compare-keymaps.js';
import type {CompareViewAction} from './compare-view-state.js';

export function useCompareKeys(input: {
	dispatch: Dispatch<CompareViewAction>;
	/** Lines in all, and how many are in view. */
	count: number;
	room: number;
	active: boolean;
}): void {
	const {dispatch, count, room} = input;
	useScreenKeys(
		compareKeymap,
		(intent) => {
			switch (intent) {
				case 'toggle-unchanged':
					dispatch({type: 'toggle-unchanged'});
					return;
				case 'swap':
					dispatch({type: 'swap'});
					return;
				case 'refresh':
					dispatch({type: 'reload'});
					return;
				default:
					dispatch({type: 'scroll', move: intent, count, room});
			}
		},
		{active: input.active},
	);
}
