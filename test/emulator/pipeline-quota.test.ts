// The account's pipeline quota: 500 as the service sets it by default, raised through startEmulator's
// maxPipelines (as Service Quotas can raise it), refused with the service's ResourceLimitExceeded either way.
import {randomUUID} from 'node:crypto';
import {CreatePipelineCommand, ListPipelinesCommand} from '@aws-sdk/client-sagemaker';
import {describe, expect, it} from 'vitest';
import {manualClock} from '../../source/emulator/clock.js';
import {createEmulatorState} from '../../source/emulator/emulator-state.js';
import {localCaller} from '../../source/emulator/operation.js';
import {runOperation} from '../../source/emulator/sagemaker-operations.js';
import {ServiceError} from '../../source/emulator/service-error.js';
import {readFixture} from '../helpers/fixtures.js';
import {sageMakerClientFor, startTestEmulator} from '../helpers/emulator.js';

const roleArn = 'arn:aws:iam::000000000000:role/SageMakerExecutionRole';
const definition = readFixture('abalone-tutorial.json');

function createInput(name: string) {
	return {
		PipelineName: name,
		PipelineDefinition: definition,
		RoleArn: roleArn,
		ClientRequestToken: randomUUID(),
	};
}

describe('pipeline quota', () => {
	it('holds 500 pipelines by default and refuses the 501st with the service’s message', () => {
		const state = createEmulatorState({
			clock: manualClock(Date.parse('2026-03-02T09:00:00Z')),
			seed: 1,
			timeScale: 1,
		});
		const create = (index: number) =>
			runOperation(state, 'CreatePipeline', createInput(`Pipeline${index}`), {
				region: 'us-east-1',
				caller: localCaller,
			});
		for (let index = 0; index < 500; index++) create(index);
		let refused: unknown;
		try {
			create(500);
		} catch (error) {
			refused = error;
		}

		expect(refused).toBeInstanceOf(ServiceError);
		expect((refused as ServiceError).code).toBe('ResourceLimitExceeded');
		expect((refused as ServiceError).message).toContain(
			"'Maximum number of pipelines allowed per account' is 500 Pipelines, with current utilization of 500",
		);
	});

	it('takes a raised quota from startEmulator and answers ResourceLimitExceeded past it', async () => {
		const emulator = await startTestEmulator({demo: false, maxPipelines: 2});
		const client = sageMakerClientFor(emulator, {maxAttempts: 1});
		try {
			await client.send(new CreatePipelineCommand(createInput('First')));
			await client.send(new CreatePipelineCommand(createInput('Second')));
			await expect(client.send(new CreatePipelineCommand(createInput('Third')))).rejects.toMatchObject({
				name: 'ResourceLimitExceeded',
				message: expect.stringContaining('is 2 Pipelines'),
			});
			const listed = await client.send(new ListPipelinesCommand({}));
			expect(listed.PipelineSummaries?.map((pipeline) => pipeline.PipelineName).sort()).toEqual([
				'First',
				'Second',
			]);
		} finally {
			client.destroy();
			await emulator.close();
		}
	});
});
