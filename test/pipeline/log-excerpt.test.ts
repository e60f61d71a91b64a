import {describe, expect, test} from 'vitest';
import {selectLogExcerpt} from '../../source/pipeline/log-excerpt.js';

const numbered = (count: number) => Array.from({length: count}, (_, index) => `line ${index + 1}`);

describe('selectLogExcerpt', () => {
	test('without a traceback: the last N lines, trailing blank lines dropped', () => {
		expect(selectLogExcerpt([...numbered(30), '', '  '], 3)).toEqual(['line 28', 'line 29', 'line 30']);
		expect(selectLogExcerpt(numbered(2), 20)).toEqual(['line 1', 'line 2']);
	});

	test('the last traceback to the end of the log, even when it is shorter than N', () => {
		const log = [
			'Traceback (most recent call last):',
			'ValueError: first',
			'retrying',
			'  Traceback (most recent call last):',
			'  File "evaluate.py", line 40, in <module>',
			'ZeroDivisionError: division by zero',
		];
		expect(selectLogExcerpt(log, 20)).toEqual(log.slice(3));
	});

	test('a traceback longer than N keeps its header and its last lines', () => {
		const frames = numbered(10).map((line) => `  File "x.py", ${line}`);
		const log = ['start', 'Traceback (most recent call last):', ...frames, 'KeyError: x'];
		expect(selectLogExcerpt(log, 3)).toEqual([
			'Traceback (most recent call last):',
			'  File "x.py", line 10',
			'KeyError: x',
		]);
		expect(selectLogExcerpt(log, 1)).toEqual(['KeyError: x']);
	});

	test('no lines asked or none written give none', () => {
		expect(selectLogExcerpt(numbered(5), 0)).toEqual([]);
		expect(selectLogExcerpt([], 20)).toEqual([]);
	});
});
