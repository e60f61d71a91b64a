// The lines `sagemon wait` and `sagemon watch` print for a step as it changes.
import {describe, expect, it} from 'vitest';
import {stepLine} from '../../source/commands/step-progress.js';

const started = Date.UTC(2026, 11, 3, 10, 0, 0);
const source = 'arn:aws:sagemaker:us-east-1:123456789012:pipeline/Abalone/execution/k2nqu3l1a0bz';

describe('a step line', () => {
	it('says a selective execution reused the step, and from which execution', () => {
		const line = stepLine(
			{
				name: 'AbaloneTrain',
				status: 'Succeeded',
				startedAt: started,
				endedAt: started,
				reusedFromArn: source,
			},
			started + 1000,
		);
		expect(line).toMatch(/^Succeeded +AbaloneTrain \(0ms, reused from k2nqu3l1a0bz\)$/);
	});

	it('says a cache hit, with the attempt and the failure reason of a step that ran again', () => {
		expect(
			stepLine(
				{
					name: 'Prepare',
					status: 'Succeeded',
					startedAt: started,
					endedAt: started + 61_000,
					cacheSourceArn: source,
				},
				started + 70_000,
			),
		).toMatch(/^Succeeded +Prepare \(1m 01s, cache hit\)$/);
		expect(
			stepLine(
				{
					name: 'Train',
					status: 'Failed',
					startedAt: started,
					endedAt: started + 5000,
					attemptCount: 2,
					failureReason: 'ClientError: \u001b[31mbad\u001b[0m input',
				},
				started + 6000,
			),
			// The escape sequence from AWS is shown as text, never sent to the terminal.
		).toBe('Failed     Train (5s, attempt 2): ClientError: ^[[31mbad^[[0m input');
	});
});
