// The AWS adapters against moto_server, a second server independent of sagemon's emulator: pipeline CRUD,
// executions, processing job outputs and capped S3 reads.
import {CreateBucketCommand, PutObjectCommand, S3Client} from '@aws-sdk/client-s3';
import {CreateProcessingJobCommand, SageMakerClient} from '@aws-sdk/client-sagemaker';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {type AwsConnection, connectAws} from '../../source/aws/connect.js';
import {readReport} from '../../source/aws/reports.js';
import {AwsError} from '../../source/aws/types.js';
import {readFixture} from '../helpers/fixtures.js';
import {type MotoServer, startMotoServer} from '../helpers/moto-server.js';

const credentials = {accessKeyId: 'testing', secretAccessKey: 'testing'};
const roleArn = 'arn:aws:iam::123456789012:role/SageMakerRole';
const definition = readFixture('abalone-tutorial.json');

let moto: MotoServer;
let aws: AwsConnection;

beforeAll(async () => {
	moto = await startMotoServer();
	process.env.AWS_ACCESS_KEY_ID = credentials.accessKeyId;
	process.env.AWS_SECRET_ACCESS_KEY = credentials.secretAccessKey;
	process.env.AWS_EC2_METADATA_DISABLED = 'true';
	aws = await connectAws({endpointUrl: moto.url, region: 'us-east-1'}, {});
});

afterAll(async () => {
	await aws?.close();
	await moto?.close();
});

describe('pipelines against moto_server', () => {
	it('creates a pipeline, then updates it on the second upsert', async () => {
		const first = await aws.pipelines.upsertPipeline({name: 'MotoAbalone', definition, roleArn});
		expect(first.created).toBe(true);
		expect(first.arn).toMatch(/^arn:aws:sagemaker:us-east-1:\d{12}:pipeline\/MotoAbalone$/i);

		const second = await aws.pipelines.upsertPipeline({
			name: 'MotoAbalone',
			definition,
			roleArn,
			description: 'second version',
		});
		expect(second).toEqual({arn: first.arn, created: false});

		const details = await aws.pipelines.describePipeline('MotoAbalone');
		expect(details.name).toBe('MotoAbalone');
		expect(details.description).toBe('second version');
		expect(JSON.parse(details.definition).Steps).toHaveLength(4);
		expect(typeof details.createdAt).toBe('number');
	});

	it('lists the pipeline', async () => {
		const page = await aws.pipelines.listPipelines();
		expect(page.items.map((pipeline) => pipeline.name)).toContain('MotoAbalone');
	});

	it('starts an execution and reads it back', async () => {
		const arn = await aws.pipelines.startExecution({
			pipelineName: 'MotoAbalone',
			parameters: [{name: 'ModelApprovalStatus', value: 'Approved'}],
			displayName: 'from-test',
		});
		expect(arn).toMatch(/pipeline\/MotoAbalone\/execution\/[a-z0-9]+$/i);

		const execution = await aws.pipelines.describeExecution(arn);
		expect(execution.arn).toBe(arn);
		expect(execution.status).toBe('Succeeded');
		expect(execution.displayName).toBe('from-test');
		expect(execution).not.toHaveProperty('failureReason');

		const executions = await aws.pipelines.listExecutions('MotoAbalone');
		expect(executions.items.map((item) => item.arn)).toContain(arn);
		expect(await aws.pipelines.listExecutionParameters(arn)).toEqual([
			{name: 'ModelApprovalStatus', value: 'Approved'},
		]);
		expect(JSON.parse(await aws.pipelines.describeExecutionDefinition(arn)).Version).toBe('2020-12-01');
	});

	it('reports unknown pipelines and executions as NotFound', async () => {
		await expect(aws.pipelines.describePipeline('NoSuchPipeline')).rejects.toMatchObject({
			kind: 'NotFound',
			message: expect.stringContaining('NoSuchPipeline'),
		});
		const missing = 'arn:aws:sagemaker:us-east-1:123456789012:pipeline/MotoAbalone/execution/doesnotexist';
		await expect(aws.pipelines.describeExecution(missing)).rejects.toBeInstanceOf(AwsError);
		await expect(aws.pipelines.describeExecution(missing)).rejects.toMatchObject({kind: 'NotFound'});
	});

	it('deletes the pipeline', async () => {
		await aws.pipelines.upsertPipeline({name: 'MotoDoomed', definition, roleArn});
		await aws.pipelines.deletePipeline('MotoDoomed');
		await expect(aws.pipelines.describePipeline('MotoDoomed')).rejects.toMatchObject({kind: 'NotFound'});
	});

	it('reads a processing job outputs', async () => {
		const sagemaker = new SageMakerClient({endpoint: moto.url, region: 'us-east-1', credentials});
		try {
			await sagemaker.send(
				new CreateProcessingJobCommand({
					ProcessingJobName: 'abalone-eval-job',
					RoleArn: roleArn,
					AppSpecification: {ImageUri: '123456789012.dkr.ecr.us-east-1.amazonaws.com/sklearn:latest'},
					ProcessingResources: {
						ClusterConfig: {InstanceCount: 1, InstanceType: 'ml.m5.xlarge', VolumeSizeInGB: 30},
					},
					ProcessingOutputConfig: {
						Outputs: [
							{
								OutputName: 'evaluation',
								S3Output: {
									S3Uri: 's3://reports/eval/output',
									LocalPath: '/opt/ml/processing/evaluation',
									S3UploadMode: 'EndOfJob',
								},
							},
						],
					},
				}),
			);
		} finally {
			sagemaker.destroy();
		}

		expect(await aws.pipelines.describeProcessingJobOutputs('abalone-eval-job')).toEqual([
			{outputName: 'evaluation', s3Uri: 's3://reports/eval/output'},
		]);
	});
});

describe('S3 reads against moto_server', () => {
	const report = {regression_metrics: {mse: {value: 2.1, standard_deviation: 0.3}}};

	beforeAll(async () => {
		const s3 = new S3Client({endpoint: moto.url, region: 'us-east-1', credentials, forcePathStyle: true});
		try {
			await s3.send(new CreateBucketCommand({Bucket: 'reports'}));
			const put = (Key: string, Body: string | Uint8Array) =>
				s3.send(new PutObjectCommand({Bucket: 'reports', Key, Body}));
			await put('eval/output/evaluation.json', JSON.stringify(report));
			await put('eval/output/notes.txt', 'not json at all');
			await put('eval/output/model.bin', new Uint8Array([0, 1, 2, 0, 255, 0]));
		} finally {
			s3.destroy();
		}
	});

	it('reads a whole small object with its size and date', async () => {
		const read = await aws.objects.readObject('s3://reports/eval/output/evaluation.json');
		expect(JSON.parse(read.text)).toEqual(report);
		expect(read.truncated).toBe(false);
		expect(read.size).toBe(JSON.stringify(report).length);
		expect(typeof read.lastModified).toBe('number');
	});

	it('reads only the first bytes of a larger object and says so', async () => {
		const read = await aws.objects.readObject('s3://reports/eval/output/evaluation.json', {maxBytes: 10});
		expect(read.text).toBe(JSON.stringify(report).slice(0, 10));
		expect(read.truncated).toBe(true);
		expect(read.size).toBe(JSON.stringify(report).length);
	});

	it('parses a JSON report and refuses text and binary files', async () => {
		const parsed = await readReport(aws.objects, 's3://reports/eval/output/evaluation.json');
		expect(parsed.value).toEqual(report);
		await expect(readReport(aws.objects, 's3://reports/eval/output/notes.txt')).rejects.toMatchObject({
			kind: 'Validation',
			code: 'NotJson',
			message: expect.stringContaining('is not valid JSON'),
		});
		await expect(readReport(aws.objects, 's3://reports/eval/output/model.bin')).rejects.toMatchObject({
			code: 'Binary',
		});
	});

	it('reports a missing key or bucket as NotFound', async () => {
		await expect(aws.objects.readObject('s3://reports/eval/output/missing.json')).rejects.toMatchObject({
			kind: 'NotFound',
		});
		await expect(aws.objects.readObject('s3://no-such-bucket/evaluation.json')).rejects.toMatchObject({
			kind: 'NotFound',
		});
	});

	it('refuses an address that is not s3://bucket/key', async () => {
		await expect(aws.objects.readObject('https://example.com/x.json')).rejects.toMatchObject({
			kind: 'Validation',
			message: expect.stringContaining('s3://bucket/key'),
		});
	});
});
