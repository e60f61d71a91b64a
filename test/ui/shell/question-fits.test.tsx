// A question is never cut, even at the smallest size the UI draws (40×10): it takes the screen's rows, then the
// header's, then the blank line above the footer's keys, then its own border, and the screen under it is hidden
// rather than drawn over it.
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
