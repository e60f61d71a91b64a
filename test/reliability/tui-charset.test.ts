// Matrix rows for terminals that differ: a locale that is not UTF-8 (`LANG=C LC_ALL=C`) gets frames with no byte
// outside ASCII, colours kept, and `TERM=dumb` (no cursor movement) gets a sentence naming the commands instead
// of the UI (exit 2), and plain lines from `watch`. Real terminals (tmux) and the built CLI against the emulator.
import type {SageMakerClient} from '@aws-sdk/client-sagemaker';
import {afterAll, afterEach, beforeAll, describe, expect, it, vi} from 'vitest';
import type {RunningEmulator} from '../../source/emulator/index.js';
import {cliPath, ensureBuilt, projectRoot, testAwsEnv} from '../helpers/built-cli.js';
import {sageMakerClientFor, startTestEmulator} from '../helpers/emulator.js';
import {createPipeline, gatedAbaloneDefinition, releaseGate, startExecution} from './pipelines.js';
import {openTerminal, type Terminal} from './tmux-terminal.js';
import {openTui, type Tui} from './tui.js';

vi.setConfig({testTimeout: 60_000});

let emulator: RunningEmulator;
let client: SageMakerClient;
let open: Tui | Terminal | undefined;

beforeAll(async () => {
	ensureBuilt();
	emulator = await startTestEmulator({timeScale: 5000});
	client = sageMakerClientFor(emulator);
	await createPipeline(client, 'Gated', gatedAbaloneDefinition());
});

afterEach(async () => {
	await open?.close();
	open = undefined;
});

afterAll(async () => {
	client?.destroy();
	await emulator?.close();
});

const nonAscii = /[^\x00-\x7f]/u;

describe('terminals that differ', () => {
	it('matrix: a locale that is not UTF-8 [tui] — every frame is ASCII (and --unicode forces box drawing)', async () => {
		// In colour: a colour's escape must reach the terminal whole (a mangled one shows as `?[32m`).
		const tui = await openTui(emulator.url, {env: testAwsEnv({LANG: 'C', LC_ALL: 'C', NO_COLOR: ''})});
		open = tui;
		const screen = await tui.waitFor(/AbalonePipeline/);
		expect(screen).toMatch(/sagemon Pipelines/);
		expect(screen).not.toMatch(nonAscii);
		await tui.type(':');
		await tui.type('pipeline AbalonePipeline');
		await tui.press('Enter');
		const executions = await tui.waitFor(/newest first/);
		expect(executions).not.toMatch(nonAscii);
		// The execution screen: the DAG's boxes and the status icons.
		await tui.press('Enter');
		const dag = await tui.waitFor(/\+-+\+[\s\S]*AbaloneProcess/);
		expect(dag).not.toMatch(nonAscii);
		expect(dag).not.toContain('?[');
		await tui.close();

		const forced = await openTui(emulator.url, {
			env: testAwsEnv({LANG: 'C', LC_ALL: 'C'}),
			args: ['--unicode'],
		});
		open = forced;
		expect(await forced.waitFor(/AbalonePipeline/)).toMatch(/›|·/);
	});

	it('matrix: a locale that is not UTF-8 [watch] — the live frame in ASCII icons, its colours kept', async () => {
		const executionArn = await startExecution(client, 'Gated');
		const terminal = await openTerminal(
			[process.execPath, cliPath, 'watch', executionArn, '--endpoint-url', emulator.url],
			{columns: 80, rows: 24, env: testAwsEnv({LANG: 'C', LC_ALL: 'C', NO_COLOR: ''}), cwd: projectRoot},
		);
		open = terminal;
		const screen = await terminal.waitFor(/^ {2}\* ApprovalGate +Executing/m);
		expect(screen).toMatch(/^Gated - execution-\d+ - Executing - /m);
		expect(screen).not.toMatch(nonAscii);
		expect(screen).not.toContain('?[');
		await releaseGate(client, executionArn);
	});

	it('matrix: TERM=dumb [watch] — one plain line per change, nothing redrawn in place', async () => {
		const executionArn = await startExecution(client, 'Gated');
		const terminal = await openTerminal(
			['env', 'TERM=dumb', process.execPath, cliPath, 'watch', executionArn, '--endpoint-url', emulator.url],
			{columns: 80, rows: 24, env: testAwsEnv({NO_COLOR: ''}), cwd: projectRoot},
		);
		open = terminal;
		await terminal.waitFor(/Executing +ApprovalGate/);
		await releaseGate(client, executionArn);
		expect(await terminal.finished(30_000)).toMatchObject({status: 0});
		const lines = (await terminal.screen({history: true})).split('\n');
		// Each change of a step is a line of its own (a live frame would have rewritten the step's one line).
		expect(lines.filter((line) => /^\w+ +ApprovalGate\b/.test(line))).toEqual([
			'Executing  ApprovalGate',
			expect.stringMatching(/^Succeeded {2}ApprovalGate \(\d+ms\)$/),
		]);
		expect(lines.filter((line) => line.startsWith('Execution Succeeded after '))).toHaveLength(1);
		expect(lines.join('\n')).not.toMatch(nonAscii);
		expect(lines.join('\n')).not.toContain('?[');
	});

	it('matrix: TERM=dumb [tui] — says the terminal cannot show the UI and how to use the commands, exit 2', async () => {
		// tmux sets TERM for what runs in it, so the command sets it itself, as `env TERM=dumb sagemon` would.
		const terminal = await openTerminal(
			['env', 'TERM=dumb', process.execPath, cliPath, '--endpoint-url', emulator.url],
			{
				columns: 80,
				rows: 24,
				env: testAwsEnv(),
				cwd: projectRoot,
			},
		);
		open = terminal;
		const finished = await terminal.finished(20_000);
		expect(finished.status).toBe(2);
		const screen = await terminal.screen();
		expect(screen).toContain('(TERM=dumb) cannot move the cursor');
		expect(screen).toContain('sagemon watch ARN');
		expect((await terminal.state()).alternateScreen).toBe(false);
	});
});
