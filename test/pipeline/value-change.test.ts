import {describe, expect, test} from 'vitest';
import {
	compareValues,
	formatDurationDelta,
	formatNumberPair,
	formatPercent,
	formatValueChange,
} from '../../source/pipeline/value-change.js';

describe('value changes', () => {
	test('numbers get a delta and a percentage of the first value, without float noise', () => {
		expect(compareValues(4.5, 3.98)).toEqual({changed: true, delta: -0.52, percent: -11.5556});
		expect(compareValues(0.1, 0.3)).toEqual({changed: true, delta: 0.2, percent: 200});
		expect(compareValues(0, 2)).toEqual({changed: true, delta: 2});
		expect(compareValues(3, 3)).toEqual({changed: false, delta: 0, percent: 0});
	});

	test('texts, booleans and missing values only say whether they changed', () => {
		expect(compareValues('a', 'b')).toEqual({changed: true});
		expect(compareValues(true, true)).toEqual({changed: false});
		expect(compareValues(undefined, 1)).toEqual({changed: true});
		expect(compareValues(null, null)).toEqual({changed: false});
	});

	test('the display of a change', () => {
		expect(formatValueChange(4.5, 3.98)).toBe('4.50 → 3.98 (-11.6%)');
		expect(formatValueChange(10, 12)).toBe('10 → 12 (+20%)');
		expect(formatValueChange(0, 1)).toBe('0 → 1');
		expect(formatValueChange(7, 7)).toBe('7 (same)');
		expect(formatValueChange('ml.m5.xlarge', 'ml.m5.2xlarge')).toBe('ml.m5.xlarge → ml.m5.2xlarge');
		expect(formatValueChange(undefined, 'x')).toBe('- → x');
		expect(formatNumberPair(1e-7, 1)).toEqual(['0.000000', '1.000000']);
	});

	test('percentages and duration deltas are signed', () => {
		expect(formatPercent(-8.04, 0)).toBe('-8%');
		expect(formatPercent(0.01)).toBe('0%');
		expect(formatPercent(12.25)).toBe('+12.3%');
		expect(formatDurationDelta(72_000)).toBe('+1m 12s');
		expect(formatDurationDelta(-850)).toBe('-850ms');
		expect(formatDurationDelta(0)).toBe('0s');
	});
});
