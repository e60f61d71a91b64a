// Matrix row about pasted text, on a real terminal (tmux) with the built CLI: text typed in one burst or pasted
// into the execution screen of a running execution stops nothing and answers no question. Mutating calls are
// counted at the wire by a recording proxy.
import {DescribePipelineExecutionCommand, type SageMakerClient} from '@aws-sdk/client-sagemaker';
import {afterAll, afterEach, beforeAll, describe, expect, it, vi} from 'vitest';
import type {RunningEmulator} from '../../source/emulator/index.js';
import {mkdtempSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {cliPath, ensureBuilt, projectRoot, testAwsEnv} from '../helpers/built-cli.js';
import {sageMakerClientFor, startTestEmulator} from '../helpers/emulator.js';
import {
	abaloneDefinition,
	createPipeline,
	eventually,
	gatedAbaloneDefinition,
	releaseGate,
	startExecution,
} from './pipelines.js';
import {isMutating, type RecordingProxy, startRecordingProxy} from './recording-proxy.js';
import {openTerminal} from './tmux-terminal.js';
import {openTui, type Tui} from './tui.js';

vi.setConfig({testTimeout: 90_000});

let emulator: RunningEmulator;
let client: SageMakerClient;
let proxy: RecordingProxy;
let tui: Tui | undefined;

beforeAll(async () => {
	ensureBuilt();
	emulator = await startTestEmulator({timeScale: 5000, demo: false});
	client = sageMakerClientFor(emulator);
	proxy = await startRecordingProxy(emulator.url);
	await createPipeline(client, 'Gated', gatedAbaloneDefinition());
	await createPipeline(client, 'Failing', abaloneDefinition({AbaloneTrain: {fail: 'ResourceLimitExceeded'}}));
});

afterEach(async () => {
	await tui?.close();
	tui = undefined;
});

afterAll(async () => {
	client?.destroy();
	await proxy?.close();
	await emulator?.close();
});

const statusOf = async (executionArn: string) =>
	(await client.send(new DescribePipelineExecutionCommand({PipelineExecutionArn: executionArn})))
		.PipelineExecutionStatus;

/** Gives the UI time to work through what it was sent (it handles one key per render). */
const settle = () => new Promise((resolve) => setTimeout(resolve, 1500));

describe('pasting into the execution screen', () => {
	it('matrix: pasted text and bursts of keys [TUI] — “proxy” typed in one burst or pasted into a running execution stops nothing and answers no question', async () => {
		const since = proxy.requests.length;
		const executionArn = await startExecution(client, 'Gated');
		tui = await openTui(proxy.url);
		await tui.openPipeline('Gated');
		await tui.select(executionArn.split('/').pop()!);
		await tui.press('Enter');
		await tui.waitFor('● EXECUTING');
		// The DAG drawn and the gate waiting: the screen has settled before the paste.
		await tui.waitFor((shown) => shown.includes('[DAG] list timeline') && shown.includes('● awaiting'));

		// Pasted, with bracketed paste on: not a single key reaches the screen (no pause, no question, no help).
		// Compared below the header and the summary line, whose times tick on their own.
		const below = (screen: string) => screen.split('\n').slice(2).join('\n');
		const before = below(await tui.screen());
		await tui.paste('proxy g?');
		await settle();
		const after = await tui.screen();
		expect(after).not.toContain('[y/N]');
		expect(after).not.toContain('paused');
		expect(below(after)).toBe(before);

		// Typed in one burst (as a terminal without bracketed paste delivers a paste): x may open the question,
		// but the y behind it in the same burst does not answer it.
		await tui.type('proxy');
		await settle();
		expect(await statusOf(executionArn)).toBe('Executing');
		const asked = await tui.screen();
		expect(asked).toContain('[y/N]');
		expect(asked).not.toContain('Stopping');
		await tui.press('n');
		await tui.waitFor((screen) => !screen.includes('[y/N]'));

		// The execution was started by the test's own client, straight at the emulator: the UI sent nothing mutating.
		expect(proxy.requests.slice(since).filter(isMutating)).toEqual([]);
		expect(proxy.calls(/DescribePipelineExecution$/).length).toBeGreaterThan(0);
		expect(await statusOf(executionArn)).toBe('Executing');
		await releaseGate(client, executionArn);
	});

	it('matrix: pasted text and bursts of keys [TUI, R y on a failed execution] — the retry question opens, the y behind it in the burst answers nothing', async () => {
		const since = proxy.requests.length;
		const executionArn = await startExecution(client, 'Failing');
		await eventually('the execution to fail', async () => (await statusOf(executionArn)) === 'Failed');
		tui = await openTui(proxy.url);
		await tui.openPipeline('Failing');
		await tui.select(executionArn.split('/').pop()!);
		await tui.press('Enter');
		await tui.waitFor('✖ FAILED');

		await tui.paste('Ry');
		await settle();
		expect(await tui.screen()).not.toContain('[y/N]');

		await tui.type('Ry');
		await settle();
		expect(await tui.screen()).toMatch(/Retry execution .* from its failed steps\?[\s\S]*\[y\/N\]/);
		await tui.press('n');
		await tui.waitFor((screen) => !screen.includes('[y/N]'));

		expect(proxy.requests.slice(since).filter(isMutating)).toEqual([]);
		expect(await statusOf(executionArn)).toBe('Failed');
	});

	it('matrix: pasted text and bursts of keys [TUI --local] — “proxy” typed into the demo’s running execution leaves it executing', async () => {
		const configDirectory = mkdtempSync(join(tmpdir(), 'sagemon-paste-config-'));
		const terminal = await openTerminal([process.execPath, cliPath, '--local'], {
			columns: 120,
			rows: 40,
			env: {...testAwsEnv(), CI: 'false', TERM: 'xterm-256color', SAGEMON_CONFIG_DIR: configDirectory},
			cwd: projectRoot,
		});
		try {
			// The demo's AbalonePipeline is the newest pipeline and its newest execution is still running.
			await terminal.waitFor(/› AbalonePipeline\s+● executing/);
			await terminal.press('Enter');
			await terminal.waitFor(/executions · newest first[\s\S]*› ● executing/);
			await terminal.press('Enter');
			await terminal.waitFor('● EXECUTING');

			await terminal.type('proxy');
			await settle();
			const asked = await terminal.screen();
			expect(asked).toContain('[y/N]');
			expect(asked).toContain('● EXECUTING');
			await terminal.press('n');
			const after = await terminal.waitFor((screen) => !screen.includes('[y/N]'));
			expect(after).toContain('● EXECUTING');
			expect(after).not.toMatch(/STOPP(ING|ED)/);

			await terminal.paste('proxy');
			await settle();
			expect(await terminal.screen()).not.toContain('[y/N]');
		} finally {
			await terminal.close();
			rmSync(configDirectory, {recursive: true, force: true});
		}
	});
});
