// `sagemon logs` as a function over in-memory SageMaker and CloudWatch Logs: a group that does not exist yet and a
// step without a job are one line each on stderr, a 10 MB line is printed whole and sanitised, flags are checked.
import {describe, expect, test} from 'vitest';
import type {JobLogEvent, LogsApi} from '../../source/aws/logs-types.js';
import {AwsError} from '../../source/aws/types.js';
import logs from '../../source/commands/logs.js';
import {reportError} from '../../source/commands/report-error.js';
import type {StepRecord} from '../../source/pipeline/model.js';
import {createFakeContext} from '../helpers/fake-command-context.js';
import {createFakePipelines, fakeAccess} from '../ui/fake-pipelines.js';

const arn = 'arn:aws:sagemaker:us-east-1:000000000000:pipeline/demo/execution/abc';
const trainJob = (name: string) => ({
	TrainingJob: {Arn: `arn:aws:sagemaker:us-east-1:000000000000:training-job/${name}`},
});
const steps: StepRecord[] = [
	{name: 'Check', status: 'Succeeded', startedAt: 3, metadata: {Condition: {Outcome: 'True'}}},
	{name: 'Train', status: 'Failed', startedAt: 2, metadata: trainJob('job-train')},
	{name: 'Prep', status: 'Succeeded', startedAt: 1, metadata: trainJob('job-prep')},
];

/** Train's group holds one huge line; Prep's group does not exist. */
function logsApi(): LogsApi {
	const events: JobLogEvent[] = [
		{stream: 'job-train/algo-1-1', instance: 'algo-1', timestamp: 1, message: 'start \u001b[2J'},
		{
			stream: 'job-train/algo-1-1',
			instance: 'algo-1',
			timestamp: 2,
			message: `huge ${'q'.repeat(10 * 1024 * 1024)}`,
		},
	];
	return {
		async findStreams(job) {
			if (job.name === 'job-prep') throw new AwsError('NotFound', 'The specified log group does not exist.');
			return [{group: '/aws/sagemaker/TrainingJobs', stream: 'job-train/algo-1-1', instance: 'algo-1'}];
		},
		readStream: async () => events,
		readTail: async (_stream, count) => events.slice(-count),
		filter: async () => events,
		follow: () => ({calls: 0, poll: async () => []}),
	};
}

async function run(args: string[], flags: Record<string, unknown> = {}) {
	const pipelines = createFakePipelines([
		{name: 'Demo', fixture: 'abalone-tutorial.json', executions: [{id: 'abc', status: 'Failed', steps}]},
	]);
	const context = createFakeContext({
		args,
		aws: async () => fakeAccess(pipelines, {logs: async () => logsApi()}),
	});
	Object.assign(context.flags, {failed: false, follow: false, ...flags});
	let code: number;
	try {
		code = await logs.run(context as unknown as Parameters<typeof logs.run>[0]);
	} catch (error) {
		code = reportError(context, error);
	}

	return {code, out: context.out(), err: context.err()};
}

describe('sagemon logs', () => {
	test('matrix: a missing log group [command] — one line on stderr; a step without a job too; the rest printed', async () => {
		const result = await run([arn]);
		expect(result.code).toBe(0);
		expect(result.err).toBe(
			'Step Prep: the log group /aws/sagemaker/TrainingJobs does not exist yet (no training job has written a log).\n' +
				'Step Check has no logs (a Condition step: only Processing, Training and Transform jobs write logs).\n',
		);
		expect(result.out.startsWith('Train algo-1 | start ^[[2J\n')).toBe(true);
	});

	test('matrix: a 10 MB single log line [command] — printed whole on one line', async () => {
		const result = await run([arn], {failed: true, tail: 1});
		expect(result.out).toBe(`Train algo-1 | huge ${'q'.repeat(10 * 1024 * 1024)}\n`);
	});

	test('--failed only the failed steps; bad flags are usage errors (exit 2)', async () => {
		const failed = await run([arn], {failed: true, grep: 'start'});
		expect(failed.out).toBe('Train algo-1 | start ^[[2J\n');
		expect(failed.err).toBe('');
		expect((await run([arn], {step: 'Train', failed: true})).code).toBe(2);
		expect((await run([arn], {tail: -1})).code).toBe(2);
		expect((await run([arn], {since: 'soon'})).err).toMatch(/--since takes a duration such as 30s/);
		expect((await run(['not-an-arn'])).code).toBe(2);
	});
});
