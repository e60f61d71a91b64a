// Re-run from here in a real terminal (tmux, 120×40) on the built CLI with --local: on a succeeded execution of
// the tutorial's pipeline, a selection with a gap is refused in one sentence; two connected steps marked with
// Space, `s` opens the start form prefilled with that execution's parameters and saying what runs and what is
// reused; the started execution runs only those two steps and shows the others as reused or skipped.
import {execFileSync} from 'node:child_process';
import {mkdtempSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {afterAll, beforeAll, expect, test} from 'vitest';
import {cliPath, ensureBuilt, projectRoot} from '../helpers/built-cli.js';

const socket = `sagemon-rerun-${process.pid}`;
const session = `rerun-${process.pid}`;
const configDirectory = mkdtempSync(join(tmpdir(), 'sagemon-rerun-'));

function tmux(...args: string[]): string {
	return execFileSync('tmux', ['-L', socket, ...args], {encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe']});
}

function screen(): string {
	return tmux('capture-pane', '-p', '-t', session);
}

function sessionAlive(): boolean {
	try {
		tmux('has-session', '-t', session);
		return true;
	} catch {
		return false;
	}
}

async function waitFor(text: string | RegExp, timeoutMs = 15_000): Promise<string> {
	const started = Date.now();
	for (;;) {
		const shown = screen();
		if (typeof text === 'string' ? shown.includes(text) : text.test(shown)) return shown;
		if (Date.now() - started > timeoutMs) {
			throw new Error(`Timed out waiting for ${String(text)}. The terminal shows:\n${shown}`);
		}

		await new Promise((resolve) => setTimeout(resolve, 50));
	}
}

async function waitForGone(text: string | RegExp, timeoutMs = 15_000): Promise<void> {
	const started = Date.now();
	for (;;) {
		const shown = screen();
		if (!(typeof text === 'string' ? shown.includes(text) : text.test(shown))) return;
		if (Date.now() - started > timeoutMs)
			throw new Error(`Timed out waiting for ${String(text)} to go:\n${shown}`);
		await new Promise((resolve) => setTimeout(resolve, 50));
	}
}

/** tmux key names (Enter, Escape, C-s, Down) or, with `literal`, text typed as is. */
function send(keys: string[], literal = false): void {
	tmux('send-keys', '-t', session, ...(literal ? ['-l'] : []), ...keys);
}

beforeAll(() => {
	ensureBuilt();
	const command = [
		'env',
		'CI=false',
		'TERM=xterm-256color',
		`SAGEMON_CONFIG_DIR=${configDirectory}`,
		'AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED=true',
		process.execPath,
		cliPath,
		'--local',
		'--time-scale',
		'150',
	].join(' ');
	tmux(
		'-f',
		'/dev/null',
		'new-session',
		'-d',
		'-s',
		session,
		'-x',
		'120',
		'-y',
		'40',
		'-c',
		projectRoot,
		command,
	);
}, 60_000);

afterAll(() => {
	try {
		tmux('kill-server');
	} catch {
		// Already gone: the app quit and took the session with it.
	}

	rmSync(configDirectory, {recursive: true, force: true});
});

test('marks two connected steps, starts again from the execution, and only they run', async () => {
	await waitFor(/AbalonePipeline\s+\S+ \w+/);
	send(['/']);
	send(['Abalone'], true);
	await waitFor('1 of ');
	send(['Enter']);
	await waitForGone('enter keeps');
	send(['Enter']);
	await waitFor(/executions? · newest first/);
	// The demo's third execution of AbalonePipeline succeeded.
	send(['j', 'j']);
	await waitFor(/› ✔ succeeded/);
	const listed = screen().match(/› ✔ succeeded\s+\S+\s+(\w{12})/);
	expect(listed).not.toBeNull();
	const sourceId = listed![1]!;
	send(['Enter']);
	await waitFor('✔ SUCCEEDED');
	await waitFor('7/7 steps done');

	// AbaloneProcess and AbaloneEval without AbaloneTrain between them: refused before anything is sent.
	send(['Space', 'j', 'j']);
	await waitFor('› AbaloneEval ');
	send(['Space']);
	// Both boxes carry the mark in their detail line.
	await waitFor(/◆ 4m 28s[\s\S]*◆ 4m 13s/);
	send(['s']);
	await waitFor(
		'The steps [AbaloneTrain] lie on a path between selected steps, so they must be selected too.',
	);

	// Unmark AbaloneProcess: AbaloneTrain and AbaloneEval remain, connected; the list shows both marked.
	send(['-']);
	await waitForGone('◆');
	// Up from AbaloneEval goes to its first parent, AbaloneProcess; down from there to AbaloneTrain.
	send(['k']);
	await waitFor('› AbaloneProcess ');
	send(['j']);
	await waitFor('› AbaloneTrain ');
	send(['Space', 'j']);
	await waitFor('› AbaloneEval ');
	send(['Space', 'g']);
	const list = await waitFor('DAG [list] timeline');
	expect(list).toMatch(/◆ AbaloneTrain/);
	expect(list).toMatch(/◆ AbaloneEval/);
	expect(list).toMatch(/ {2}AbaloneProcess/);

	send(['s']);
	const form = await waitFor(`Start AbalonePipeline · 6 parameters · values of execution ${sourceId}`);
	expect(form).toContain('Selective execution of 2 step(s): AbaloneTrain, AbaloneEval');
	expect(form).toContain(`reusing from execution ${sourceId}: AbaloneProcess`);
	expect(form).toMatch(/ModelApprovalStatus\s+String\s+\S+/);
	send(['C-s']);

	// The new execution: AbaloneProcess reused from the source, the two marked steps run, nothing after them.
	await waitFor(`selective: reuses ${sourceId}`);
	await waitFor('✔ SUCCEEDED', 90_000);
	send(['g']);
	const ran = await waitFor('DAG [list] timeline');
	expect(ran).toMatch(new RegExp(`AbaloneProcess .*↺ cache hit .*reused ${sourceId.slice(0, 5)}`));
	expect(ran).toMatch(/AbaloneTrain .*✔ succeeded/);
	expect(ran).toMatch(/AbaloneEval .*✔ succeeded/);
	for (const step of ['AbaloneMSECond', 'AbaloneRegisterModel', 'AbaloneCreateModel', 'AbaloneTransform']) {
		expect(ran).toMatch(new RegExp(`${step} .*⊘ skipped`));
	}

	// esc goes back to the source execution.
	send(['Escape']);
	await waitFor('7/7 steps done');
	send(['q']);
	const started = Date.now();
	while (sessionAlive() && Date.now() - started < 10_000)
		await new Promise((resolve) => setTimeout(resolve, 50));
	expect(sessionAlive()).toBe(false);
}, 240_000);
