// SageMaker Pipelines fidelity through boto3 (python/sagemaker_fidelity.py): branches decided by the data,
// check steps feeding RegisterModel, Callback steps that wait, retry policies, the resources behind steps,
// tags (the SDK's upsert), versions, stopped jobs and refused step types. The calls moto_server also implements run against it too; the
// differences are named below.
import {mkdtempSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {dirname, join} from 'node:path';
import {fileURLToPath} from 'node:url';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import type {RunningEmulator} from '../../source/emulator/index.js';
import {everyStepTypeDefinition} from '../emulator/every-step-type.js';
import {awsEnvironment, python, runProgram} from '../helpers/aws-programs.js';
import {startTestEmulator} from '../helpers/emulator.js';
import {fixturePath} from '../helpers/fixtures.js';
import {type MotoServer, startMotoServer} from '../helpers/moto-server.js';

const script = fileURLToPath(new URL('python/sagemaker_fidelity.py', import.meta.url));

let emulator: RunningEmulator;
let moto: MotoServer;
let home: string;
let everyType: string;

beforeAll(async () => {
	[emulator, moto] = await Promise.all([
		startTestEmulator({demo: false, timeScale: 2000}),
		startMotoServer(),
	]);
	home = mkdtempSync(join(tmpdir(), 'sagemon-sm-'));
	everyType = join(home, 'every-type.json');
	writeFileSync(everyType, JSON.stringify(everyStepTypeDefinition));
}, 90_000);

afterAll(async () => {
	await Promise.all([emulator?.close(), moto?.close()]);
	if (home) rmSync(home, {recursive: true, force: true});
});

const boto3Against = async (url: string, mode = 'all') =>
	JSON.parse(
		await runProgram(
			python(),
			[script],
			awsEnvironment(home, {
				SAGEMON_ENDPOINT: url,
				SAGEMON_MODE: mode,
				SAGEMON_FIXTURES: dirname(fixturePath('abalone-tutorial.json')),
				SAGEMON_EVERY_TYPE: everyType,
			}),
		),
	);

describe('SageMaker Pipelines through boto3', () => {
	it('runs every flow against the emulator as the service would', async () => {
		const result = await boto3Against(emulator.url);
		expect(result).toMatchObject({
			tags: [
				{Key: 'team', Value: 'ml'},
				{Key: 'stage', Value: 'dev'},
			],
			tags_after_delete: [{Key: 'stage', Value: 'dev'}],
			update_pipeline_version: 'ok',
			version_summary: {
				PipelineVersionId: 1,
				PipelineVersionDisplayName: 'first',
				PipelineVersionDescription: 'v1',
			},
			create_misspelt: 'ValidationException',
			update_banana: 'ValidationException',
			describe_missing_model: 'ValidationException',
			describe_missing_transform_job: 'ValidationException',
			describe_missing_tuning_job: 'ResourceNotFound',
			stop_missing_training_job: 'ResourceNotFound',
			tutorial_status: 'Succeeded',
			unreachable_status: 'Failed',
			unreachable_last_step: 'AbaloneMSEFail',
			unreachable_outcome: 'False',
			every_type_status: 'Succeeded',
			register_checked: 'Succeeded',
			tuning_arn_matches: true,
			best_training_job: 'Completed',
			model_arn_matches: true,
			transform_status: 'Completed',
			transform_arn_matches: true,
			job_arns_match: [true, true],
			transform_model_is_created_model: true,
			processing_listed: true,
			running_listed: true,
			stopped_job_execution: 'Failed',
			stopped_job_step: 'Stopped',
			stopped_job_status: 'Stopped',
			callback_still_waiting: 'Executing',
			callback_execution: 'Failed',
			callback_second_failure: 'rejected',
			callback_first_outputs: [{Name: 'output1', Value: 'approved'}],
			retry_status: 'Succeeded',
			retry_attempts: 3,
			upsert_tags: [
				['stage', 'dev'],
				['team', 'research'],
			],
			upsert_versions: [2, 1],
			classified_status: 'Succeeded',
			classified_outcome: 'False',
			classified_registered: false,
			forced_status: 'Failed',
			forced_last_step: 'AbaloneMSEFail',
			forced_mse: 9.5,
			stopped_processing_execution: 'Failed',
			stopped_processing_step: 'Stopped',
			stopped_processing_status: 'Stopped',
			stop_stopped_processing_job: 'ValidationException',
			callback_stop_while_waiting: ['Stopping', 'Stopping'],
			callback_stopped_execution: 'Stopped',
			callback_stopped_steps: [
				['MyCallbackStep1', 'Succeeded'],
				['TestStep', 'Succeeded'],
			],
			callback_timeout_execution: 'Failed',
			retry_exhausted: [
				'Failed',
				3,
				expect.stringMatching(
					/StepId AbaloneTrain\. Retry attempts exhausted: the retry policy for the exception type SAGEMAKER_CAPACITY_ERROR allows 2 attempts\.$/,
				),
			],
			retry_not_listed: [
				'Failed',
				1,
				expect.stringMatching(
					/StepId AbaloneTrain\. No retry policy configured for the exception type SAGEMAKER_CAPACITY_ERROR\.$/,
				),
			],
		});
		// Report values are plausible for what they measure, whatever the threshold: an accuracy in [0, 1]
		// (so `> 1` is never met), a count as a whole number.
		const classified = result.classified_report;
		expect(classified.accuracy.value).toBeGreaterThanOrEqual(0);
		expect(classified.accuracy.value).toBeLessThanOrEqual(1);
		expect(Number.isInteger(classified.sample_count)).toBe(true);
		expect(result.callback_timeout_reason).toMatch(/timed out.+600 seconds/);
		// ExpireAfterMin 2 with 60 s × 2^n: the retries after 60 s and 120 s would pass 2 minutes, so one retry.
		expect(result.retry_expired).toEqual([
			'Failed',
			2,
			expect.stringMatching(
				/Retry attempts expired: the retry policy for the exception type SAGEMAKER_CAPACITY_ERROR expires after 2 minutes\.$/,
			),
		]);

		expect(result.tutorial_steps).toContain('AbaloneRegisterModel');
		expect(result.unreachable_mse).toBeGreaterThanOrEqual(2);
		expect(result.unreachable_mse).toBeLessThanOrEqual(5);
		expect(result.unreachable_mse_again).toBe(result.unreachable_mse);
		expect(result.quality_check).toMatchObject({
			CheckType: 'DATA_QUALITY',
			RegisterNewBaseline: true,
			BaselineUsedForDriftCheckConstraints: result.quality_check.CalculatedBaselineConstraints,
			BaselineUsedForDriftCheckStatistics: result.quality_check.CalculatedBaselineStatistics,
		});
		expect(result.clarify_check).toMatchObject({
			SkipCheck: true,
			BaselineUsedForDriftCheckConstraints: 's3://bucket/baselines/bias.json',
		});
	}, 180_000);

	it('answers the calls moto_server implements as moto does, except where named', async () => {
		const [ours, theirs] = await Promise.all([
			boto3Against(emulator.url, 'shared'),
			boto3Against(moto.url, 'shared'),
		]);
		// Alike: pipeline tags, job lists, and the errors for a model, transform job or tuning job that does not exist.
		for (const key of [
			'tags',
			'tags_after_delete',
			'list_processing_jobs_type',
			'list_training_jobs_type',
			'describe_missing_model',
			'describe_missing_transform_job',
			'describe_missing_tuning_job',
		])
			expect(ours[key], key).toEqual(theirs[key]);
		// Differences, each checked on both sides:
		// - AddTags with a key the pipeline already has: the service (and the emulator) overwrite its value, as the
		//   SDK's upsert(tags=...) expects; moto keeps both tags under the one key.
		expect(ours.upsert_tags).toEqual([
			['stage', 'dev'],
			['team', 'research'],
		]);
		expect(theirs.upsert_tags).toEqual([
			['stage', 'dev'],
			['stage', 'dev'],
			['team', 'ml'],
			['team', 'research'],
		]);
		// - moto accepts any step type; the service (and the emulator) refuse unknown ones at Create/UpdatePipeline.
		expect([ours.create_misspelt, theirs.create_misspelt]).toEqual(['ValidationException', 'ok']);
		expect([ours.update_banana, theirs.update_banana]).toEqual(['ValidationException', 'ok']);
		// - moto does not implement UpdatePipelineVersion (HTTP 500), nor StopTrainingJob (500 for any job);
		//   the emulator answers them, with the modeled ResourceNotFound for a job that does not exist.
		expect([ours.update_pipeline_version, theirs.update_pipeline_version]).toEqual(['ok', '500']);
		expect([ours.stop_missing_training_job, theirs.stop_missing_training_job]).toEqual([
			'ResourceNotFound',
			'500',
		]);
	}, 180_000);
});
