// Drives the built CLI in a real terminal (tmux, 120×40) through the tutorial's flow from the keyboard and checks
// what the screen shows at each step: open the abalone pipeline, override ModelApprovalStatus, start, watch it to
// Succeeded, read AbaloneEval's evaluation.json, start another run and stop it, delete a pipeline, quit.
import {afterAll, beforeAll, expect, test} from 'vitest';
import {type LocalTuiSession, startLocalTui} from './local-tui-session.js';

let tui: LocalTuiSession;

beforeAll(() => {
	tui = startLocalTui('e2e');
}, 60_000);

afterAll(() => {
	tui?.close();
});

test('the tutorial flow, from the keyboard, in a real terminal', async () => {
	// The pipelines list, with the tutorial's pipeline.
	await tui.waitFor(/sagemon Pipelines {2}/);
	await tui.waitFor(/AbalonePipeline\s+\S+ \w+/);
	tui.send(['/']);
	tui.send(['Abalone'], true);
	await tui.waitFor('1 of ');
	tui.send(['Enter']);
	await tui.waitForGone('enter keeps');
	tui.send(['Enter']);
	await tui.waitFor('Pipelines › AbalonePipeline');
	await tui.waitFor(/executions? · newest first/);

	// The start form: override ModelApprovalStatus to Approved and start.
	tui.send(['s']);
	await tui.waitFor('Start AbalonePipeline · 6 parameters');
	tui.send(['j', 'j', 'j']);
	await tui.waitFor('› ModelApprovalStatus');
	tui.send(['Enter', 'C-u']);
	await tui.waitFor('typing:');
	tui.send(['Approved'], true);
	tui.send(['Enter']);
	await tui.waitFor(/ModelApprovalStatus\s+String\s+Approved\s+● changed/);
	tui.send(['C-s']);

	// The execution screen follows it live to Succeeded.
	await tui.waitFor('● EXECUTING');
	const midRun = await tui.waitFor(/[✔●].*AbaloneProcess|AbaloneProcess/);
	expect(midRun).toContain('[DAG] list timeline');
	await tui.waitFor('✔ SUCCEEDED', 90_000);
	const done = tui.screen();
	expect(done).toContain('7/7 steps done');
	tui.send(['P']);
	await tui.waitFor(/ModelApprovalStatus\s+Approved/);
	tui.send(['Escape']);
	await tui.waitForGone('Parameters this execution ran with');

	// AbaloneEval's evaluation.json, read from S3.
	tui.send(['g']);
	await tui.waitFor('DAG [list] timeline');
	tui.send(['j', 'j']);
	await tui.waitFor('› AbaloneEval ');
	tui.send(['e']);
	await tui.waitFor('Reports of AbaloneEval');
	await tui.waitFor('EvaluationReport · evaluation.json');
	await tui.waitFor(/"value": \d/);
	tui.send(['Escape']);
	await tui.waitForGone('Reports of AbaloneEval');

	// Another run, prefilled from the selected execution (the one just run), stopped after y.
	tui.send(['Escape']);
	await tui.waitFor(/executions? · newest first/);
	// The list keeps the run just watched selected, once its rows are loaded.
	await tui.waitFor(/^› ✔ succeeded/m);
	tui.send(['s']);
	await tui.waitFor(
		/Start AbalonePipeline · 6 parameters · values of execution \w+ \(U resets all to defaults\)/,
	);
	tui.send(['C-s']);
	await tui.waitFor('● EXECUTING');
	tui.send(['x']);
	await tui.waitFor('[y/N]');
	tui.send(['y']);
	await tui.waitFor(/■ STOPP(ING|ED)/);
	await tui.waitFor('■ STOPPED', 60_000);

	// Delete a pipeline: the exact name is asked for.
	tui.send(['Escape']);
	await tui.waitFor(/executions? · newest first/);
	tui.send(['Escape']);
	await tui.waitFor(/sagemon Pipelines {2}/);
	tui.send(['/']);
	tui.send(['Clickstream'], true);
	tui.send(['Enter']);
	await tui.waitFor(/› ClickstreamFeatures/);
	tui.send(['D']);
	await tui.waitFor('Type ClickstreamFeatures to confirm');
	tui.send(['ClickstreamFeatures'], true);
	tui.send(['Enter']);
	await tui.waitFor('Deleted pipeline ClickstreamFeatures.');
	await tui.waitFor('0 of ');

	// q quits and gives the terminal back.
	tui.send(['q']);
	const started = Date.now();
	while (tui.alive() && Date.now() - started < 10_000)
		await new Promise((resolve) => setTimeout(resolve, 50));
	expect(tui.alive()).toBe(false);
}, 240_000);
