import {describe, expect, test} from 'vitest';
import type {LogEntry} from '../../../../source/pipeline/log-buffer.js';
import {logRows} from '../../../../source/ui/screens/execution/log-pane-rows.js';
import {initialLogPaneState} from '../../../../source/ui/screens/execution/log-pane-state.js';

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
