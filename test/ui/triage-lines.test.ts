// The triage as the execution screen words it: the glance under the steps (before and after the evidence is
// read) and the `w` pane's lines, which are `sagemon why`'s.
import {describe, expect, test} from 'vitest';
import type {Triage, TriagedStep} from '../../source/pipeline/triage.js';
import type {Loading} from '../../source/ui/hooks/use-async-resource.js';
import type {ScreenTriage} from '../../source/ui/hooks/use-triage.js';
import {triagePaneLines, triageGlance} from '../../source/ui/triage-lines.js';

const arn = 'arn:aws:sagemaker:us-east-1:000000000000:pipeline/Fraud/execution/abc123';
const train: TriagedStep = {
	name: 'FraudTrain',
	type: 'Training',
	kind: 'code',
	reason: 'AlgorithmError: See job logs for more information',
	jobReason: 'AlgorithmError: See job logs for more information',
	logExcerpt: [
		'Traceback (most recent call last):',
		'  File "train.py", line 41, in run',
		"ValueError: could not convert string to float: 'M'",
		'sagemaker-training-toolkit ERROR    Reporting training FAILURE',
	],
	advice: 'Read the log, fix the code or data, then re-run from FraudTrain.',
	nextAction: `sagemon start Fraud --from-execution ${arn} --steps FraudTrain`,
};
const gate: TriagedStep = {
	name: 'MSEFail',
	type: 'Fail',
	kind: 'gate',
	failMessage: 'MSE above the threshold',
	gate: {
		step: 'MSECond',
		text: 'MSECond: mse 7.25 > 6.00 (from Eval’s evaluation.json)',
	} as TriagedStep['gate'],
	logExcerpt: [],
	advice: 'improve the model',
	nextAction: `sagemon start Fraud --from-execution ${arn} -p MseThreshold=8`,
};
const triage = (failedSteps: TriagedStep[]): Triage => ({
	executionArn: arn,
	pipelineName: 'Fraud',
	status: 'Failed',
	failureReason: 'Step failure: One or multiple steps failed.',
	failedSteps,
});
const ready = (failedSteps: TriagedStep[]) =>
	({state: 'ready', value: {triage: triage(failedSteps), logProblems: {}}}) as const;

describe('triageGlance', () => {
	test('a code failure: kind and reason, the exception its log ends in, the next action', () => {
		expect(triageGlance(ready([train]), {name: 'FraudTrain'})).toEqual([
			'FraudTrain: code · AlgorithmError: See job logs for more information',
			"  ValueError: could not convert string to float: 'M'",
			`  next: sagemon start Fraud --from-execution ${arn} --steps FraudTrain`,
		]);
	});

	test('a gate shows its message and the condition; another failed step is counted', () => {
		expect(triageGlance(ready([gate, train]), {name: 'Elsewhere'})).toEqual([
			'MSEFail: gate (+1 more) · MSE above the threshold',
			'  MSECond: mse 7.25 > 6.00 (from Eval’s evaluation.json)',
			`  next: sagemon start Fraud --from-execution ${arn} -p MseThreshold=8`,
		]);
		expect(triageGlance(ready([gate, train]), {name: 'FraudTrain'})[0]).toBe(
			'FraudTrain: code (+1 more) · AlgorithmError: See job logs for more information',
		);
	});

	test('a stopped step says who stopped it when it has no reason of its own', () => {
		const stoppedStep: TriagedStep = {
			...train,
			kind: 'stopped',
			reason: undefined,
			jobReason: undefined,
			logExcerpt: [],
			nextAction: `sagemon retry ${arn}`,
		};
		const loaded: Loading<ScreenTriage> = {
			state: 'ready',
			value: {
				triage: {...triage([stoppedStep]), status: 'Stopped', stopped: {by: 'alice', steps: ['FraudTrain']}},
				logProblems: {},
			},
		};
		expect(triageGlance(loaded, {name: 'FraudTrain'})).toEqual([
			'FraudTrain: stopped · stopped by alice',
			`  next: sagemon retry ${arn}`,
		]);
	});

	test('before the evidence is read, the step list’s reason; hostile text is made printable', () => {
		expect(
			triageGlance(
				{state: 'loading'},
				{name: 'FraudTrain', reason: 'ClientError: bad\u001b[31m input\nmore'},
			),
		).toEqual(['FraudTrain failed: ClientError: bad^[[31m input (reading its job and log…)']);
		expect(triageGlance({state: 'failed', message: 'denied'}, undefined)).toEqual([]);
		expect(triageGlance(ready([]), {name: 'FraudTrain'})).toEqual([]);
	});
});

describe('triagePaneLines', () => {
	test('the lines of `sagemon why`, wrapped, with a blank line before each step and its heading in red', () => {
		const lines = triagePaneLines(ready([train]), 72);
		const texts = lines.map((line) => line.spans.map((span) => span.text).join(''));
		expect(texts.slice(0, 4)).toEqual([
			'Execution Failed: Step failure: One or multiple steps failed.',
			' ',
			'FraudTrain (Training): code',
			'  step reason: AlgorithmError: See job logs for more information',
		]);
		expect(lines[2]?.spans[0]).toMatchObject({tone: 'danger', bold: true});
		const next = texts.findIndex((text) => text.startsWith('  next: Read the log'));
		expect(next).toBeGreaterThan(0);
		expect(lines[next]?.spans[0]?.tone).toBe('accent');
		expect(lines[next + 1]?.spans[0]?.tone).toBe('accent');
		expect(texts.every((text) => text.length <= 68)).toBe(true);
		expect(texts).toContain("    ValueError: could not convert string to float: 'M'");
	});

	test('says so while reading, when it failed, and when a log could not be read', () => {
		expect(triagePaneLines({state: 'loading'}, 80)[0]?.spans[0]?.text).toMatch(/^Reading/);
		expect(triagePaneLines({state: 'failed', message: 'Access denied'}, 80)[0]?.spans[0]).toMatchObject({
			text: 'Could not read the triage: Access denied',
			tone: 'danger',
		});
		const withProblem = triagePaneLines(
			{state: 'ready', value: {triage: triage([train]), logProblems: {FraudTrain: 'Not allowed'}}},
			200,
		);
		expect(withProblem.at(-1)?.spans[0]?.text).toBe('Could not read the log of FraudTrain: Not allowed');
	});
});
