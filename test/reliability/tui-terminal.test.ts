// Matrix rows about the terminal and the keyboard, for the full-screen UI on a real terminal (tmux) with the
// built CLI: resized to 20×5 and back, SIGINT/SIGTERM during a form, a confirmation and a watch, and --read-only
// with every key of every screen pressed. Mutating calls are counted at the wire by a recording proxy.
import type {SageMakerClient} from '@aws-sdk/client-sagemaker';
import {afterAll, afterEach, beforeAll, describe, expect, it, vi} from 'vitest';
import type {RunningEmulator} from '../../source/emulator/index.js';
import type {Keymap} from '../../source/ui/keys/bindings.js';
import {
	executionKeymap,
	executionsKeymap,
	paneKeymap,
	pipelinesKeymap,
	startFormKeymap,
} from '../../source/ui/keys/keymaps.js';
import {globalKeymap} from '../../source/ui/keys/shell-keymaps.js';
import {ensureBuilt} from '../helpers/built-cli.js';
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
import {openTui, type Tui} from './tui.js';

vi.setConfig({testTimeout: 60_000});

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
	await createPipeline(client, 'Abalone', abaloneDefinition({AbaloneTrain: {fail: 'out of memory'}}));
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

const idOf = (executionArn: string) => executionArn.split('/').pop()!;

/** The UI on the execution screen of a run of `pipelineName`, in its list view. */
async function onExecution(pipelineName: string, executionArn: string, args: string[] = []): Promise<Tui> {
	tui = await openTui(proxy.url, {args});
	await tui.openPipeline(pipelineName);
	await tui.select(idOf(executionArn));
	await tui.press('Enter');
	await tui.waitFor(new RegExp(`Pipelines › ${pipelineName} › execution-`));
	await tui.showList();
	return tui;
}

describe('the terminal around the UI', () => {
	it('matrix: terminal resized to 20x5 and back; no TTY; stdin closed [TUI] — a message at 20×5, the same screen and selection back after', async () => {
		const executionArn = await startExecution(client, 'Gated');
		const screen = await onExecution('Gated', executionArn);
		await screen.select('AbaloneTrain');
		const before = await screen.screen();

		const since = proxy.requests.length;
		await screen.resize(20, 5);
		const small = await screen.waitFor((shown) =>
			shown.replace(/\s+/g, ' ').includes('sagemon needs 40×10 (this is 20×5); q quits'),
		);
		expect(small.split('\n').every((line) => line.length <= 20)).toBe(true);
		// Keys pressed blind do nothing: no question is asked unseen, nothing is stopped.
		await screen.press('x', 'y', 'g');
		// The UI takes a burst one key per render: let it take these while it is still small, or the last of them
		// would land on the screen resized back below (then g would change the view, rightly).
		await new Promise((resolve) => setTimeout(resolve, 1000));
		expect(screen.running()).toBe(true);

		await screen.resize(120, 32);
		const back = await screen.waitFor(/DAG \[list\] timeline/);
		const breadcrumb = (shown: string) => shown.split('\n')[0]!.replace(/ {2,}.*$/, '');
		expect(breadcrumb(back)).toBe(breadcrumb(before));
		expect(back).not.toContain('[y/N]');
		expect(await screen.selectedLine()).toMatch(/^› AbaloneTrain /);
		expect(proxy.requests.slice(since).filter(isMutating)).toEqual([]);
		await screen.press('q');
		expect(await screen.finished()).toEqual({status: 0, terminalRestored: true});
		await releaseGate(client, executionArn);
	});
});

describe('signals', () => {
	it('matrix: SIGINT/SIGTERM during a form, a confirmation, a watch [TUI] — the terminal restored, nothing sent that was not confirmed', async () => {
		const since = proxy.requests.length;
		const executionArn = await startExecution(client, 'Gated');

		// A start form with a typed value, then SIGTERM.
		tui = await openTui(proxy.url);
		await tui.openPipeline('Gated');
		await tui.press('s');
		await tui.waitFor('Start Gated · 6 parameters');
		await tui.select('ModelApprovalStatus');
		await tui.press('Enter', 'C-u');
		await tui.type('Approved');
		await tui.press('Enter');
		await tui.waitFor('● changed');
		process.kill(tui.pid, 'SIGTERM');
		expect(await tui.finished()).toEqual({status: 130, terminalRestored: true});
		expect(await tui.state()).toMatchObject({alternateScreen: false, cursorVisible: true});
		await tui.close();

		// A stop confirmation on the screen, then SIGINT.
		const asked = await onExecution('Gated', executionArn);
		await asked.press('x');
		await asked.waitFor('[y/N]');
		process.kill(asked.pid, 'SIGINT');
		expect(await asked.finished()).toEqual({status: 130, terminalRestored: true});
		expect(await asked.state()).toMatchObject({alternateScreen: false, cursorVisible: true});
		await asked.close();

		// Watching a live execution: SIGTERM, then Ctrl+C (which quits, with SIGINT's exit code).
		for (const stop of ['SIGTERM', 'C-c'] as const) {
			const watching = await onExecution('Gated', executionArn);
			await watching.waitFor('● EXECUTING');
			if (stop === 'SIGTERM') process.kill(watching.pid, 'SIGTERM');
			else await watching.press('C-c');
			expect(await watching.finished()).toEqual({status: 130, terminalRestored: true});
			expect(await watching.state()).toMatchObject({alternateScreen: false, cursorVisible: true});
			await watching.close();
		}

		tui = undefined;
		expect(proxy.requests.slice(since).filter(isMutating)).toEqual([]);
		await releaseGate(client, executionArn);
	});
});

/** tmux's name for a key of the keymap, or undefined for keys the walk leaves out. */
function tmuxKey(name: string): string | undefined {
	const named: Record<string, string> = {
		up: 'Up',
		down: 'Down',
		left: 'Left',
		right: 'Right',
		pageup: 'PPage',
		pagedown: 'NPage',
		home: 'Home',
		end: 'End',
		enter: 'Enter',
		escape: 'Escape',
		tab: 'Tab',
		'shift+tab': 'BTab',
		backspace: 'BSpace',
		space: 'Space',
	};
	if (named[name]) return named[name];
	if (name.startsWith('ctrl+')) return `C-${name.slice(5)}`;
	return name.length === 1 ? name : undefined;
}

/** Every key of `keymaps` except the ones that quit, each followed by the keys that confirm a question. */
function everyKey(...keymaps: Keymap[]): string[][] {
	const keys = new Set<string>();
	for (const keymap of keymaps) {
		for (const binding of keymap) {
			if (binding.intent === 'quit') continue;
			for (const key of binding.keys) {
				const tmux = tmuxKey(key);
				if (tmux) keys.add(tmux);
			}
		}
	}

	return [...keys].map((key) => [key, 'y', 'Enter', 'C-s']);
}

describe('--read-only', () => {
	it('matrix: --read-only [TUI] — no mutating call from any key on any screen', async () => {
		const running = await startExecution(client, 'Gated');
		const since = proxy.requests.length;

		// What a person would try: stop, retry, delete and start from every screen, confirming each time.
		const screen = await onExecution('Gated', running, ['--read-only']);
		expect(await screen.screen()).toContain('READ-ONLY');
		await screen.press('x');
		await screen.waitFor('Read-only mode: stop the execution is disabled');
		await screen.press('y', 'R', 'y', 'D', 'y', 'Enter', 'Escape');
		await screen.press('Escape');
		await screen.waitFor(/executions? · newest first/);
		await screen.press('x', 'y', 'R', 'y', 's', 'C-s');
		await screen.press('Escape');
		await screen.waitFor(/sagemon Pipelines {2}/);
		await screen.press('D', 'y', 's', 'C-s');

		// Then every key of every screen, wherever the keys lead.
		for (const keys of everyKey(
			pipelinesKeymap,
			executionsKeymap,
			executionKeymap,
			paneKeymap,
			startFormKeymap,
			globalKeymap,
		)) {
			await screen.press(...keys);
		}

		// Keys are handled in order: once this command has taken effect, every key above has been handled.
		await screen.press('Escape', 'Escape', 'Escape', 'Escape');
		await screen.type(':pipeline Abalone');
		await screen.press('Enter');
		await screen.waitFor(/Pipelines › Abalone/);
		await eventually('the list of Abalone to be asked for', () =>
			proxy.requests.slice(since).some((request) => request.body.includes('"PipelineName":"Abalone"')),
		);
		expect(screen.running()).toBe(true);
		const calls = proxy.requests.slice(since);
		expect(calls.length).toBeGreaterThan(0);
		expect(calls.filter(isMutating)).toEqual([]);
		await releaseGate(client, running);
	});
});
