// Selective execution driven by boto3 against the emulator: the service's ValidationExceptions for a source
// still running, a source of another pipeline, a selection with a gap, an unconnected one, unknown steps and a
// missing source; a re-run of one step and of a step with everything downstream, reusing the rest from the source
// execution (reported with SelectiveExecutionResult, their values feeding the steps that run); and the parameters
// each execution ran with, defaults included, through boto3's paginator too.
import {mkdtempSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {fileURLToPath} from 'node:url';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import type {RunningEmulator} from '../../source/emulator/index.js';
import {awsEnvironment, python, runProgram} from '../helpers/aws-programs.js';
import {abaloneTutorialParameterNames} from '../helpers/abalone-tutorial.js';
import {startTestEmulator} from '../helpers/emulator.js';
import {fixturePath} from '../helpers/fixtures.js';

const script = fileURLToPath(new URL('python/selective_flow.py', import.meta.url));

let emulator: RunningEmulator;
let home: string;

beforeAll(async () => {
	emulator = await startTestEmulator({timeScale: 2000, demo: false});
	home = mkdtempSync(join(tmpdir(), 'sagemon-selective-'));
});

afterAll(async () => {
	await emulator?.close();
	if (home) rmSync(home, {recursive: true, force: true});
});

// biome-ignore lint/suspicious/noExplicitAny: the script's JSON is read as plain data.
type Flow = Record<string, any>;

function runFlow(): Promise<Flow> {
	return runProgram(
		python(),
		[script],
		awsEnvironment(home, {
			SAGEMON_ENDPOINT: emulator.url,
			SAGEMON_DEFINITION: fixturePath('abalone-tutorial.json'),
		}),
	).then((output) => JSON.parse(output) as Flow);
}

describe('selective execution with boto3', () => {
	let flow: Flow;

	beforeAll(async () => {
		flow = await runFlow();
	});

	it('refuses what the service refuses, with ValidationException naming the problem', () => {
		expect(flow.running_source).toEqual({
			code: 'ValidationException',
			message: expect.stringMatching(
				/is Executing\. The source of a selective execution must have Succeeded or Failed\.$/,
			),
		});
		expect(flow.other_pipeline_source).toEqual({
			code: 'ValidationException',
			message: expect.stringMatching(/slowtutorial\/execution\/\w+ is an execution of another pipeline\.$/i),
		});
		expect(flow.gap).toEqual({
			code: 'ValidationException',
			message:
				'Invalid SelectedSteps. The steps [AbaloneEval] lie on a path between selected steps, so they must be selected too.',
		});
		expect(flow.unconnected).toEqual({
			code: 'ValidationException',
			message:
				'Invalid SelectedSteps. The selected steps are not connected: [AbaloneRegisterModel] and [AbaloneTransform] have no path between them.',
		});
		expect(flow.unknown_step).toEqual({
			code: 'ValidationException',
			message: 'Invalid SelectedSteps. The selected steps [NoSuchStep] are not steps of this pipeline.',
		});
		expect(flow.missing_source).toEqual({
			code: 'ValidationException',
			message:
				'Invalid SourcePipelineExecutionArn: null. The selected steps [AbaloneEval] have dependencies on [AbaloneProcess, AbaloneTrain]',
		});
	});

	it('runs one selected step, reusing the steps it depends on and running nothing downstream', () => {
		expect(flow.source_status).toBe('Succeeded');
		expect(flow.only_eval_status).toBe('Succeeded');
		expect(flow.only_eval_steps).toEqual({
			AbaloneEval: null,
			AbaloneTrain: flow.source,
			AbaloneProcess: flow.source,
		});
	});

	it('runs a step and everything downstream, with the source’s values for the reused steps', () => {
		expect(flow.rerun_config).toEqual({
			SourcePipelineExecutionArn: flow.source,
			SelectedSteps: [
				'AbaloneEval',
				'AbaloneMSECond',
				'AbaloneRegisterModel',
				'AbaloneCreateModel',
				'AbaloneTransform',
			].map((StepName) => ({StepName})),
		});
		expect(flow.rerun_status).toBe('Succeeded');
		expect(flow.rerun_steps).toEqual({
			AbaloneTransform: null,
			AbaloneRegisterModel: null,
			AbaloneCreateModel: null,
			AbaloneMSECond: null,
			AbaloneEval: null,
			AbaloneTrain: flow.source,
			AbaloneProcess: flow.source,
		});
		// The registered model is the source execution's trained model: Steps.AbaloneTrain resolved to the source.
		expect(flow.rerun_package).toEqual({status: 'Approved', model_data: flow.source_model_artifacts});
	});

	it('lists every parameter an execution ran with, defaults included, in definition order', () => {
		expect(flow.source_parameters.map((parameter: Flow) => parameter.Name)).toEqual(
			abaloneTutorialParameterNames,
		);
		// boto3's paginator, four at a time: every parameter once, in the same order.
		expect(flow.source_parameter_pages.map((page: string[]) => page.length)).toEqual([4, 2]);
		expect(flow.source_parameter_pages.flat()).toEqual(abaloneTutorialParameterNames);
		expect(flow.source_parameters).toContainEqual({Name: 'TrainingInstanceType', Value: 'ml.m5.2xlarge'});
		expect(flow.source_parameters).toContainEqual({Name: 'ProcessingInstanceCount', Value: '1'});
		expect(flow.rerun_parameters).toContainEqual({Name: 'ModelApprovalStatus', Value: 'Approved'});
		expect(flow.rerun_parameters).toContainEqual({Name: 'TrainingInstanceType', Value: 'ml.m5.xlarge'});
	});
});
