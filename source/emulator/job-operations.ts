// DescribeProcessingJob and DescribeTrainingJob for the jobs the engine created. Responses are built from the
// step's resolved arguments, keeping only members of the model's shape with the right types and filling the
// members the model requires.
import {isRecord} from '../pipeline/expressions.js';
import {
	exitMessage,
	finalMetricDataList,
	secondaryStatus,
	secondaryStatusTransitions,
} from './job-internals.js';
import {defined, epoch, type Operation} from './operation.js';
import {validationError} from './service-error.js';

export const describeProcessingJob: Operation = ({input, state}) => {
	const name = String(input.ProcessingJobName);
	const job = state.jobs.find('processing', name);
	if (!job) throw validationError(`Could not find requested job with name ${name}`);
	const request = job.request;
	const resources = record(request.ProcessingResources);
	const cluster = record(resources.ClusterConfig);
	const app = record(request.AppSpecification);
	const outputConfig = isRecord(request.ProcessingOutputConfig) ? request.ProcessingOutputConfig : undefined;
	return defined({
		ProcessingInputs: list(request.ProcessingInputs, processingInput),
		ProcessingOutputConfig:
			outputConfig &&
			defined({
				Outputs: list(outputConfig.Outputs, processingOutput) ?? [],
				KmsKeyId: text(outputConfig.KmsKeyId),
			}),
		ProcessingJobName: job.name,
		ProcessingResources: {
			ClusterConfig: defined({
				InstanceCount: integer(cluster.InstanceCount) ?? 1,
				InstanceType: text(cluster.InstanceType) ?? 'ml.m5.xlarge',
				VolumeSizeInGB: integer(cluster.VolumeSizeInGB) ?? 30,
				VolumeKmsKeyId: text(cluster.VolumeKmsKeyId),
			}),
		},
		StoppingCondition: stoppingCondition(request.StoppingCondition),
		AppSpecification: defined({
			ImageUri: text(app.ImageUri) ?? '',
			ContainerEntrypoint: nonEmptyTexts(app.ContainerEntrypoint),
			ContainerArguments: nonEmptyTexts(app.ContainerArguments),
		}),
		Environment: textMap(request.Environment),
		RoleArn: text(request.RoleArn),
		ExperimentConfig: job.experimentConfig,
		ProcessingJobArn: job.arn,
		ProcessingJobStatus: job.status,
		ExitMessage: exitMessage(job),
		FailureReason: job.failureReason,
		ProcessingEndTime: epoch(job.endTime),
		ProcessingStartTime: epoch(job.startTime),
		LastModifiedTime: epoch(job.lastModifiedTime),
		CreationTime: epoch(job.creationTime),
	});
};

export const describeTrainingJob: Operation = ({input, state, time}) => {
	const name = String(input.TrainingJobName);
	const job = state.jobs.find('training', name);
	if (!job) throw validationError('Requested resource not found.');
	const request = job.request;
	const algorithm = record(request.AlgorithmSpecification);
	const output = record(request.OutputDataConfig);
	const resources = record(request.ResourceConfig);
	return defined({
		TrainingJobName: job.name,
		TrainingJobArn: job.arn,
		ModelArtifacts: {S3ModelArtifacts: job.modelArtifacts ?? ''},
		TrainingJobStatus: job.status,
		SecondaryStatus: secondaryStatus(job, time),
		FailureReason: job.failureReason,
		HyperParameters: textMap(request.HyperParameters),
		AlgorithmSpecification: defined({
			TrainingImage: text(algorithm.TrainingImage),
			AlgorithmName: text(algorithm.AlgorithmName),
			TrainingInputMode: text(algorithm.TrainingInputMode) ?? 'File',
			EnableSageMakerMetricsTimeSeries: bool(algorithm.EnableSageMakerMetricsTimeSeries),
			ContainerEntrypoint: nonEmptyTexts(algorithm.ContainerEntrypoint),
			ContainerArguments: nonEmptyTexts(algorithm.ContainerArguments),
		}),
		RoleArn: text(request.RoleArn),
		InputDataConfig: nonEmpty(list(request.InputDataConfig, channel)),
		OutputDataConfig:
			text(output.S3OutputPath) === undefined
				? undefined
				: defined({S3OutputPath: text(output.S3OutputPath), KmsKeyId: text(output.KmsKeyId)}),
		ResourceConfig: defined({
			InstanceType: text(resources.InstanceType),
			InstanceCount: integer(resources.InstanceCount),
			VolumeSizeInGB: integer(resources.VolumeSizeInGB),
		}),
		StoppingCondition: stoppingCondition(request.StoppingCondition) ?? {MaxRuntimeInSeconds: 86_400},
		CreationTime: epoch(job.creationTime),
		TrainingStartTime: epoch(job.startTime),
		TrainingEndTime: epoch(job.endTime),
		LastModifiedTime: epoch(job.lastModifiedTime),
		Environment: textMap(request.Environment),
		ExperimentConfig: job.experimentConfig,
		EnableNetworkIsolation: bool(request.EnableNetworkIsolation),
		EnableInterContainerTrafficEncryption: bool(request.EnableInterContainerTrafficEncryption),
		EnableManagedSpotTraining: bool(request.EnableManagedSpotTraining),
		SecondaryStatusTransitions: secondaryStatusTransitions(job, time),
		FinalMetricDataList: finalMetricDataList(job, time),
	});
};

function processingInput(value: unknown): Record<string, unknown> | undefined {
	if (!isRecord(value) || text(value.InputName) === undefined) return undefined;
	const s3 = isRecord(value.S3Input) ? value.S3Input : undefined;
	return defined({
		InputName: text(value.InputName),
		AppManaged: bool(value.AppManaged),
		S3Input:
			s3 && text(s3.S3Uri) !== undefined
				? defined({
						S3Uri: text(s3.S3Uri),
						LocalPath: text(s3.LocalPath),
						S3DataType: oneOf(s3.S3DataType, ['ManifestFile', 'S3Prefix']) ?? 'S3Prefix',
						S3InputMode: oneOf(s3.S3InputMode, ['Pipe', 'File']),
						S3DataDistributionType: oneOf(s3.S3DataDistributionType, ['FullyReplicated', 'ShardedByS3Key']),
						S3CompressionType: oneOf(s3.S3CompressionType, ['None', 'Gzip']),
					})
				: undefined,
	});
}

function processingOutput(value: unknown): Record<string, unknown> | undefined {
	if (!isRecord(value) || text(value.OutputName) === undefined) return undefined;
	const s3 = isRecord(value.S3Output) ? value.S3Output : undefined;
	return defined({
		OutputName: text(value.OutputName),
		S3Output:
			s3 && text(s3.S3Uri) !== undefined
				? defined({
						S3Uri: text(s3.S3Uri),
						LocalPath: text(s3.LocalPath),
						S3UploadMode: oneOf(s3.S3UploadMode, ['Continuous', 'EndOfJob']) ?? 'EndOfJob',
					})
				: undefined,
		AppManaged: bool(value.AppManaged),
	});
}

function channel(value: unknown): Record<string, unknown> | undefined {
	if (!isRecord(value) || text(value.ChannelName) === undefined) return undefined;
	const source = record(value.DataSource);
	const s3 = isRecord(source.S3DataSource) ? source.S3DataSource : undefined;
	return defined({
		ChannelName: text(value.ChannelName),
		DataSource: defined({
			S3DataSource:
				s3 && text(s3.S3Uri) !== undefined
					? defined({
							S3DataType:
								oneOf(s3.S3DataType, ['ManifestFile', 'S3Prefix', 'AugmentedManifestFile', 'Converse']) ??
								'S3Prefix',
							S3Uri: text(s3.S3Uri),
							S3DataDistributionType: oneOf(s3.S3DataDistributionType, ['FullyReplicated', 'ShardedByS3Key']),
						})
					: undefined,
		}),
		ContentType: text(value.ContentType),
		CompressionType: oneOf(value.CompressionType, ['None', 'Gzip']),
		RecordWrapperType: oneOf(value.RecordWrapperType, ['None', 'RecordIO']),
		InputMode: oneOf(value.InputMode, ['Pipe', 'File', 'FastFile']),
	});
}

function stoppingCondition(value: unknown): Record<string, unknown> | undefined {
	const seconds = isRecord(value) ? integer(value.MaxRuntimeInSeconds) : undefined;
	return seconds === undefined ? undefined : {MaxRuntimeInSeconds: seconds};
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

function bool(value: unknown): boolean | undefined {
	return typeof value === 'boolean' ? value : undefined;
}

function oneOf(value: unknown, allowed: readonly string[]): string | undefined {
	return typeof value === 'string' && allowed.includes(value) ? value : undefined;
}

function nonEmptyTexts(value: unknown): string[] | undefined {
	if (!Array.isArray(value) || value.length === 0) return undefined;
	return value.map((item) => (typeof item === 'string' ? item : JSON.stringify(item)));
}

function textMap(value: unknown): Record<string, string> | undefined {
	if (!isRecord(value)) return undefined;
	const result: Record<string, string> = {};
	for (const [key, item] of Object.entries(value))
		result[key] = typeof item === 'string' ? item : JSON.stringify(item);
	return result;
}

function list<T>(value: unknown, map: (item: unknown) => T | undefined): T[] | undefined {
	if (!Array.isArray(value)) return undefined;
	return value.map(map).filter((item): item is T => item !== undefined);
}

function nonEmpty<T>(items: T[] | undefined): T[] | undefined {
	return items && items.length > 0 ? items : undefined;
}
