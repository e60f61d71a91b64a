// The log pane in a real terminal (tmux, 120×40) on the built CLI against the emulator: `L` on a running
// Processing step shows lines arriving without a key press, and `L` on the failed Training step shows its
// traceback.
import {afterAll, beforeAll, expect, test} from 'vitest';
import type {RunningEmulator} from '../../source/emulator/index.js';
import {jobPipeline} from '../emulator/logs/log-service.js';
import {cliPath, ensureBuilt, testAwsEnv} from '../helpers/built-cli.js';
import {startTestEmulator} from '../helpers/emulator.js';
import {openTerminal, type Terminal} from '../reliability/tmux-terminal.js';

let emulator: RunningEmulator;
let terminal: Terminal | undefined;

async function sageMaker(operation: string, input: Record<string, unknown>) {
	const response = await fetch(emulator.url, {
		method: 'POST',
		headers: {'content-type': 'application/x-amz-json-1.1', 'x-amz-target': `SageMaker.${operation}`},
		body: JSON.stringify(input),
	});
	expect(response.status).toBe(200);
	return response.json();
}

beforeAll(async () => {
	ensureBuilt();
	emulator = await startTestEmulator({timeScale: 20, demo: false});
	const definition = jobPipeline({
		Prep: {durationSeconds: 300, logLines: 400},
		Train: {durationSeconds: 20, fail: 'ValueError: Input contains NaN', failureKind: 'algorithm'},
	});
	await sageMaker('CreatePipeline', {
		PipelineName: 'LogPaneDemo',
		PipelineDefinition: JSON.stringify(definition),
		RoleArn: 'arn:aws:iam::000000000000:role/SageMakerExecutionRole',
		ClientRequestToken: 'log-pane-create-000000000000000000001',
	});
	await sageMaker('StartPipelineExecution', {
		PipelineName: 'LogPaneDemo',
		ClientRequestToken: 'log-pane-start-0000000000000000000001',
	});
}, 60_000);

afterAll(async () => {
	await terminal?.close();
	await emulator?.close();
});

const linesIn = (screen: string) =>
	Number(/Logs · Prep · .*?([\d,]+) lines/.exec(screen)?.[1]?.replace(/,/g, '') ?? -1);

test('L follows a running job, then shows the failed step’s traceback', async () => {
	terminal = await openTerminal(
		[process.execPath, cliPath, '--endpoint-url', emulator.url, '--interval', '0.3'],
		{columns: 120, rows: 40, env: testAwsEnv()},
	);
	await terminal.waitFor('LogPaneDemo');
	await terminal.press('Enter');
	await terminal.waitFor(/1 execution · /);
	await terminal.press('Enter');
	await terminal.waitFor(/Prep/);
	await terminal.press('L');
	const first = await terminal.waitFor((screen) => linesIn(screen) > 0, 20_000);
	expect(first).toMatch(/Logs · Prep · .*following/);
	expect(first).toMatch(/\[algo-1\] /);
	const before = linesIn(first);
	// No key pressed: new lines arrive and the view stays at the end.
	const later = await terminal.waitFor((screen) => linesIn(screen) > before, 20_000);
	expect(later).toMatch(/following/);

	// The Processing step ends, then Train fails: its log ends in the traceback.
	await terminal.waitFor((screen) => /Logs · Prep · .*ended/.test(screen), 40_000);
	await terminal.press('Escape');
	await terminal.waitFor(/Train/);
	await terminal.waitFor(/✖/, 20_000);
	// A failed execution opens on its failed step: Train is selected without a key press.
	await terminal.waitFor(/^› Train /m, 20_000);
	await terminal.press('L');
	const failed = await terminal.waitFor(/Traceback \(most recent call last\)/, 20_000);
	expect(failed).toMatch(/Logs · Train · /);
	expect(failed).toMatch(/ValueError: Input contains NaN/);
}, 120_000);
