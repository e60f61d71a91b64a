// The resources behind steps, as the service describes them: DescribeTransformJob, DescribeModel,
// DescribeHyperParameterTuningJob (with its best training job), ListProcessingJobs, ListTrainingJobs, and
// StopProcessingJob/StopTrainingJob (a stopped job stops its step). Names and ARNs are those in the step's
// Metadata; members are built from the step's resolved arguments, keeping the model's types.
import {isRecord} from '../pipeline/expressions.js';
import type {JobRecord} from './engine/jobs.js';
import {defined, epoch, type Operation} from './operation.js';
import {page} from './paging.js';
import {fromWireTimestamp} from './sagemaker-protocol.js';
import {notFoundError, validationError} from './service-error.js';

export const describeTransformJob: Operation = ({input, state}) => {
	const name = String(input.TransformJobName);
	const job = state.jobs.find('transform', name);
	if (!job) throw validationError(`Could not find requested job with name ${name}`);
	const request = job.request;
	const transformInput = record(request.TransformInput);
	const source = record(record(transformInput.DataSource).S3DataSource);
	const output = record(request.TransformOutput);
	const resources = record(request.TransformResources);
	return defined({
		TransformJobName: job.name,
		TransformJobArn: job.arn,
		TransformJobStatus: job.status,
		FailureReason: job.failureReason,
		ModelName: text(request.ModelName) ?? '',
		MaxConcurrentTransforms: integer(request.MaxConcurrentTransforms),
		MaxPayloadInMB: integer(request.MaxPayloadInMB),
		BatchStrategy: oneOf(request.BatchStrategy, ['MultiRecord', 'SingleRecord']),
		Environment: textMap(request.Environment),
		TransformInput: defined({
			DataSource: {
				S3DataSource: {
					S3DataType:
						oneOf(source.S3DataType, ['ManifestFile', 'S3Prefix', 'AugmentedManifestFile']) ?? 'S3Prefix',
					S3Uri: text(source.S3Uri) ?? '',
				},
			},
			ContentType: text(transformInput.ContentType),
			CompressionType: oneOf(transformInput.CompressionType, ['None', 'Gzip']),
			SplitType: oneOf(transformInput.SplitType, ['None', 'Line', 'RecordIO', 'TFRecord']),
		}),
		TransformOutput:
			text(output.S3OutputPath) === undefined
				? undefined
				: defined({
						S3OutputPath: text(output.S3OutputPath),
						Accept: text(output.Accept),
						AssembleWith: oneOf(output.AssembleWith, ['None', 'Line']),
						KmsKeyId: text(output.KmsKeyId),
					}),
		TransformResources: {
			InstanceType: text(resources.InstanceType) ?? 'ml.m5.xlarge',
			InstanceCount: integer(resources.InstanceCount) ?? 1,
		},
		CreationTime: epoch(job.creationTime),
		TransformStartTime: epoch(job.startTime),
		TransformEndTime: epoch(job.endTime),
		ExperimentConfig: job.experimentConfig,
	});
};

export const describeModel: Operation = ({input, state}) => {
	const name = String(input.ModelName);
	const job = state.jobs.find('model', name);
	if (!job) throw validationError(`Could not find model "${name}".`);
	const request = job.request;
	const containers = Array.isArray(request.Containers) ? request.Containers.map(container) : undefined;
	return defined({
		ModelName: job.name,
		PrimaryContainer: isRecord(request.PrimaryContainer) ? container(request.PrimaryContainer) : undefined,
		Containers: containers && containers.length > 0 ? containers : undefined,
		ExecutionRoleArn: text(request.ExecutionRoleArn),
		CreationTime: epoch(job.creationTime),
		ModelArn: job.arn,
		EnableNetworkIsolation:
			typeof request.EnableNetworkIsolation === 'boolean' ? request.EnableNetworkIsolation : undefined,
	});
};

export const describeHyperParameterTuningJob: Operation = ({input, state}) => {
	const name = String(input.HyperParameterTuningJobName);
	const job = state.jobs.find('tuning', name);
	if (!job) throw notFoundError(`Amazon SageMaker can't find a tuning job with name ${name}`);
	const config = record(job.request.HyperParameterTuningJobConfig);
	const limits = record(config.ResourceLimits);
	const objective = record(config.HyperParameterTuningJobObjective);
	const children = job.children ?? [];
	const objectiveName = text(objective.MetricName);
	const summaries = children.map((child, index) =>
		defined({
			TrainingJobName: child.name,
			TrainingJobArn: child.arn,
			TuningJobName: job.name,
			CreationTime: epoch(child.creationTime),
			TrainingStartTime: epoch(child.startTime),
			TrainingEndTime: epoch(child.endTime),
			TrainingJobStatus: child.status,
			TunedHyperParameters: {},
			FinalHyperParameterTuningJobObjectiveMetric:
				objectiveName === undefined || child.status !== 'Completed'
					? undefined
					: defined({
							Type: oneOf(objective.Type, ['Maximize', 'Minimize']),
							MetricName: objectiveName,
							// The best job comes first; the others score a little worse in the objective's direction.
							Value: round((objective.Type === 'Minimize' ? 1 : -1) * index * 0.01 + 0.9),
						}),
			ObjectiveStatus: child.status === 'Completed' ? 'Succeeded' : 'Pending',
		}),
	);
	const count = (status: JobRecord['status']) => children.filter((child) => child.status === status).length;
	const completed = job.status === 'Completed';
	return defined({
		HyperParameterTuningJobName: job.name,
		HyperParameterTuningJobArn: job.arn,
		HyperParameterTuningJobConfig: defined({
			Strategy: oneOf(config.Strategy, ['Bayesian', 'Random', 'Hyperband', 'Grid']) ?? 'Bayesian',
			HyperParameterTuningJobObjective:
				objectiveName === undefined
					? undefined
					: {Type: oneOf(objective.Type, ['Maximize', 'Minimize']) ?? 'Maximize', MetricName: objectiveName},
			ResourceLimits: defined({
				MaxNumberOfTrainingJobs: integer(limits.MaxNumberOfTrainingJobs),
				MaxParallelTrainingJobs: integer(limits.MaxParallelTrainingJobs) ?? 1,
			}),
		}),
		HyperParameterTuningJobStatus: job.status,
		CreationTime: epoch(job.creationTime),
		HyperParameterTuningEndTime: epoch(job.endTime),
		LastModifiedTime: epoch(job.lastModifiedTime),
		TrainingJobStatusCounters: {
			Completed: count('Completed'),
			InProgress: count('InProgress'),
			RetryableError: 0,
			NonRetryableError: count('Failed'),
			Stopped: count('Stopped'),
		},
		ObjectiveStatusCounters: {
			Succeeded: count('Completed'),
			Pending: count('InProgress'),
			Failed: count('Failed'),
		},
		BestTrainingJob: completed ? summaries[0] : undefined,
		FailureReason: job.failureReason,
	});
};

export const listProcessingJobs: Operation = ({input, state}) => {
	const {items, nextToken} = listJobs(state.jobs.list('processing'), input);
	return defined({
		ProcessingJobSummaries: items.map((job) =>
			defined({
				ProcessingJobName: job.name,
				ProcessingJobArn: job.arn,
				CreationTime: epoch(job.creationTime),
				ProcessingEndTime: epoch(job.endTime),
				LastModifiedTime: epoch(job.lastModifiedTime),
				ProcessingJobStatus: job.status,
				FailureReason: job.failureReason,
			}),
		),
		NextToken: nextToken,
	});
};

export const listTrainingJobs: Operation = ({input, state}) => {
	const {items, nextToken} = listJobs(state.jobs.list('training'), input);
	return defined({
		TrainingJobSummaries: items.map((job) =>
			defined({
				TrainingJobName: job.name,
				TrainingJobArn: job.arn,
				CreationTime: epoch(job.creationTime),
				TrainingEndTime: epoch(job.endTime),
				LastModifiedTime: epoch(job.lastModifiedTime),
				TrainingJobStatus: job.status,
				SecondaryStatus: job.status === 'InProgress' ? 'Training' : job.status,
			}),
		),
		NextToken: nextToken,
	});
};

export const stopProcessingJob: Operation = ({input, time, state}) =>
	stopJob(
		state.jobs.find('processing', String(input.ProcessingJobName)),
		'processing',
		input.ProcessingJobName,
		time,
	);

export const stopTrainingJob: Operation = ({input, time, state}) =>
	stopJob(
		state.jobs.find('training', String(input.TrainingJobName)),
		'training',
		input.TrainingJobName,
		time,
	);

function stopJob(
	job: JobRecord | undefined,
	kind: string,
	name: unknown,
	time: number,
): Record<string, unknown> {
	if (!job) throw notFoundError(`Could not find ${kind} job with name ${String(name)}`);
	if (job.status !== 'InProgress') {
		throw validationError(
			`The ${kind} job ${job.name} is in status ${job.status}: only a job in progress can be stopped.`,
		);
	}

	if (job.stopStep) job.stopStep(time);
	return {};
}

/** The List*Jobs filters, order (newest first unless asked otherwise) and paging (10 a page by default). */
function listJobs(
	jobs: JobRecord[],
	input: Record<string, unknown>,
): {items: JobRecord[]; nextToken?: string} {
	const within = (value: number, after: string, before: string) => {
		const low = fromWireTimestamp(input[after], after);
		const high = fromWireTimestamp(input[before], before);
		return (low === undefined || value > low) && (high === undefined || value < high);
	};
	const contains = typeof input.NameContains === 'string' ? input.NameContains.toLowerCase() : undefined;
	const sortBy = input.SortBy ?? 'CreationTime';
	const compare = (a: JobRecord, b: JobRecord) =>
		sortBy === 'Name'
			? a.name.localeCompare(b.name)
			: sortBy === 'Status'
				? a.status.localeCompare(b.status) || a.creationTime - b.creationTime
				: a.creationTime - b.creationTime || a.name.localeCompare(b.name);
	const filtered = jobs
		.filter((job) => contains === undefined || job.name.toLowerCase().includes(contains))
		.filter((job) => input.StatusEquals === undefined || job.status === input.StatusEquals)
		.filter((job) => within(job.creationTime, 'CreationTimeAfter', 'CreationTimeBefore'))
		.filter((job) => within(job.lastModifiedTime, 'LastModifiedTimeAfter', 'LastModifiedTimeBefore'))
		.sort(input.SortOrder === 'Ascending' ? compare : (a, b) => -compare(a, b));
	return page(filtered, input.NextToken, input.MaxResults, 10);
}

function container(value: unknown): Record<string, unknown> {
	const source = record(value);
	return defined({
		ContainerHostname: text(source.ContainerHostname),
		Image: text(source.Image),
		Mode: oneOf(source.Mode, ['SingleModel', 'MultiModel']),
		ModelDataUrl: text(source.ModelDataUrl),
		Environment: textMap(source.Environment),
		ModelPackageName: text(source.ModelPackageName),
	});
}

function record(value: unknown): Record<string, unknown> {
	return isRecord(value) ? value : {};
}

function text(value: unknown): string | undefined {
	return typeof value === 'string' ? value : undefined;
}

function integer(value: unknown): number | undefined {
	if (typeof value === 'number' && Number.isInteger(value)) return value;
	if (typeof value === 'string' && /^\d+$/.test(value)) return Number(value);
	return undefined;
}

function oneOf(value: unknown, allowed: readonly string[]): string | undefined {
	return typeof value === 'string' && allowed.includes(value) ? value : undefined;
}

function textMap(value: unknown): Record<string, string> | undefined {
	if (!isRecord(value)) return undefined;
	const result: Record<string, string> = {};
	for (const [key, item] of Object.entries(value))
		result[key] = typeof item === 'string' ? item : JSON.stringify(item);
	return result;
}

function round(value: number): number {
	return Math.round(value * 10_000) / 10_000;
}
