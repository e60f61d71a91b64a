// What sagemon asks of an execution beyond starting and stopping it: a selective start (re-run some steps,
// reusing the others from a source execution), what a selective execution selected and reused, and the
// answers to a Callback step.
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

/** A selective execution's SelectiveExecutionConfig. */
export type ExecutionSelection = {selectedSteps: string[]; sourceExecutionArn?: string};

/** A step a selective execution did not run, and the execution its results come from. */
export type ReusedStep = {step: string; sourceExecutionArn: string};

export type CallbackSuccess = {
	callbackToken: string;
	outputParameters: ParameterAssignment[];
	clientRequestToken?: string;
};

export type CallbackFailure = {callbackToken: string; failureReason: string; clientRequestToken?: string};

export interface ExecutionActionsApi {
	/** Starts a selective execution; returns its ARN. */
	startSelectiveExecution(request: SelectiveStartRequest): Promise<string>;
	/** The execution's selection, or undefined for an execution that ran every step. */
	describeSelection(executionArn: string): Promise<ExecutionSelection | undefined>;
	/** The steps the execution reused (all pages), newest first as the service lists steps. */
	listReusedSteps(executionArn: string): Promise<ReusedStep[]>;
	/** SendPipelineExecutionStepSuccess; returns the execution's ARN. */
	sendStepSuccess(request: CallbackSuccess): Promise<string>;
	/** SendPipelineExecutionStepFailure; returns the execution's ARN. */
	sendStepFailure(request: CallbackFailure): Promise<string>;
}
