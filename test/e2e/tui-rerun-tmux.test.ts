// Re-run from here in a real terminal (tmux, 120×40) on the built CLI with --local: on a succeeded execution of
// the tutorial's pipeline, a selection with a gap is refused in one sentence; two connected steps marked with
// Space, `s` opens the start form prefilled with that execution's parameters and saying what runs and what is
// reused; the started execution runs only those two steps and shows the others as reused or skipped.
import {afterAll, beforeAll, expect, test} from 'vitest';
import {type LocalTuiSession, startLocalTui} from './local-tui-session.js';

let tui: LocalTuiSession;

beforeAll(() => {
	tui = startLocalTui('rerun');
}, 60_000);

afterAll(() => {
	tui?.close();
});

test('marks two connected steps, starts again from the execution, and only they run', async () => {
	await tui.waitFor(/AbalonePipeline\s+\S+ \w+/);
	tui.send(['/']);
	tui.send(['Abalone'], true);
	await tui.waitFor('1 of ');
	tui.send(['Enter']);
	await tui.waitForGone('enter keeps');
	tui.send(['Enter']);
	await tui.waitFor(/executions? · newest first/);
	// The demo's third execution of AbalonePipeline succeeded.
	tui.send(['j', 'j']);
	await tui.waitFor(/› ✔ succeeded/);
	const listed = tui.screen().match(/› ✔ succeeded\s+\S+\s+(\w{12})/);
	expect(listed).not.toBeNull();
	const sourceId = listed![1]!;
	tui.send(['Enter']);
	await tui.waitFor('✔ SUCCEEDED');
	await tui.waitFor('7/7 steps done');

	// AbaloneProcess and AbaloneEval without AbaloneTrain between them: refused before anything is sent.
	tui.send(['Space', 'j', 'j']);
	await tui.waitFor('› AbaloneEval ');
	tui.send(['Space']);
	// Both boxes carry the mark in their detail line.
	await tui.waitFor(/◆ 4m 28s[\s\S]*◆ 4m 13s/);
	tui.send(['s']);
	await tui.waitFor(
		'The steps [AbaloneTrain] lie on a path between selected steps, so they must be selected too.',
	);

	// Unmark AbaloneProcess: AbaloneTrain and AbaloneEval remain, connected; the list shows both marked.
	tui.send(['-']);
	await tui.waitForGone('◆');
	// Up from AbaloneEval goes to its first parent, AbaloneProcess; down from there to AbaloneTrain.
	tui.send(['k']);
	await tui.waitFor('› AbaloneProcess ');
	tui.send(['j']);
	await tui.waitFor('› AbaloneTrain ');
	tui.send(['Space', 'j']);
	await tui.waitFor('› AbaloneEval ');
	tui.send(['Space', 'g']);
	const list = await tui.waitFor('DAG [list] timeline');
	expect(list).toMatch(/◆ AbaloneTrain/);
	expect(list).toMatch(/◆ AbaloneEval/);
	expect(list).toMatch(/ {2}AbaloneProcess/);

	tui.send(['s']);
	const form = await tui.waitFor(`Start AbalonePipeline · 6 parameters · values of execution ${sourceId}`);
	expect(form).toContain('Selective execution of 2 step(s): AbaloneTrain, AbaloneEval');
	expect(form).toContain(`reusing from execution ${sourceId}: AbaloneProcess`);
	expect(form).toMatch(/ModelApprovalStatus\s+String\s+\S+/);
	tui.send(['C-s']);

	// The new execution: AbaloneProcess reused from the source, the two marked steps run, nothing after them.
	await tui.waitFor(`selective: reuses ${sourceId}`);
	await tui.waitFor('✔ SUCCEEDED', 90_000);
	tui.send(['g']);
	const ran = await tui.waitFor('DAG [list] timeline');
	expect(ran).toMatch(new RegExp(`AbaloneProcess .*↺ reused .*reused ${sourceId}`));
	expect(ran).toMatch(new RegExp(`^› AbaloneProcess Processing ↺ reused from ${sourceId}`, 'm'));
	expect(ran).toMatch(/AbaloneTrain .*✔ succeeded/);
	expect(ran).toMatch(/AbaloneEval .*✔ succeeded/);
	for (const step of ['AbaloneMSECond', 'AbaloneRegisterModel', 'AbaloneCreateModel', 'AbaloneTransform']) {
		expect(ran).toMatch(new RegExp(`${step} .*⊘ skipped`));
	}

	// esc goes back to the source execution.
	tui.send(['Escape']);
	await tui.waitFor('7/7 steps done');
	tui.send(['q']);
	const started = Date.now();
	while (tui.alive() && Date.now() - started < 10_000)
		await new Promise((resolve) => setTimeout(resolve, 50));
	expect(tui.alive()).toBe(false);
}, 240_000);
