// The compare screen in the whole app against the emulator: `m` marks an execution, `c` on another compares them;
// `a` shows the unchanged rows, `s` swaps A and B; `c` on an execution's screen compares it with the one before.
import {describe, expect, test} from 'vitest';
import {backendForFile, createPipeline, keys, renderApp} from '../../app-harness.js';

const backend = backendForFile({timeScale: 2000, demo: false});

/** The tutorial's evaluation reporting `mse`. */
const reporting = (mse: number) => ({
	AbaloneEval: {
		propertyFiles: {EvaluationReport: {regression_metrics: {mse: {value: mse, standard_deviation: 2.1}}}},
	},
});

async function runToEnd(displayName: string, parameters: Array<{name: string; value: string}> = []) {
	const arn = await backend.aws.pipelines.startExecution({pipelineName: 'Tuned', parameters, displayName});
	for (;;) {
		const {status} = await backend.aws.pipelines.describeExecution(arn);
		if (status !== 'Executing') return arn;
		await new Promise((resolve) => setTimeout(resolve, 50));
	}
}

describe('the compare screen', () => {
	test('m marks, c on another compares: the changed parameter and report value are shown, the rest on a', async () => {
		await createPipeline(backend.aws, 'Tuned', {steps: reporting(4.5)});
		const first = await runToEnd('baseline');
		await createPipeline(backend.aws, 'Tuned', {steps: reporting(3.98)});
		const second = await runToEnd('tuned', [{name: 'ModelApprovalStatus', value: 'Approved'}]);
		const app = renderApp(backend.aws, {
			initialRoutes: [{kind: 'pipelines'}, {kind: 'executions', pipelineName: 'Tuned'}],
		});
		await app.waitFor('2 executions');
		await app.press('c', 'Mark an execution with m first');
		await app.press(keys.down, '› ✔ succeeded  baseline');
		await app.press('m', 'Marked baseline as A');
		await app.waitFor('◆ A baseline');
		await app.press('c', 'baseline is the marked execution');
		await app.press(keys.up, '› ✔ succeeded  tuned');
		await app.press('c', `compare ${first.split('/').pop()} ↔ ${second.split('/').pop()}`);
		await app.waitFor('regression_metrics.mse.value  4.50 → 3.98 (-11.6%)');
		const screen = app.screen();
		expect(screen).toContain(`A ${first.split('/').pop()} (Tuned, Succeeded)`);
		expect(screen).toMatch(/ModelApprovalStatus +PendingManualApproval → Approved/);
		expect(screen).toContain('the same definition (versions 1 → 2)');
		expect(screen).not.toContain('(same)');
		expect(screen).not.toContain('InputData');

		await app.press('a', /TrainingInstanceType +ml.m5.xlarge \(same\)/);
		expect(app.screen()).toContain('unchanged rows dimmed');
		await app.press('s', /regression_metrics\.mse\.value +3\.98 → 4\.50 \(\+13\.1%\)/);
		expect(app.screen()).toMatch(/ModelApprovalStatus +Approved → PendingManualApproval/);

		// Back on the list, the mark is still there.
		await app.press(keys.escape, '◆ A baseline');
	});

	test('c on an execution’s screen compares it with the previous execution; the first has none', async () => {
		await createPipeline(backend.aws, 'Tuned', {steps: reporting(5.25)});
		const third = await runToEnd('third', [{name: 'ProcessingInstanceCount', value: '2'}]);
		const app = renderApp(backend.aws, {
			initialRoutes: [
				{kind: 'pipelines'},
				{kind: 'executions', pipelineName: 'Tuned'},
				{kind: 'execution', pipelineName: 'Tuned', executionArn: third},
			],
		});
		await app.waitFor('✔ SUCCEEDED third');
		await app.press('c', 'compare previous ↔');
		await app.waitFor('regression_metrics.mse.value  3.98 → 5.25 (+31.9%)');
		expect(app.screen()).toMatch(/ProcessingInstanceCount +1 → 2 \(\+100%\)/);
		expect(app.screen()).toMatch(/ModelApprovalStatus +Approved → PendingManualApproval/);

		const {items} = await backend.aws.pipelines.listExecutions('Tuned');
		const oldest = items.at(-1)!.arn;
		const alone = renderApp(backend.aws, {
			initialRoutes: [{kind: 'pipelines'}, {kind: 'compare', pipelineName: 'Tuned', executionB: oldest}],
		});
		await alone.waitFor('No execution of Tuned started before this one');
	});
});
