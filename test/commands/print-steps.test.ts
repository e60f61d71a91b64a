// The plain-text step views the commands print: the `steps` table and the one-line-per-change progress.
import {describe, expect, it} from 'vitest';
import type {ExecutionDetails, StepRecord} from '../../source/pipeline/model.js';
import {formatStepsTable} from '../../source/commands/print-steps.js';
import {createStepProgress} from '../../source/commands/step-progress.js';
import type {ExecutionSnapshot} from '../../source/watch/execution-poller.js';

const start = Date.UTC(2026, 10, 24, 13, 5, 12);
const steps: StepRecord[] = [
	{
		name: 'Evaluate',
		status: 'Failed',
		startedAt: start + 65_000,
		endedAt: start + 100_000,
		failureReason: 'ClientError: \u001b[31mred\u001b[0m\nsecond line',
		metadata: {ProcessingJob: {Arn: 'arn:aws:sagemaker:us-east-1:111122223333:processing-job/x'}},
	},
	{
		name: 'Prepare',
		status: 'Succeeded',
		startedAt: start,
		endedAt: start + 65_000,
		cacheSourceArn: 'arn:source',
	},
];

describe('formatStepsTable', () => {
	it('lists steps in start order with aligned columns, made safe for the terminal', () => {
		const types = new Map([['Prepare', 'Processing']]);
		expect(formatStepsTable(steps, {types, now: start + 200_000})).toBe(
			[
				'STEP      TYPE        STATUS     STARTED (UTC)        DURATION  CACHE  FAILURE REASON',
				'Prepare   Processing  Succeeded  2026-11-24 13:05:12  1m 05s    hit',
				'Evaluate  Processing  Failed     2026-11-24 13:06:17  35s       -      ClientError: ^[[31mred^[[0m second line',
				'',
			].join('\n'),
		);
	});

	it('marks the steps a selective execution reused, and says from which execution under the table', () => {
		const source = 'arn:aws:sagemaker:us-east-1:111122223333:pipeline/p/execution/old';
		const reused: StepRecord[] = [
			{
				name: 'Prepare',
				status: 'Succeeded',
				startedAt: start,
				endedAt: start + 65_000,
				reusedFromArn: source,
			},
			{name: 'Train', status: 'Succeeded', startedAt: start + 70_000, endedAt: start + 100_000},
		];
		expect(formatStepsTable(reused, {types: new Map(), now: start + 200_000})).toBe(
			[
				'STEP     TYPE  STATUS     STARTED (UTC)        DURATION  CACHE   FAILURE REASON',
				'Prepare  -     Succeeded  2026-11-24 13:05:12  1m 05s    reused',
				'Train    -     Succeeded  2026-11-24 13:06:22  30s       -',
				`Reused from ${source}: Prepare`,
				'',
			].join('\n'),
		);
	});

	it('cuts the failure reason to the terminal width', () => {
		const table = formatStepsTable(steps, {types: new Map(), now: start, width: 100});
		expect(table.split('\n')[2]).toMatch(/ {2}ClientError: \^\[\[31mred.*…$/);
		expect(table.split('\n').every((line) => line.length <= 100)).toBe(true);
	});
});

describe('createStepProgress', () => {
	const execution: ExecutionDetails = {
		arn: 'arn:aws:sagemaker:us-east-1:111122223333:pipeline/Abalone/execution/abc',
		pipelineArn: 'arn:aws:sagemaker:us-east-1:111122223333:pipeline/Abalone',
		status: 'Executing',
		displayName: 'nightly',
		startedAt: start,
	};
	const snapshot = (overrides: Partial<ExecutionSnapshot>): ExecutionSnapshot => ({
		execution,
		steps: [],
		phase: 'live',
		calls: 0,
		...overrides,
	});

	it('prints one line per change and nothing when nothing changed', () => {
		const lines: string[] = [];
		const progress = createStepProgress(
			(line) => lines.push(line),
			() => start + 5000,
		);
		progress(snapshot({steps: [{name: 'Prepare', status: 'Executing', startedAt: start}]}));
		progress(snapshot({steps: [{name: 'Prepare', status: 'Executing', startedAt: start}]}));
		progress(snapshot({steps: steps}));
		progress(
			snapshot({
				execution: {
					...execution,
					status: 'Failed',
					modifiedAt: start + 101_000,
					failureReason: 'Step failure: One or multiple steps failed.',
				},
				steps,
			}),
		);
		expect(lines.join('')).toBe(
			[
				'Execution nightly of Abalone (Executing, running for 5s)',
				'Executing  Prepare',
				'Succeeded  Prepare (1m 05s, cache hit)',
				'Failed     Evaluate (35s): ClientError: ^[[31mred^[[0m second line',
				'Execution Failed after 1m 41s: Step failure: One or multiple steps failed.',
				'',
			].join('\n'),
		);
	});
});
