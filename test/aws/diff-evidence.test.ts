// gatherDiff against the emulator over HTTP: two runs of the tutorial pipeline with different parameters and
// report values, gathered and handed to diffExecutions, show the changed parameter, report value and resources.
import {describe, expect, it} from 'vitest';
import {gatherDiff} from '../../source/aws/diff-evidence.js';
import {changedOnly, diffExecutions} from '../../source/pipeline/execution-diff.js';
import {readFixture} from '../helpers/fixtures.js';
import {countingCalls, evidenceBackendForFile, runToEnd} from './evidence-harness.js';

const backend = evidenceBackendForFile();

/** The tutorial, with the MSE its evaluation step reports set through the emulator's metadata. */
function tutorialReporting(mse: number): unknown {
	const definition = JSON.parse(readFixture('abalone-tutorial.json'));
	definition.Metadata = {
		'sagemon.emulator': {
			steps: {
				AbaloneEval: {
					propertyFiles: {
						EvaluationReport: {regression_metrics: {mse: {value: mse, standard_deviation: 2.1}}},
					},
				},
			},
		},
	};
	return definition;
}

describe('gatherDiff', () => {
	it('gives diffExecutions the changed parameter, report value and instance count of two runs', async () => {
		const arnA = await runToEnd(backend.pipelines, 'AbaloneTuning', tutorialReporting(4.5));
		const arnB = await runToEnd(backend.pipelines, 'AbaloneTuning', tutorialReporting(3.98), {
			ProcessingInstanceCount: '2',
		});
		const {access, calls} = countingCalls(backend);
		const {a, b} = await gatherDiff(access, arnA, arnB);

		expect(a.execution.pipelineVersionId).toBe(1);
		expect(b.execution.pipelineVersionId).toBe(2);
		expect(a.reports).toEqual([
			{
				step: 'AbaloneEval',
				file: 'EvaluationReport',
				value: {regression_metrics: {mse: {value: 4.5, standard_deviation: 2.1}}},
			},
		]);
		expect(a.resources?.AbaloneProcess).toEqual({instanceType: 'ml.m5.xlarge', instanceCount: 1});
		expect(b.resources?.AbaloneProcess).toEqual({instanceType: 'ml.m5.xlarge', instanceCount: 2});

		const diff = changedOnly(diffExecutions(a, b));
		expect(diff.parameters.map((row) => [row.name, row.a, row.b])).toEqual([
			['ProcessingInstanceCount', '1', '2'],
		]);
		const propertyFileRows = diff.reports.filter((row) => row.kind === 'propertyFile');
		expect(propertyFileRows.map((row) => [row.step, row.file, row.path, row.a, row.b])).toEqual([
			['AbaloneEval', 'EvaluationReport', 'regression_metrics.mse.value', 4.5, 3.98],
		]);
		expect(propertyFileRows[0]?.percent).toBeCloseTo(-11.56, 1);
		expect(diff.definition.samePipeline).toBe(true);
		expect(diff.definition.sameVersion).toBe(false);
		const processing = diff.steps.find((row) => row.name === 'AbaloneProcess');
		expect(processing?.changes).toContain('instanceCount');

		// Per execution: the four reads, one job per job step (AbaloneProcess, AbaloneTrain, AbaloneEval,
		// AbaloneTransform), one output lookup for the one step with a property file.
		expect(calls.get('describeExecution')).toBe(2);
		expect(calls.get('describeJob')).toBe(8);
		expect(calls.get('describeProcessingJobOutputs')).toBe(2);
	});

	it('shows the steps a condition skipped in one execution and ran in the other', async () => {
		const arnA = await runToEnd(backend.pipelines, 'AbaloneGate', tutorialReporting(4.5));
		const arnB = await runToEnd(backend.pipelines, 'AbaloneGate', tutorialReporting(6.4));
		const {a, b} = await gatherDiff(backend, arnA, arnB);
		const diff = changedOnly(diffExecutions(a, b));
		const states = diff.steps
			.filter((row) => row.changes.includes('state'))
			.map((row) => [row.name, row.a?.state, row.b?.state]);
		expect(states).toEqual([
			['AbaloneRegisterModel', 'succeeded', 'skipped'],
			['AbaloneCreateModel', 'succeeded', 'skipped'],
			['AbaloneTransform', 'succeeded', 'skipped'],
		]);
	});
});
