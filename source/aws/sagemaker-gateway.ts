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
	RetryPipelineExecutionCommand,
	type SageMakerClient,
	StartPipelineExecutionCommand,
	StopPipelineExecutionCommand,
	UpdatePipelineCommand,
} from '@aws-sdk/client-sagemaker';
import type {ParameterAssignment, PipelineDetails, StepRecord} from '../pipeline/model.js';
import {type ErrorHints, normalizeAwsError} from './errors.js';
import {describeJob} from './job-details.js';
import {
	compact,
	toExecutionDetails,
	toExecutionSummary,
	toPipelineSummary,
	toStepRecord,
} from './sdk-records.js';
import type {PipelinesApi} from './types.js';
import {executionArnOf, startExecutionInput} from './start-execution-input.js';

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
				const response = await client.send(new StartPipelineExecutionCommand(startExecutionInput(request)));
				return executionArnOf(response.PipelineExecutionArn, 'StartPipelineExecution');
			}),

		describeExecution: (arn) =>
			call(async () => {
				const response = await client.send(new DescribePipelineExecutionCommand({PipelineExecutionArn: arn}));
				return toExecutionDetails(response, arn);
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

function page<T>(items: T[], nextToken: string | undefined): {items: T[]; nextToken?: string} {
	return nextToken ? {items, nextToken} : {items};
}
