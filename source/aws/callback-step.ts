// A Callback step of an execution, found for an answer: its definition (the declared OutputParameters), its
// record, and the token the service issued it (`Metadata.Callback.CallbackToken`), which is never typed.
import {callbackTokenOf, declaredOutputs} from '../pipeline/callback-outputs.js';
import {parseDefinition} from '../pipeline/definition.js';
import type {ParameterDefinition, StepDefinition, StepRecord} from '../pipeline/model.js';
import {sanitizeText} from '../pipeline/sanitize.js';
import {AwsError, type PipelinesApi} from './types.js';

export type WaitingCallback = {
	step: StepDefinition;
	record: StepRecord;
	token: string;
	outputs: ParameterDefinition[];
};

/** `AwsError.code` when the step named is not a Callback step of the execution's definition. */
export const notCallbackCode = 'NotCallbackStep';

/** The Callback step `stepName` of the execution's definition (an AwsError naming the Callback steps if not). */
export async function callbackStepOf(
	pipelines: PipelinesApi,
	executionArn: string,
	stepName: string,
): Promise<StepDefinition> {
	const {definition} = parseDefinition(await pipelines.describeExecutionDefinition(executionArn));
	const callbacks = (definition?.steps ?? []).filter((step) => step.type === 'Callback');
	const step = callbacks.find((candidate) => candidate.name === stepName);
	if (step) return step;
	const names = callbacks.map((candidate) => sanitizeText(candidate.name)).join(', ');
	throw new AwsError(
		'NotFound',
		`This execution has no Callback step named ${sanitizeText(stepName)} (${names === '' ? 'it has no Callback steps' : `its Callback steps: ${names}`}).`,
		notCallbackCode,
	);
}

/** The step's record and token, when it is waiting for its answer; a Conflict AwsError saying why not otherwise. */
export async function waitingCallback(
	pipelines: PipelinesApi,
	executionArn: string,
	step: StepDefinition,
): Promise<WaitingCallback> {
	const record = (await pipelines.listSteps(executionArn)).find((candidate) => candidate.name === step.name);
	const token = callbackTokenOf(record?.metadata);
	if (record?.status !== 'Executing' || token === undefined) {
		const state = record ? `it is ${record.status}` : 'it has not started';
		throw new AwsError(
			'Conflict',
			`Step ${sanitizeText(step.name)} is not waiting for a callback: ${state}.`,
			'NotWaiting',
		);
	}

	return {step, record, token, outputs: declaredOutputs(step)};
}
