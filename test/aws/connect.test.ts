// One connection gives every AWS service sagemon uses; the ones most sessions never touch load on first use.
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {type AwsConnection, connectAws} from '../../source/aws/connect.js';
import type {RunningEmulator} from '../../source/emulator/index.js';
import {startTestEmulator, testCredentials} from '../helpers/emulator.js';

let emulator: RunningEmulator;
let aws: AwsConnection;

beforeAll(async () => {
	emulator = await startTestEmulator({timeScale: 2000});
	aws = await connectAws({endpointUrl: emulator.url, region: 'us-east-1', credentials: testCredentials});
});

afterAll(async () => {
	await aws?.close();
	await emulator?.close();
});

describe('connectAws', () => {
	it('names the endpoint it talks to, not "default" as if on AWS', () => {
		expect(aws.settings.label).toBe(new URL(emulator.url).host);
	});

	it('reaches the model registry, CloudWatch Logs and the execution actions through one connection', async () => {
		const registry = await aws.registry();
		expect(await aws.registry()).toBe(registry);
		const groups = await registry.listGroups();
		expect(groups.items.map((group) => group.name)).toContain('AbaloneModelPackageGroupName');

		const logs = await aws.logs();
		// The demo's training jobs have written their logs, so the group exists; this job has no stream in it.
		expect(await logs.findStreams({kind: 'training', name: 'no-such-job'})).toEqual([]);

		const actions = await aws.executionActions();
		await expect(
			actions.sendStepFailure({callbackToken: 'zzzzzzzzzz', failureReason: 'no'}),
		).rejects.toMatchObject({kind: 'NotFound'});
	});
});
