// jobLogTailReader against the emulator's CloudWatch Logs through the real gateway: the failed job's traceback for
// `gatherTriage`, from the log group and stream prefix a DescribeTrainingJob/ProcessingJob gives.
import {CloudWatchLogsClient} from '@aws-sdk/client-cloudwatch-logs';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {jobLogTailReader} from '../../source/aws/job-log-tail.js';
import {createLogsGateway} from '../../source/aws/logs-gateway.js';
import {jobOfStep} from '../../source/aws/job-details.js';
import {createSageMakerGateway} from '../../source/aws/sagemaker-gateway.js';
import type {LogsApi} from '../../source/aws/logs-types.js';
import type {PipelinesApi} from '../../source/aws/types.js';
import type {RunningEmulator} from '../../source/emulator/index.js';
import {sageMakerClientFor, startTestEmulator, testCredentials, testRegion} from '../helpers/emulator.js';
import {readFixture} from '../helpers/fixtures.js';
import {runToEnd} from './evidence-harness.js';

let emulator: RunningEmulator;
let pipelines: PipelinesApi;
let logs: LogsApi;

beforeAll(async () => {
	emulator = await startTestEmulator({timeScale: 2000, demo: false});
	pipelines = createSageMakerGateway(sageMakerClientFor(emulator));
	logs = createLogsGateway(
		new CloudWatchLogsClient({endpoint: emulator.url, region: testRegion, credentials: testCredentials}),
	);
});

afterAll(async () => {
	await emulator?.close();
});

async function failedJob(stepName: string, tuning: Record<string, unknown>) {
	const definition = JSON.parse(readFixture('abalone-tutorial.json'));
	definition.Metadata = {'sagemon.emulator': {steps: {[stepName]: tuning}}};
	const arn = await runToEnd(pipelines, `Tail${stepName}`, definition);
	const record = (await pipelines.listSteps(arn)).find((step) => step.name === stepName);
	const job = jobOfStep(record);
	if (!job) throw new Error(`${stepName} has no job`);
	return pipelines.describeJob(job.kind, job.name);
}

describe('jobLogTailReader', () => {
	it("reads the end of a failed training job's log, ending in its traceback", async () => {
		const job = await failedJob('AbaloneTrain', {failureKind: 'algorithm', fail: 'ValueError: bad column'});
		const read = jobLogTailReader(async () => logs);
		const lines = await read(job.logGroup, job.logStreamPrefix, 200);
		expect(lines).toContain('Traceback (most recent call last):');
		expect(lines.filter((line) => line.startsWith('ValueError: bad column'))).toHaveLength(1);
		const few = await read(job.logGroup, job.logStreamPrefix, 3);
		expect(few).toHaveLength(3);
		expect(few).toEqual(lines.slice(-3));
	});

	it('reads a processing job the same way, and nothing for a group that is not a job log group', async () => {
		const job = await failedJob('AbaloneProcess', {failureKind: 'client'});
		const read = jobLogTailReader(async () => logs);
		const lines = await read(job.logGroup, job.logStreamPrefix, 200);
		expect(job.logGroup).toBe('/aws/sagemaker/ProcessingJobs');
		expect(lines.some((line) => line.includes('ClientError'))).toBe(true);
		expect(await read('/aws/lambda/other', job.logStreamPrefix, 10)).toEqual([]);
	});
});
