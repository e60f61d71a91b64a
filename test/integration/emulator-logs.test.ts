// The emulator's CloudWatch Logs over HTTP, read by the clients people use: every raw response checked against
// botocore's `logs` model, the job failure fields against the SageMaker model, the AWS CLI (describe-log-streams,
// get-log-events, filter-log-events), boto3's paginators and the calls `aws logs tail` makes.
import {mkdtempSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import type {RunningEmulator} from '../../source/emulator/index.js';
import {checkOutput, checkShape, loadLogsModel, loadSageMakerModel} from '../emulator/botocore-model.js';
import {jobPipeline} from '../emulator/logs/log-service.js';
import {awsEnvironment, python, runProgram} from '../helpers/aws-programs.js';
import {startTestEmulator} from '../helpers/emulator.js';

// biome-ignore lint/suspicious/noExplicitAny: response bodies are read as plain JSON.
type Body = Record<string, any>;

const logsModel = loadLogsModel();
const sageMakerModel = loadSageMakerModel();
const training = '/aws/sagemaker/TrainingJobs';
const processing = '/aws/sagemaker/ProcessingJobs';

let emulator: RunningEmulator;
let home: string;
let trainingJob: string;
let processingJob: string;

async function post(target: string, input: Body): Promise<{status: number; body: Body}> {
	const response = await fetch(emulator.url, {
		method: 'POST',
		headers: {'content-type': 'application/x-amz-json-1.1', 'x-amz-target': target},
		body: JSON.stringify(input),
	});
	return {status: response.status, body: (await response.json()) as Body};
}

/** A Logs call whose body must match the model: the output shape, or a modeled error with `message`. */
async function logs(operation: string, input: Body = {}, expectError?: string): Promise<Body> {
	const {status, body} = await post(`Logs_20140328.${operation}`, input);
	if (status === 200) {
		expect(expectError, `${operation} succeeded`).toBeUndefined();
		expect(checkOutput(logsModel, operation, body), `${operation} response`).toEqual([]);
		return body;
	}

	expect(body.__type, `${operation}: ${body.message}`).toBe(expectError);
	const modeled = (logsModel.operations[operation]?.errors ?? []).map((error) => error.shape);
	expect(modeled).toContain(body.__type);
	expect(Object.keys(body).sort()).toEqual(['__type', 'message']);
	expect(checkShape(logsModel, body.__type, {})).toEqual([]);
	return body;
}

async function sageMaker(operation: string, input: Body): Promise<Body> {
	const {status, body} = await post(`SageMaker.${operation}`, input);
	expect(status, `${operation}: ${body.Message}`).toBe(200);
	expect(checkOutput(sageMakerModel, operation, body), `${operation} response`).toEqual([]);
	return body;
}

beforeAll(async () => {
	emulator = await startTestEmulator({timeScale: 2000, demo: false});
	home = mkdtempSync(join(tmpdir(), 'sagemon-logs-'));
	await sageMaker('CreatePipeline', {
		PipelineName: 'LogsPipeline',
		PipelineDefinition: JSON.stringify(
			jobPipeline({Train: {failureKind: 'algorithm', fail: 'ValueError: Input contains NaN'}}),
		),
		RoleArn: 'arn:aws:iam::000000000000:role/SageMakerExecutionRole',
		ClientRequestToken: 'logs-pipeline-create-0000000000000001',
	});
	const {PipelineExecutionArn: arn} = await sageMaker('StartPipelineExecution', {
		PipelineName: 'LogsPipeline',
		ClientRequestToken: 'logs-pipeline-start-00000000000000000001',
	});
	for (;;) {
		const {PipelineExecutionStatus: status} = await sageMaker('DescribePipelineExecution', {
			PipelineExecutionArn: arn,
		});
		if (status !== 'Executing') break;
		await new Promise((resolve) => setTimeout(resolve, 50));
	}

	const {PipelineExecutionSteps: steps} = await sageMaker('ListPipelineExecutionSteps', {
		PipelineExecutionArn: arn,
	});
	const jobName = (step: string, member: string) =>
		String(steps.find((record: Body) => record.StepName === step).Metadata[member].Arn)
			.split('/')
			.pop()!;
	trainingJob = jobName('Train', 'TrainingJob');
	processingJob = jobName('Prep', 'ProcessingJob');
}, 60_000);

afterAll(async () => {
	await emulator?.close();
	if (home) rmSync(home, {recursive: true, force: true});
});

describe('responses against botocore models', () => {
	it('answers the four Logs operations in the model’s shapes', async () => {
		const groups = await logs('DescribeLogGroups', {logGroupNamePrefix: '/aws/sagemaker/'});
		expect(groups.logGroups.map((group: Body) => group.logGroupName)).toEqual([processing, training]);
		const streams = await logs('DescribeLogStreams', {
			logGroupName: training,
			logStreamNamePrefix: `${trainingJob}/`,
		});
		expect(streams.logStreams).toHaveLength(2);
		const name = streams.logStreams[0].logStreamName;
		const events = await logs('GetLogEvents', {
			logGroupName: training,
			logStreamName: name,
			startFromHead: true,
			limit: 5,
		});
		expect(events.events).toHaveLength(5);
		await logs('GetLogEvents', {
			logGroupName: training,
			logStreamName: name,
			nextToken: events.nextForwardToken,
		});
		const filtered = await logs('FilterLogEvents', {
			logGroupName: training,
			filterPattern: 'Traceback',
			interleaved: true,
		});
		expect(filtered.events.map((event: Body) => event.message)).toEqual([
			'Traceback (most recent call last):',
		]);
	});

	it('answers the service’s errors for a missing group or stream and bad parameters', async () => {
		const missing = await logs(
			'DescribeLogStreams',
			{logGroupName: '/aws/sagemaker/TransformJobsX'},
			'ResourceNotFoundException',
		);
		expect(missing.message).toBe('The specified log group does not exist.');
		const stream = await logs(
			'GetLogEvents',
			{logGroupName: training, logStreamName: `${trainingJob}/algo-7-1`},
			'ResourceNotFoundException',
		);
		expect(stream.message).toBe('The specified log stream does not exist.');
		await logs(
			'GetLogEvents',
			{logGroupName: training, logStreamName: 'x', nextToken: 'nonsense'},
			'ResourceNotFoundException',
		);
		await logs('FilterLogEvents', {logGroupName: training, limit: 0}, 'InvalidParameterException');
	});

	it('describes the failed jobs with their failure fields', async () => {
		const job = await sageMaker('DescribeTrainingJob', {TrainingJobName: trainingJob});
		expect(job.FailureReason).toBe('AlgorithmError: See job logs for more information');
		expect(job.SecondaryStatusTransitions.at(-1).Status).toBe('Failed');
		expect(job.FinalMetricDataList.length).toBeGreaterThan(0);
		const prep = await sageMaker('DescribeProcessingJob', {ProcessingJobName: processingJob});
		expect(prep.ProcessingJobStatus).toBe('Completed');
		expect(prep.ExitMessage).toBeUndefined();
	});
});

describe('a failed processing job', () => {
	it('carries the service reason and its traceback as ExitMessage, model-valid', async () => {
		await sageMaker('CreatePipeline', {
			PipelineName: 'FailingPrep',
			PipelineDefinition: JSON.stringify(
				jobPipeline({Prep: {failureKind: 'algorithm', fail: "KeyError: 'rings'"}}),
			),
			RoleArn: 'arn:aws:iam::000000000000:role/SageMakerExecutionRole',
			ClientRequestToken: 'failing-prep-create-00000000000000001',
		});
		const {PipelineExecutionArn: arn} = await sageMaker('StartPipelineExecution', {
			PipelineName: 'FailingPrep',
			ClientRequestToken: 'failing-prep-start-000000000000000001',
		});
		let steps: Body[] = [];
		while (steps.find((step) => step.StepName === 'Prep')?.StepStatus !== 'Failed') {
			await new Promise((resolve) => setTimeout(resolve, 50));
			steps = (await sageMaker('ListPipelineExecutionSteps', {PipelineExecutionArn: arn}))
				.PipelineExecutionSteps;
		}

		const prep = steps.find((step) => step.StepName === 'Prep')!;
		expect(prep.FailureReason).toBe('AlgorithmError: See job logs for more information');
		const name = String(prep.Metadata.ProcessingJob.Arn).split('/').pop();
		const job = await sageMaker('DescribeProcessingJob', {ProcessingJobName: name});
		expect(job.FailureReason).toBe('AlgorithmError: See job logs for more information');
		expect(job.ExitMessage).toMatch(/^Traceback \(most recent call last\):\n[\s\S]+\nKeyError: 'rings'$/);
	});
});

describe('the AWS CLI and boto3', () => {
	const cli = (args: string[]) =>
		runProgram(
			'aws',
			['--endpoint-url', emulator.url, 'logs', ...args, '--output', 'json'],
			awsEnvironment(home),
		);

	it('aws logs describe-log-streams, get-log-events and filter-log-events', async () => {
		const streams = JSON.parse(
			await cli([
				'describe-log-streams',
				'--log-group-name',
				training,
				'--log-stream-name-prefix',
				`${trainingJob}/`,
			]),
		);
		expect(streams.logStreams.map((stream: Body) => stream.logStreamName)).toEqual([
			expect.stringMatching(/\/algo-1-\d+$/),
			expect.stringMatching(/\/algo-2-\d+$/),
		]);
		const name = streams.logStreams[0].logStreamName;
		const events = JSON.parse(
			await cli([
				'get-log-events',
				'--log-group-name',
				training,
				'--log-stream-name',
				name,
				'--start-from-head',
			]),
		);
		expect(events.events.at(-2).message).toBe('ValueError: Input contains NaN');
		const filtered = JSON.parse(
			await cli([
				'filter-log-events',
				'--log-group-name',
				training,
				'--log-stream-name-prefix',
				`${trainingJob}/`,
				'--filter-pattern',
				'epoch',
				'--page-size',
				'3',
			]),
		);
		expect(filtered.events).toHaveLength(20);
	});

	// This machine's AWS CLI is v1, which has no `logs tail`; v2's tail pages FilterLogEvents from a startTime
	// with a stream-name prefix and, to follow, asks again from the last timestamp, dropping eventIds it printed.
	it('serves the calls aws logs tail (CLI v2) makes, following by startTime and eventId', async () => {
		const script = `
import boto3, json, os
client = boto3.client('logs', endpoint_url=os.environ['ENDPOINT'])
seen, lines, start = set(), [], 0
for _ in range(3):
    kwargs = {'logGroupName': '${training}', 'logStreamNamePrefix': os.environ['JOB'] + '/algo-1', 'startTime': start, 'interleaved': True}
    for page in client.get_paginator('filter_log_events').paginate(**kwargs):
        for event in page['events']:
            if event['eventId'] in seen:
                continue
            seen.add(event['eventId'])
            lines.append(event['message'])
            start = max(start, event['timestamp'])
print(json.dumps(lines))
`;
		const lines = JSON.parse(
			await runProgram(
				python(),
				['-c', script],
				awsEnvironment(home, {ENDPOINT: emulator.url, JOB: trainingJob}),
			),
		);
		expect(lines.at(-2)).toBe('ValueError: Input contains NaN');
		expect(lines.filter((line: string) => line === 'Traceback (most recent call last):')).toHaveLength(1);
	});

	it('boto3 paginates streams and filtered events, and reads a stream to the end by tokens', async () => {
		const script = `
import boto3, json, os
client = boto3.client('logs', endpoint_url=os.environ['ENDPOINT'])
job = os.environ['JOB']
streams = [s['logStreamName'] for page in client.get_paginator('describe_log_streams').paginate(
    logGroupName='${training}', logStreamNamePrefix=job + '/', PaginationConfig={'PageSize': 1}) for s in page['logStreams']]
events = [e['message'] for page in client.get_paginator('filter_log_events').paginate(
    logGroupName='${training}', logStreamNamePrefix=job + '/', PaginationConfig={'PageSize': 4}) for e in page['events']]
read, token = [], None
while True:
    args = {'nextToken': token} if token else {'startFromHead': True}
    page = client.get_log_events(logGroupName='${training}', logStreamName=streams[0], limit=5, **args)
    read += [e['message'] for e in page['events']]
    if page['nextForwardToken'] == token:
        break
    token = page['nextForwardToken']
try:
    client.get_log_events(logGroupName='/aws/sagemaker/Nothing', logStreamName='x')
    error = None
except client.exceptions.ResourceNotFoundException as caught:
    error = caught.response['Error']['Message']
print(json.dumps({'streams': streams, 'events': len(events), 'read': read, 'error': error}))
`;
		const result = JSON.parse(
			await runProgram(
				python(),
				['-c', script],
				awsEnvironment(home, {ENDPOINT: emulator.url, JOB: trainingJob}),
			),
		);
		expect(result.streams).toHaveLength(2);
		const all = await logs('FilterLogEvents', {
			logGroupName: training,
			logStreamNamePrefix: `${trainingJob}/`,
		});
		expect(result.events).toBe(all.events.length);
		expect(result.read.at(-2)).toBe('ValueError: Input contains NaN');
		expect(result.error).toBe('The specified log group does not exist.');
	});
});
