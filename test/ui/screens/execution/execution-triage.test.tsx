// The execution screen's triage against the emulator: a failed execution opens on its failed step with why it
// failed under the steps, `w` shows `sagemon why`'s content, `L` from there the failed step's log and `R` retries;
// the lists name the failed step; a Callback step waiting for its answer and a step on its second attempt say so.
import {describe, expect, test} from 'vitest';
import type {Route} from '../../../../source/ui/shell/routes.js';
import {readFixture} from '../../../helpers/fixtures.js';
import {backendForFile, createPipeline, keys, type RenderedApp, renderApp} from '../../app-harness.js';

const backend = backendForFile({timeScale: 600, demo: false});
let app: RenderedApp | undefined;

async function start(
	pipelineName: string,
	options: Parameters<typeof createPipeline>[2],
	parameters: Array<{name: string; value: string}> = [],
) {
	await createPipeline(backend.aws, pipelineName, options);
	const arn = await backend.aws.pipelines.startExecution({pipelineName, parameters});
	const routes: Route[] = [
		{kind: 'pipelines'},
		{kind: 'executions', pipelineName},
		{kind: 'execution', pipelineName, executionArn: arn},
	];
	return {arn, routes};
}

describe('triage on the execution screen', () => {
	test('a failed execution opens on its failed step, says why, and w shows the whole triage', async () => {
		const {routes} = await start('WhyAbalone', {
			steps: {
				AbaloneProcess: {durationSeconds: 60},
				AbaloneTrain: {durationSeconds: 60, failureKind: 'algorithm', failAttempts: 1},
			},
		});
		app = renderApp(backend.aws, {initialRoutes: routes});
		await app.waitFor('✖ FAILED', 20_000);
		// No key pressed: the failed step is selected and the reason and the log's error are on screen.
		await app.waitFor(/why: AbaloneTrain: code · AlgorithmError: See job logs/);
		expect(app.screen()).toMatch(/^ {2}ValueError: could not convert string to float: 'M'/m);
		expect(app.screen()).toMatch(/^ {2}next: sagemon start WhyAbalone --from-execution arn:/m);
		expect(app.screen()).toMatch(/^› AbaloneTrain Training ✖ failed/m);

		await app.press('w', 'Why the execution failed');
		expect(app.screen()).toContain('AbaloneTrain (Training): code');
		expect(app.screen()).toMatch(/│\s+log:/);
		expect(app.screen()).toContain('esc closes · L log · y copies the next command · R retries');
		// L: the failed step's whole log, from its first line to the traceback; esc, then w again.
		await app.press('L', 'Logs · AbaloneTrain');
		await app.waitFor(/\[algo-1\] ValueError: could not convert string to float: 'M'/);
		await app.press(keys.escape);
		await app.waitForGone('Logs · AbaloneTrain');
		await app.press('w', 'Why the execution failed');
		// y: the next command, which the pane wraps, whole on the clipboard; the message line says it.
		await app.press(
			'y',
			/Copied the next command to the clipboard: sagemon start WhyAbalone --from-execution\s+arn:\S+ --steps\s+AbaloneTrain,AbaloneEval,/,
		);
		await app.press('R', 'Retry execution');
		await app.press('y', '✔ SUCCEEDED');
		// The pane follows the execution: once it succeeded, it says so and no longer offers a retry.
		await app.waitFor('The execution succeeded');
		expect(app.screen()).toContain('esc closes · L log · ↑↓ scroll');
		await app.press(keys.escape);
		await app.waitForGone('The execution succeeded');
		// The selection stays on the step that failed, now succeeded; the why is gone with the failure.
		expect(app.screen()).toMatch(/^› AbaloneTrain Training ✔ succeeded/m);
		expect(app.screen()).not.toContain('why:');
	});

	test('the executions and pipelines lists name the failed step next to the Failed status', async () => {
		const {routes} = await start('WhyListed', {steps: {AbaloneEval: {failureKind: 'capacity'}}});
		app = renderApp(backend.aws, {initialRoutes: routes.slice(0, 2)});
		await app.waitFor('✖ failed AbaloneEval', 20_000);
		await app.press(keys.escape, /WhyListed\s+✖ failed AbaloneEval/);
	});

	test('a Callback step waiting for its answer shows it, with its token, in the box and the details', async () => {
		const {routes} = await start('WhyCallback', {fixture: 'sdk-unit-callback-outputs.json'}, [
			{name: 'MyStr', value: 'hello'},
		]);
		app = renderApp(backend.aws, {initialRoutes: routes});
		await app.waitFor('● awaiting', 20_000);
		await app.press('g', 'DAG [list] timeline');
		await app.press('j', /› MyCallbackStep1 Callback ● executing/);
		await app.press(keys.enter, 'Step MyCallbackStep1');
		await app.waitFor(/Waiting\s+for its answer: SendPipelineExecutionStepSuccess/);
		expect(app.screen()).toMatch(/Callback token\s+\S+/);
	});

	test('a step its retry policy runs again shows its attempt', async () => {
		const definition = JSON.parse(readFixture('abalone-tutorial.json'));
		const process = definition.Steps.find((step: {Name: string}) => step.Name === 'AbaloneProcess');
		process.RetryPolicies = [
			{ExceptionType: ['SageMaker.CAPACITY_ERROR'], IntervalSeconds: 1, BackoffRate: 1, MaxAttempts: 2},
		];
		definition.Metadata = {
			'sagemon.emulator': {
				steps: {
					AbaloneProcess: {durationSeconds: 1200, errorType: 'SageMaker.CAPACITY_ERROR', failAttempts: 1},
				},
			},
		};
		await backend.aws.pipelines.upsertPipeline({
			name: 'WhyRetrying',
			definition: JSON.stringify(definition),
			roleArn: 'arn:aws:iam::000000000000:role/SageMakerPipelinesRole',
		});
		const arn = await backend.aws.pipelines.startExecution({pipelineName: 'WhyRetrying', parameters: []});
		app = renderApp(backend.aws, {
			initialRoutes: [{kind: 'execution', pipelineName: 'WhyRetrying', executionArn: arn}],
		});
		await app.waitFor('· try 2', 20_000);
		await app.press(keys.enter, 'Step AbaloneProcess');
		await app.waitFor(/Attempts\s+2: attempt 2 is running/);
	});
});
