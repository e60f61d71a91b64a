// The engine's record of one pipeline execution and of each step it started.
import type {
	DagEdge,
	ExecutionStatus,
	ParameterAssignment,
	ParameterType,
	ParameterValue,
	PipelineDefinition,
	StepDefinition,
	StepStatus,
} from '../../pipeline/model.js';
import type {EmulatorTuning} from './tuning.js';

export type UserContext = {IamIdentity?: {Arn: string; PrincipalId: string}};

export type StepRun = {
	name: string;
	definition: StepDefinition;
	status: StepStatus;
	attempt: number;
	startTime: number;
	endTime?: number;
	failureReason?: string;
	/** The service's `Metadata` member for this step (`{}` until the step's job or outcome exists). */
	metadata: Record<string, unknown>;
	cacheSource?: string;
	/** What `Get: Steps.<name>.<path>` reads: the Describe* shape of the step's job, `Outcome`, `OutputParameters`. */
	properties: Record<string, unknown>;
	/** The step's Arguments with every expression evaluated, when evaluation succeeded. */
	resolvedArguments?: unknown;
	/** When the step will end by itself (absent while waiting for a callback). */
	finishAt?: number;
	callbackToken?: string;
	/** Set for a step whose results a selective execution reuses from this source execution. */
	selectiveSource?: string;
	/** Attempts a RetryPolicy made since the step last started anew (they keep its StartTime). */
	policyRetries?: number;
	/** Bumped at every (re)start so events of an earlier attempt are ignored. */
	generation: number;
};

export type ExecutionState = {
	id: string;
	arn: string;
	region: string;
	pipelineKey: string;
	pipelineName: string;
	pipelineArn: string;
	versionId: number;
	definitionText: string;
	definition: PipelineDefinition;
	parents: Map<string, DagEdge[]>;
	children: Map<string, DagEdge[]>;
	/** Definition position of each step, for stable scheduling order. */
	position: Map<string, number>;
	stepDefinitions: Map<string, StepDefinition>;
	tuning: EmulatorTuning;
	displayName: string;
	description?: string;
	status: ExecutionStatus;
	failureReason?: string;
	createdAt: number;
	modifiedAt: number;
	createdBy: UserContext;
	/** Every declared parameter's effective value, in declaration order, as the service lists them. */
	parameters: ParameterAssignment[];
	parameterValues: Record<string, ParameterValue>;
	parameterTypes: Record<string, ParameterType>;
	experimentConfig?: {ExperimentName?: string; TrialName?: string};
	/** Execution-level MaxParallelExecutionSteps (start/retry override), else the pipeline's, else unlimited. */
	parallelism?: number;
	/** Simulated seconds per real second for this execution (past demo executions run at 1). */
	timeScale: number;
	steps: Map<string, StepRun>;
	/** Started steps in start order; ListPipelineExecutionSteps reads it backwards (newest first). */
	started: StepRun[];
	stopRequested: boolean;
	failed: boolean;
	/** Set when the execution ended in a Fail step: such executions cannot be retried. */
	endedByFailStep: boolean;
	/** Steps found ready but held back by MaxParallelExecutionSteps. */
	deferred: Set<string>;
	/** Failed or stopped steps a retry lets run again. */
	rerun: Set<string>;
	/** Set for a selective execution: only these steps run. */
	selection?: {steps: Set<string>; sourceArn?: string};
	/** Hand-offs to unblocked steps scheduled but not run yet: the execution cannot end while any is pending. */
	pendingHandoffs: number;
};

export const activeStepStatuses: ReadonlySet<StepStatus> = new Set(['Starting', 'Executing', 'Stopping']);
