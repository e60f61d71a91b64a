// Answering a waiting Callback step from the execution screen, against the emulator: the choice's footer names
// success and failure; with --read-only the selection line says the step waits but does not offer A, and A is
// refused, leaving the step waiting. (The answers themselves: test/e2e/tui-registry.test.ts, in tmux.)
import {describe, expect, test} from 'vitest';
import {readFixture} from '../../../helpers/fixtures.js';
import {backendForFile, keys, renderApp} from '../../app-harness.js';

const backend = backendForFile({timeScale: 600, demo: false});

async function startGate(pipelineName: string): Promise<string> {
	await backend.aws.pipelines.upsertPipeline({
		name: pipelineName,
		definition: readFixture('sdk-unit-callback-outputs.json'),
		roleArn: 'arn:aws:iam::000000000000:role/SageMakerPipelinesRole',
	});
	return backend.aws.pipelines.startExecution({pipelineName, parameters: [{name: 'MyStr', value: 'hello'}]});
}

describe('a waiting Callback step', () => {
	test('A offers success and failure by name; esc sends nothing', async () => {
		const executionArn = await startGate('ChoiceGate');
		const app = renderApp(backend.aws, {
			initialRoutes: [{kind: 'execution', pipelineName: 'ChoiceGate', executionArn}],
		});
		await app.waitFor('● awaiting', 20_000);
		await app.press('g', 'DAG [list] timeline');
		await app.press('j', /› MyCallbackStep1 Callback .*waiting for a callback · A answers it/);
		// The selection line says once that the step waits: "<1m waiting for a callback", not "· awaiting" too.
		expect(app.screen()).toMatch(/› MyCallbackStep1 Callback ● executing <?\d+[ms]? waiting for a callback/);
		await app.press('A', 'Answer the Callback step MyCallbackStep1');
		await app.waitFor(/s success {2}f failure {2}esc cancel/);
		await app.press(keys.escape);
		await app.waitForGone('Answer the Callback step');
		const steps = await backend.aws.pipelines.listSteps(executionArn);
		expect(steps.find((step) => step.name === 'MyCallbackStep1')?.status).toBe('Executing');
	});
});

describe('a waiting Callback step with --read-only', () => {
	test('is shown waiting without the A offer, and A is refused', async () => {
		const executionArn = await startGate('ReadOnlyGate');
		const app = renderApp(backend.aws, {
			initialRoutes: [{kind: 'execution', pipelineName: 'ReadOnlyGate', executionArn}],
			readOnly: true,
		});
		await app.waitFor('● awaiting', 20_000);
		await app.press('g', 'DAG [list] timeline');
		await app.press('j', /› MyCallbackStep1 Callback ● executing/);
		await app.waitFor(/› MyCallbackStep1 Callback .*waiting for a callback/);
		expect(app.screen()).not.toContain('A answers it');
		await app.press('A', 'Read-only mode: answer a Callback step is disabled');
		expect(app.screen()).not.toContain('Answer step MyCallbackStep1');
		const steps = await backend.aws.pipelines.listSteps(executionArn);
		expect(steps.find((step) => step.name === 'MyCallbackStep1')?.status).toBe('Executing');
	});
});
