// The tutorial flow driven by boto3 (Python on this machine), and the AWS CLI listing pipelines and copying
// evaluation.json to stdout, all against the emulator with fake credentials.
import {mkdtempSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {fileURLToPath} from 'node:url';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import type {RunningEmulator} from '../../source/emulator/index.js';
import {awsEnvironment, python, runProgram} from '../helpers/aws-programs.js';
import {startTestEmulator} from '../helpers/emulator.js';
import {fixturePath} from '../helpers/fixtures.js';
import {abaloneTutorialStepsNewestFirst} from '../helpers/abalone-tutorial.js';

const script = fileURLToPath(new URL('python/tutorial_flow.py', import.meta.url));

let emulator: RunningEmulator;
let home: string;

beforeAll(async () => {
	emulator = await startTestEmulator({timeScale: 2000});
	home = mkdtempSync(join(tmpdir(), 'sagemon-aws-'));
});

afterAll(async () => {
	await emulator?.close();
	if (home) rmSync(home, {recursive: true, force: true});
});

describe('boto3 and the AWS CLI against the emulator', () => {
	let evaluationUri: string;

	it('runs the tutorial flow with boto3', async () => {
		const output = await runProgram(
			python(),
			[script],
			awsEnvironment(home, {
				SAGEMON_ENDPOINT: emulator.url,
				SAGEMON_DEFINITION: fixturePath('abalone-tutorial.json'),
				SAGEMON_PIPELINE: 'AbaloneTutorial',
			}),
		);
		const result = JSON.parse(output);
		expect(result).toMatchObject({
			created_arn: 'arn:aws:sagemaker:us-east-1:000000000000:pipeline/AbaloneTutorial',
			version_id: 2,
			started_status: 'Executing',
			creation_time_type: 'datetime',
			first_status: 'Succeeded',
			step_names: abaloneTutorialStepsNewestFirst,
			condition_outcome: 'True',
			approved_status: 'Succeeded',
			stop_status: 'Stopped',
			stop_again_error: 'ValidationException',
			describe_deleted_error: 'ResourceNotFound',
			validation_error: 'ValidationException',
		});
		expect(result.mse).toBeLessThanOrEqual(6);
		expect(result.parameters).toContainEqual({Name: 'ModelApprovalStatus', Value: 'Approved'});
		expect(result.parameters).toHaveLength(6);
		evaluationUri = result.evaluation_uri;
	});

	it('lists the pipelines with aws sagemaker list-pipelines', async () => {
		const output = await runProgram(
			'aws',
			['--endpoint-url', emulator.url, 'sagemaker', 'list-pipelines', '--output', 'json'],
			awsEnvironment(home),
		);
		const names = JSON.parse(output).PipelineSummaries.map(
			(pipeline: {PipelineName: string}) => pipeline.PipelineName,
		);
		// The demo set; the flow above deleted the pipeline it created.
		expect(names).toContain('RegionalDemandForecast');
		expect(names).toContain('AbalonePipeline');
		expect(names).not.toContain('AbaloneTutorial');
	});

	it('copies evaluation.json to stdout with aws s3 cp', async () => {
		expect(evaluationUri).toMatch(/^s3:\/\/.+\/evaluation\.json$/);
		const output = await runProgram(
			'aws',
			['--endpoint-url', emulator.url, 's3', 'cp', evaluationUri, '-'],
			awsEnvironment(home),
		);
		expect(JSON.parse(output).regression_metrics.mse.value).toBeLessThanOrEqual(6);
	});
});
