// The tutorial flow driven by boto3 (Python on this machine), and the AWS CLI listing pipelines and copying
// evaluation.json to stdout, all against the emulator with fake credentials.
import {execFile} from 'node:child_process';
import {mkdtempSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {fileURLToPath} from 'node:url';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import type {RunningEmulator} from '../../source/emulator/index.js';
import {startTestEmulator, testCredentials} from '../helpers/emulator.js';
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

/** A child environment with fake credentials and no AWS configuration from this machine. */
function awsEnvironment(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
	const environment: NodeJS.ProcessEnv = {
		PATH: process.env.PATH,
		HOME: home,
		AWS_ACCESS_KEY_ID: testCredentials.accessKeyId,
		AWS_SECRET_ACCESS_KEY: testCredentials.secretAccessKey,
		AWS_DEFAULT_REGION: 'us-east-1',
		AWS_CONFIG_FILE: join(home, 'config'),
		AWS_SHARED_CREDENTIALS_FILE: join(home, 'credentials'),
		AWS_EC2_METADATA_DISABLED: 'true',
		AWS_PAGER: '',
		...extra,
	};
	for (const name of ['PYENV_ROOT', 'PYENV_VERSION'])
		if (process.env[name]) environment[name] = process.env[name];
	return environment;
}

/** Runs a program without blocking this process, which serves the emulator the program talks to. */
function run(command: string, args: string[], env: NodeJS.ProcessEnv): Promise<string> {
	return new Promise((resolve, reject) => {
		execFile(command, args, {env, timeout: 120_000, maxBuffer: 8 * 1024 * 1024}, (error, stdout, stderr) => {
			if (error) reject(new Error(`${command} ${args.join(' ')} failed: ${error.message}\n${stderr}`));
			else resolve(stdout);
		});
	});
}

describe('boto3 and the AWS CLI against the emulator', () => {
	let evaluationUri: string;

	it('runs the tutorial flow with boto3', async () => {
		const output = await run(
			'python3',
			[script],
			awsEnvironment({
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
		const output = await run(
			'aws',
			['--endpoint-url', emulator.url, 'sagemaker', 'list-pipelines', '--output', 'json'],
			awsEnvironment(),
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
		const output = await run(
			'aws',
			['--endpoint-url', emulator.url, 's3', 'cp', evaluationUri, '-'],
			awsEnvironment(),
		);
		expect(JSON.parse(output).regression_metrics.mse.value).toBeLessThanOrEqual(6);
	});
});
