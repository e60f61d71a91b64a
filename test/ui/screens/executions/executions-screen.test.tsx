import type {AwsAccess} from '../../../../source/aws/types.js';
import {describe, expect, test} from 'vitest';
import {
	countCalls,
	createPipeline,
	keys,
	type RenderedApp,
	renderApp,
	startBackend,
	backendForFile,
} from '../../app-harness.js';

const backend = backendForFile({timeScale: 600, demo: false});
let app: RenderedApp | undefined;

function openExecutions(
	pipelineName: string,
	access: AwsAccess = backend.aws,
	readOnly = false,
): RenderedApp {
	return renderApp(access, {
		readOnly,
		initialRoutes: [{kind: 'pipelines'}, {kind: 'executions', pipelineName}],
	});
}

describe('the executions screen', () => {
	test('a wide list shows the parameters each execution ran with other than the defaults', async () => {
		await createPipeline(backend.aws, 'Tuned', {steps: {AbaloneProcess: {durationSeconds: 1}}});
		await backend.aws.pipelines.startExecution({pipelineName: 'Tuned', parameters: [], displayName: 'as-is'});
		await backend.aws.pipelines.startExecution({
			pipelineName: 'Tuned',
			parameters: [{name: 'ModelApprovalStatus', value: 'Approved'}],
			displayName: 'approved',
		});
		app = renderApp(backend.aws, {
			size: {columns: 120, rows: 30},
			initialRoutes: [{kind: 'pipelines'}, {kind: 'executions', pipelineName: 'Tuned'}],
		});
		await app.waitFor(/approved\s.*ModelApprovalStatus=Appro/, 20_000);
		await app.waitFor(/as-is\s.*\sdefaults/, 20_000);
	});

	test('a pipeline that never existed is said not to exist (not "no longer")', async () => {
		app = openExecutions('NoSuchPipe');
		await app.waitFor('Pipeline NoSuchPipe does not exist.');
	});

	test('o sorts the list; a wide list says who started each execution', async () => {
		await createPipeline(backend.aws, 'Sorted', {steps: {AbaloneProcess: {durationSeconds: 1}}});
		for (const displayName of ['older-run', 'newer-run'])
			await backend.aws.pipelines.startExecution({pipelineName: 'Sorted', parameters: [], displayName});
		app = renderApp(backend.aws, {
			size: {columns: 130, rows: 40},
			initialRoutes: [{kind: 'pipelines'}, {kind: 'executions', pipelineName: 'Sorted'}],
		});
		await app.waitFor('2 executions · newest first');
		await app.waitFor(/STATUS\s+NAME\s+ID\s+STARTED\s+DURATION\s+PARAMETERS\s+BY/);
		await app.waitFor(/older-run.*\ssagemon-local\s*$/m, 20_000);
		await app.press('o', 'sorted oldest first (o)');
		const rows = app.screen().split('\n');
		expect(rows.findIndex((row) => row.includes('older-run'))).toBeLessThan(
			rows.findIndex((row) => row.includes('newer-run')),
		);
		await app.press('o', 'sorted by status (failed first) (o)');
	});

	test('lists executions newest first with status, name, id, start and duration; enter opens one', async () => {
		await createPipeline(backend.aws, 'Listed', {steps: {AbaloneProcess: {durationSeconds: 30}}});
		const first = await backend.aws.pipelines.startExecution({
			pipelineName: 'Listed',
			parameters: [],
			displayName: 'first-run',
		});
		await backend.aws.pipelines.startExecution({
			pipelineName: 'Listed',
			parameters: [],
			displayName: 'second-run',
		});
		app = openExecutions('Listed');
		await app.waitFor('2 executions · newest first');
		const rows = app.screen().split('\n');
		expect(rows.findIndex((row) => row.includes('second-run'))).toBeLessThan(
			rows.findIndex((row) => row.includes('first-run')),
		);
		expect(app.screen()).toMatch(/STATUS\s+NAME\s+ID\s+STARTED\s+DURATION/);
		expect(app.screen()).toContain(first.split('/').pop());
		await app.waitFor(/✔ succeeded\s+first-run\s+\w{12}\s+\S+ \S+\s+\d+(ms|s)/, 20_000);
		await app.press(keys.down, '› ✔ succeeded  first-run');
		await app.press(keys.enter, 'Pipelines › Listed › first-run');
		await app.waitFor('✔ SUCCEEDED first-run');
	});

	test('x stops an executing one after y/N; on a finished one it explains why not', async () => {
		await createPipeline(backend.aws, 'Stoppable', {steps: {AbaloneProcess: {durationSeconds: 600_000}}});
		await backend.aws.pipelines.startExecution({
			pipelineName: 'Stoppable',
			parameters: [],
			displayName: 'long-run',
		});
		const {access, calls} = countCalls(backend.aws);
		app = openExecutions('Stoppable', access);
		await app.waitFor('● executing  long-run');
		await app.press('x', 'Stop execution long-run? Running steps are stopped and nothing more starts. [y/N]');
		await app.press(keys.enter);
		await app.waitForGone('[y/N]');
		expect(calls.get('stopExecution')).toBeUndefined();
		await app.press('x', '[y/N]');
		await app.press('y', 'Stop requested for long-run.');
		await app.waitFor('■ stopped    long-run', 20_000);
		expect(calls.get('stopExecution')).toBe(1);
		await app.press('x', 'Only an executing execution can be stopped; long-run is stopped.');
	});

	test('R retries a failed execution after y/N', async () => {
		await createPipeline(backend.aws, 'Retryable', {
			steps: {AbaloneTrain: {fail: 'ResourceLimitExceeded: no ml.m5.xlarge capacity', failAttempts: 1}},
		});
		await backend.aws.pipelines.startExecution({
			pipelineName: 'Retryable',
			parameters: [],
			displayName: 'flaky',
		});
		app = openExecutions('Retryable');
		// The failed step's name joins the status once it is looked up, which widens the column.
		await app.waitFor(/✖ failed( AbaloneTrain)? +flaky/, 20_000);
		await app.press('R', 'Retry execution flaky from its failed steps? [y/N]');
		await app.press('y', 'Retrying flaky.');
		await app.waitFor('✔ succeeded  flaky', 20_000);
	});

	test('s opens the start form for this pipeline; read-only refuses x and R', async () => {
		await createPipeline(backend.aws, 'Startable');
		app = openExecutions('Startable');
		await app.waitFor('No executions yet; s starts one.');
		await app.press('s', 'Start Startable · 6 parameters');
		expect(app.screen()).toContain('Pipelines › Startable › start');
		app.unmount();
		app = openExecutions('Startable', backend.aws, true);
		await app.waitFor('No executions yet');
		await app.press('x', 'Read-only mode: stop the execution is disabled');
		await app.press('R', 'Read-only mode: retry a failed execution is disabled');
	});
});

describe('a pipeline with more executions than one page', () => {
	test('loads older pages when the selection reaches the end', async () => {
		const busy = await startBackend({timeScale: 20_000, demo: false});
		try {
			await createPipeline(busy.aws, 'Busy', {fixture: 'sdk-unit-two-step-expressions.json'});
			for (let index = 0; index < 60; index++) {
				for (;;) {
					try {
						await busy.aws.pipelines.startExecution({
							pipelineName: 'Busy',
							parameters: [{name: 'MyStr', value: 'x'}],
							displayName: `run-${index}`,
						});
						break;
					} catch (error) {
						// The service allows only so many running executions; wait for some to end.
						if ((error as {kind?: string}).kind !== 'LimitExceeded') throw error;
						await new Promise((resolve) => setTimeout(resolve, 20));
					}
				}
			}

			app = renderApp(busy.aws, {
				initialRoutes: [{kind: 'pipelines'}, {kind: 'executions', pipelineName: 'Busy'}],
			});
			await app.waitFor('50 executions · newest first · more below');
			expect(app.screen()).toContain('› ');
			await app.press(keys.end);
			await app.waitFor('60 executions · newest first');
			await app.press(keys.end, /› \S+ \S+\s+run-0\s/);
		} finally {
			app?.unmount();
			app?.cleanupConfig();
			app = undefined;
			await busy.close();
		}
	});
});
