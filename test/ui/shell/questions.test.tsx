// A question is never cut, even at the smallest size the UI draws (40×10): it takes the screen's rows, then the
// header's, then the blank line above the footer's keys, then its own border, and the screen under it is hidden
// rather than drawn over it. The name a delete asks for is typed in a field that moves and edits as in a shell.
import {expect, test} from 'vitest';
import {keys, renderApp} from '../app-harness.js';
import {createFakePipelines, fakeAccess} from '../fake-pipelines.js';

const flat = (screen: string) => screen.replace(/[│╭╮╰╯─]/g, ' ').replace(/\s+/g, ' ');

test('at 40×10 the delete question is whole, with its warning and its keys, also after a wrong name', async () => {
	const pipelines = createFakePipelines([{name: 'ShardedFeatureStages'}]);
	const app = renderApp(fakeAccess(pipelines), {size: {columns: 40, rows: 10}});
	try {
		await app.waitFor('1 pipeline');
		await app.press('D', 'to confirm');
		for (const stage of ['asked', 'a wrong name']) {
			const screen = app.screen();
			expect(screen.split('\n').length, stage).toBeLessThanOrEqual(9);
			expect(flat(screen), stage).toContain(
				'Delete pipeline ShardedFeatureStages and the record of its executions? This cannot be undone.',
			);
			expect(flat(screen), stage).toContain('Type ShardedFeatureStages to confirm:');
			expect(flat(screen), stage).toContain('enter confirms · esc cancels');
			// Nothing of the list under it shows through.
			expect(screen, stage).not.toContain('LAST RUN');
			if (stage === 'asked') await app.press(`Shard${keys.enter}`, 'That is not the name');
		}

		expect(pipelines.changes).toEqual([]);
		await app.press(keys.escape);
		await app.waitFor('LAST RUN');
	} finally {
		app.unmount();
		app.cleanupConfig();
	}
});

test('the name to type moves and edits as in a shell: ←, →, Home, End, ctrl+a, ctrl+e, ctrl+w', async () => {
	const pipelines = createFakePipelines([{name: 'Alpha'}]);
	const app = renderApp(fakeAccess(pipelines), {size: {columns: 80, rows: 24}});
	try {
		await app.waitFor('1 pipeline');
		await app.press('D', 'Type Alpha to confirm');
		// "lph" typed, then "A" at the start (Home), "a" at the end (End): "Alpha".
		for (const key of ['l', 'p', 'h', keys.home, 'A', keys.end, 'a']) await app.press(key);
		await app.waitFor('to confirm: Alpha');
		// ctrl+w erases the word, ctrl+a / ctrl+e move to either end, ← and → by a character.
		for (const key of ['\u0017', 'l', 'p', 'a', keys.left, 'h', '\u0001', 'A', '\u0005'])
			await app.press(key);
		await app.waitFor('to confirm: Alpha');
		expect(pipelines.changes).toEqual([]);
		await app.press(keys.enter);
		await app.waitForGone('to confirm');
		expect(pipelines.changes).toEqual(['deletePipeline Alpha']);
	} finally {
		app.unmount();
		app.cleanupConfig();
	}
});
