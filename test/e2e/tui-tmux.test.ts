// Drives the built CLI in a real terminal (tmux, 120×40) through the tutorial's flow from the keyboard and checks
// what the screen shows at each step: open the abalone pipeline, override ModelApprovalStatus, start, watch it to
// Succeeded, read AbaloneEval's evaluation.json, start another run and stop it, delete a pipeline, quit.
import {execFileSync} from 'node:child_process';
import {mkdtempSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {afterAll, beforeAll, expect, test} from 'vitest';
import {cliPath, ensureBuilt, projectRoot} from '../helpers/built-cli.js';

const socket = `sagemon-e2e-${process.pid}`;
const session = `tui-${process.pid}`;
const configDirectory = mkdtempSync(join(tmpdir(), 'sagemon-e2e-'));

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

test('the tutorial flow, from the keyboard, in a real terminal', async () => {
	// The pipelines list, with the tutorial's pipeline.
	await waitFor(/sagemon Pipelines {2}/);
	await waitFor(/AbalonePipeline\s+\S+ \w+/);
	send(['/']);
	send(['Abalone'], true);
	await waitFor('1 of ');
	send(['Enter']);
	await waitForGone('enter keeps');
	send(['Enter']);
	await waitFor('Pipelines › AbalonePipeline');
	await waitFor(/executions? · newest first/);

	// The start form: override ModelApprovalStatus to Approved and start.
	send(['s']);
	await waitFor('Start AbalonePipeline · 6 parameters');
	send(['j', 'j', 'j']);
	await waitFor('› ModelApprovalStatus');
	send(['Enter', 'C-u']);
	await waitFor('typing:');
	send(['Approved'], true);
	send(['Enter']);
	await waitFor(/ModelApprovalStatus\s+String\s+Approved\s+● changed/);
	send(['C-s']);

	// The execution screen follows it live to Succeeded.
	await waitFor('● EXECUTING');
	const midRun = await waitFor(/[✔●].*AbaloneProcess|AbaloneProcess/);
	expect(midRun).toContain('[DAG] list timeline');
	await waitFor('✔ SUCCEEDED', 90_000);
	const done = screen();
	expect(done).toContain('7/7 steps done');
	send(['P']);
	await waitFor(/ModelApprovalStatus\s+Approved/);
	send(['Escape']);
	await waitForGone('Parameters this execution ran with');

	// AbaloneEval's evaluation.json, read from S3.
	send(['g']);
	await waitFor('DAG [list] timeline');
	send(['j', 'j']);
	await waitFor('› AbaloneEval ');
	send(['e']);
	await waitFor('Reports of AbaloneEval');
	await waitFor('EvaluationReport · evaluation.json');
	await waitFor(/"value": \d/);
	send(['Escape']);
	await waitForGone('Reports of AbaloneEval');

	// Another run, prefilled from the selected execution (the one just run), stopped after y.
	send(['Escape']);
	await waitFor(/executions? · newest first/);
	send(['s']);
	await waitFor(
		/Start AbalonePipeline · 6 parameters · values of execution \w+ \(U resets all to defaults\)/,
	);
	send(['C-s']);
	await waitFor('● EXECUTING');
	send(['x']);
	await waitFor('[y/N]');
	send(['y']);
	await waitFor(/■ STOPP(ING|ED)/);
	await waitFor('■ STOPPED', 60_000);

	// Delete a pipeline: the exact name is asked for.
	send(['Escape']);
	await waitFor(/executions? · newest first/);
	send(['Escape']);
	await waitFor(/sagemon Pipelines {2}/);
	send(['/']);
	send(['Clickstream'], true);
	send(['Enter']);
	await waitFor(/› ClickstreamFeatures/);
	send(['D']);
	await waitFor('Type ClickstreamFeatures to confirm');
	send(['ClickstreamFeatures'], true);
	send(['Enter']);
	await waitFor('Deleted pipeline ClickstreamFeatures.');
	await waitFor('0 of ');

	// q quits and gives the terminal back.
	send(['q']);
	const started = Date.now();
	while (sessionAlive() && Date.now() - started < 10_000)
		await new Promise((resolve) => setTimeout(resolve, 50));
	expect(sessionAlive()).toBe(false);
}, 240_000);
