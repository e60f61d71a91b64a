// The in-process emulator (manual clock) plus its CloudWatch Logs view, for deterministic log tests.
import {LogStore} from '../../../source/emulator/logs/log-store.js';
import {runLogsOperation} from '../../../source/emulator/logs/logs-operations.js';
import {LogsError} from '../../../source/emulator/logs/logs-protocol.js';
import {type Json, localService} from '../local-service.js';

export function logService(options: {seed?: number} = {}) {
	const service = localService(options);
	const store = new LogStore(service.state.jobs);
	const logs = (operation: string, input: Json = {}): Json => {
		service.state.engine.advance();
		return runLogsOperation(operation, {input, region: 'us-east-1', now: service.clock.now(), store});
	};

	const logsFailure = (operation: string, input: Json = {}): {code: string; message: string} => {
		try {
			logs(operation, input);
		} catch (error) {
			if (error instanceof LogsError) return {code: error.code, message: error.message};
			throw error;
		}

		throw new Error(`${operation} succeeded but an error was expected`);
	};

	/** The job name behind a step's Metadata (`…Job.Arn`). */
	const jobOf = (arn: string, step: string): string => {
		const metadata = service.step(arn, step)?.Metadata ?? {};
		const job = Object.values(metadata)[0] as {Arn?: string} | undefined;
		return String(job?.Arn).split('/').pop()!;
	};

	return {...service, store, logs, logsFailure, jobOf};
}

/** A three-step pipeline: Processing → Training → Transform, tuned by `steps`. */
export function jobPipeline(steps: Json = {}, training: Json = {}): Json {
	return {
		Version: '2020-12-01',
		Metadata: {'sagemon.emulator': {steps}},
		Parameters: [{Name: 'Rmse', Type: 'Float', DefaultValue: 4.5}],
		Steps: [
			{
				Name: 'Prep',
				Type: 'Processing',
				Arguments: {
					ProcessingResources: {
						ClusterConfig: {InstanceCount: 1, InstanceType: 'ml.m5.xlarge', VolumeSizeInGB: 30},
					},
					AppSpecification: {
						ImageUri: '683313688378.dkr.ecr.us-east-1.amazonaws.com/sagemaker-scikit-learn:1.2-1-cpu-py3',
						ContainerEntrypoint: ['python3', '/opt/ml/processing/input/code/preprocess.py'],
					},
					RoleArn: 'arn:aws:iam::000000000000:role/SageMakerExecutionRole',
				},
			},
			{
				Name: 'Train',
				Type: 'Training',
				DependsOn: ['Prep'],
				Arguments: {
					AlgorithmSpecification: {TrainingImage: 'xgboost:1.7-1', TrainingInputMode: 'File'},
					OutputDataConfig: {S3OutputPath: 's3://bucket/models'},
					ResourceConfig: {InstanceCount: 2, InstanceType: 'ml.m5.xlarge', VolumeSizeInGB: 30},
					StoppingCondition: {MaxRuntimeInSeconds: 3600},
					RoleArn: 'arn:aws:iam::000000000000:role/SageMakerExecutionRole',
					...training,
				},
			},
			{
				Name: 'Score',
				Type: 'Transform',
				DependsOn: ['Train'],
				Arguments: {
					ModelName: 'model',
					TransformInput: {DataSource: {S3DataSource: {S3DataType: 'S3Prefix', S3Uri: 's3://bucket/in'}}},
					TransformOutput: {S3OutputPath: 's3://bucket/out'},
					TransformResources: {InstanceCount: 1, InstanceType: 'ml.m5.xlarge'},
				},
			},
		],
	};
}
