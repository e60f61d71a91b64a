// The emulator's HTTP surface: the SDK over the wire, protocol errors, the control endpoints and fault injection.
import {ListPipelinesCommand, type SageMakerClient} from '@aws-sdk/client-sagemaker';
import {GetObjectCommand} from '@aws-sdk/client-s3';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import type {RunningEmulator} from '../../source/emulator/index.js';
import {s3ClientFor, sageMakerClientFor, startTestEmulator} from '../helpers/emulator.js';

let emulator: RunningEmulator;
let client: SageMakerClient;

beforeAll(async () => {
	emulator = await startTestEmulator({demo: false});
	client = sageMakerClientFor(emulator, {maxAttempts: 1});
});

afterAll(async () => {
	client?.destroy();
	await emulator?.close();
});

async function post(target: string | undefined, body: string) {
	const response = await fetch(emulator.url, {
		method: 'POST',
		headers: {'content-type': 'application/x-amz-json-1.1', ...(target ? {'x-amz-target': target} : {})},
		body,
	});
	return {
		status: response.status,
		body: (await response.json()) as Record<string, unknown>,
		type: response.headers.get('content-type'),
	};
}

describe('the JSON 1.1 endpoint', () => {
	it('answers on loopback with the JSON 1.1 content type', async () => {
		expect(emulator.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
		const response = await post('SageMaker.ListPipelines', '{}');
		expect(response).toEqual({
			status: 200,
			body: {PipelineSummaries: []},
			type: 'application/x-amz-json-1.1',
		});
	});

	it('answers an unknown operation with UnknownOperationException', async () => {
		const response = await post('SageMaker.CreateSpaceStation', '{}');
		expect(response.status).toBe(400);
		expect(response.body.__type).toBe('UnknownOperationException');
		expect((await post('DynamoDB_20120810.ListTables', '{}')).body.__type).toBe('UnknownOperationException');
	});

	it('answers a malformed body with SerializationException', async () => {
		const response = await post('SageMaker.ListPipelines', '{"MaxResults": ');
		expect(response).toMatchObject({status: 400, body: {__type: 'SerializationException'}});
	});

	it('reports service errors to the SDK with their code and message', async () => {
		await expect(client.send(new ListPipelinesCommand({MaxResults: 101}))).rejects.toMatchObject({
			name: 'ValidationException',
			message: expect.stringContaining("at 'maxResults' failed to satisfy constraint"),
			$metadata: {httpStatusCode: 400},
		});
	});
});

describe('control endpoints', () => {
	it('reports health', async () => {
		const response = await fetch(`${emulator.url}/_sagemon/health`);
		expect(await response.json()).toEqual({status: 'ok'});
	});

	it('refuses fault options it does not understand, saying why', async () => {
		const response = await fetch(`${emulator.url}/_sagemon/faults`, {
			method: 'POST',
			body: JSON.stringify({throttleRate: 2, bogus: 1}),
		});
		expect(response.status).toBe(400);
		const {message} = (await response.json()) as {message: string};
		expect(message).toContain('throttleRate must be a number from 0 to 1');
		expect(message).toContain("Unknown fault option 'bogus'");
	});
});

describe('fault injection', () => {
	const setFaults = async (faults: object) => {
		const response = await fetch(`${emulator.url}/_sagemon/faults`, {
			method: 'POST',
			body: JSON.stringify(faults),
		});
		expect(response.status).toBe(200);
	};

	afterAll(() => emulator.setFaults({}));

	it('throttles every call at rate 1 and none at rate 0', async () => {
		await setFaults({throttleRate: 1});
		await expect(client.send(new ListPipelinesCommand({}))).rejects.toMatchObject({
			name: 'ThrottlingException',
			message: 'Rate exceeded',
		});
		await setFaults({throttleRate: 0});
		await expect(client.send(new ListPipelinesCommand({}))).resolves.toMatchObject({PipelineSummaries: []});
	});

	it('throttles about the given share of calls, and the SDK retries through them', async () => {
		emulator.setFaults({throttleRate: 0.5});
		let throttled = 0;
		for (let index = 0; index < 60; index++) {
			try {
				await client.send(new ListPipelinesCommand({}));
			} catch (error) {
				expect((error as Error).name).toBe('ThrottlingException');
				throttled++;
			}
		}

		expect(throttled).toBeGreaterThan(15);
		expect(throttled).toBeLessThan(45);
		const retrying = sageMakerClientFor(emulator, {maxAttempts: 10});
		try {
			await expect(retrying.send(new ListPipelinesCommand({}))).resolves.toMatchObject({
				PipelineSummaries: [],
			});
		} finally {
			retrying.destroy();
		}

		emulator.setFaults({});
	});

	it.each([
		['ExpiredTokenException', 'The security token included in the request is expired'],
		['AccessDeniedException', 'is not authorized to perform: sagemaker:ListPipelines'],
		['UnrecognizedClientException', 'The security token included in the request is invalid.'],
	] as const)('fails every call with %s', async (failWith, message) => {
		emulator.setFaults({failWith});
		await expect(client.send(new ListPipelinesCommand({}))).rejects.toMatchObject({
			name: failWith,
			message: expect.stringContaining(message),
		});
		emulator.setFaults({});
	});

	it('delays answers by the given latency', async () => {
		emulator.setFaults({latencyMs: 150});
		const started = performance.now();
		await client.send(new ListPipelinesCommand({}));
		expect(performance.now() - started).toBeGreaterThanOrEqual(145);
		emulator.setFaults({});
	});

	it('denies S3 access when asked', async () => {
		emulator.setFaults({s3AccessDenied: true});
		const s3 = s3ClientFor(emulator);
		try {
			await expect(s3.send(new GetObjectCommand({Bucket: 'any', Key: 'thing'}))).rejects.toMatchObject({
				name: 'AccessDenied',
				$metadata: {httpStatusCode: 403},
			});
		} finally {
			s3.destroy();
			emulator.setFaults({});
		}
	});

	it('refuses invalid options given in code', () => {
		expect(() => emulator.setFaults({latencyMs: -5})).toThrow('latencyMs must be a number of milliseconds');
	});
});
