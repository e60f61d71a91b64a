import {describe, expect, test} from 'vitest';
import type {Route} from '../../../../source/ui/shell/routes.js';
import {
	countCalls,
	createPipeline,
	keys,
	type RenderedApp,
	renderApp,
	backendForFile,
} from '../../app-harness.js';

// Time runs 600× faster than real: a step of 1200 simulated seconds takes 2 s.
const backend = backendForFile({timeScale: 600, demo: false});
let app: RenderedApp | undefined;

/**
 * Creates the pipeline from the abalone tutorial (its steps tuned by `steps`), starts an execution of it, and
 * returns the execution's ARN and the routes that open it with the list screens behind it.
 */
async function startExecution(
	pipelineName: string,
	options: {steps?: Record<string, unknown>; parameters?: Array<{name: string; value: string}>} = {},
): Promise<{arn: string; routes: Route[]}> {
	await createPipeline(backend.aws, pipelineName, {steps: options.steps});
	const arn = await backend.aws.pipelines.startExecution({
		pipelineName,
		parameters: options.parameters ?? [],
	});
	return {
		arn,
		routes: [
			{kind: 'pipelines'},
			{kind: 'executions', pipelineName},
			{kind: 'execution', pipelineName, executionArn: arn},
		],
	};
}

function line(screen: string, text: string): string {
	return screen.split('\n').find((candidate) => candidate.includes(text)) ?? '';
}

describe('the execution screen', () => {
	test('the live panel moves every step from not started through executing to succeeded', async () => {
		const {routes} = await startExecution('LiveAbalone', {
			steps: {AbaloneProcess: {durationSeconds: 1500}, AbaloneTrain: {durationSeconds: 1500}},
		});
		app = renderApp(backend.aws, {initialRoutes: routes});
		await app.waitFor('● EXECUTING');
		await app.press('g', 'DAG [list] timeline');
		await app.waitFor(/AbaloneProcess\s+Processing\s+● executing/);
		expect(line(app.screen(), 'AbaloneTrain')).toContain('○ not started');
		expect(line(app.screen(), 'AbaloneTransform')).toContain('○ not started');
		await app.waitFor(/AbaloneTrain\s+Training\s+● executing/);
		expect(line(app.screen(), 'AbaloneProcess')).toMatch(/✔ succeeded\s+\d\d:\d\d:\d\d\s+\d+(ms|s)/);
		await app.waitFor('✔ SUCCEEDED', 20_000);
		for (const step of [
			'AbaloneProcess',
			'AbaloneTrain',
			'AbaloneEval',
			'AbaloneMSECond',
			'AbaloneTransform',
		]) {
			expect(line(app.screen(), step)).toContain('✔ succeeded');
		}

		expect(app.screen()).toMatch(/took \d+s · 7\/7 steps done/);
	});

	test('a failed step shows in red words and icon, with the reason in the header and in the details', async () => {
		const {routes} = await startExecution('FailingAbalone', {
			steps: {AbaloneTrain: {fail: 'ClientError: the training image crashed\nat line 2', failAttempts: 1}},
		});
		app = renderApp(backend.aws, {initialRoutes: routes});
		await app.waitFor('✖ FAILED', 20_000);
		expect(app.screen()).toContain('Failure: Step failure: One or multiple steps failed.');
		await app.press('g', 'DAG [list] timeline');
		expect(line(app.screen(), 'AbaloneTrain')).toContain('✖ failed');
		expect(line(app.screen(), 'AbaloneEval')).toContain('⊘ skipped');
		// A failed execution opens on its failed step: enter shows its details at once.
		await app.press(keys.enter, 'Step AbaloneTrain');
		expect(app.screen()).toMatch(/Failure\s+ClientError: the training image crashed/);
		expect(app.screen()).toMatch(/^\s*│\s+at line 2/m);
		// The job's ARN, whole on a line (beside its label, or under it when it does not fit there).
		expect(app.screen()).toMatch(/Training job/);
		expect(app.screen()).toMatch(/[│ ]arn:aws:sagemaker:[\w-]+:\d+:training-job\/\S+\s*│/);
		await app.press(keys.escape);
		await app.waitForGone('Step AbaloneTrain');

		// R retries it; the training step fails only on its first attempt, so the retry succeeds.
		await app.press('R', 'Retry execution');
		await app.press('y', '✔ SUCCEEDED');
	});

	test('g cycles DAG, list and timeline', async () => {
		const {routes} = await startExecution('ViewsAbalone');
		app = renderApp(backend.aws, {initialRoutes: routes});
		await app.waitFor('✔ SUCCEEDED', 20_000);
		await app.waitFor('[DAG] list timeline');
		expect(app.screen()).not.toContain('x stop');
		expect(app.screen()).toMatch(/┏━+┓/);
		expect(app.screen()).toContain('AbaloneMSECond');
		await app.press('g', 'DAG [list] timeline');
		expect(app.screen()).toMatch(/STEP\s+TYPE\s+STATUS\s+STARTED\s+DURATION\s+TRY\s+CACHE/);
		await app.press('g', 'DAG list [timeline]');
		expect(line(app.screen(), 'AbaloneProcess')).toMatch(/█+/);
	});

	test('/ filters the steps by name, type or status in every view; esc clears the filter', async () => {
		const {routes} = await startExecution('FilterAbalone');
		app = renderApp(backend.aws, {initialRoutes: routes});
		await app.waitFor('✔ SUCCEEDED', 20_000);
		await app.press('/');
		await app.press('train', /1 of \d+ steps/);
		expect(app.screen()).toContain('AbaloneTrain');
		expect(app.screen()).not.toContain('AbaloneProcess');
		// Filtered, the DAG shows as the list; g moves on from what is shown, so every press changes the view.
		await app.press(keys.enter, 'DAG [list] timeline');
		await app.press('g', 'DAG list [timeline]');
		expect(line(app.screen(), 'AbaloneTrain')).toMatch(/█+/);
		expect(app.screen()).not.toContain('AbaloneProcess');
		await app.press('g', 'DAG [list] timeline');
		expect(app.screen()).not.toContain('AbaloneProcess');
		await app.press(keys.escape);
		await app.waitFor('AbaloneProcess');
		await app.press('/');
		await app.press('Transform', /1 of \d+ steps/);
		await app.press(keys.escape, 'AbaloneProcess');
		await app.press('/');
		await app.press('succeeded', /(\d+) of \1 steps/);
	});

	test('arrows move the selection along the graph', async () => {
		const {routes} = await startExecution('MoveAbalone');
		app = renderApp(backend.aws, {initialRoutes: routes});
		await app.waitFor('✔ SUCCEEDED', 20_000);
		await app.waitFor('› AbaloneProcess');
		await app.press('j', /› Abalone(Train|Eval) /);
		await app.press('k', '› AbaloneProcess ');
		await app.press(keys.end, /› Abalone(Transform|RegisterModel) /);
		await app.press(keys.home, '› AbaloneProcess ');
	});

	test('e shows AbaloneEval’s evaluation.json from S3, and P the parameters it ran with', async () => {
		const {routes} = await startExecution('ReportAbalone', {
			steps: {AbaloneEval: {propertyFiles: {EvaluationReport: {regression_metrics: {mse: {value: 4.5}}}}}},
			parameters: [{name: 'ModelApprovalStatus', value: 'Approved'}],
		});
		app = renderApp(backend.aws, {initialRoutes: routes});
		await app.waitFor('✔ SUCCEEDED', 20_000);
		await app.press('g', '[list]');
		await app.press('jj', '› AbaloneEval ');
		await app.press('e', 'Reports of AbaloneEval');
		await app.waitFor('"value": 4.5');
		expect(app.screen()).toContain('EvaluationReport · evaluation.json');
		expect(app.screen()).toMatch(/S3 LastModified \d{4}-\d\d-\d\d \d\d:\d\d:\d\d · \d+ B/);
		await app.press(keys.escape);
		await app.waitForGone('Reports of');
		await app.press('k', '› AbaloneTrain ');
		await app.press('e', 'Reports of AbaloneTrain');
		await app.waitFor('declares no property files');
		await app.press(keys.escape);
		await app.waitForGone('Reports of');
		await app.press('P', 'Parameters this execution ran with');
		await app.waitFor(/ModelApprovalStatus\s+Approved\s+● default PendingManualApproval/);
	});

	test('e reads the report from the step the screen shows, and the pane scrolls with its own keys', async () => {
		const metrics = Object.fromEntries(Array.from({length: 60}, (_, index) => [`metric_${index}`, index]));
		const {routes} = await startExecution('ScrollAbalone', {
			steps: {
				AbaloneEval: {
					propertyFiles: {EvaluationReport: {regression_metrics: {mse: {value: 4.5}}, ...metrics}},
				},
			},
		});
		const {access, calls} = countCalls(backend.aws);
		app = renderApp(access, {initialRoutes: routes});
		await app.waitFor('✔ SUCCEEDED', 20_000);
		await app.press('g', '[list]');
		await app.press('jj', '› AbaloneEval ');
		const before = {definition: calls.get('describeExecutionDefinition'), steps: calls.get('listSteps')};
		await app.press('e', '"metric_0": 0');
		expect({definition: calls.get('describeExecutionDefinition'), steps: calls.get('listSteps')}).toEqual(
			before,
		);
		expect(app.screen()).toMatch(/Reports of AbaloneEval {2}1-\d+\/\d+ ↑↓/);
		await app.press(keys.end, '"metric_59": 59');
		expect(app.screen()).not.toContain('"metric_0": 0');
		await app.press(keys.home, '"metric_0": 0');
		await app.press('j', /Reports of AbaloneEval {2}2-/);
		await app.press(keys.escape);
		await app.waitForGone('Reports of');
		await app.press('e', /Reports of AbaloneEval {2}1-/);
	});

	test('x stops the execution after y, with exactly one call however often y is pressed', async () => {
		const {routes} = await startExecution('StopAbalone', {
			steps: {AbaloneProcess: {durationSeconds: 60_000}},
		});
		const {access, calls} = countCalls(backend.aws);
		app = renderApp(access, {initialRoutes: routes});
		await app.waitFor('● EXECUTING');
		await app.press('x', 'Stop execution');
		await app.press('n');
		await app.waitForGone('[y/N]');
		await app.press('xx', 'Stop execution');
		expect(app.screen().match(/\[y\/N\]/g)).toHaveLength(1);
		await app.press('yy');
		await app.waitFor('■ STOPPED', 20_000);
		expect(calls.get('stopExecution')).toBe(1);
	});

	test('p pauses and resumes refreshing; read-only refuses x', async () => {
		const {arn, routes} = await startExecution('PauseAbalone', {
			steps: {AbaloneProcess: {durationSeconds: 60_000}},
		});
		app = renderApp(backend.aws, {initialRoutes: routes, readOnly: true});
		await app.waitFor('● EXECUTING');
		await app.press('p', 'refresh paused');
		expect(app.screen()).toContain('paused (p resumes)');
		await app.press('p', 'Refreshing again.');
		await app.press('x', 'Read-only mode: stop the execution is disabled');
		expect(app.screen()).not.toContain('[y/N]');
		await backend.aws.pipelines.stopExecution(arn);
	});

	test('a pipeline deleted by someone else sends the user back to the list', async () => {
		const {routes} = await startExecution('GoneAbalone');
		app = renderApp(backend.aws, {initialRoutes: routes});
		await app.waitFor('✔ SUCCEEDED', 20_000);
		await backend.aws.pipelines.deletePipeline('GoneAbalone');
		await app.press('r', 'Pipeline GoneAbalone no longer exists');
		await app.waitFor(/sagemon Pipelines {2}/);
	});
});
