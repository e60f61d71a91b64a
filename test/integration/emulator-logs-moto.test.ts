// The same CloudWatch Logs calls against sagemon's emulator and against moto_server (getmoto/moto 5) for the
// shapes moto implements: a job-like stream on each side (moto's written with PutLogEvents), then the members,
// errors and token rules compared. Where they differ, the test names the case and checks both sides.
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import type {RunningEmulator} from '../../source/emulator/index.js';
import {jobPipeline} from '../emulator/logs/log-service.js';
import {startTestEmulator, testCredentials} from '../helpers/emulator.js';
import {type MotoServer, startMotoServer} from '../helpers/moto-server.js';

// biome-ignore lint/suspicious/noExplicitAny: response bodies are read as plain JSON.
type Body = Record<string, any>;
type Answer = {status: number; body: Body};
type Caller = (target: string, input?: Body) => Promise<Answer>;

const group = '/aws/sagemaker/TrainingJobs';
let emulator: RunningEmulator;
let moto: MotoServer | undefined;
let sagemon: Caller;
let motoServer: Caller;
let sagemonStream: string;
const motoStream = 'pipelines-moto-Train-0123456789/algo-1-1700000000';

function callerAt(url: string): Caller {
	return async (target, input = {}) => {
		const response = await fetch(url, {
			method: 'POST',
			headers: {
				'content-type': 'application/x-amz-json-1.1',
				'x-amz-target': target.includes('.') ? target : `Logs_20140328.${target}`,
				authorization: `AWS4-HMAC-SHA256 Credential=${testCredentials.accessKeyId}/20260101/us-east-1/logs/aws4_request, SignedHeaders=host, Signature=0`,
			},
			body: JSON.stringify(input),
		});
		const text = await response.text();
		return {status: response.status, body: (text === '' ? {} : JSON.parse(text)) as Body};
	};
}

beforeAll(async () => {
	emulator = await startTestEmulator({timeScale: 2000, demo: false});
	sagemon = callerAt(emulator.url);
	moto = await startMotoServer();
	motoServer = callerAt(moto.url);
	await sagemon('SageMaker.CreatePipeline', {
		PipelineName: 'MotoLogs',
		PipelineDefinition: JSON.stringify(jobPipeline()),
		RoleArn: 'arn:aws:iam::000000000000:role/SageMakerExecutionRole',
		ClientRequestToken: 'moto-logs-create-000000000000000001',
	});
	const {body} = await sagemon('SageMaker.StartPipelineExecution', {
		PipelineName: 'MotoLogs',
		ClientRequestToken: 'moto-logs-start-0000000000000000001',
	});
	for (;;) {
		const status = await sagemon('SageMaker.DescribePipelineExecution', {
			PipelineExecutionArn: body.PipelineExecutionArn,
		});
		if (status.body.PipelineExecutionStatus !== 'Executing') break;
		await new Promise((resolve) => setTimeout(resolve, 50));
	}

	const streams = await sagemon('DescribeLogStreams', {logGroupName: group});
	sagemonStream = streams.body.logStreams[0].logStreamName;
	const events = await sagemon('GetLogEvents', {
		logGroupName: group,
		logStreamName: sagemonStream,
		startFromHead: true,
	});
	await motoServer('CreateLogGroup', {logGroupName: group});
	await motoServer('CreateLogStream', {logGroupName: group, logStreamName: motoStream});
	const put = await motoServer('PutLogEvents', {
		logGroupName: group,
		logStreamName: motoStream,
		logEvents: events.body.events.map(({timestamp, message}: Body) => ({timestamp, message})),
	});
	expect(put.status).toBe(200);
}, 120_000);

afterAll(async () => {
	await emulator?.close();
	await moto?.close();
});

const both = async (target: string, input: (stream: string) => Body) =>
	[await sagemon(target, input(sagemonStream)), await motoServer(target, input(motoStream))] as const;

describe('CloudWatch Logs: sagemon and moto_server', () => {
	it('list a stream with the same members', async () => {
		const [ours, theirs] = await both('DescribeLogStreams', () => ({logGroupName: group, limit: 1}));
		expect(ours.status).toBe(200);
		expect(theirs.status).toBe(200);
		expect(Object.keys(ours.body.logStreams[0]).sort()).toEqual(
			Object.keys(theirs.body.logStreams[0]).sort(),
		);
	});

	it('read a stream forward to the same token at the end, with the same event members', async () => {
		for (const [call, stream] of [
			[sagemon, sagemonStream],
			[motoServer, motoStream],
		] as const) {
			const messages: string[] = [];
			let token: string | undefined;
			for (;;) {
				const page = await call('GetLogEvents', {
					logGroupName: group,
					logStreamName: stream,
					limit: 4,
					...(token ? {nextToken: token} : {startFromHead: true}),
				});
				expect(Object.keys(page.body).sort()).toEqual(['events', 'nextBackwardToken', 'nextForwardToken']);
				for (const event of page.body.events)
					expect(Object.keys(event).sort()).toEqual(['ingestionTime', 'message', 'timestamp']);
				messages.push(...page.body.events.map((event: Body) => event.message));
				if (page.body.nextForwardToken === token) break;
				token = page.body.nextForwardToken;
			}

			expect(messages.at(-1)).toBe('sagemaker-training-toolkit INFO     Reporting training SUCCESS');
		}
	});

	// Difference: the service's tokens end in `/s` (`f/<56 digits>/s`); moto's stop after the digits.
	it('write GetLogEvents tokens in different forms', async () => {
		const [ours, theirs] = await both('GetLogEvents', (stream) => ({
			logGroupName: group,
			logStreamName: stream,
			limit: 1,
		}));
		expect(ours.body.nextForwardToken).toMatch(/^f\/\d{56}\/s$/);
		expect(theirs.body.nextForwardToken).toMatch(/^f\/\d{56}$/);
	});

	it('filter with a term and agree on the matches', async () => {
		const [ours, theirs] = await both('FilterLogEvents', (stream) => ({
			logGroupName: group,
			logStreamNames: [stream],
			filterPattern: 'epoch',
		}));
		expect(ours.body.events.map((event: Body) => event.message)).toEqual(
			theirs.body.events.map((event: Body) => event.message),
		);
		expect(Object.keys(ours.body.events[0]).sort()).toEqual(Object.keys(theirs.body.events[0]).sort());
		// Difference: moto numbers events (`"3"`); the service (and sagemon) write 56-digit event ids.
		expect(ours.body.events[0].eventId).toMatch(/^\d{56}$/);
		expect(theirs.body.events[0].eventId).toMatch(/^\d{1,3}$/);
	});

	it('answer a missing group with the same error', async () => {
		for (const operation of ['DescribeLogStreams', 'FilterLogEvents']) {
			const [ours, theirs] = await both(operation, () => ({logGroupName: '/aws/sagemaker/Missing'}));
			expect([ours.status, ours.body.__type, ours.body.message]).toEqual([
				400,
				'ResourceNotFoundException',
				'The specified log group does not exist.',
			]);
			expect([theirs.status, theirs.body.__type]).toEqual([400, 'ResourceNotFoundException']);
			expect(theirs.body.message ?? theirs.body.Message).toBe(ours.body.message);
		}
	});

	// Difference: for a missing stream in an existing group the service says the stream does not exist; moto 5
	// answers with its missing-group message.
	it('word a missing stream differently', async () => {
		const [ours, theirs] = await both('GetLogEvents', () => ({
			logGroupName: group,
			logStreamName: 'nope/algo-1-1',
		}));
		expect(ours.body).toEqual({
			__type: 'ResourceNotFoundException',
			message: 'The specified log stream does not exist.',
		});
		expect(theirs.body.__type).toBe('ResourceNotFoundException');
		expect(theirs.body.message ?? theirs.body.Message).toBe('The specified log group does not exist.');
	});
});
