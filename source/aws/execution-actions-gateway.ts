// ExecutionActionsApi over the SageMaker SDK client: selective starts and the replies to a Callback step.
import {
	type SageMakerClient,
	SendPipelineExecutionStepFailureCommand,
	SendPipelineExecutionStepSuccessCommand,
	StartPipelineExecutionCommand,
} from '@aws-sdk/client-sagemaker';
import {type ErrorHints, normalizeAwsError} from './errors.js';
import type {ExecutionActionsApi} from './execution-action-types.js';
import {executionArnOf, startExecutionInput} from './start-execution-input.js';

export function createExecutionActionsGateway(
	client: SageMakerClient,
	hints: ErrorHints = {},
): ExecutionActionsApi {
	async function call<T>(run: () => Promise<T>): Promise<T> {
		try {
			return await run();
		} catch (error) {
			throw normalizeAwsError(error, hints);
		}
	}

	return {
		startSelectiveExecution: (request) =>
			call(async () => {
				const response = await client.send(new StartPipelineExecutionCommand(startExecutionInput(request)));
				return executionArnOf(response.PipelineExecutionArn, 'StartPipelineExecution');
			}),

		sendStepSuccess: (request) =>
			call(async () => {
				const response = await client.send(
					new SendPipelineExecutionStepSuccessCommand({
						CallbackToken: request.callbackToken,
						OutputParameters: request.outputParameters.map(({name, value}) => ({Name: name, Value: value})),
						ClientRequestToken: request.clientRequestToken,
					}),
				);
				return executionArnOf(response.PipelineExecutionArn, 'SendPipelineExecutionStepSuccess');
			}),

		sendStepFailure: (request) =>
			call(async () => {
				const response = await client.send(
					new SendPipelineExecutionStepFailureCommand({
						CallbackToken: request.callbackToken,
						FailureReason: request.failureReason,
						ClientRequestToken: request.clientRequestToken,
					}),
				);
				return executionArnOf(response.PipelineExecutionArn, 'SendPipelineExecutionStepFailure');
			}),
	};
}
