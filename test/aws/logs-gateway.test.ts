// The logs adapter against the emulator over HTTP: finding a job's streams, reading forward and from the end,
// filtering across instances, following a running 4-instance job (one call per stream per poll, none once it
// ended), and errors normalised to AwsError (NotFound, AccessDenied, Throttled).
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {CloudWatchLogsClient, createLogsGateway} from '../../source/aws/logs-gateway.js';
import type {LogsApi} from '../../source/aws/logs-types.js';
import {AwsError} from '../../source/aws/types.js';
import type {RunningEmulator} from '../../source/emulator/index.js';
import {jobOfStepMetadata} from '../../source/pipeline/job-log-names.js';
import {jobPipeline} from '../emulator/logs/log-service.js';
import {startTestEmulator, testCredentials, testRegion} from '../helpers/emulator.js';

// biome-ignore lint/suspicious/noExplicitAny: response bodies are read as plain JSON.
type Body = Record<string, any>;

let emulator: RunningEmulator;
let client: CloudWatchLogsClient;
let logs: LogsApi;

async function sageMaker(operation: string, input: Body): Promise<Body> {
	const response = await fetch(emulator.url, {
		method: 'POST',
		headers: {'content-type': 'application/x-amz-json-1.1', 'x-amz-target': `SageMaker.${operation}`},
		body: JSON.stringify(input),
	});
	const body = (await response.json()) as Body;
	if (response.status !== 200) throw new Error(`${operation}: ${body.Message}`);
	return body;
}

let runs = 0;
/** Starts a Processing → Training → Transform pipeline; returns a function giving a step's job once it exists. */
async function startPipeline(steps: Body, training: Body = {}) {
	runs++;
	const name = `LogsGateway${runs}`;
	await sageMaker('CreatePipeline', {
		PipelineName: name,
		PipelineDefinition: JSON.stringify(jobPipeline(steps, training)),
		RoleArn: 'arn:aws:iam::000000000000:role/SageMakerExecutionRole',
		ClientRequestToken: `logs-gateway-create-${runs}-0000000000000000000`,
	});
	const {PipelineExecutionArn: arn} = await sageMaker('StartPipelineExecution', {
		PipelineName: name,
		ClientRequestToken: `logs-gateway-start-${runs}-00000000000000000000`,
	});
	const step = async (stepName: string) => {
		const {PipelineExecutionSteps: list} = await sageMaker('ListPipelineExecutionSteps', {
			PipelineExecutionArn: arn,
		});
		return list.find((record: Body) => record.StepName === stepName) as Body | undefined;
	};

	const status = async () =>
		(await sageMaker('DescribePipelineExecution', {PipelineExecutionArn: arn}))
			.PipelineExecutionStatus as string;
	return {step, status};
}

async function until<T>(probe: () => Promise<T | undefined>): Promise<T> {
	for (let attempt = 0; attempt < 2000; attempt++) {
		const value = await probe();
		if (value !== undefined) return value;
		await new Promise((resolve) => setTimeout(resolve, 10));
	}

	throw new Error('The condition did not hold in time');
}

beforeAll(async () => {
	emulator = await startTestEmulator({timeScale: 200, demo: false});
	client = new CloudWatchLogsClient({
		endpoint: emulator.url,
		region: testRegion,
		credentials: testCredentials,
		maxAttempts: 1,
	});
	logs = createLogsGateway(client, {endpoint: emulator.url});
});

afterAll(async () => {
	client?.destroy();
	await emulator?.close();
});

// Before any job ran, so no log group exists yet.
describe('errors', () => {
	it('a missing group is NotFound and says which group', async () => {
		const error = await logs
			.findStreams({kind: 'transform', name: 'nothing'})
			.catch((caught: unknown) => caught);
		expect(error).toBeInstanceOf(AwsError);
		expect((error as AwsError).kind).toBe('NotFound');
		expect((error as AwsError).message).toBe(
			'The specified log group does not exist: the log group /aws/sagemaker/TransformJobs.',
		);
	});

	it('access denied and throttling are AccessDenied and Throttled', async () => {
		try {
			emulator.setFaults({failWith: 'AccessDeniedException'});
			const denied = (await logs
				.filter({kind: 'training', name: 'x'})
				.catch((caught: unknown) => caught)) as AwsError;
			expect(denied.kind).toBe('AccessDenied');
			expect(denied.message).toContain('logs:FilterLogEvents');
			emulator.setFaults({logsAccessDenied: true});
			const logsOnly = (await logs
				.findStreams({kind: 'training', name: 'x'})
				.catch((caught: unknown) => caught)) as AwsError;
			expect(logsOnly.kind).toBe('AccessDenied');
			expect(logsOnly.message).toContain('logs:DescribeLogStreams');
			await sageMaker('ListPipelines', {});
			emulator.setFaults({throttleRate: 1});
			const throttled = (await logs
				.filter({kind: 'training', name: 'x'})
				.catch((caught: unknown) => caught)) as AwsError;
			expect(throttled.kind).toBe('Throttled');
		} finally {
			emulator.setFaults({});
		}
	});
});

describe('reading a finished job', () => {
	let job: {kind: 'training'; name: string};

	beforeAll(async () => {
		const pipeline = await startPipeline({
			Train: {failureKind: 'algorithm', fail: 'ValueError: Input contains NaN'},
		});
		await until(async () => ((await pipeline.status()) === 'Executing' ? undefined : true));
		job = jobOfStepMetadata((await pipeline.step('Train'))!.Metadata) as typeof job;
	}, 60_000);

	it('finds one stream per instance, tagged with the instance', async () => {
		const streams = await logs.findStreams(job, {instanceCount: 2});
		expect(streams.map((stream) => stream.instance)).toEqual(['algo-1', 'algo-2']);
		expect(streams[0]!.group).toBe('/aws/sagemaker/TrainingJobs');
	});

	it('reads a stream forward to its end, and its last lines backwards', async () => {
		const [stream] = await logs.findStreams(job);
		const all = await logs.readStream(stream!);
		expect(all.at(-2)?.message).toBe('ValueError: Input contains NaN');
		const tail = await logs.readTail(stream!, 3);
		expect(tail.map((event) => event.message)).toEqual(all.slice(-3).map((event) => event.message));
		expect((await logs.readTail(stream!, 10_000)).length).toBe(all.length);
	});

	it('a missing stream is NotFound', async () => {
		const error = await logs
			.readStream({group: '/aws/sagemaker/TrainingJobs', stream: 'nope/algo-1-1', instance: 'algo-1'})
			.catch((caught: unknown) => caught);
		expect((error as AwsError).kind).toBe('NotFound');
		expect((error as AwsError).message).toMatch(
			/^The specified log stream does not exist: the log stream nope\/algo-1-1\.$/,
		);
	});

	it('filters across instances, interleaved by time', async () => {
		const epochs = await logs.filter(job, {pattern: 'epoch'});
		expect(epochs).toHaveLength(20);
		expect(new Set(epochs.map((event) => event.instance))).toEqual(new Set(['algo-1', 'algo-2']));
		const times = epochs.map((event) => event.timestamp);
		expect(times).toEqual([...times].sort((a, b) => a - b));
		expect((await logs.filter(job, {pattern: 'Traceback -epoch'})).map((event) => event.message)).toEqual([
			'Traceback (most recent call last):',
		]);
	});
});

describe('following a running 4-instance job', () => {
	it('polls once per stream, sees the log grow, and stops calling once the job ended', async () => {
		const pipeline = await startPipeline(
			{Train: {durationSeconds: 600}},
			{ResourceConfig: {InstanceCount: 4, InstanceType: 'ml.m5.xlarge', VolumeSizeInGB: 30}},
		);
		const step = await until(async () => {
			const record = await pipeline.step('Train');
			return record?.StepStatus === 'Executing' ? record : undefined;
		});
		const job = jobOfStepMetadata(step.Metadata)!;
		const follower = logs.follow(job, {instanceCount: 4});
		const seen: string[] = [];
		let streamsKnown = false;
		let steadyPolls = 0;
		while ((await pipeline.step('Train'))?.StepStatus === 'Executing') {
			const before = follower.calls;
			seen.push(...(await follower.poll()).map((event) => `${event.instance} ${event.message}`));
			const made = follower.calls - before;
			if (streamsKnown) {
				expect(made).toBe(4);
				steadyPolls++;
			}

			streamsKnown = new Set(seen.map((line) => line.split(' ')[0])).size === 4;
			await new Promise((resolve) => setTimeout(resolve, 100));
		}

		seen.push(
			...(await follower.poll({jobEnded: true})).map((event) => `${event.instance} ${event.message}`),
		);
		const after = follower.calls;
		expect(await follower.poll()).toEqual([]);
		expect(follower.calls).toBe(after);
		expect(steadyPolls).toBeGreaterThan(2);
		for (const instance of ['algo-1', 'algo-2', 'algo-3', 'algo-4'])
			expect(seen.some((line) => line.startsWith(`${instance} [epoch 10/10] `))).toBe(true);
		expect(seen).toContain('algo-1 sagemaker-training-toolkit INFO     Reporting training SUCCESS');
		expect(new Set(seen).size).toBe(seen.length);
	}, 60_000);
});
