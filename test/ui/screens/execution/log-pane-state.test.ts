import {describe, expect, test} from 'vitest';
import type {LogEntry} from '../../../../source/pipeline/log-buffer.js';
import {logRows} from '../../../../source/ui/screens/execution/log-pane-rows.js';
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
		// The last match is on the last page: shown there.
		expect(topRowOf(wrapped, shape)).toBe(90);
		expect(run([{type: 'next-match', matches: [], shape}], home)).toBe(home);
	});
});

describe('logRows', () => {
	const entries: LogEntry[] = [
		{timestamp: Date.UTC(2026, 0, 1, 12, 0, 1), instance: 'algo-1', message: 'start'},
		{timestamp: Date.UTC(2026, 0, 1, 12, 0, 2), instance: 'algo-2', message: 'loss=0.5 and loss=0.4'},
		{skipped: 1234},
		{
			timestamp: Date.UTC(2026, 0, 1, 12, 0, 3),
			instance: 'algo-1',
			message: `red \u001b[31mX\u001b[0m ${'y'.repeat(30)}`,
		},
	];
	const base = {...initialLogPaneState, width: 40};
	const text = (rows: ReturnType<typeof logRows>, top = 0, room = 100) =>
		rows.rows(top, room).map((line) => line.spans.map((span) => span.text).join(''));

	test('tags each line with its instance, shows the skipped marker, and sanitises escape sequences', () => {
		const rows = logRows(entries, base);
		expect(text(rows)).toEqual([
			'[algo-1] start',
			'[algo-2] loss=0.5 and loss=0.4',
			'… 1,234 lines skipped …',
			`[algo-1] red ^[[31mX^[[0m ${'y'.repeat(30)}`,
		]);
	});

	test('one instance without tags, timestamps in front, wrap into rows of the width', () => {
		const one = logRows(entries, {...base, instance: 'algo-1', timestamps: true});
		expect(text(one)).toEqual([
			'12:00:01.000 start',
			'… 1,234 lines skipped …',
			`12:00:03.000 red ^[[31mX^[[0m ${'y'.repeat(30)}`,
		]);
		const wrapped = logRows(entries, {...base, wrap: true});
		expect(wrapped.count).toBe(5);
		expect(text(wrapped, 3, 2).join('')).toBe(`[algo-1] red ^[[31mX^[[0m ${'y'.repeat(30)}`);
		expect(wrapped.text()).toContain('[algo-2] loss=0.5 and loss=0.4\n');
	});

	test('highlights every match of the search and lists the matching rows', () => {
		const rows = logRows(entries, {...base, query: 'loss'});
		expect(rows.matches).toEqual([1]);
		const spans = rows.rows(1, 1)[0]!.spans;
		expect(spans.filter((span) => span.tone === 'warning').map((span) => span.text)).toEqual([
			'loss',
			'loss',
		]);
	});
});
