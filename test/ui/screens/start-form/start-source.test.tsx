// The start form opened from a past execution (the `s` of the execution and executions screens), against the
// in-process emulator: prefilled with what that execution ran with (not the values last typed), a selective start
// of the marked steps that reuses the others from it, and a source still running refused in one sentence before
// anything is sent.
import {describe, expect, test} from 'vitest';
import {terminalExecutionStatuses} from '../../../../source/pipeline/model.js';
import {saveRememberedValues} from '../../../../source/ui/remembered-values.js';
import {backendForFile, createPipeline, keys, renderApp} from '../../app-harness.js';

const backend = backendForFile({timeScale: 2000, demo: false}, async (started) => {
	await createPipeline(started.aws, 'RerunForm');
	await createPipeline(started.aws, 'RememberedRerun');
	await createPipeline(started.aws, 'SlowRerunForm', {
		steps: {AbaloneProcess: {durationSeconds: 10_000_000}},
	});
});

async function ended(arn: string): Promise<void> {
	for (;;) {
		const {status} = await backend.aws.pipelines.describeExecution(arn);
		if (terminalExecutionStatuses.has(status)) return;
		await new Promise((resolve) => setTimeout(resolve, 20));
	}
}

function row(screen: string, name: string): string {
	return screen.split('\n').find((line) => line.includes(name)) ?? '';
}

describe('the start form from a past execution', () => {
	test('holds the values the execution ran with and starts a selective execution of the marked steps', async () => {
		const source = await backend.aws.pipelines.startExecution({
			pipelineName: 'RerunForm',
			parameters: [{name: 'TrainingInstanceType', value: 'ml.m5.2xlarge'}],
		});
		await ended(source);
		const id = source.split('/').at(-1)!;
		const app = renderApp(backend.aws, {
			initialRoutes: [
				{kind: 'pipelines'},
				{
					kind: 'start',
					pipelineName: 'RerunForm',
					from: {executionArn: source, steps: ['AbaloneEval', 'AbaloneTrain']},
				},
			],
		});
		await app.waitFor(
			`Start RerunForm · 6 parameters · values of execution ${id} (U resets all to defaults)`,
		);
		expect(app.screen()).toContain('Selective execution of 2 step(s): AbaloneTrain, AbaloneEval');
		expect(app.screen()).toContain(`reusing from execution ${id}: AbaloneProcess`);
		expect(row(app.screen(), 'TrainingInstanceType')).toMatch(/ml\.m5\.2xlarge\s+● changed/);
		await app.press(keys.ctrlS, 'selective: reuses');
		const [started] = (await backend.aws.pipelines.listExecutions('RerunForm')).items;
		expect(started!.arn).not.toBe(source);
		expect((await backend.aws.pipelines.describeExecution(started!.arn)).selectiveExecution).toEqual({
			sourceExecutionArn: source,
			selectedSteps: ['AbaloneTrain', 'AbaloneEval'],
		});
		expect(await backend.aws.pipelines.listExecutionParameters(started!.arn)).toContainEqual({
			name: 'TrainingInstanceType',
			value: 'ml.m5.2xlarge',
		});
	});

	test('s on the executions screen: the selected execution’s values, not the last ones typed', async () => {
		const source = await backend.aws.pipelines.startExecution({
			pipelineName: 'RememberedRerun',
			parameters: [{name: 'TrainingInstanceType', value: 'ml.m5.2xlarge'}],
		});
		await ended(source);
		const app = renderApp(backend.aws, {
			initialRoutes: [{kind: 'pipelines'}, {kind: 'executions', pipelineName: 'RememberedRerun'}],
		});
		// Values typed at an earlier start of this pipeline, which a plain start form offers.
		const {arn} = await backend.aws.pipelines.describePipeline('RememberedRerun');
		await saveRememberedValues(
			app.configDirectory,
			{pipelineArn: arn, endpointUrl: backend.aws.settings.endpointUrl},
			{TrainingInstanceType: 'ml.c5.9xlarge', ModelApprovalStatus: 'Approved'},
			Date.now(),
		);
		await app.waitFor('1 execution');
		await app.press('s', `values of execution ${source.split('/').at(-1)}`);
		expect(row(app.screen(), 'TrainingInstanceType')).toMatch(/ml\.m5\.2xlarge\s+● changed/);
		expect(row(app.screen(), 'ModelApprovalStatus')).toMatch(/PendingManualApproval/);

		// The plain start form (s on the pipelines screen) does offer the typed values: they were there to ignore.
		await app.press(keys.escape, '1 execution');
		await app.press(keys.escape, 'RememberedRerun');
		await app.press('/');
		await app.press('RememberedRerun');
		await app.press(keys.enter);
		await app.press('s', 'value(s) from your last start');
		expect(row(app.screen(), 'TrainingInstanceType')).toMatch(/ml\.c5\.9xlarge/);
	});

	test('U goes back to the defaults', async () => {
		const source = await backend.aws.pipelines.startExecution({
			pipelineName: 'RerunForm',
			parameters: [{name: 'ModelApprovalStatus', value: 'Approved'}],
		});
		await ended(source);
		const app = renderApp(backend.aws, {
			initialRoutes: [
				{kind: 'pipelines'},
				{kind: 'start', pipelineName: 'RerunForm', from: {executionArn: source}},
			],
		});
		await app.waitFor(/ModelApprovalStatus\s+String\s+Approved\s+● changed/);
		expect(app.screen()).not.toContain('Selective execution');
		await app.press('U', /ModelApprovalStatus\s+String\s+PendingManualApproval/);
	});

	test('a source still running is refused in one sentence, and nothing is started', async () => {
		const source = await backend.aws.pipelines.startExecution({
			pipelineName: 'SlowRerunForm',
			parameters: [],
		});
		const app = renderApp(backend.aws, {
			initialRoutes: [
				{kind: 'pipelines'},
				{kind: 'start', pipelineName: 'SlowRerunForm', from: {executionArn: source, steps: ['AbaloneTrain']}},
			],
		});
		await app.waitFor('Selective execution of 1 step(s): AbaloneTrain');
		await app.press(
			keys.ctrlS,
			'The source execution is Executing: only an execution that Succeeded or Failed can be the source',
		);
		expect((await backend.aws.pipelines.listExecutions('SlowRerunForm')).items).toHaveLength(1);
		await backend.aws.pipelines.stopExecution(source);
	});
});
