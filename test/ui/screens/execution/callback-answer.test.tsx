// Answering a waiting Callback step from the execution screen with --read-only, against the emulator: the
// selection line says the step waits but does not offer A, and A is refused, leaving the step waiting.
import {describe, expect, test} from 'vitest';
import {readFixture} from '../../../helpers/fixtures.js';
import {backendForFile, renderApp} from '../../app-harness.js';

const backend = backendForFile({timeScale: 600, demo: false});

describe('a waiting Callback step with --read-only', () => {
	test('is shown waiting without the A offer, and A is refused', async () => {
		await backend.aws.pipelines.upsertPipeline({
			name: 'ReadOnlyGate',
			definition: readFixture('sdk-unit-callback-outputs.json'),
			roleArn: 'arn:aws:iam::000000000000:role/SageMakerPipelinesRole',
		});
		const executionArn = await backend.aws.pipelines.startExecution({
			pipelineName: 'ReadOnlyGate',
			parameters: [{name: 'MyStr', value: 'hello'}],
		});
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
