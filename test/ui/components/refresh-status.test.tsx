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
		const view = render(<RefreshStatus store={store} now={() => start + 6000} />);
		store.set({phase: 'live', updatedAt: start});
		await settle();
		expect(view.lastFrame()).toBe('updated 6s ago');
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
