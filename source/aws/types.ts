// The contract between sagemon's screens/commands and AWS: domain data in, domain data out, normalised errors.
import type {
	ExecutionDetails,
	ExecutionSummary,
	JobDetails,
	JobKind,
	ParameterAssignment,
	PipelineDetails,
	PipelineSummary,
	StepRecord,
} from '../pipeline/model.js';

import type {ExecutionActionsApi} from './execution-action-types.js';
import type {LogsApi} from './logs-types.js';
import type {ModelRegistryApi} from './registry-types.js';

import type {Page} from './page.js';

export type {Page} from './page.js';

export type AwsErrorKind =
	| 'NotFound'
	| 'Validation'
	| 'Conflict'
	| 'Throttled'
	| 'AccessDenied'
	| 'ExpiredCredentials'
	| 'NoCredentials'
	| 'NoRegion'
	| 'Network'
	| 'LimitExceeded'
	| 'Unknown';

/** Every failure that crosses `source/aws/` is one of these, with a message written for a person. */
export class AwsError extends Error {
	constructor(
		readonly kind: AwsErrorKind,
		message: string,
		readonly code?: string,
	) {
		super(message);
		this.name = 'AwsError';
	}
}

export type StartExecutionRequest = {
	pipelineName: string;
	parameters: ParameterAssignment[];
	displayName?: string;
	description?: string;
	clientRequestToken?: string;
};

export type UpsertPipelineRequest = {
	name: string;
	definition: string;
	roleArn: string;
	description?: string;
	displayName?: string;
};

export type ProcessingOutput = {outputName: string; s3Uri: string};

export type ObjectRead = {
	uri: string;
	text: string;
	/** Bytes of the whole object, when the service told us. */
	size?: number;
	/** True when only the first `maxBytes` were read. */
	truncated: boolean;
	lastModified?: number;
};

export interface PipelinesApi {
	listPipelines(options?: {nextToken?: string; maxResults?: number}): Promise<Page<PipelineSummary>>;
	describePipeline(name: string): Promise<PipelineDetails>;
	/** Creates the pipeline, or updates it when it exists (the SDK's `pipeline.upsert()`). Returns the ARN. */
	upsertPipeline(request: UpsertPipelineRequest): Promise<{arn: string; created: boolean}>;
	deletePipeline(name: string, clientRequestToken?: string): Promise<void>;
	startExecution(request: StartExecutionRequest): Promise<string>;
	describeExecution(arn: string): Promise<ExecutionDetails>;
	listExecutions(
		pipelineName: string,
		options?: {nextToken?: string; maxResults?: number},
	): Promise<Page<ExecutionSummary>>;
	/** Every step the service lists for the execution, all pages, newest first as the service orders them. */
	listSteps(executionArn: string): Promise<StepRecord[]>;
	listExecutionParameters(executionArn: string): Promise<ParameterAssignment[]>;
	/** The definition the execution was started from (not the pipeline's latest). */
	describeExecutionDefinition(executionArn: string): Promise<string>;
	stopExecution(executionArn: string, clientRequestToken?: string): Promise<void>;
	retryExecution(executionArn: string, clientRequestToken?: string): Promise<void>;
	describeProcessingJobOutputs(jobName: string): Promise<ProcessingOutput[]>;
	/** DescribeProcessingJob/TrainingJob/TransformJob, as domain data. */
	describeJob(kind: JobKind, jobName: string): Promise<JobDetails>;
}

export interface ObjectStore {
	/** Reads at most `maxBytes` of `s3://bucket/key` (a Range read), as UTF-8 text. */
	readObject(uri: string, options?: {maxBytes?: number}): Promise<ObjectRead>;
}

export type AwsSettings = {
	profile?: string;
	region?: string;
	endpointUrl?: string;
	/** Shown in the header: `local` for the embedded emulator, else the profile name. */
	label: string;
};

/** What a connection gives its users: where it points, the SageMaker gateway and the S3 reader. */
export type AwsAccess = {
	settings: AwsSettings;
	pipelines: PipelinesApi;
	objects: ObjectStore;
	/** CloudWatch Logs (step logs); its client loads on first use. */
	logs(): Promise<LogsApi>;
	/** The model registry (model package groups and versions); loaded on first use. */
	registry(): Promise<ModelRegistryApi>;
	/** Selective starts, selections and reused steps, Callback answers; loaded on first use. */
	executionActions(): Promise<ExecutionActionsApi>;
};
