import {describe, expect, test} from 'vitest';
import {
	formatDuration,
	formatRelativeTime,
	formatTimestamp,
	truncateEnd,
	unitOf,
} from '../../source/pipeline/format.js';

describe('formatDuration', () => {
	test('picks the two most useful units', () => {
		expect(formatDuration(850)).toBe('850ms');
		expect(formatDuration(12_400)).toBe('12s');
		expect(formatDuration(65_000)).toBe('1m 05s');
		expect(formatDuration((2 * 60 + 3) * 60_000)).toBe('2h 03m');
		expect(formatDuration((3 * 24 + 4) * 3_600_000)).toBe('3d 4h');
		expect(formatDuration(-5)).toBe('0ms');
		expect(formatDuration(Number.NaN)).toBe('0ms');
	});

	test('at minute precision shows no seconds it would not keep current', () => {
		expect(formatDuration(44_000, 'minute')).toBe('<1m');
		expect(formatDuration(135_000, 'minute')).toBe('2m');
		expect(formatDuration((60 + 5) * 60_000 + 30_000, 'minute')).toBe('1h 05m');
		expect(formatDuration(-1, 'minute')).toBe('<1m');
		expect(unitOf('minute')).toBe(60_000);
		expect(unitOf('second')).toBe(1000);
	});
});

describe('formatRelativeTime', () => {
	const now = Date.UTC(2026, 10, 24, 13, 0, 0);
	test('says how long ago', () => {
		expect(formatRelativeTime(now - 2000, now)).toBe('just now');
		expect(formatRelativeTime(now + 60_000, now)).toBe('just now');
		expect(formatRelativeTime(now - 12_000, now)).toBe('12s ago');
		expect(formatRelativeTime(now - 5 * 60_000, now)).toBe('5m ago');
		expect(formatRelativeTime(now - 3 * 3_600_000, now)).toBe('3h ago');
		expect(formatRelativeTime(now - 2 * 86_400_000, now)).toBe('2d ago');
	});

	test('at minute precision an age under a minute is "just now"', () => {
		expect(formatRelativeTime(now - 40_000, now, 'minute')).toBe('just now');
		expect(formatRelativeTime(now - 150_000, now, 'minute')).toBe('2m ago');
	});
});

describe('formatTimestamp', () => {
	const at = Date.UTC(2026, 10, 24, 13, 5, 12);
	test('UTC by default, or shifted by an offset', () => {
		expect(formatTimestamp(at)).toBe('2026-11-24 13:05:12');
		expect(formatTimestamp(at, {timeZoneOffsetMinutes: 60})).toBe('2026-11-24 14:05:12');
		expect(formatTimestamp(at, {timeZoneOffsetMinutes: -14 * 60})).toBe('2026-11-23 23:05:12');
		expect(formatTimestamp(Number.NaN)).toBe('-');
	});
});

describe('truncateEnd', () => {
	test('cuts by display width and ends with an ellipsis', () => {
		expect(truncateEnd('AbaloneProcess', 20)).toBe('AbaloneProcess');
		expect(truncateEnd('AbaloneProcess', 8)).toBe('Abalone…');
		expect(truncateEnd('模型模型模型', 5)).toBe('模型…');
		expect(truncateEnd('🚀🚀🚀', 4)).toBe('🚀…');
		expect(truncateEnd('abc', 1)).toBe('…');
		expect(truncateEnd('abc', 0)).toBe('');
	});
});
