// PipelinesApi over the SageMaker SDK client: SDK shapes in, domain data (epoch ms, no undefined members) out.
import {
	CreatePipelineCommand,
	DeletePipelineCommand,
	DescribePipelineCommand,
	DescribePipelineDefinitionForExecutionCommand,
	DescribePipelineExecutionCommand,
	DescribeProcessingJobCommand,
	ListPipelineExecutionStepsCommand,
	ListPipelineExecutionsCommand,
	ListPipelineParametersForExecutionCommand,
	ListPipelinesCommand,
	type PipelineExecutionStep,
	type PipelineExecutionSummary,
	type PipelineSummary as SdkPipelineSummary,
	RetryPipelineExecutionCommand,
	type SageMakerClient,
	StartPipelineExecutionCommand,
	StopPipelineExecutionCommand,
	UpdatePipelineCommand,
	type UserContext,
} from '@aws-sdk/client-sagemaker';
import type {
	ExecutionDetails,
	ExecutionStatus,
	ExecutionSummary,
	ParameterAssignment,
	PipelineDetails,
	PipelineSummary,
	StepRecord,
	StepStatus,
} from '../pipeline/model.js';
import {lastSegmentOf} from '../pipeline/arn.js';
import {type ErrorHints, normalizeAwsError} from './errors.js';
import {describeJob} from './job-details.js';
import {AwsError, type PipelinesApi} from './types.js';

// connect.ts gets the client class from here: named imports let the bundler drop the hundreds of operations
// (and their schemas) sagemon never calls, which `import('@aws-sdk/client-sagemaker')` would keep.
export {SageMakerClient} from '@aws-sdk/client-sagemaker';

/** The service's page size limit; listing steps and parameters asks for full pages. */
const maxPageSize = 100;

export function createSageMakerGateway(client: SageMakerClient, hints: ErrorHints = {}): PipelinesApi {
	async function call<T>(run: () => Promise<T>): Promise<T> {
		try {
			return await run();
		} catch (error) {
			throw normalizeAwsError(error, hints);
		}
	}

	return {
		listPipelines: (options = {}) =>
			call(async () => {
				const response = await client.send(
					new ListPipelinesCommand({
						SortBy: 'CreationTime',
						SortOrder: 'Descending',
						MaxResults: options.maxResults ?? maxPageSize,
						NextToken: options.nextToken,
					}),
				);
				return page((response.PipelineSummaries ?? []).map(toPipelineSummary), response.NextToken);
			}),

		describePipeline: (name) =>
			call(async () => {
				const response = await client.send(new DescribePipelineCommand({PipelineName: name}));
				const summary = toPipelineSummary({
					PipelineArn: response.PipelineArn,
					PipelineName: response.PipelineName,
					PipelineDisplayName: response.PipelineDisplayName,
					PipelineDescription: response.PipelineDescription,
					RoleArn: response.RoleArn,
					CreationTime: response.CreationTime,
					LastModifiedTime: response.LastModifiedTime,
					LastExecutionTime: response.LastRunTime,
				});
				return compact<PipelineDetails>({
					...summary,
					definition: response.PipelineDefinition ?? '',
					status:
						response.PipelineStatus === 'Deleting'
							? 'Deleting'
							: response.PipelineStatus
								? 'Active'
								: undefined,
				});
			}),

		upsertPipeline: (request) =>
			call(async () => {
				try {
					const created = await client.send(
						new CreatePipelineCommand({
							PipelineName: request.name,
							PipelineDefinition: request.definition,
							RoleArn: request.roleArn,
							PipelineDescription: request.description,
							PipelineDisplayName: request.displayName,
						}),
					);
					return {arn: created.PipelineArn ?? '', created: true};
				} catch (error) {
					// The SageMaker Python SDK's pipeline.upsert() keys on exactly this: a validation error saying so.
					if (!isAlreadyExists(error)) throw error;
				}

				const updated = await client.send(
					new UpdatePipelineCommand({
						PipelineName: request.name,
						PipelineDefinition: request.definition,
						RoleArn: request.roleArn,
						PipelineDescription: request.description,
						PipelineDisplayName: request.displayName,
					}),
				);
				return {arn: updated.PipelineArn ?? '', created: false};
			}),

		deletePipeline: (name, clientRequestToken) =>
			call(async () => {
				await client.send(
					new DeletePipelineCommand({PipelineName: name, ClientRequestToken: clientRequestToken}),
				);
			}),

		startExecution: (request) =>
			call(async () => {
				const response = await client.send(
					new StartPipelineExecutionCommand({
						PipelineName: request.pipelineName,
						PipelineParameters: request.parameters.map(({name, value}) => ({Name: name, Value: value})),
						PipelineExecutionDisplayName: request.displayName,
						PipelineExecutionDescription: request.description,
						ClientRequestToken: request.clientRequestToken,
					}),
				);
				if (!response.PipelineExecutionArn) {
					throw new AwsError('Unknown', 'The service started an execution but did not return its ARN.');
				}

				return response.PipelineExecutionArn;
			}),

		describeExecution: (arn) =>
			call(async () => {
				const response = await client.send(new DescribePipelineExecutionCommand({PipelineExecutionArn: arn}));
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
			}),

		listExecutions: (pipelineName, options = {}) =>
			call(async () => {
				const response = await client.send(
					new ListPipelineExecutionsCommand({
						PipelineName: pipelineName,
						SortBy: 'CreationTime',
						SortOrder: 'Descending',
						MaxResults: options.maxResults ?? maxPageSize,
						NextToken: options.nextToken,
					}),
				);
				return page((response.PipelineExecutionSummaries ?? []).map(toExecutionSummary), response.NextToken);
			}),

		listSteps: (executionArn) =>
			call(async () => {
				const steps: StepRecord[] = [];
				let nextToken: string | undefined;
				do {
					const response = await client.send(
						new ListPipelineExecutionStepsCommand({
							PipelineExecutionArn: executionArn,
							MaxResults: maxPageSize,
							NextToken: nextToken,
						}),
					);
					steps.push(...(response.PipelineExecutionSteps ?? []).map(toStepRecord));
					nextToken = response.NextToken || undefined;
				} while (nextToken);
				return steps;
			}),

		listExecutionParameters: (executionArn) =>
			call(async () => {
				const parameters: ParameterAssignment[] = [];
				let nextToken: string | undefined;
				do {
					const response = await client.send(
						new ListPipelineParametersForExecutionCommand({
							PipelineExecutionArn: executionArn,
							MaxResults: maxPageSize,
							NextToken: nextToken,
						}),
					);
					for (const parameter of response.PipelineParameters ?? []) {
						parameters.push({name: parameter.Name ?? '', value: parameter.Value ?? ''});
					}

					nextToken = response.NextToken || undefined;
				} while (nextToken);
				return parameters;
			}),

		describeExecutionDefinition: (executionArn) =>
			call(async () => {
				const response = await client.send(
					new DescribePipelineDefinitionForExecutionCommand({PipelineExecutionArn: executionArn}),
				);
				return response.PipelineDefinition ?? '';
			}),

		stopExecution: (executionArn, clientRequestToken) =>
			call(async () => {
				await client.send(
					new StopPipelineExecutionCommand({
						PipelineExecutionArn: executionArn,
						ClientRequestToken: clientRequestToken,
					}),
				);
			}),

		retryExecution: (executionArn, clientRequestToken) =>
			call(async () => {
				await client.send(
					new RetryPipelineExecutionCommand({
						PipelineExecutionArn: executionArn,
						ClientRequestToken: clientRequestToken,
					}),
				);
			}),

		describeJob: (kind, jobName) => call(() => describeJob(client, kind, jobName)),

		describeProcessingJobOutputs: (jobName) =>
			call(async () => {
				const response = await client.send(new DescribeProcessingJobCommand({ProcessingJobName: jobName}));
				const outputs = response.ProcessingOutputConfig?.Outputs ?? [];
				return outputs.flatMap((output) =>
					output.OutputName && output.S3Output?.S3Uri
						? [{outputName: output.OutputName, s3Uri: output.S3Output.S3Uri}]
						: [],
				);
			}),
	};
}

function isAlreadyExists(error: unknown): boolean {
	const record = error as {name?: unknown; message?: unknown};
	return (
		record?.name === 'ValidationException' &&
		typeof record.message === 'string' &&
		record.message.includes('already exists')
	);
}

function toPipelineSummary(summary: SdkPipelineSummary): PipelineSummary {
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

function toExecutionSummary(summary: PipelineExecutionSummary): ExecutionSummary {
	return compact<ExecutionSummary>({
		arn: summary.PipelineExecutionArn ?? '',
		status: executionStatus(summary.PipelineExecutionStatus),
		displayName: text(summary.PipelineExecutionDisplayName),
		description: text(summary.PipelineExecutionDescription),
		startedAt: epoch(summary.StartTime),
		failureReason: text(summary.PipelineExecutionFailureReason),
	});
}

function toStepRecord(step: PipelineExecutionStep): StepRecord {
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

function epoch(date: Date | undefined): number | undefined {
	if (!date) return undefined;
	const time = date.getTime();
	return Number.isFinite(time) ? time : undefined;
}

function text(value: string | undefined): string | undefined {
	return value === undefined || value === '' ? undefined : value;
}

function page<T>(items: T[], nextToken: string | undefined): {items: T[]; nextToken?: string} {
	return nextToken ? {items, nextToken} : {items};
}

/** Drops members whose value is undefined, so domain objects compare and serialise cleanly. */
function compact<T extends object>(value: T): T {
	for (const key of Object.keys(value) as Array<keyof T>) {
		if (value[key] === undefined) delete value[key];
	}

	return value;
}

/** A deep copy of SDK data as plain JSON (drops undefined members the deserializer may leave). */
function plain(value: unknown): unknown {
	return JSON.parse(JSON.stringify(value));
}
