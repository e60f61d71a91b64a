// The domain's plain data: a parsed pipeline definition, its DAG, and what the service says about executions.
// Everything here is serialisable data; no classes, no SDK types, no Dates (times are epoch milliseconds).

export type ParameterType = 'String' | 'Integer' | 'Float' | 'Boolean';
export type ParameterValue = string | number | boolean;

export type ParameterDefinition = {
	name: string;
	type: ParameterType;
	/** Absent when the definition has none: a value must then be given at start. */
	defaultValue?: ParameterValue;
	enumValues?: string[];
};

export type PropertyFileDefinition = {
	name: string;
	outputName: string;
	filePath: string;
};

export type StepDefinition = {
	name: string;
	/** The definition's `Type`, kept verbatim; unknown types are kept and drawn as generic steps. */
	type: string;
	displayName?: string;
	description?: string;
	dependsOn: string[];
	/** The step's `Arguments`, unchanged. For Condition steps the nested IfSteps/ElseSteps stay inside. */
	arguments: unknown;
	cacheConfig?: {enabled: boolean; expireAfter?: string};
	propertyFiles: PropertyFileDefinition[];
	/** Set for steps nested in a Condition step's IfSteps/ElseSteps. */
	parent?: {condition: string; branch: 'if' | 'else'};
	/** The whole step object as written, for type-specific members (FunctionArn, OutputParameters, ...). */
	raw: Record<string, unknown>;
	/** JSON path of the step in the definition (`Steps[3].Arguments.IfSteps[0]`), set by `parseDefinition`. */
	path?: string;
};

export type PipelineDefinition = {
	version?: string;
	metadata: Record<string, unknown>;
	parameters: ParameterDefinition[];
	/** Values may be literals or expressions; null when the definition disables it. */
	experimentConfig?: Record<string, unknown> | null;
	/** Every step, nested ones included, depth-first in definition order. */
	steps: StepDefinition[];
};

export type DefinitionProblem = {
	/** JSON path of the offending value, e.g. `Steps[2].DependsOn[0]`. */
	path: string;
	step?: string;
	message: string;
};

export type EdgeKind = 'dependsOn' | 'data' | 'condition-if' | 'condition-else';

export type DagEdge = {from: string; to: string; kind: EdgeKind};

export type DagNode = {name: string; type: string; displayName?: string};

export type Dag = {nodes: DagNode[]; edges: DagEdge[]};

/** Statuses as the service spells them. */
export type ExecutionStatus = 'Executing' | 'Stopping' | 'Stopped' | 'Failed' | 'Succeeded';
export type StepStatus = 'Starting' | 'Executing' | 'Stopping' | 'Stopped' | 'Failed' | 'Succeeded';

export type PipelineSummary = {
	name: string;
	arn: string;
	displayName?: string;
	description?: string;
	roleArn?: string;
	createdAt?: number;
	modifiedAt?: number;
	lastExecutionAt?: number;
};

export type PipelineDetails = PipelineSummary & {
	definition: string;
	status?: 'Active' | 'Deleting';
};

export type ExecutionSummary = {
	arn: string;
	status: ExecutionStatus;
	displayName?: string;
	description?: string;
	startedAt?: number;
	failureReason?: string;
};

export type ExecutionDetails = ExecutionSummary & {
	pipelineArn: string;
	createdAt?: number;
	modifiedAt?: number;
	/** Who started it, as the service describes them (user profile name or IAM identity ARN). */
	createdBy?: string;
	/** Who last changed it (for a stopped execution: who stopped it), described the same way. */
	lastModifiedBy?: string;
	/** The pipeline version it ran (DescribePipelineExecution.PipelineVersionId). */
	pipelineVersionId?: number;
	/** Set for a selective execution: the execution it reused outputs from and the steps it ran. */
	selectiveExecution?: {sourceExecutionArn?: string; selectedSteps: string[]};
};

export type StepRecord = {
	name: string;
	displayName?: string;
	status: StepStatus;
	startedAt?: number;
	endedAt?: number;
	failureReason?: string;
	attemptCount?: number;
	/** The service's `Metadata` member, unchanged (TrainingJob, ProcessingJob, Condition, Fail, Lambda, ...). */
	metadata?: Record<string, unknown>;
	cacheSourceArn?: string;
	/** Set when a selective execution did not run the step but reused its result from this execution. */
	reusedFromArn?: string;
};

export type ParameterAssignment = {name: string; value: string};

export const terminalExecutionStatuses: ReadonlySet<ExecutionStatus> = new Set([
	'Stopped',
	'Failed',
	'Succeeded',
]);

/** The kinds of job a pipeline step runs and sagemon describes. */
export type JobKind = 'Processing' | 'Training' | 'Transform';

/** What DescribeProcessingJob/TrainingJob/TransformJob say about a step's job, and where its logs are. */
export type JobDetails = {
	kind: JobKind;
	name: string;
	/** The job's status as the service spells it (InProgress, Completed, Failed, Stopping, Stopped). */
	status: string;
	failureReason?: string;
	/** Processing jobs: the container's exit message. */
	exitMessage?: string;
	/** Training jobs: the StatusMessage of the last SecondaryStatusTransitions entry. */
	lastStatusMessage?: string;
	/** Training jobs: FinalMetricDataList. */
	finalMetrics?: Array<{name: string; value: number}>;
	instanceType?: string;
	instanceCount?: number;
	/** The CloudWatch Logs group of this kind of job (`/aws/sagemaker/TrainingJobs`). */
	logGroup: string;
	/** Every log stream of the job starts with this (`JOBNAME/`). */
	logStreamPrefix: string;
};
