// The execution screen's re-run keys in the whole app against the in-process emulator: `+` marks a step and
// everything downstream of it in the list and the timeline, `s` with marks on an execution still running says why
// not in one sentence, and `s` without marks opens the start form prefilled from this execution.
import {describe, expect, test} from 'vitest';
import {backendForFile, createPipeline, renderApp} from '../../app-harness.js';

const backend = backendForFile({timeScale: 600, demo: false});

function line(screen: string, text: string): string {
	return screen.split('\n').find((candidate) => candidate.includes(text)) ?? '';
}

describe('marking steps and starting again', () => {
	test('+ marks downstream; s refuses a running source, and without marks opens the prefilled form', async () => {
		await createPipeline(backend.aws, 'MarkAbalone', {
			steps: {AbaloneProcess: {durationSeconds: 10_000_000}},
		});
		const arn = await backend.aws.pipelines.startExecution({
			pipelineName: 'MarkAbalone',
			parameters: [{name: 'ModelApprovalStatus', value: 'Approved'}],
		});
		const app = renderApp(backend.aws, {
			initialRoutes: [
				{kind: 'pipelines'},
				{kind: 'executions', pipelineName: 'MarkAbalone'},
				{kind: 'execution', pipelineName: 'MarkAbalone', executionArn: arn},
			],
		});
		await app.waitFor('● EXECUTING');
		await app.press('g', 'DAG [list] timeline');
		await app.press('j', /› AbaloneTrain /);
		await app.press('+', /◆ AbaloneTransform/);
		for (const step of ['AbaloneTrain', 'AbaloneEval', 'AbaloneMSECond', 'AbaloneCreateModel']) {
			expect(line(app.screen(), step)).toContain(`◆ ${step}`);
		}
		expect(line(app.screen(), 'AbaloneProcess')).not.toContain('◆');
		// The timeline draws the same marks before the names of the marked steps.
		await app.press('g', 'DAG list [timeline]');
		await app.waitFor(/◆ AbaloneTrain/);
		expect(line(app.screen(), 'AbaloneProcess')).not.toContain('◆');
		await app.press('g', '[DAG] list timeline');
		await app.press('g', 'DAG [list] timeline');

		await app.press('s', 'The source execution is Executing: only an execution that Succeeded or Failed');
		expect((await backend.aws.pipelines.listExecutions('MarkAbalone')).items).toHaveLength(1);

		await app.press('-');
		await app.waitForGone('◆');
		await app.press('s', `values of execution ${arn.split('/').at(-1)}`);
		expect(app.screen()).not.toContain('Selective execution');
		expect(line(app.screen(), 'ModelApprovalStatus')).toMatch(/Approved\s+● changed/);
		await backend.aws.pipelines.stopExecution(arn);
	});
});
