// The execution-actions adapter against the emulator over HTTP: a selective re-run with a past execution's
// parameters, its selection and reused steps read back, the service's refusal of a bad selection, and the two
// replies to a waiting Callback step.
import {
	CreatePipelineCommand,
	DescribePipelineExecutionCommand,
	ListPipelineExecutionStepsCommand,
	type SageMakerClient,
	StartPipelineExecutionCommand,
} from '@aws-sdk/client-sagemaker';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {createExecutionActionsGateway} from '../../source/aws/execution-actions-gateway.js';
import type {ExecutionActionsApi} from '../../source/aws/execution-action-types.js';
import {createSageMakerGateway} from '../../source/aws/sagemaker-gateway.js';
import type {PipelinesApi} from '../../source/aws/types.js';
import type {RunningEmulator} from '../../source/emulator/index.js';
import {sageMakerClientFor, startTestEmulator} from '../helpers/emulator.js';
import {readFixture} from '../helpers/fixtures.js';

const roleArn = 'arn:aws:iam::111122223333:role/SageMakerExecutionRole';
let emulator: RunningEmulator;
let client: SageMakerClient;
let actions: ExecutionActionsApi;
let gateway: PipelinesApi;

async function statusOf(arn: string): Promise<string> {
	const response = await client.send(new DescribePipelineExecutionCommand({PipelineExecutionArn: arn}));
	return response.PipelineExecutionStatus ?? '';
}

async function runToEnd(arn: string): Promise<string> {
	for (;;) {
		const status = await statusOf(arn);
		if (status !== 'Executing' && status !== 'Stopping') return status;
		await new Promise((resolve) => setTimeout(resolve, 20));
	}
}

async function createPipeline(name: string, definition: string): Promise<void> {
	await client.send(
		new CreatePipelineCommand({PipelineName: name, PipelineDefinition: definition, RoleArn: roleArn}),
	);
}

beforeAll(async () => {
	emulator = await startTestEmulator({timeScale: 2000, demo: false});
	client = sageMakerClientFor(emulator);
	actions = createExecutionActionsGateway(client, {endpoint: emulator.url});
	gateway = createSageMakerGateway(client);
});

afterAll(async () => {
	client?.destroy();
	await emulator?.close();
});

describe('selective starts', () => {
	it('re-runs Eval and what follows with the source execution’s parameters, reusing Process and Train', async () => {
		await createPipeline('Tutorial', readFixture('abalone-tutorial.json'));
		const {PipelineExecutionArn: source} = await client.send(
			new StartPipelineExecutionCommand({
				PipelineName: 'Tutorial',
				PipelineParameters: [{Name: 'ModelApprovalStatus', Value: 'Approved'}],
			}),
		);
		expect(await runToEnd(source!)).toBe('Succeeded');
		expect((await gateway.describeExecution(source!)).selectiveExecution).toBeUndefined();

		const parameters = await gateway.listExecutionParameters(source!);
		const arn = await actions.startSelectiveExecution({
			pipelineName: 'Tutorial',
			parameters,
			selectedSteps: [
				'AbaloneEval',
				'AbaloneMSECond',
				'AbaloneRegisterModel',
				'AbaloneCreateModel',
				'AbaloneTransform',
			],
			sourceExecutionArn: source,
			displayName: 'rerun-eval',
		});
		expect((await gateway.describeExecution(arn)).selectiveExecution).toEqual({
			selectedSteps: [
				'AbaloneEval',
				'AbaloneMSECond',
				'AbaloneRegisterModel',
				'AbaloneCreateModel',
				'AbaloneTransform',
			],
			sourceExecutionArn: source,
		});
		expect(await runToEnd(arn)).toBe('Succeeded');
		const reused = (await gateway.listSteps(arn)).filter((step) => step.reusedFromArn !== undefined);
		expect(reused.map((step) => [step.name, step.reusedFromArn])).toEqual([
			['AbaloneTrain', source],
			['AbaloneProcess', source],
		]);
		expect(await gateway.listExecutionParameters(arn)).toEqual(parameters);
	});

	it('passes on the service’s refusal of an unconnected selection as a Validation error', async () => {
		const error = await actions
			.startSelectiveExecution({
				pipelineName: 'Tutorial',
				parameters: [],
				selectedSteps: ['AbaloneTrain', 'AbaloneMSECond'],
			})
			.catch((caught: unknown) => caught);
		expect(error).toMatchObject({
			kind: 'Validation',
			message:
				'Invalid SelectedSteps. The steps [AbaloneEval] lie on a path between selected steps, so they must be selected too.',
		});
	});
});

describe('Callback replies', () => {
	async function waitingToken(arn: string, step: string): Promise<string> {
		for (;;) {
			const {PipelineExecutionSteps: steps = []} = await client.send(
				new ListPipelineExecutionStepsCommand({PipelineExecutionArn: arn}),
			);
			const token = steps.find((candidate) => candidate.StepName === step)?.Metadata?.Callback?.CallbackToken;
			if (token) return token;
			await new Promise((resolve) => setTimeout(resolve, 20));
		}
	}

	it('answers one Callback step with success and outputs and the other with failure', async () => {
		const definition = JSON.parse(readFixture('sdk-unit-callback-outputs.json'));
		definition.Metadata = {
			'sagemon.emulator': {
				steps: {MyCallbackStep1: {waitForCallback: true}, MyCallbackStep2: {waitForCallback: true}},
			},
		};
		await createPipeline('Callbacks', JSON.stringify(definition));
		const {PipelineExecutionArn: arn} = await client.send(
			new StartPipelineExecutionCommand({
				PipelineName: 'Callbacks',
				PipelineParameters: [{Name: 'MyStr', Value: 'x'}],
			}),
		);
		// MyCallbackStep2 reads MyCallbackStep1's output, so it waits only once the first is answered.
		const first = await waitingToken(arn!, 'MyCallbackStep1');
		expect(
			await actions.sendStepSuccess({
				callbackToken: first,
				outputParameters: [{name: 'output1', value: 'done'}],
			}),
		).toBe(arn);
		const second = await waitingToken(arn!, 'MyCallbackStep2');
		expect(
			await actions.sendStepFailure({callbackToken: second, failureReason: 'Rejected by a reviewer'}),
		).toBe(arn);
		expect(await runToEnd(arn!)).toBe('Failed');
		const {PipelineExecutionSteps: steps = []} = await client.send(
			new ListPipelineExecutionStepsCommand({PipelineExecutionArn: arn}),
		);
		const byName = new Map(steps.map((step) => [step.StepName, step]));
		expect(byName.get('MyCallbackStep1')?.StepStatus).toBe('Succeeded');
		expect(byName.get('MyCallbackStep1')?.Metadata?.Callback?.OutputParameters).toEqual([
			{Name: 'output1', Value: 'done'},
		]);
		expect(byName.get('MyCallbackStep2')).toMatchObject({
			StepStatus: 'Failed',
			FailureReason: 'Rejected by a reviewer',
		});
		await expect(
			actions.sendStepFailure({callbackToken: 'zzzzzzzzzz', failureReason: 'late'}),
		).rejects.toMatchObject({
			kind: 'NotFound',
		});
	});
});
