// SageMaker ARNs read once: the pipeline, execution and resource names inside them, and their region.
// Every layer (commands, the UI, the AWS adapters and the emulator) parses ARNs through these functions.

const arnPrefix = String.raw`arn:aws[a-z-]*:sagemaker:([a-z0-9-]*):(?:\d{12}|aws)`;
const executionArnPattern = new RegExp(`^${arnPrefix}:pipeline/([^/]+)/execution/([^/]+)$`, 'i');
const pipelineArnPattern = new RegExp(`^${arnPrefix}:pipeline/([^/]+)`, 'i');
const sagemakerArnPattern = new RegExp(`^${arnPrefix}:`, 'i');

export type ExecutionArnParts = {region: string; pipelineName: string; executionId: string};

/** The parts of `arn:aws:sagemaker:REGION:ACCOUNT:pipeline/NAME/execution/ID`; undefined for anything else. */
export function parseExecutionArn(arn: string): ExecutionArnParts | undefined {
	const match = executionArnPattern.exec(arn);
	if (!match) return undefined;
	return {region: match[1]!, pipelineName: match[2]!, executionId: match[3]!};
}

export function isExecutionArn(text: string): boolean {
	return executionArnPattern.test(text);
}

/** The pipeline name of a pipeline or execution ARN, or the input itself when it is a bare name. */
export function pipelineNameOf(nameOrArn: string): string {
	return pipelineArnPattern.exec(nameOrArn)?.[2] ?? nameOrArn;
}

/** The execution id: the last segment of an execution ARN (what the service shows as the execution's id). */
export function executionIdOf(arn: string): string {
	return lastSegmentOf(arn);
}

/** The resource name at the end of an ARN (`…:training-job/NAME` gives NAME); the input when it has no `/`. */
export function lastSegmentOf(arn: string): string {
	return arn.split('/').pop() ?? arn;
}

/** The region named inside a SageMaker ARN, or undefined when the text is no SageMaker ARN or names none. */
export function regionOfArn(arn: string): string | undefined {
	const region = sagemakerArnPattern.exec(arn)?.[1];
	return region === undefined || region === '' ? undefined : region;
}
