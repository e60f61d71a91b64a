// gatherTriage against the emulator over HTTP: what it collects for a failed execution, handed to triageExecution,
// names the failed step with its kind, reasons and log; a Fail step's gate shows the values it compared.
import {describe, expect, it} from 'vitest';
import {gatherTriage} from '../../source/aws/triage-evidence.js';
import {AwsError} from '../../source/aws/types.js';
import {failingJobDemo} from '../../source/emulator/demo/failing-job-pipeline.js';
import {triageExecution} from '../../source/pipeline/triage.js';
import {readFixture} from '../helpers/fixtures.js';
import {countingCalls, evidenceBackendForFile, roleArn, runToEnd} from './evidence-harness.js';

const backend = evidenceBackendForFile();

const traceback = [
	'Starting training',
	'Traceback (most recent call last):',
	'  File "train.py", line 12, in <module>',
	"KeyError: 'merchant_id'",
];

describe('gatherTriage', () => {
	it('gives triageExecution the failed training step with its job, its kind and its log', async () => {
		const arn = await runToEnd(backend.pipelines, 'FraudDetection', failingJobDemo.definition);
		const {access, calls} = countingCalls(backend);
		const logReads: Array<[string, string, number]> = [];
		const evidence = await gatherTriage(access, arn, {
			lines: 5,
			async readLogLines(group, prefix, limit) {
				logReads.push([group, prefix, limit]);
				return traceback;
			},
		});

		const triage = triageExecution(evidence);
		expect(triage.status).toBe('Failed');
		expect(triage.failedSteps.map((step) => [step.name, step.type, step.kind])).toEqual([
			['FraudTrain', 'Training', 'code'],
		]);
		const [step] = triage.failedSteps;
		expect(step?.reason).toContain('AlgorithmError');
		expect(step?.jobReason).toContain('feature_names mismatch');
		expect(step?.logExcerpt).toEqual(traceback.slice(1));
		expect(step?.nextAction).toContain(`--steps FraudTrain`);

		const job = evidence.jobs.FraudTrain;
		expect(job?.kind).toBe('Training');
		expect(job?.status).toBe('Failed');
		expect(job?.logGroup).toBe('/aws/sagemaker/TrainingJobs');
		expect(evidence.logProblems).toEqual({});
		expect(logReads).toEqual([['/aws/sagemaker/TrainingJobs', `${job?.name}/`, 200]]);
		// One job described and one log read, for the one failed step; none for the steps that succeeded.
		expect(calls.get('describeJob')).toBe(1);
		expect(calls.get('describeProcessingJobOutputs')).toBeUndefined();
	});

	it('keeps the triage when the log cannot be read, saying why, but not when the network is down', async () => {
		const arn = await runToEnd(backend.pipelines, 'FraudDetectionNoLogs', failingJobDemo.definition);
		const denied = await gatherTriage(backend, arn, {
			async readLogLines() {
				throw new AwsError('AccessDenied', 'Not allowed to call logs:FilterLogEvents.');
			},
		});
		expect(denied.logs).toEqual({});
		expect(denied.logProblems).toEqual({FraudTrain: 'Not allowed to call logs:FilterLogEvents.'});
		expect(triageExecution(denied).failedSteps.map((step) => [step.name, step.kind])).toEqual([
			['FraudTrain', 'code'],
		]);

		const offline = gatherTriage(backend, arn, {
			async readLogLines() {
				throw new AwsError('Network', 'Could not reach logs.us-east-1.amazonaws.com.');
			},
		});
		await expect(offline).rejects.toThrow('Could not reach');
	});

	it('reads no log without a reader, and nothing per step for a succeeded execution', async () => {
		const definition = JSON.parse(readFixture('abalone-tutorial.json'));
		const arn = await runToEnd(backend.pipelines, 'AbaloneSucceeds', definition);
		const {access, calls} = countingCalls(backend);
		const evidence = await gatherTriage(access, arn);
		const triage = triageExecution(evidence);
		expect(triage.status).toBe('Succeeded');
		expect(triage.failedSteps).toEqual([]);
		expect(evidence.steps.map((view) => view.state)).toContain('succeeded');
		expect([...calls.keys()].sort()).toEqual([
			'describeExecution',
			'describeExecutionDefinition',
			'listExecutionParameters',
			'listSteps',
		]);
	});

	it("describes a Fail step's gate with the value the evaluation step's property file holds", async () => {
		const definition = JSON.parse(readFixture('abalone-tutorial.json'));
		const condition = definition.Steps.find((step: {Type: string}) => step.Type === 'Condition');
		condition.Arguments.ElseSteps = [
			{Name: 'AbaloneMSEFail', Type: 'Fail', Arguments: {ErrorMessage: 'MSE above the threshold'}},
		];
		definition.Metadata = {
			'sagemon.emulator': {
				steps: {AbaloneEval: {propertyFiles: {EvaluationReport: {regression_metrics: {mse: {value: 7.25}}}}}},
			},
		};
		const arn = await runToEnd(backend.pipelines, 'AbaloneGate', definition);
		const triage = triageExecution(await gatherTriage(backend, arn));
		expect(triage.status).toBe('Failed');
		expect(triage.failedSteps.map((step) => [step.name, step.kind])).toEqual([['AbaloneMSEFail', 'gate']]);
		const [step] = triage.failedSteps;
		expect(step?.failMessage).toBe('MSE above the threshold');
		expect(step?.gate?.text).toBe(
			"AbaloneMSECond: regression_metrics.mse.value 7.25 > 6.00 (from AbaloneEval's evaluation.json)",
		);
	});

	it('says who stopped a stopped execution and which steps were stopped', async () => {
		const definition = JSON.parse(readFixture('abalone-tutorial.json'));
		definition.Metadata = {'sagemon.emulator': {steps: {AbaloneProcess: {durationSeconds: 36_000}}}};
		await backend.pipelines.upsertPipeline({
			name: 'AbaloneStopped',
			definition: JSON.stringify(definition),
			roleArn,
		});
		const arn = await backend.pipelines.startExecution({pipelineName: 'AbaloneStopped', parameters: []});
		while (!(await backend.pipelines.listSteps(arn)).some((record) => record.status === 'Executing'))
			await new Promise((resolve) => setTimeout(resolve, 20));
		await backend.pipelines.stopExecution(arn);
		while ((await backend.pipelines.describeExecution(arn)).status !== 'Stopped')
			await new Promise((resolve) => setTimeout(resolve, 20));

		const evidence = await gatherTriage(backend, arn);
		const triage = triageExecution(evidence);
		expect(evidence.execution.lastModifiedBy).toBeDefined();
		expect(triage.stopped?.by).toBe(evidence.execution.lastModifiedBy);
		expect(triage.stopped?.steps).toEqual(['AbaloneProcess']);
		expect(triage.failedSteps.map((step) => [step.name, step.kind])).toEqual([['AbaloneProcess', 'stopped']]);
		expect(evidence.jobs.AbaloneProcess?.logGroup).toBe('/aws/sagemaker/ProcessingJobs');
	});
});
