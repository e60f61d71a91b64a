// describeJob against moto_server, which (unlike the emulator today) returns a training job's
// SecondaryStatusTransitions and FinalMetricDataList and answers DescribeTransformJob.
import {
	CreateTrainingJobCommand,
	CreateTransformJobCommand,
	SageMakerClient,
} from '@aws-sdk/client-sagemaker';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {createSageMakerGateway} from '../../source/aws/sagemaker-gateway.js';
import type {PipelinesApi} from '../../source/aws/types.js';
import {type MotoServer, startMotoServer} from '../helpers/moto-server.js';

const roleArn = 'arn:aws:iam::123456789012:role/SageMakerRole';

let moto: MotoServer;
let client: SageMakerClient;
let pipelines: PipelinesApi;

beforeAll(async () => {
	moto = await startMotoServer();
	client = new SageMakerClient({
		endpoint: moto.url,
		region: 'us-east-1',
		credentials: {accessKeyId: 'testing', secretAccessKey: 'testing'},
	});
	pipelines = createSageMakerGateway(client);
});

afterAll(async () => {
	client?.destroy();
	await moto?.close();
});

describe('describeJob against moto_server', () => {
	it("maps a training job's last status message, final metrics and resources", async () => {
		await client.send(
			new CreateTrainingJobCommand({
				TrainingJobName: 'abalone-train-1',
				AlgorithmSpecification: {TrainingImage: 'xgboost:1.7', TrainingInputMode: 'File'},
				RoleArn: roleArn,
				OutputDataConfig: {S3OutputPath: 's3://bucket/models'},
				ResourceConfig: {InstanceType: 'ml.m5.2xlarge', InstanceCount: 2, VolumeSizeInGB: 30},
				StoppingCondition: {MaxRuntimeInSeconds: 3600},
			}),
		);
		expect(await pipelines.describeJob('Training', 'abalone-train-1')).toEqual({
			kind: 'Training',
			name: 'abalone-train-1',
			status: 'Completed',
			lastStatusMessage: 'Preparing the instances for training',
			finalMetrics: [{name: 'train:progress', value: 100}],
			instanceType: 'ml.m5.2xlarge',
			instanceCount: 2,
			logGroup: '/aws/sagemaker/TrainingJobs',
			logStreamPrefix: 'abalone-train-1/',
		});
	});

	it("maps a transform job's resources and log location", async () => {
		await client.send(
			new CreateTransformJobCommand({
				TransformJobName: 'abalone-transform-1',
				ModelName: 'abalone-model',
				TransformInput: {DataSource: {S3DataSource: {S3DataType: 'S3Prefix', S3Uri: 's3://bucket/batch'}}},
				TransformOutput: {S3OutputPath: 's3://bucket/transform'},
				TransformResources: {InstanceType: 'ml.m5.xlarge', InstanceCount: 1},
			}),
		);
		const details = await pipelines.describeJob('Transform', 'abalone-transform-1');
		expect(details).toMatchObject({
			kind: 'Transform',
			name: 'abalone-transform-1',
			instanceType: 'ml.m5.xlarge',
			instanceCount: 1,
			logGroup: '/aws/sagemaker/TransformJobs',
			logStreamPrefix: 'abalone-transform-1/',
		});
		expect(details.status).not.toBe('Unknown');
	});
});
