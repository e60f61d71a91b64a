// SageMaker SDK shapes to sagemon's domain records: epoch milliseconds instead of Dates, known statuses, and no
// members whose value is undefined. The gateway and the job describer map their responses with these.
import type {
	DescribePipelineExecutionCommandOutput,
	PipelineExecutionStep,
	PipelineExecutionSummary,
	PipelineSummary as SdkPipelineSummary,
	UserContext,
} from '@aws-sdk/client-sagemaker';
import {lastSegmentOf} from '../pipeline/arn.js';
import type {
	ExecutionDetails,
	ExecutionStatus,
	ExecutionSummary,
	PipelineSummary,
	StepRecord,
	StepStatus,
} from '../pipeline/model.js';

export function toExecutionDetails(
	response: DescribePipelineExecutionCommandOutput,
	arn: string,
): ExecutionDetails {
	return compact<ExecutionDetails>({
		arn: response.PipelineExecutionArn ?? arn,
		pipelineArn: response.PipelineArn ?? '',
		status: executionStatus(response.PipelineExecutionStatus),
		displayName: text(response.PipelineExecutionDisplayName),
		description: text(response.PipelineExecutionDescription),
		failureReason: text(response.FailureReason),
		startedAt: epoch(response.CreationTime),
		createdAt: epoch(response.CreationTime),
		modifiedAt: epoch(response.LastModifiedTime),
		createdBy: describeUser(response.CreatedBy),
		lastModifiedBy: describeUser(response.LastModifiedBy),
		pipelineVersionId: response.PipelineVersionId,
		selectiveExecution: response.SelectiveExecutionConfig && {
			...(response.SelectiveExecutionConfig.SourcePipelineExecutionArn
				? {sourceExecutionArn: response.SelectiveExecutionConfig.SourcePipelineExecutionArn}
				: {}),
			selectedSteps: (response.SelectiveExecutionConfig.SelectedSteps ?? []).flatMap((step) =>
				step.StepName ? [step.StepName] : [],
			),
		},
	});
}

export function toPipelineSummary(summary: SdkPipelineSummary): PipelineSummary {
	return compact<PipelineSummary>({
		name: summary.PipelineName ?? lastSegmentOf(summary.PipelineArn ?? ''),
		arn: summary.PipelineArn ?? '',
		displayName: text(summary.PipelineDisplayName),
		description: text(summary.PipelineDescription),
		roleArn: text(summary.RoleArn),
		createdAt: epoch(summary.CreationTime),
		modifiedAt: epoch(summary.LastModifiedTime),
		lastExecutionAt: epoch(summary.LastExecutionTime),
	});
}

export function toExecutionSummary(summary: PipelineExecutionSummary): ExecutionSummary {
	return compact<ExecutionSummary>({
		arn: summary.PipelineExecutionArn ?? '',
		status: executionStatus(summary.PipelineExecutionStatus),
		displayName: text(summary.PipelineExecutionDisplayName),
		description: text(summary.PipelineExecutionDescription),
		startedAt: epoch(summary.StartTime),
		failureReason: text(summary.PipelineExecutionFailureReason),
	});
}

export function toStepRecord(step: PipelineExecutionStep): StepRecord {
	const metadata = step.Metadata ? (plain(step.Metadata) as Record<string, unknown>) : undefined;
	return compact<StepRecord>({
		name: step.StepName ?? '',
		displayName: text(step.StepDisplayName),
		status: stepStatus(step.StepStatus),
		startedAt: epoch(step.StartTime),
		endedAt: epoch(step.EndTime),
		failureReason: text(step.FailureReason),
		attemptCount: step.AttemptCount,
		metadata,
		cacheSourceArn: text(step.CacheHitResult?.SourcePipelineExecutionArn),
		reusedFromArn: text(step.SelectiveExecutionResult?.SourcePipelineExecutionArn),
	});
}

const executionStatuses = new Set<string>(['Executing', 'Stopping', 'Stopped', 'Failed', 'Succeeded']);
const stepStatuses = new Set<string>(['Starting', 'Executing', 'Stopping', 'Stopped', 'Failed', 'Succeeded']);

function executionStatus(status: string | undefined): ExecutionStatus {
	if (status && executionStatuses.has(status)) return status as ExecutionStatus;
	// A status this version does not know is most likely a new in-progress state: keep watching it.
	return 'Executing';
}

function stepStatus(status: string | undefined): StepStatus {
	if (status && stepStatuses.has(status)) return status as StepStatus;
	return 'Executing';
}

function describeUser(user: UserContext | undefined): string | undefined {
	if (!user) return undefined;
	return text(user.UserProfileName) ?? text(user.IamIdentity?.Arn) ?? text(user.UserProfileArn);
}

export function epoch(date: Date | undefined): number | undefined {
	if (!date) return undefined;
	const time = date.getTime();
	return Number.isFinite(time) ? time : undefined;
}

export function text(value: string | undefined): string | undefined {
	return value === undefined || value === '' ? undefined : value;
}

/**
 * A copy without the members whose value is undefined, so domain objects compare and serialise cleanly. A copy,
 * not `delete`: an object that loses members turns into a slow dictionary for V8, and every poll makes hundreds.
 */
export function compact<T extends object>(value: T): T {
	const result = {} as T;
	for (const key in value) {
		if (Object.hasOwn(value, key) && value[key] !== undefined) result[key] = value[key];
	}

	return result;
}

/** A deep copy of SDK data as plain JSON (drops undefined members the deserializer may leave). */
function plain(value: unknown): unknown {
	return JSON.parse(JSON.stringify(value));
}
