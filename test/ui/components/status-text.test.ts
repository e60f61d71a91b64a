// Status cells of the lists: a Failed status followed by the failed step's name, and the column widened for it.
import {describe, expect, test} from 'vitest';
import {failedStatusCell, statusCell, statusColumnWidth} from '../../../source/ui/components/status-text.js';
import {createTheme} from '../../../source/ui/theme.js';

const theme = createTheme({color: false, unicode: true});

describe('failedStatusCell', () => {
	test('a Failed status names its failed step; other statuses are left alone', () => {
		expect(failedStatusCell(theme, 'Failed', 'AbaloneTrain +1')).toEqual({
			...statusCell(theme, 'Failed'),
			text: `${statusCell(theme, 'Failed').text} AbaloneTrain +1`,
		});
		expect(failedStatusCell(theme, 'Succeeded', 'AbaloneTrain')).toEqual(statusCell(theme, 'Succeeded'));
		expect(failedStatusCell(theme, 'Failed', undefined)).toEqual(statusCell(theme, 'Failed'));
		expect(failedStatusCell(theme, undefined, undefined, '—')).toEqual({text: '—', tone: 'muted'});
	});

	test('a step name from the service is made printable', () => {
		expect(failedStatusCell(theme, 'Failed', 'Bad\u001b[2JStep').text).not.toContain('\u001b');
	});
});

describe('statusColumnWidth', () => {
	test('the base width without failed steps, widened for the longest, at most 32', () => {
		expect(statusColumnWidth(12, [])).toBe(12);
		expect(statusColumnWidth(12, ['Train'])).toBe(16);
		expect(statusColumnWidth(12, ['A', 'AbaloneTrain +1'])).toBe(26);
		expect(statusColumnWidth(12, ['x'.repeat(80)])).toBe(32);
	});
});
