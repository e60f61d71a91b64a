// The bounded log buffer: first and last lines of a huge log with the count skipped between, merging streams
// by time with their instance tags, long lines cut, and memory bounded however many lines a job writes.
import {describe, expect, it} from 'vitest';
import {LogBuffer, type LogLine, mergeByTimestamp} from '../../source/pipeline/log-buffer.js';

const line = (timestamp: number, message = `line ${timestamp}`, instance = 'algo-1'): LogLine => ({
	timestamp,
	instance,
	message,
});

describe('LogBuffer', () => {
	it('keeps every line of a short log, with no marker', () => {
		const buffer = new LogBuffer({head: 3, tail: 3});
		buffer.add([line(1), line(2), line(3), line(4)]);
		expect(buffer.entries().map((entry) => ('message' in entry ? entry.message : entry))).toEqual([
			'line 1',
			'line 2',
			'line 3',
			'line 4',
		]);
		expect(buffer.skipped).toBe(0);
	});

	it('keeps the first and last lines of a long log and says how many it skipped', () => {
		const buffer = new LogBuffer({head: 2, tail: 3});
		for (let time = 1; time <= 10; time++) buffer.add([line(time)]);
		expect(buffer.entries().map((entry) => ('message' in entry ? entry.message : entry))).toEqual([
			'line 1',
			'line 2',
			{skipped: 5},
			'line 8',
			'line 9',
			'line 10',
		]);
		expect(buffer.total).toBe(10);
	});

	it('merges a batch from several instances by timestamp, and places a late line by its time', () => {
		const buffer = new LogBuffer({head: 0, tail: 10});
		buffer.add([line(1, 'a1'), line(3, 'a3'), line(2, 'b2', 'algo-2'), line(4, 'b4', 'algo-2')]);
		buffer.add([line(5, 'a5')]);
		buffer.add([line(4, 'b4 late', 'algo-2')]);
		expect(buffer.lines().map((kept) => `${kept.instance} ${kept.message}`)).toEqual([
			'algo-1 a1',
			'algo-2 b2',
			'algo-1 a3',
			'algo-2 b4',
			'algo-2 b4 late',
			'algo-1 a5',
		]);
	});

	it('cuts a 10 MB line and says how much it cut', () => {
		const buffer = new LogBuffer({head: 5, tail: 5, maxLineLength: 100});
		buffer.add([line(1, 'x'.repeat(10 * 1024 * 1024))]);
		const [kept] = buffer.lines();
		expect(kept!.message).toBe(`${'x'.repeat(100)}… (${10 * 1024 * 1024 - 100} more characters)`);
	});

	it('holds at most head + tail lines through a 2-hour job writing 10 lines a second', () => {
		const buffer = new LogBuffer({head: 500, tail: 2000});
		let most = 0;
		for (let second = 0; second < 7200; second++) {
			buffer.add(
				Array.from({length: 10}, (_, index) => line(second * 1000 + index * 100, `s${second} #${index}`)),
			);
			most = Math.max(most, buffer.retained);
		}

		expect(most).toBe(500 + 2000);
		expect(buffer.total).toBe(72_000);
		expect(buffer.skipped).toBe(72_000 - 2500);
		expect(buffer.lines().at(-1)?.message).toBe('s7199 #9');
		expect(buffer.lines()[0]?.message).toBe('s0 #0');
	});

	it('places a late line among the last lines once the tail is full, and drops one older than all of them', () => {
		const buffer = new LogBuffer({head: 1, tail: 4});
		for (let time = 1; time <= 8; time += 1) buffer.add([line(time * 10)]);
		buffer.add([line(65, 'late')]);
		buffer.add([line(41, 'too late')]);
		buffer.add([line(90)]);
		expect(buffer.entries().map((entry) => ('message' in entry ? entry.message : entry))).toEqual([
			'line 10',
			{skipped: 6},
			'late',
			'line 70',
			'line 80',
			'line 90',
		]);
		expect(buffer.total).toBe(11);
		expect(buffer.retained).toBe(5);
	});

	it('keeps only the time, instance and message of each event', () => {
		const buffer = new LogBuffer({head: 1, tail: 1});
		buffer.add([{...line(1), stream: 'job/algo-1-1', ingestionTime: 2} as LogLine]);
		expect(buffer.lines()).toEqual([line(1)]);
		expect(Object.keys(buffer.lines()[0]!)).toEqual(['timestamp', 'instance', 'message']);
	});

	it('reads every entry by index, as entries() lists them, without copying them', () => {
		const buffer = new LogBuffer({head: 3, tail: 5});
		for (let time = 1; time <= 40; time++)
			buffer.add([line(time, `m${time}`, time % 2 ? 'algo-1' : 'algo-2')]);
		const entries = buffer.entries();
		expect(buffer.length).toBe(entries.length);
		expect(Array.from({length: buffer.length}, (_, index) => buffer.at(index))).toEqual(entries);
		expect(buffer.at(buffer.length)).toBeUndefined();
		expect(buffer.at(-1)).toBeUndefined();
	});
});

describe('mergeByTimestamp', () => {
	it('interleaves streams by time, ties in stream order', () => {
		const merged = mergeByTimestamp([
			[line(1, 'a'), line(5, 'c')],
			[line(1, 'b', 'algo-2'), line(6, 'd', 'algo-2')],
			[],
		]);
		expect(merged.map((kept) => kept.message)).toEqual(['a', 'b', 'c', 'd']);
	});
});
