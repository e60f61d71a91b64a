import {describe, expect, test} from 'vitest';
import {
	compareViewReducer,
	initialCompareState,
} from '../../../../source/ui/screens/compare/compare-view-state.js';

describe('compareViewReducer', () => {
	test('it starts with the changed rows only, A as given, at the top', () => {
		expect(initialCompareState).toEqual({showUnchanged: false, swapped: false, offset: 0, reloads: 0});
	});

	test('scrolling stays between the top and the last full page', () => {
		let state = compareViewReducer(initialCompareState, {type: 'scroll', move: 'down', count: 30, room: 10});
		expect(state.offset).toBe(1);
		state = compareViewReducer(state, {type: 'scroll', move: 'page-down', count: 30, room: 10});
		expect(state.offset).toBe(10);
		state = compareViewReducer(state, {type: 'scroll', move: 'last', count: 30, room: 10});
		expect(state.offset).toBe(20);
		state = compareViewReducer(state, {type: 'scroll', move: 'down', count: 30, room: 10});
		expect(state.offset).toBe(20);
		state = compareViewReducer(state, {type: 'scroll', move: 'first', count: 30, room: 10});
		expect(state.offset).toBe(0);
		state = compareViewReducer(state, {type: 'scroll', move: 'up', count: 30, room: 10});
		expect(state.offset).toBe(0);
		// Fewer lines than fit: nothing to scroll.
		expect(compareViewReducer(state, {type: 'scroll', move: 'down', count: 5, room: 10}).offset).toBe(0);
	});

	test('showing the unchanged rows toggles and starts again at the top; swapping keeps the place', () => {
		const scrolled = compareViewReducer(initialCompareState, {
			type: 'scroll',
			move: 'last',
			count: 30,
			room: 10,
		});
		const all = compareViewReducer(scrolled, {type: 'toggle-unchanged'});
		expect(all).toMatchObject({showUnchanged: true, offset: 0});
		expect(compareViewReducer(all, {type: 'toggle-unchanged'}).showUnchanged).toBe(false);
		const swapped = compareViewReducer(scrolled, {type: 'swap'});
		expect(swapped).toMatchObject({swapped: true, offset: 20});
		expect(compareViewReducer(swapped, {type: 'swap'}).swapped).toBe(false);
	});

	test('each reload counts, so the data is read again', () => {
		const once = compareViewReducer(initialCompareState, {type: 'reload'});
		expect(compareViewReducer(once, {type: 'reload'}).reloads).toBe(2);
	});
});
