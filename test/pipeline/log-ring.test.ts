// The ring of a log's last lines: time order across many turns, late lines placed by time after it wrapped,
// instances kept by name, and never more lines than its capacity.
import {describe, expect, it} from 'vitest';
import {type LogLine, LogRing} from '../../source/pipeline/log-ring.js';

const line = (timestamp: number, instance = 'algo-1'): LogLine => ({
	timestamp,
	instance,
	message: `${instance} at ${timestamp}`,
});
const all = (ring: LogRing) => Array.from({length: ring.length}, (_, index) => ring.at(index));

describe('LogRing', () => {
	it('keeps the newest lines in time order through many turns, with their instances', () => {
		const ring = new LogRing(5);
		let dropped = 0;
		for (let time = 1; time <= 23; time++) dropped += ring.add(line(time, `algo-${(time % 3) + 1}`));
		expect(dropped).toBe(18);
		expect(all(ring)).toEqual([19, 20, 21, 22, 23].map((time) => line(time, `algo-${(time % 3) + 1}`)));
		expect(ring.at(5)).toBeUndefined();
	});

	it('places a late line by its time after the ring wrapped, dropping the oldest', () => {
		const ring = new LogRing(4);
		for (const time of [10, 20, 30, 40, 50, 60]) ring.add(line(time));
		expect(ring.add(line(45, 'algo-2'))).toBe(1);
		expect(ring.add(line(5, 'algo-2'))).toBe(1);
		expect(all(ring).map((kept) => kept!.message)).toEqual([
			'algo-1 at 40',
			'algo-2 at 45',
			'algo-1 at 50',
			'algo-1 at 60',
		]);
	});
});
