// A screen that shows ages and running durations in whole minutes redraws as each figure turns: a row started at
// :20 shows "1m" from :20 of the next minute (within one read of the clock), not from the screen's next whole
// minute, and nothing is drawn for time alone between two turns.
import {Text} from 'ink';
import {render} from 'ink-testing-library';
import {afterEach, expect, test, vi} from 'vitest';
import {formatDuration, formatRelativeTime} from '../../../source/pipeline/format.js';
import {useElapsedUnits} from '../../../source/ui/hooks/use-ticking.js';

const start = 1_800_000_000_000;

afterEach(() => {
	vi.useRealTimers();
});

/** Rows as a list shows them: one age and one running duration per start, read from the clock at render. */
function Rows({starts, now}: {starts: number[]; now: () => number}) {
	useElapsedUnits(now, starts, 'minute', true);
	const at = now();
	return (
		<Text>
			{starts
				.map(
					(started) =>
						`${formatRelativeTime(started, at, 'minute')} ${formatDuration(at - started, 'minute')}`,
				)
				.join('\n')}
		</Text>
	);
}

test('each row’s minutes turn within a read of the clock of its own moment, whatever second it started at', async () => {
	vi.useFakeTimers();
	let time = start;
	const starts = [start - 20_000, start - 45_000, start - 3_600_000 + 7000];
	const view = render(<Rows starts={starts} now={() => time} />);
	const truth = (at: number) =>
		starts
			.map(
				(started) => `${formatRelativeTime(started, at, 'minute')} ${formatDuration(at - started, 'minute')}`,
			)
			.join('\n');
	const stale: string[] = [];
	for (let elapsed = 250; elapsed <= 240_000; elapsed += 250) {
		time = start + elapsed;
		await vi.advanceTimersByTimeAsync(250);
		// The clock is read every 5 s: what is shown was true at most 5 s ago.
		const shownSince = [...Array(21).keys()].some((step) => view.lastFrame() === truth(time - step * 250));
		if (!shownSince) stale.push(`${elapsed} ms: ${view.lastFrame()}`);
	}

	expect(stale).toEqual([]);
	// A frame for each turn (each row turns once a minute), none for time alone.
	expect(view.frames.length).toBeLessThanOrEqual(1 + 3 * 5);
	view.unmount();
});

test('draws nothing for time alone when nothing runs', async () => {
	vi.useFakeTimers();
	let time = start;
	const view = render(<Rows starts={[]} now={() => time} />);
	time += 600_000;
	await vi.advanceTimersByTimeAsync(600_000);
	expect(view.frames).toHaveLength(1);
	view.unmount();
});
