// Pipelines the matrix runs, built from the tutorial's real abalone definition through the emulator's tuning
// entry, and the SDK calls that set them up (the same API a person's notebook would use).
import {randomUUID} from 'node:crypto';
import {PutObjectCommand} from '@aws-sdk/client-s3';
import {
	CreatePipelineCommand,
	ListPipelineExecutionStepsCommand,
	type SageMakerClient,
	SendPipelineExecutionStepSuccessCommand,
	StartPipelineExecutionCommand,
} from '@aws-sdk/client-sagemaker';
import type {S3Client} from '@aws-sdk/client-s3';
import {readFixture} from '../helpers/fixtures.js';

export const roleArn = 'arn:aws:iam::111122223333:role/SageMakerPipelineRole';

type StepTuning = {durationSeconds?: number; fail?: string; waitForCallback?: boolean};

/** The tutorial's abalone pipeline; `steps` tunes how the emulator runs each step. */
export function abaloneDefinition(steps: Record<string, StepTuning> = {}): Record<string, unknown> {
	const definition = JSON.parse(readFixture('abalone-tutorial.json')) as Record<string, unknown>;
	definition.Metadata = {'sagemon.emulator': {steps}};
	return definition;
}

/**
 * Abalone behind an `ApprovalGate` Callback step that waits until `releaseGate` is called, so a test decides
 * when the execution moves on, whatever faults it injects meanwhile.
 */
export function gatedAbaloneDefinition(steps: Record<string, StepTuning> = {}): Record<string, unknown> {
	const definition = abaloneDefinition({ApprovalGate: {waitForCallback: true}, ...steps});
	const abaloneSteps = definition.Steps as Array<Record<string, unknown>>;
	abaloneSteps[0]!.DependsOn = ['ApprovalGate'];
	abaloneSteps.unshift({
		Name: 'ApprovalGate',
		Type: 'Callback',
		Arguments: {reviewer: 'data-science-lead'},
		SqsQueueUrl: 'https://sqs.us-east-1.amazonaws.com/111122223333/approvals',
		OutputParameters: [{OutputName: 'approved', OutputType: 'String'}],
	});
	return definition;
}

/** A chain of `count` short Lambda steps: an execution with that many steps. */
export function chainDefinition(count: number, namePrefix = 'Step'): Record<string, unknown> {
	const steps = Array.from({length: count}, (_, index) => ({
		Name: `${namePrefix}${String(index + 1).padStart(4, '0')}`,
		Type: 'Lambda',
		Arguments: {},
		FunctionArn: 'arn:aws:lambda:us-east-1:111122223333:function:noop',
		...(index === 0 ? {} : {DependsOn: [`${namePrefix}${String(index).padStart(4, '0')}`]}),
	}));
	return {Version: '2020-12-01', Metadata: {}, Parameters: [], Steps: steps};
}

export async function createPipeline(
	client: SageMakerClient,
	name: string,
	definition: Record<string, unknown>,
	extra: {PipelineDescription?: string} = {},
): Promise<void> {
	await client.send(
		new CreatePipelineCommand({
			PipelineName: name,
			PipelineDefinition: JSON.stringify(definition),
			RoleArn: roleArn,
			ClientRequestToken: randomUUID(),
			...extra,
		}),
	);
}

export async function startExecution(
	client: SageMakerClient,
	name: string,
	extra: {PipelineExecutionDescription?: string; PipelineExecutionDisplayName?: string} = {},
): Promise<string> {
	const started = await client.send(
		new StartPipelineExecutionCommand({PipelineName: name, ClientRequestToken: randomUUID(), ...extra}),
	);
	return started.PipelineExecutionArn!;
}

/** Completes the execution's waiting Callback step (it must have started). */
export async function releaseGate(client: SageMakerClient, executionArn: string): Promise<void> {
	const steps = await client.send(
		new ListPipelineExecutionStepsCommand({PipelineExecutionArn: executionArn}),
	);
	const gate = steps.PipelineExecutionSteps?.find((step) => step.StepName === 'ApprovalGate');
	const token = gate?.Metadata?.Callback?.CallbackToken;
	if (!token)
		throw new Error(`ApprovalGate has not started: ${JSON.stringify(steps.PipelineExecutionSteps)}`);
	await client.send(
		new SendPipelineExecutionStepSuccessCommand({
			CallbackToken: token,
			OutputParameters: [{Name: 'approved', Value: 'yes'}],
		}),
	);
}

/** Waits until `check` returns something truthy (polling every 20 ms), or fails with `what`. */
export async function eventually<T>(
	what: string,
	check: () => Promise<T> | T,
	timeoutMs = 15_000,
): Promise<T> {
	const started = Date.now();
	let last: unknown;
	for (;;) {
		try {
			const value = await check();
			if (value) return value;
		} catch (error) {
			last = error;
		}

		if (Date.now() - started > timeoutMs) {
			throw new Error(`Timed out waiting for ${what}${last ? `: ${String(last)}` : ''}`);
		}

		await new Promise((resolve) => setTimeout(resolve, 20));
	}
}

/** Replaces an S3 object (e.g. a step's evaluation.json) with `body`. */
export async function putObject(s3: S3Client, uri: string, body: string | Uint8Array): Promise<void> {
	const match = /^s3:\/\/([^/]+)\/(.+)$/.exec(uri);
	if (!match) throw new Error(`not an S3 URI: ${uri}`);
	await s3.send(new PutObjectCommand({Bucket: match[1], Key: match[2], Body: body}));
}

/** Where the abalone definition's AbaloneEval step writes evaluation.json for an execution (the fixture's
 * output prefix names AbalonePipeline whatever the pipeline is called). */
export function evaluationUri(executionArn: string): string {
	const id = executionArn.split('/').pop();
	return `s3://sagemaker-us-east-2-111122223333/AbalonePipeline/${id}/evaluation/evaluation.json`;
}
