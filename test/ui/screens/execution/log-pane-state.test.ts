import {describe, expect, test} from 'vitest';
import {
	initialLogPaneState,
	type LogPaneAction,
	type LogPaneState,
	logPaneReducer,
	topRowOf,
} from '../../../../source/ui/screens/execution/log-pane-state.js';

const shape = {rows: 100, room: 10};
const run = (actions: LogPaneAction[], state: LogPaneState = initialLogPaneState) =>
	actions.reduce(logPaneReducer, state);

describe('logPaneReducer', () => {
	test('follows the end until the user scrolls up, and End follows again (less +F)', () => {
		expect(topRowOf(initialLogPaneState, shape)).toBe(90);
		// New lines arrived: still at the end.
		expect(topRowOf(initialLogPaneState, {rows: 150, room: 10})).toBe(140);
		const up = run([{type: 'scroll', move: 'up', shape}]);
		expect(up).toMatchObject({following: false, offset: 89});
		expect(topRowOf(up, {rows: 150, room: 10})).toBe(89);
		const paged = run([{type: 'scroll', move: 'page-up', shape}], up);
		expect(topRowOf(paged, shape)).toBe(80);
		const end = run([{type: 'scroll', move: 'last', shape}], paged);
		expect(end.following).toBe(true);
		const home = run([{type: 'scroll', move: 'first', shape}], end);
		expect(home).toMatchObject({following: false, offset: 0});
		// Scrolling down onto the last page follows again.
		const down = run(
			[
				{type: 'scroll', move: 'page-down', shape: {rows: 15, room: 10}},
				{type: 'scroll', move: 'down', shape: {rows: 15, room: 10}},
			],
			home,
		);
		expect(down.following).toBe(true);
	});

	test('toggles wrap and timestamps; cycles one instance at a time, then all', () => {
		const state = run([{type: 'toggle-wrap'}, {type: 'toggle-timestamps'}]);
		expect(state).toMatchObject({wrap: true, timestamps: true});
		const instances = ['algo-1', 'algo-2'];
		const first = run([{type: 'cycle-instance', instances}], state);
		expect(first.instance).toBe('algo-1');
		const second = run([{type: 'cycle-instance', instances}], first);
		expect(second.instance).toBe('algo-2');
		expect(run([{type: 'cycle-instance', instances}], second).instance).toBeUndefined();
	});

	test('search: typed, kept on enter, cleared on esc; n/N jump between matching rows and wrap around', () => {
		const typed = run([{type: 'start-search'}, {type: 'edit-search', query: 'loss'}]);
		expect(typed).toMatchObject({searching: true, query: 'loss'});
		expect(run([{type: 'end-search', keep: false}], typed).query).toBe('');
		const kept = run([{type: 'end-search', keep: true}], typed);
		expect(kept).toMatchObject({searching: false, query: 'loss'});
		const matches = [5, 40, 95];
		const home = run([{type: 'scroll', move: 'first', shape}], kept);
		const n1 = run([{type: 'next-match', matches, shape}], home);
		expect(topRowOf(n1, shape)).toBe(5);
		const n2 = run([{type: 'next-match', matches, shape}], n1);
		expect(topRowOf(n2, shape)).toBe(40);
		const back = run([{type: 'previous-match', matches, shape}], n2);
		expect(topRowOf(back, shape)).toBe(5);
		const wrapped = run([{type: 'previous-match', matches, shape}], back);
		// The last match is on the last page: shown there; n goes on from it, around to the first.
		expect(topRowOf(wrapped, shape)).toBe(90);
		expect(topRowOf(run([{type: 'next-match', matches, shape}], wrapped), shape)).toBe(5);
		expect(run([{type: 'next-match', matches: [], shape}], home)).toBe(home);
	});
});
