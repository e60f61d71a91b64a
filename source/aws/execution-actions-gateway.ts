// ExecutionActionsApi over the SageMaker SDK client: selective starts and the replies to a Callback step.
import {
	type SageMakerClient,
	SendPipelineExecutionStepFailureCommand,
	SendPipelineExecutionStepSuccessCommand,
	StartPipelineExecutionCommand,
} from '@aws-sdk/client-sagemaker';
import {type ErrorHints, normalizeAwsError} from './errors.js';
import type {ExecutionActionsApi} from './execution-action-types.js';
import {AwsError} from './types.js';

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

	const arnOf = (arn: string | undefined, operation: string): string => {
		if (!arn) throw new AwsError('Unknown', `The service answered ${operation} without an execution ARN.`);
		return arn;
	};

	return {
		startSelectiveExecution: (request) =>
			call(async () => {
				const response = await client.send(
					new StartPipelineExecutionCommand({
						PipelineName: request.pipelineName,
						PipelineParameters: request.parameters.map(({name, value}) => ({Name: name, Value: value})),
						PipelineExecutionDisplayName: request.displayName,
						PipelineExecutionDescription: request.description,
						ClientRequestToken: request.clientRequestToken,
						SelectiveExecutionConfig: {
							SourcePipelineExecutionArn: request.sourceExecutionArn,
							SelectedSteps: request.selectedSteps.map((StepName) => ({StepName})),
						},
					}),
				);
				return arnOf(response.PipelineExecutionArn, 'StartPipelineExecution');
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
				return arnOf(response.PipelineExecutionArn, 'SendPipelineExecutionStepSuccess');
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
				return arnOf(response.PipelineExecutionArn, 'SendPipelineExecutionStepFailure');
			}),
	};
}
