// The StartPipelineExecution request, built once for a plain start and a selective one (steps re-run from a
// source execution), and the ARN its answer must carry.
import type {StartPipelineExecutionCommandInput} from '@aws-sdk/client-sagemaker';
import type {SelectiveStartRequest} from './execution-action-types.js';
import {AwsError, type StartExecutionRequest} from './types.js';

export function startExecutionInput(
	request: StartExecutionRequest | SelectiveStartRequest,
): StartPipelineExecutionCommandInput {
	const input: StartPipelineExecutionCommandInput = {
		PipelineName: request.pipelineName,
		PipelineParameters: request.parameters.map(({name, value}) => ({Name: name, Value: value})),
		PipelineExecutionDisplayName: request.displayName,
		PipelineExecutionDescription: request.description,
		ClientRequestToken: request.clientRequestToken,
	};
	if ('selectedSteps' in request) {
		input.SelectiveExecutionConfig = {
			SourcePipelineExecutionArn: request.sourceExecutionArn,
			SelectedSteps: request.selectedSteps.map((StepName) => ({StepName})),
		};
	}

	return input;
}

/** The execution ARN of an answer, or a clear error when the service left it out. */
export function executionArnOf(arn: string | undefined, operation: string): string {
	if (!arn) throw new AwsError('Unknown', `The service answered ${operation} without an execution ARN.`);
	return arn;
}
