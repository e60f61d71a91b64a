// Matrix rows for terminals that differ: a locale that is not UTF-8 (`LANG=C LC_ALL=C`) gets frames with no byte
// outside ASCII, and `TERM=dumb` (no cursor movement) gets a sentence naming the commands instead, exit 2. Real
// terminals (tmux) and the built CLI against the emulator.
import {afterAll, afterEach, beforeAll, describe, expect, it, vi} from 'vitest';
import type {RunningEmulator} from '../../source/emulator/index.js';
import {cliPath, ensureBuilt, projectRoot, testAwsEnv} from '../helpers/built-cli.js';
import {startTestEmulator} from '../helpers/emulator.js';
import {openTerminal, type Terminal} from './tmux-terminal.js';
import {openTui, type Tui} from './tui.js';

vi.setConfig({testTimeout: 60_000});

let emulator: RunningEmulator;
let open: Tui | Terminal | undefined;

beforeAll(async () => {
	ensureBuilt();
	emulator = await startTestEmulator({timeScale: 5000});
});

afterEach(async () => {
	await open?.close();
	open = undefined;
});

afterAll(async () => {
	await emulator?.close();
});

const nonAscii = /[^\x00-\x7f]/u;

describe('terminals that differ', () => {
	it('matrix: a locale that is not UTF-8 [tui] — every frame is ASCII (and --unicode forces box drawing)', async () => {
		const tui = await openTui(emulator.url, {env: testAwsEnv({LANG: 'C', LC_ALL: 'C'})});
		open = tui;
		const screen = await tui.waitFor(/AbalonePipeline/);
		expect(screen).toMatch(/sagemon Pipelines/);
		expect(screen).not.toMatch(nonAscii);
		await tui.type(':');
		await tui.type('pipeline AbalonePipeline');
		await tui.press('Enter');
		const executions = await tui.waitFor(/newest first/);
		expect(executions).not.toMatch(nonAscii);
		await tui.close();

		const forced = await openTui(emulator.url, {
			env: testAwsEnv({LANG: 'C', LC_ALL: 'C'}),
			args: ['--unicode'],
		});
		open = forced;
		expect(await forced.waitFor(/AbalonePipeline/)).toMatch(/›|·/);
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
