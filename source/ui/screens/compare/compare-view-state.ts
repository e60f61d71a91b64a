// What the compare screen shows, as plain data: whether unchanged rows are shown (dimmed) or hidden, which
// execution is A, and how far the lines are scrolled. `compareViewReducer` is the only way it changes.
import {scrolled} from '../../components/scroll-pane.js';

export type CompareViewState = {
	/** Unchanged rows shown, dimmed; hidden otherwise (as `sagemon diff` without --all). */
	showUnchanged: boolean;
	/** B is shown as A and A as B (`s`). */
	swapped: boolean;
	/** The first line in view. */
	offset: number;
	/** Counts reloads (`r`), so the data is read again. */
	reloads: number;
};

export type CompareScroll = 'up' | 'down' | 'page-up' | 'page-down' | 'first' | 'last';

export type CompareViewAction =
	/** `count` lines in all, `room` of them in view. */
	| {type: 'scroll'; move: CompareScroll; count: number; room: number}
	| {type: 'toggle-unchanged'}
	| {type: 'swap'}
	| {type: 'reload'};

export const initialCompareState: CompareViewState = {
	showUnchanged: false,
	swapped: false,
	offset: 0,
	reloads: 0,
};

export function compareViewReducer(state: CompareViewState, action: CompareViewAction): CompareViewState {
	switch (action.type) {
		case 'scroll':
			return {...state, offset: scrolled(state.offset, action.move, action.count, action.room)};
		case 'toggle-unchanged':
			// The lines change under the offset: start again at the top.
			return {...state, showUnchanged: !state.showUnchanged, offset: 0};
		case 'swap':
			return {...state, swapped: !state.swapped};
		case 'reload':
			return {...state, reloads: state.reloads + 1};
	}
}
