// Matrix row: `sagemon watch` of a 150-step pipeline on an 80×24 terminal (tmux) redraws its frame in place: the
// frame is never taller than the window and never wraps, so the scrollback holds no copies of it.
import type {SageMakerClient} from '@aws-sdk/client-sagemaker';
import {afterAll, afterEach, beforeAll, describe, expect, it, vi} from 'vitest';
import type {RunningEmulator} from '../../source/emulator/index.js';
import {cliPath, ensureBuilt, projectRoot, testAwsEnv} from '../helpers/built-cli.js';
import {sageMakerClientFor, startTestEmulator} from '../helpers/emulator.js';
import {chainDefinition, createPipeline, startExecution} from './pipelines.js';
import {openTerminal, type Terminal} from './tmux-terminal.js';

vi.setConfig({testTimeout: 90_000});

let emulator: RunningEmulator;
let client: SageMakerClient;
let terminal: Terminal | undefined;

beforeAll(async () => {
	ensureBuilt();
	emulator = await startTestEmulator({timeScale: 200, demo: false});
	client = sageMakerClientFor(emulator);
	await createPipeline(client, 'Chain150', chainDefinition(150));
});

afterEach(async () => {
	await terminal?.close();
	terminal = undefined;
});

afterAll(async () => {
	client?.destroy();
	await emulator?.close();
});

describe('watch on a small terminal', () => {
	it('matrix: a 150-step pipeline at 80×24 [watch] — no copies of the frame in the scrollback', async () => {
		const arn = await startExecution(client, 'Chain150');
		terminal = await openTerminal(
			[process.execPath, cliPath, 'watch', arn, '--endpoint-url', emulator.url, '--interval', '0.5'],
			{columns: 80, rows: 24, env: {...testAwsEnv(), LANG: 'C.UTF-8'}, cwd: projectRoot},
		);
		await terminal.waitFor(/earlier steps/, 30_000);
		// Several redraws while steps keep starting.
		await terminal.waitFor((screen) => /Step00[3-9]\d/.test(screen), 60_000);
		const everything = await terminal.screen({history: true});
		const headers = everything.split('\n').filter((line) => line.startsWith('Chain150 · '));
		expect(headers).toHaveLength(1);
		expect(everything.split('\n').filter((line) => /earlier steps?$/.test(line))).toHaveLength(1);
	});
});
