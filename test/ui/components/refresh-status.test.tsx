// The header's refresh status follows its store: what it shows changes with the store and the clock, and a poll
// that leaves the text as it was draws nothing new (the watching budget of npm run bench).
import {Text} from 'ink';
import {render} from 'ink-testing-library';
import {describe, expect, test, vi} from 'vitest';
import {RefreshStatus} from '../../../source/ui/components/refresh-status.js';
import {createRefreshStore} from '../../../source/ui/refresh-store.js';

const start = 1_800_000_000_000;

async function settle(): Promise<void> {
	await new Promise((resolve) => setTimeout(resolve, 20));
}

describe('the refresh status', () => {
	test('shows each state the store is set to, as it is set', async () => {
		let time = start;
		const store = createRefreshStore();
		const view = render(<RefreshStatus store={store} now={() => time} />);
		store.set({phase: 'live', updatedAt: start});
		await settle();
		expect(view.lastFrame()).toBe('updated just now');

		store.set({phase: 'paused', updatedAt: start});
		await settle();
		expect(view.lastFrame()).toBe('paused (p resumes)');

		time = start + 120_000;
		store.set({phase: 'retrying', updatedAt: start, nextRetryAt: time + 8000, error: 'Network'});
		await settle();
		expect(view.lastFrame()).toBe('offline, retrying in 8s');

		store.set({phase: 'live', updatedAt: start});
		await settle();
		expect(view.lastFrame()).toBe('updated 2m ago');
		view.unmount();
	});

	test('once the data is final (an execution that ended) it shows no age, and no clock ticks for it', async () => {
		const started = vi.spyOn(globalThis, 'setInterval');
		const stopped = vi.spyOn(globalThis, 'clearInterval');
		const store = createRefreshStore();
		const view = render(<RefreshStatus store={store} now={() => start + 16_000} />);
		store.set({phase: 'live', updatedAt: start});
		await settle();
		expect(view.lastFrame()).toBe('updated 10s ago');
		store.set({phase: 'done', updatedAt: start});
		await settle();
		expect(view.lastFrame()).toBe('');
		// Every clock started for the age has been stopped.
		const timers = started.mock.results.map((result) => result.value);
		expect(timers.length).toBeGreaterThan(0);
		expect(stopped.mock.calls.map(([timer]) => timer)).toEqual(expect.arrayContaining(timers));
		started.mockRestore();
		stopped.mockRestore();
		view.unmount();
	});

	test('an age shows no figure finer than it is kept current at: tens of seconds within a second, then minutes', async () => {
		vi.useFakeTimers();
		let time = start;
		const store = createRefreshStore();
		const view = render(<RefreshStatus store={store} now={() => time} />);
		store.set({phase: 'live', updatedAt: start});
		await vi.advanceTimersByTimeAsync(20);
		// Sampled every 250 ms for 3 minutes with no poll: at each sample the text is the true age at its precision.
		const expected = (age: number) =>
			age < 10_000
				? 'updated just now'
				: age < 60_000
					? `updated ${Math.floor(age / 10_000) * 10}s ago`
					: `updated ${Math.floor(age / 60_000)}m ago`;
		const stale: string[] = [];
		for (let age = 250; age <= 180_000; age += 250) {
			time = start + age;
			await vi.advanceTimersByTimeAsync(250);
			// A change may take up to one read of the clock to show: 1 s for seconds, 5 s for minutes.
			const allowed = age < 61_000 ? 1000 : 5000;
			if (view.lastFrame() !== expected(age) && view.lastFrame() !== expected(age - allowed))
				stale.push(`${age} ms: ${view.lastFrame()}`);
		}
		vi.useRealTimers();
		expect(stale).toEqual([]);
		// Six changes in the first minute, then one a minute, and a frame only for a change.
		const shown = view.frames.filter(Boolean);
		expect(shown).toEqual([
			'updated just now',
			...[10, 20, 30, 40, 50].map((seconds) => `updated ${seconds}s ago`),
			...[1, 2, 3].map((minutes) => `updated ${minutes}m ago`),
		]);
		view.unmount();
	});

	test('draws nothing new when a poll leaves the text as it was', async () => {
		const store = createRefreshStore();
		const renders = {count: 0};
		const view = render(
			<>
				<RefreshStatus store={store} now={() => start} />
				<RenderCounter renders={renders} />
			</>,
		);
		store.set({phase: 'live', updatedAt: start - 1000});
		await settle();
		const frames = view.frames.length;
		for (let poll = 0; poll < 5; poll++) store.set({phase: 'live', updatedAt: start - poll * 100});
		await settle();
		expect(view.lastFrame()).toContain('updated just now');
		expect(view.frames.length).toBe(frames);
		expect(renders.count).toBe(1);
		view.unmount();
	});
});

/** A sibling that counts how often its parent tree re-renders it. */
function RenderCounter({renders}: {renders: {count: number}}) {
	renders.count++;
	return <Text>|</Text>;
}
