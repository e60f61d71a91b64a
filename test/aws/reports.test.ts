// The report pane's entry point against the emulator: a step's reports from the definition and record the caller
// already holds, read through the real SDK gateway, with the same answers as the CLI's findStepReports.
import {afterAll, beforeAll, describe, expect, test} from 'vitest';
import {type AwsConnection, connectAws} from '../../source/aws/connect.js';
import {findStepReports, readReport, reportsOfStep, stepOfDefinition} from '../../source/aws/reports.js';
import type {PipelinesApi} from '../../source/aws/types.js';
import {parseDefinition} from '../../source/pipeline/definition.js';
import type {StepDefinition, StepRecord} from '../../source/pipeline/model.js';
import type {RunningEmulator} from '../../source/emulator/index.js';
import {startTestEmulator, testCredentials} from '../helpers/emulator.js';
import {readFixture} from '../helpers/fixtures.js';

let emulator: RunningEmulator | undefined;
let aws: AwsConnection | undefined;
let executionArn = '';
let steps: StepDefinition[] = [];
let records: StepRecord[] = [];

beforeAll(async () => {
	process.env.AWS_ACCESS_KEY_ID ??= testCredentials.accessKeyId;
	process.env.AWS_SECRET_ACCESS_KEY ??= testCredentials.secretAccessKey;
	emulator = await startTestEmulator({timeScale: 2000, demo: false});
	aws = await connectAws({endpointUrl: emulator.url, region: 'us-east-1'}, process.env);
	const definition = JSON.parse(readFixture('abalone-tutorial.json')) as Record<string, unknown>;
	definition.Metadata = {
		'sagemon.emulator': {
			steps: {AbaloneEval: {propertyFiles: {EvaluationReport: {regression_metrics: {mse: {value: 4.5}}}}}},
		},
	};
	await aws.pipelines.upsertPipeline({
		name: 'ReportsOfStep',
		definition: JSON.stringify(definition),
		roleArn: 'arn:aws:iam::000000000000:role/SageMakerPipelinesRole',
	});
	executionArn = await aws.pipelines.startExecution({pipelineName: 'ReportsOfStep', parameters: []});
	const started = Date.now();
	while ((await aws.pipelines.describeExecution(executionArn)).status !== 'Succeeded') {
		if (Date.now() - started > 20_000) throw new Error('the execution did not succeed in 20 s');
		await new Promise((resolve) => setTimeout(resolve, 50));
	}

	steps =
		parseDefinition(await aws.pipelines.describeExecutionDefinition(executionArn)).definition?.steps ?? [];
	records = await aws.pipelines.listSteps(executionArn);
}, 30_000);

afterAll(async () => {
	await aws?.close();
	await emulator?.close();
});

/** The gateway, counting the calls made through it. */
function counted(pipelines: PipelinesApi): {pipelines: PipelinesApi; calls: string[]} {
	const calls: string[] = [];
	const proxy = new Proxy(pipelines, {
		get(target, property, receiver) {
			const value = Reflect.get(target, property, receiver);
			if (typeof value !== 'function') return value;
			return (...args: unknown[]) => {
				calls.push(String(property));
				return value.apply(target, args);
			};
		},
	});
	return {pipelines: proxy, calls};
}

const step = (name: string) => stepOfDefinition(steps, name);
const record = (name: string) => records.find((candidate) => candidate.name === name);

describe('reportsOfStep', () => {
	test('finds the evaluation report reading only the processing job, and the report reads from S3', async () => {
		if (!aws) throw new Error('not connected');
		const {pipelines, calls} = counted(aws.pipelines);
		const reports = await reportsOfStep(pipelines, step('AbaloneEval'), record('AbaloneEval'), steps);
		expect(calls).toEqual(['describeProcessingJobOutputs']);
		expect(reports).toHaveLength(1);
		expect(reports[0]).toMatchObject({step: 'AbaloneEval', propertyFile: {name: 'EvaluationReport'}});
		expect(reports[0]?.uri).toMatch(/^s3:\/\/.+\/evaluation\.json$/);
		expect((await readReport(aws.objects, reports[0]?.uri ?? '')).value).toEqual({
			regression_metrics: {mse: {value: 4.5}},
		});
		expect(await findStepReports(aws.pipelines, executionArn, 'AbaloneEval')).toEqual(reports);
	});

	test('a step without property files says so and names the steps that have reports', async () => {
		if (!aws) throw new Error('not connected');
		await expect(
			reportsOfStep(aws.pipelines, step('AbaloneTrain'), record('AbaloneTrain'), steps),
		).rejects.toMatchObject({
			kind: 'NotFound',
			message:
				'Step AbaloneTrain declares no property files, so it has no report (steps with reports: AbaloneEval).',
		});
	});

	test('a step that has not started has no output yet', async () => {
		if (!aws) throw new Error('not connected');
		await expect(reportsOfStep(aws.pipelines, step('AbaloneEval'), undefined, steps)).rejects.toMatchObject({
			kind: 'NotFound',
			message: 'Step AbaloneEval has not started in this execution, so it has no output yet.',
		});
	});

	test('a step the definition does not have is an unknown step', () => {
		expect(() => stepOfDefinition(steps, 'Renamed')).toThrow(
			"This execution's definition has no step named Renamed (steps with reports: AbaloneEval).",
		);
	});
});
