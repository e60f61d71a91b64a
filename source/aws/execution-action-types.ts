// What sagemon asks of an execution beyond starting and stopping it: a selective start (re-run some steps,
// reusing the others from a source execution) and the answers to a Callback step. What a selective execution
// selected and reused is part of DescribePipelineExecution and the step list (PipelinesApi).
import type {ParameterAssignment} from '../pipeline/model.js';

export type SelectiveStartRequest = {
	pipelineName: string;
	/** The parameters to run with (all of them, for "run again with this execution's parameters"). */
	parameters: ParameterAssignment[];
	selectedSteps: string[];
	/** The execution whose results the steps not selected are reused from. */
	sourceExecutionArn?: string;
	displayName?: string;
	description?: string;
	clientRequestToken?: string;
};

export type CallbackSuccess = {
	callbackToken: string;
	outputParameters: ParameterAssignment[];
	clientRequestToken?: string;
};

export type CallbackFailure = {callbackToken: string; failureReason: string; clientRequestToken?: string};

export interface ExecutionActionsApi {
	/** Starts a selective execution; returns its ARN. */
	startSelectiveExecution(request: SelectiveStartRequest): Promise<string>;
	/** SendPipelineExecutionStepSuccess; returns the execution's ARN. */
	sendStepSuccess(request: CallbackSuccess): Promise<string>;
	/** SendPipelineExecutionStepFailure; returns the execution's ARN. */
	sendStepFailure(request: CallbackFailure): Promise<string>;
}
