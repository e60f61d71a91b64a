import {describe, expect, test} from 'vitest';
import {validateDefinition} from '../../source/pipeline/dag.js';
import {mergeExecutionState} from '../../source/pipeline/execution-state.js';
import type {
	Dag,
	ExecutionDetails,
	ExecutionStatus,
	PipelineDefinition,
	StepRecord,
} from '../../source/pipeline/model.js';
import {type TriageInput, triageExecution, triageSummary} from '../../source/pipeline/triage.js';
import {triageJson, triageLines} from '../../source/pipeline/triage-report.js';
import {readFixture} from '../helpers/fixtures.js';

const {definition, dag} = validateDefinition(readFixture('abalone-examples-notebook.json')) as {
	definition: PipelineDefinition;
	dag: Dag;
};

const arn = 'arn:aws:sagemaker:us-west-2:000000000000:pipeline/abalone-pipeline/execution/k2x9q0a1b2c3';
const at = (minute: number) => Date.UTC(2026, 10, 24, 13, minute);
const jobArn = (kind: string, name: string) => `arn:aws:sagemaker:us-west-2:000000000000:${kind}/${name}`;

const process = (extra: Partial<StepRecord> = {}): StepRecord => ({
	name: 'AbaloneProcess',
	status: 'Succeeded',
	startedAt: at(0),
	endedAt: at(6),
	attemptCount: 1,
	metadata: {ProcessingJob: {Arn: jobArn('processing-job', 'pipelines-k2x9q0a1b2c3-AbaloneProcess-Xy1')}},
	...extra,
});
const train = (extra: Partial<StepRecord> = {}): StepRecord => ({
	name: 'AbaloneTrain',
	status: 'Succeeded',
	startedAt: at(6),
	endedAt: at(14),
	attemptCount: 1,
	metadata: {TrainingJob: {Arn: jobArn('training-job', 'pipelines-k2x9q0a1b2c3-AbaloneTrain-Qp2')}},
	...extra,
});
const evaluation = (): StepRecord => ({
	name: 'AbaloneEval',
	status: 'Succeeded',
	startedAt: at(14),
	endedAt: at(19),
	attemptCount: 1,
	metadata: {ProcessingJob: {Arn: jobArn('processing-job', 'pipelines-k2x9q0a1b2c3-AbaloneEval-Zz3')}},
});
const condition = (outcome: 'True' | 'False'): StepRecord => ({
	name: 'AbaloneMSECond',
	status: 'Succeeded',
	startedAt: at(19),
	endedAt: at(19),
	attemptCount: 1,
	metadata: {Condition: {Outcome: outcome}},
});

function input(
	status: ExecutionStatus,
	records: StepRecord[],
	extra: Partial<TriageInput> = {},
	execution: Partial<TriageInput['execution']> = {},
): TriageInput {
	const details: ExecutionDetails = {
		arn,
		pipelineArn: 'arn:aws:sagemaker:us-west-2:000000000000:pipeline/abalone-pipeline',
		status,
		startedAt: at(0),
		modifiedAt: at(20),
		...(status === 'Failed' ? {failureReason: 'Step failure: One or multiple steps failed.'} : {}),
		...execution,
	};
	return {
		execution: details,
		definition,
		steps: mergeExecutionState(definition, dag, {status}, records),
		...extra,
	};
}

// Re-running from AbaloneTrain selects it and everything downstream of it: selected alone, it would skip the rest.
const fromTrain = [
	'AbaloneTrain',
	'AbaloneEval',
	'AbaloneMSECond',
	'AbaloneRegisterModel-RegisterModel',
	'AbaloneCreateModel-CreateModel',
	'AbaloneTransform',
	'AbaloneMSEFail',
].join(',');

const trainingLog = [
	'2026-11-24 13:07:01 Starting training',
	'[0]\ttrain-rmse:8.1',
	'Traceback (most recent call last):',
	'  File "/opt/ml/code/train.py", line 3, in <module>',
	'    raise ValueError("bad label column")',
	'ValueError: bad label column',
	'Traceback (most recent call last):',
	'  File "/opt/ml/code/train.py", line 12, in <module>',
	'    model = xgb.train(params, dtrain)',
	"KeyError: 'rings'",
	'2026-11-24 13:09:30 Reporting training FAILURE',
	'',
];

describe('a code failure: the training job raised', () => {
	const triage = triageExecution(
		input(
			'Failed',
			[
				process(),
				train({status: 'Failed', failureReason: 'AlgorithmError: See job logs for more information'}),
			],
			{
				jobs: {
					AbaloneTrain: {
						failureReason: 'AlgorithmError: See job logs for more information',
						lastStatusMessage: 'Training job failed',
					},
				},
				logs: {AbaloneTrain: trainingLog},
			},
		),
	);

	test('the failed step with its reasons, its last traceback and a re-run from that step', () => {
		expect(triage.status).toBe('Failed');
		expect(triage.failedSteps).toHaveLength(1);
		const [step] = triage.failedSteps;
		expect(step).toMatchObject({
			name: 'AbaloneTrain',
			type: 'Training',
			kind: 'code',
			reason: 'AlgorithmError: See job logs for more information',
			jobReason: 'AlgorithmError: See job logs for more information',
			lastStatusMessage: 'Training job failed',
			nextAction: `sagemon start abalone-pipeline --from-execution ${arn} --steps ${fromTrain}`,
		});
		expect(step?.logExcerpt).toEqual(trainingLog.slice(6, 11));
		expect(triage.stopped).toBeUndefined();
	});

	test('the --json shape has every member, null where unknown', () => {
		const json = triageJson(triage);
		expect(Object.keys(json)).toEqual(['status', 'failureReason', 'failedSteps']);
		expect(json.failedSteps[0]).toEqual({
			name: 'AbaloneTrain',
			type: 'Training',
			kind: 'code',
			reason: 'AlgorithmError: See job logs for more information',
			jobReason: 'AlgorithmError: See job logs for more information',
			exitMessage: null,
			lastStatusMessage: 'Training job failed',
			logExcerpt: trainingLog.slice(6, 11),
			failMessage: null,
			condition: null,
			advice: 'Read the log, fix the code or data, then re-run from AbaloneTrain.',
			nextAction: `sagemon start abalone-pipeline --from-execution ${arn} --steps ${fromTrain}`,
		});
	});

	test('the text names the step, its reason once, the traceback and the command', () => {
		expect(triageLines(triage)).toEqual([
			'Execution Failed: Step failure: One or multiple steps failed.',
			'',
			'AbaloneTrain (Training): code',
			'  step reason: AlgorithmError: See job logs for more information',
			'  last status: Training job failed',
			'  log:',
			'    Traceback (most recent call last):',
			'      File "/opt/ml/code/train.py", line 12, in <module>',
			'        model = xgb.train(params, dtrain)',
			"    KeyError: 'rings'",
			'    2026-11-24 13:09:30 Reporting training FAILURE',
			'  next: Read the log, fix the code or data, then re-run from AbaloneTrain.',
			`    sagemon start abalone-pipeline --from-execution ${arn} --steps ${fromTrain}`,
		]);
	});

	test('a processing job exit message is shown, and remote text cannot drive the terminal', () => {
		const processing = triageExecution(
			input('Failed', [process({status: 'Failed', failureReason: 'ClientError: bad input\u001b[2J'})], {
				jobs: {
					AbaloneProcess: {
						failureReason: 'ClientError: bad input',
						exitMessage: 'Algorithm Error: (caused by CalledProcessError)\nreturned non-zero exit status 1',
					},
				},
			}),
		);
		expect(processing.failedSteps[0]?.kind).toBe('code');
		const lines = triageLines(processing);
		expect(lines).toContain('  step reason: ClientError: bad input^[[2J');
		expect(lines).toContain('  exit message: Algorithm Error: (caused by CalledProcessError)');
		expect(lines).toContain('    returned non-zero exit status 1');
		expect(lines.join('\n')).not.toContain('\u001b');
	});
});

describe('transient failures: capacity, limits, throttling, internal errors', () => {
	const retry = `sagemon retry ${arn}`;
	const cases: Array<[string, {step?: string; job?: string}]> = [
		[
			'a capacity error of the job',
			{
				step: 'CapacityError: Unable to provision requested ML compute capacity. Please retry using a different ML instance type.',
			},
		],
		[
			'the service reporting an account limit behind a ClientError prefix',
			{
				step: "ClientError: Failed to invoke sagemaker:CreateTrainingJob. Error Details: The account-level service limit 'ml.p3.2xlarge for training job usage' is 0 Instances.\nRetry not appropriate on execution of step with PipelineExecutionArn x and StepId AbaloneTrain. No retry policy configured for the exception type SAGEMAKER_RESOURCE_LIMIT.",
			},
		],
		['a ResourceLimitExceeded job reason', {job: 'ResourceLimitExceeded: account limit reached'}],
		['throttling', {step: 'ThrottlingException: Rate exceeded'}],
		[
			'an internal server error',
			{job: 'InternalServerError: We encountered an internal error.  Please try again.'},
		],
		['an internal failure', {step: 'InternalFailure'}],
	];
	test.each(cases)('%s proposes retrying the execution', (_, reasons) => {
		const triage = triageExecution(
			input(
				'Failed',
				[process(), train({status: 'Failed', ...(reasons.step ? {failureReason: reasons.step} : {})})],
				reasons.job ? {jobs: {AbaloneTrain: {failureReason: reasons.job}}} : {},
			),
		);
		const [step] = triage.failedSteps;
		expect(step?.kind).toBe('transient');
		expect(step?.advice).toBe('A transient failure: retry the execution (R in the TUI).');
		expect(step?.nextAction).toBe(retry);
	});
});

test('a transient failure next to a reached Fail step is re-run in a new execution, since retry is refused', () => {
	const triage = triageExecution(
		input('Failed', [
			process(),
			train(),
			evaluation(),
			condition('False'),
			{name: 'AbaloneMSEFail', status: 'Failed', startedAt: at(19), endedAt: at(19)},
			{name: 'Extra', status: 'Failed', startedAt: at(19), failureReason: 'CapacityError: Please retry.'},
		]),
	);
	expect(triage.failedSteps.map((step) => [step.name, step.kind])).toEqual([
		['AbaloneMSEFail', 'gate'],
		['Extra', 'transient'],
	]);
	expect(triage.failedSteps[1]).toMatchObject({
		advice:
			'A transient failure, but the execution reached a Fail step and cannot be retried: re-run Extra in a new execution.',
		nextAction: `sagemon start abalone-pipeline --from-execution ${arn} --steps Extra`,
	});
});

test('several failed steps come in DAG order, not in the order they started', () => {
	const failed = (name: string, minute: number): StepRecord => ({
		name,
		status: 'Failed',
		startedAt: at(minute),
		endedAt: at(minute + 1),
		failureReason: 'ClientError: the model artifact is not there',
	});
	const triage = triageExecution(
		input('Failed', [
			process(),
			train(),
			evaluation(),
			condition('True'),
			failed('AbaloneCreateModel-CreateModel', 19),
			failed('AbaloneRegisterModel-RegisterModel', 20),
		]),
	);
	expect(triage.failedSteps.map((step) => step.name)).toEqual([
		'AbaloneRegisterModel-RegisterModel',
		'AbaloneCreateModel-CreateModel',
	]);
});

test('a code failure in the first step re-runs everything with the same parameters: no --steps', () => {
	const triage = triageExecution(
		input('Failed', [process({status: 'Failed', failureReason: 'ClientError: Failed to download data.'})]),
	);
	expect(triage.failedSteps[0]).toMatchObject({
		kind: 'code',
		nextAction: `sagemon start abalone-pipeline --from-execution ${arn}`,
	});
});

describe('a gate: the MSE condition sent the execution to its Fail step', () => {
	const failStep = (metadata?: Record<string, unknown>): StepRecord => ({
		name: 'AbaloneMSEFail',
		status: 'Failed',
		startedAt: at(19),
		endedAt: at(19),
		attemptCount: 1,
		failureReason: 'Execution failed due to MSE > 6.0',
		...(metadata ? {metadata} : {}),
	});
	const records = (metadata?: Record<string, unknown>) => [
		process(),
		train(),
		evaluation(),
		condition('False'),
		failStep(metadata),
	];
	const readMse =
		(mse: number): TriageInput['readPropertyFile'] =>
		(step, file, path) =>
			step === 'AbaloneEval' &&
			file === 'EvaluationReport' &&
			path.join('.') === 'regression_metrics.mse.value'
				? mse
				: undefined;

	test('the message, the condition with the values that tripped it, and a fresh start with the threshold', () => {
		const triage = triageExecution(
			input('Failed', records({Fail: {ErrorMessage: 'Execution failed due to MSE > 6.0'}}), {
				readPropertyFile: readMse(7.2),
			}),
		);
		expect(triage.failedSteps).toHaveLength(1);
		const [step] = triage.failedSteps;
		expect(step).toMatchObject({
			name: 'AbaloneMSEFail',
			type: 'Fail',
			kind: 'gate',
			failMessage: 'Execution failed due to MSE > 6.0',
			gate: {
				step: 'AbaloneMSECond',
				branch: 'else',
				outcome: false,
				text: "AbaloneMSECond: regression_metrics.mse.value 7.2 > MseThreshold 6.0 (from AbaloneEval's evaluation.json)",
			},
			nextAction: `sagemon start abalone-pipeline --from-execution ${arn} -p MseThreshold=6.0`,
		});
		expect(triageLines(triage)).toEqual([
			'Execution Failed: Step failure: One or multiple steps failed.',
			'',
			'AbaloneMSEFail (Fail): gate',
			'  message: Execution failed due to MSE > 6.0',
			"  condition: AbaloneMSECond: regression_metrics.mse.value 7.2 > MseThreshold 6.0 (from AbaloneEval's evaluation.json)",
			'  next: The condition AbaloneMSECond sent the execution to this Fail step, which cannot be retried: improve the model or change the threshold, then start again.',
			`    sagemon start abalone-pipeline --from-execution ${arn} -p MseThreshold=6.0`,
		]);
		expect(triageJson(triage).failedSteps[0]?.condition).toBe(
			"AbaloneMSECond: regression_metrics.mse.value 7.2 > MseThreshold 6.0 (from AbaloneEval's evaluation.json)",
		);
	});

	test('with an overridden threshold and no Fail metadata, the message is evaluated from the definition', () => {
		const triage = triageExecution(
			input('Failed', records(), {
				parameters: [{name: 'MseThreshold', value: '5'}],
				readPropertyFile: readMse(5.25),
			}),
		);
		const [step] = triage.failedSteps;
		expect(step?.failMessage).toBe('Execution failed due to MSE > 5.0');
		expect(step?.gate?.text).toBe(
			"AbaloneMSECond: regression_metrics.mse.value 5.25 > MseThreshold 5.00 (from AbaloneEval's evaluation.json)",
		);
		expect(step?.nextAction).toBe(`sagemon start abalone-pipeline --from-execution ${arn} -p MseThreshold=5`);
	});

	test('when the report cannot be read the value shows as unknown', () => {
		const triage = triageExecution(input('Failed', records()));
		expect(triage.failedSteps[0]?.gate?.text).toBe(
			"AbaloneMSECond: regression_metrics.mse.value ? <= MseThreshold 6.0 (from AbaloneEval's evaluation.json)",
		);
	});
});

describe('a stopped execution', () => {
	const triage = triageExecution(
		input(
			'Stopped',
			[process(), train({status: 'Stopped', endedAt: at(9), failureReason: 'Step was stopped.'})],
			{},
			{lastModifiedBy: 'arn:aws:iam::000000000000:user/alice', modifiedAt: at(9)},
		),
	);

	test('says who stopped it, when, which steps, and how to resume', () => {
		expect(triage.stopped).toEqual({
			by: 'arn:aws:iam::000000000000:user/alice',
			at: at(9),
			steps: ['AbaloneTrain'],
		});
		expect(triage.failedSteps.map((step) => [step.name, step.kind])).toEqual([['AbaloneTrain', 'stopped']]);
		expect(triage.failedSteps[0]?.advice).toBe(
			'Stopped by arn:aws:iam::000000000000:user/alice: resume the execution (R in the TUI) to run it again.',
		);
		expect(triageJson(triage).stopped).toEqual({
			by: 'arn:aws:iam::000000000000:user/alice',
			at: '2026-11-24T13:09:00.000Z',
			steps: ['AbaloneTrain'],
		});
		expect(triageLines(triage).slice(0, 2)).toEqual([
			'Execution Stopped',
			'Stopped by arn:aws:iam::000000000000:user/alice at 2026-11-24 13:09:00; stopped steps: AbaloneTrain',
		]);
	});
});

test('who stopped it is remote text: printable in every line', () => {
	const triage = triageExecution(
		input(
			'Stopped',
			[process(), train({status: 'Stopped'})],
			{},
			{lastModifiedBy: 'mallory\u001b]0;owned\u0007', modifiedAt: at(9)},
		),
	);
	const lines = triageLines(triage);
	expect(lines.join('\n')).not.toMatch(/[\u0000-\u0009\u000b-\u001f]/);
	expect(lines).toContain(
		'  next: Stopped by mallory^[]0;owned^G: resume the execution (R in the TUI) to run it again.',
	);
});

describe('executions with nothing to triage, or still running', () => {
	test('a succeeded execution says nothing failed', () => {
		const triage = triageExecution(
			input('Succeeded', [process(), train(), evaluation(), condition('True')], {}, {modifiedAt: at(30)}),
		);
		expect(triage.failedSteps).toEqual([]);
		expect(triageLines(triage)).toEqual(['Execution Succeeded', 'Nothing failed.']);
		expect(triageJson(triage)).toEqual({status: 'Succeeded', failureReason: null, failedSteps: []});
	});

	test('a running execution with a failed step is answered the same way', () => {
		const triage = triageExecution(
			input('Executing', [process({status: 'Failed', failureReason: 'AlgorithmError: exit code 1'})]),
		);
		expect(triage.failedSteps.map((step) => [step.name, step.kind])).toEqual([['AbaloneProcess', 'code']]);
		expect(triage.failedSteps[0]?.advice).toBe(
			'Read the log, fix the code or data, then re-run from AbaloneProcess. The execution is still running: do this once it has ended.',
		);
		expect(triageLines(triage)[0]).toBe('Execution Executing');
	});

	test('a running execution without failures says none so far', () => {
		expect(triageLines(triageExecution(input('Executing', [process()])))).toEqual([
			'Execution Executing',
			'No step has failed so far.',
		]);
	});
});

describe('a running execution whose Callback step waits for its answer', () => {
	test('names the step and the token to answer with, in the lines and the JSON', () => {
		const callbackDefinition = validateDefinition(readFixture('sdk-unit-callback-outputs.json')) as {
			definition: PipelineDefinition;
			dag: Dag;
		};
		const waiting: StepRecord = {
			name: 'MyCallbackStep1',
			status: 'Executing',
			startedAt: at(1),
			attemptCount: 1,
			metadata: {Callback: {CallbackToken: 'tok-7Hq2', SqsQueueUrl: 'https://sqs.example/queue'}},
		};
		const triage = triageExecution({
			execution: {
				arn,
				pipelineArn: 'arn:aws:sagemaker:us-west-2:000000000000:pipeline/cb',
				status: 'Executing',
			},
			definition: callbackDefinition.definition,
			steps: mergeExecutionState(
				callbackDefinition.definition,
				callbackDefinition.dag,
				{status: 'Executing'},
				[waiting],
			),
		});
		expect(triage.failedSteps).toEqual([]);
		expect(triageLines(triage)).toEqual([
			'Execution Executing',
			'No step has failed so far.',
			'Waiting: MyCallbackStep1 (Callback) waits for its answer; its token: tok-7Hq2',
		]);
		expect(triageJson(triage).waitingSteps).toEqual([{name: 'MyCallbackStep1', callbackToken: 'tok-7Hq2'}]);
	});
});

describe('triageSummary for list rows', () => {
	test('names the failed step, and how many more failed', () => {
		expect(triageSummary([process(), train({status: 'Failed'})])).toBe('AbaloneTrain');
		expect(triageSummary([process({status: 'Failed'}), train({status: 'Failed'}), evaluation()])).toBe(
			'AbaloneProcess +1',
		);
		expect(triageSummary([process(), train()])).toBeUndefined();
	});

	test('a step that failed and then succeeded on retry is not named', () => {
		expect(
			triageSummary([
				train({status: 'Failed', startedAt: at(6)}),
				train({status: 'Succeeded', startedAt: at(30)}),
			]),
		).toBeUndefined();
	});
});
