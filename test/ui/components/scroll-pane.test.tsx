import {describe, expect, test} from 'vitest';
import {scrolled} from '../../../source/ui/components/scroll-pane.js';

// 30 lines in a pane with room for 10: the last full page starts at line 20.
const count = 30;
const room = 10;

describe('scrolled', () => {
	test('a line at a time, never above the top or past the last full page', () => {
		expect(scrolled(0, 'down', count, room)).toBe(1);
		expect(scrolled(0, 'up', count, room)).toBe(0);
		expect(scrolled(20, 'down', count, room)).toBe(20);
		expect(scrolled(5, 'up', count, room)).toBe(4);
	});

	test('a page keeps one line of the last page in view; Home and End go to either end', () => {
		expect(scrolled(0, 'page-down', count, room)).toBe(9);
		expect(scrolled(15, 'page-down', count, room)).toBe(20);
		expect(scrolled(12, 'page-up', count, room)).toBe(3);
		expect(scrolled(12, 'first', count, room)).toBe(0);
		expect(scrolled(0, 'last', count, room)).toBe(20);
	});

	test('lines that fit do not scroll, and an offset past a shrunk text comes back from its end', () => {
		expect(scrolled(0, 'down', 5, room)).toBe(0);
		expect(scrolled(0, 'last', 5, room)).toBe(0);
		expect(scrolled(25, 'up', count, room)).toBe(19);
	});
});
