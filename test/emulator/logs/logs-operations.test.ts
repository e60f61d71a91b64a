// The emulated CloudWatch Logs as a client reads it, driven by a manual clock: which groups and streams exist
// when, how a running job's log grows, GetLogEvents' tokens, FilterLogEvents' patterns and paging, and the
// service's errors.
import {describe, expect, it} from 'vitest';
import type {Json} from '../local-service.js';
import {jobPipeline, logService} from './log-service.js';

const training = '/aws/sagemaker/TrainingJobs';
const processing = '/aws/sagemaker/ProcessingJobs';

function started(steps: Json = {}, extra: Json = {}) {
	const service = logService();
	service.createPipeline('LogPipeline', jobPipeline(steps, extra));
	const arn = service.start('LogPipeline');
	return {service, arn};
}

describe('log groups and streams', () => {
	it('has no group before a job of its kind ran, and the service error for it', () => {
		const {service, arn} = started();
		expect(service.logs('DescribeLogGroups').logGroups).toEqual([]);
		expect(service.logsFailure('DescribeLogStreams', {logGroupName: training})).toEqual({
			code: 'ResourceNotFoundException',
			message: 'The specified log group does not exist.',
		});
		service.advanceUntil(() => service.step(arn, 'Prep')?.StepStatus === 'Executing');
		service.clock.advance(1000);
		expect(service.logs('DescribeLogGroups').logGroups.map((group: Json) => group.logGroupName)).toEqual([
			processing,
		]);
		expect(
			service.logsFailure('GetLogEvents', {logGroupName: training, logStreamName: 'x/algo-1-1'}).message,
		).toBe('The specified log group does not exist.');
	});

	it('names one stream per instance after the job, and the missing-stream error', () => {
		const {service, arn} = started();
		service.runToEnd(arn);
		const job = service.jobOf(arn, 'Train');
		const startSeconds = Math.floor(
			service.call('DescribeTrainingJob', {TrainingJobName: job}).TrainingStartTime,
		);
		const names = service
			.logs('DescribeLogStreams', {logGroupName: training})
			.logStreams.map((stream: Json) => stream.logStreamName);
		expect(names).toEqual([`${job}/algo-1-${startSeconds}`, `${job}/algo-2-${startSeconds}`]);
		const prep = service.logs('DescribeLogStreams', {
			logGroupName: processing,
			logStreamNamePrefix: `${service.jobOf(arn, 'Prep')}/`,
		});
		expect(prep.logStreams.map((stream: Json) => stream.logStreamName)).toEqual([
			expect.stringMatching(/\/algo-1-\d{10}$/),
		]);
		const transform = service.logs('DescribeLogStreams', {logGroupName: '/aws/sagemaker/TransformJobs'});
		expect(transform.logStreams.map((stream: Json) => stream.logStreamName)).toEqual([
			expect.stringMatching(new RegExp(`^${service.jobOf(arn, 'Score')}/i-0[0-9a-f]{16}$`)),
		]);
		expect(
			service.logsFailure('GetLogEvents', {logGroupName: training, logStreamName: `${job}/algo-9-1`}),
		).toEqual({
			code: 'ResourceNotFoundException',
			message: 'The specified log stream does not exist.',
		});
	});

	it('orders streams by last event time, descending, and pages them', () => {
		const {service, arn} = started();
		service.runToEnd(arn);
		const byTime = service.logs('DescribeLogStreams', {
			logGroupName: training,
			orderBy: 'LastEventTime',
			descending: true,
		});
		const last = byTime.logStreams.map((stream: Json) => stream.lastEventTimestamp);
		expect(last).toEqual([...last].sort((a, b) => b - a));
		const first = service.logs('DescribeLogStreams', {logGroupName: training, limit: 1});
		expect(first.logStreams).toHaveLength(1);
		const second = service.logs('DescribeLogStreams', {
			logGroupName: training,
			limit: 1,
			nextToken: first.nextToken,
		});
		expect(second.logStreams[0].logStreamName).toMatch(/algo-2-/);
		expect(second.nextToken).toBeUndefined();
		expect(
			service.logsFailure('DescribeLogStreams', {
				logGroupName: training,
				orderBy: 'LastEventTime',
				logStreamNamePrefix: 'a',
			}),
		).toEqual({
			code: 'InvalidParameterException',
			message: 'Cannot order by LastEventTime with a logStreamNamePrefix.',
		});
	});
});

describe('a running job', () => {
	it('writes its log over its run time: lines up to now, more later', () => {
		const {service, arn} = started();
		service.advanceUntil(() => service.step(arn, 'Train')?.StepStatus === 'Executing');
		service.clock.advance(60_000);
		const [stream] = service.logs('DescribeLogStreams', {logGroupName: training}).logStreams;
		const read = () =>
			service.logs('GetLogEvents', {
				logGroupName: training,
				logStreamName: stream.logStreamName,
				startFromHead: true,
			});
		const early = read();
		expect(early.events.length).toBeGreaterThan(0);
		expect(early.events.every((event: Json) => event.ingestionTime <= service.clock.now())).toBe(true);
		expect(early.events.some((event: Json) => /epoch 10\/10/.test(event.message))).toBe(false);
		service.clock.advance(300_000);
		const later = service.logs('GetLogEvents', {
			logGroupName: training,
			logStreamName: stream.logStreamName,
			nextToken: early.nextForwardToken,
		});
		expect(later.events.length).toBeGreaterThan(0);
		expect(later.events[0].timestamp).toBeGreaterThanOrEqual(early.events.at(-1).timestamp);
	});
});

describe('GetLogEvents', () => {
	function finished() {
		const {service, arn} = started();
		service.runToEnd(arn);
		const stream = service.logs('DescribeLogStreams', {logGroupName: training}).logStreams[0].logStreamName;
		const read = (input: Json = {}) =>
			service.logs('GetLogEvents', {logGroupName: training, logStreamName: stream, ...input});
		return {service, read};
	}

	it('pages forward and hands back the same token at the end', () => {
		const {read} = finished();
		const all = read({startFromHead: true}).events.map((event: Json) => event.message);
		const paged: string[] = [];
		let token: string | undefined;
		let response: Json;
		for (;;) {
			response = read(token ? {nextToken: token, limit: 4} : {startFromHead: true, limit: 4});
			paged.push(...response.events.map((event: Json) => event.message));
			if (response.nextForwardToken === token) break;
			token = response.nextForwardToken;
		}

		expect(response.events).toEqual([]);
		expect(paged).toEqual(all);
		expect(token).toMatch(/^f\/\d{56}\/s$/);
	});

	it('reads the last events by default and pages backwards to the first', () => {
		const {read} = finished();
		const all = read({startFromHead: true}).events.map((event: Json) => event.message);
		const last = read({limit: 3});
		expect(last.events.map((event: Json) => event.message)).toEqual(all.slice(-3));
		const pages: string[][] = [last.events.map((event: Json) => event.message)];
		let token = last.nextBackwardToken;
		for (;;) {
			const response = read({nextToken: token, limit: 3});
			if (response.nextBackwardToken === token) break;
			pages.unshift(response.events.map((event: Json) => event.message));
			token = response.nextBackwardToken;
		}

		expect(pages.flat()).toEqual(all);
	});

	it('keeps to startTime and endTime', () => {
		const {read} = finished();
		const all = read({startFromHead: true}).events;
		const from = all[3].timestamp;
		const to = all[6].timestamp;
		const window = read({startFromHead: true, startTime: from, endTime: to}).events;
		expect(window.map((event: Json) => event.timestamp)).toEqual(
			all
				.filter((event: Json) => event.timestamp >= from && event.timestamp <= to)
				.map((event: Json) => event.timestamp),
		);
	});
});

describe('FilterLogEvents', () => {
	it('interleaves every instance by time and pages', () => {
		const {service, arn} = started();
		service.runToEnd(arn);
		const job = service.jobOf(arn, 'Train');
		const all = service.logs('FilterLogEvents', {logGroupName: training, logStreamNamePrefix: `${job}/`});
		const times = all.events.map((event: Json) => event.timestamp);
		expect(times).toEqual([...times].sort((a, b) => a - b));
		expect(new Set(all.events.map((event: Json) => event.logStreamName)).size).toBe(2);
		expect(all.searchedLogStreams).toHaveLength(2);
		const paged: Json[] = [];
		let token: string | undefined;
		do {
			const page = service.logs('FilterLogEvents', {
				logGroupName: training,
				logStreamNamePrefix: `${job}/`,
				limit: 7,
				nextToken: token,
			});
			paged.push(...page.events);
			token = page.nextToken;
		} while (token);
		expect(paged.map((event) => event.eventId)).toEqual(all.events.map((event: Json) => event.eventId));
		expect(new Set(paged.map((event) => event.eventId)).size).toBe(paged.length);
	});

	it('matches terms, quoted phrases, exclusions and named streams', () => {
		const {service, arn} = started({Train: {fail: 'ValueError: bad input'}});
		service.runToEnd(arn);
		const messages = (input: Json) =>
			service
				.logs('FilterLogEvents', {logGroupName: training, ...input})
				.events.map((event: Json) => event.message);
		expect(messages({filterPattern: 'ValueError'})).toEqual(['ValueError: bad input']);
		expect(messages({filterPattern: '"most recent call"'})).toEqual(['Traceback (most recent call last):']);
		expect(messages({filterPattern: 'epoch -validation'})).toEqual([]);
		const stream = service.logs('DescribeLogStreams', {logGroupName: training}).logStreams[1].logStreamName;
		const named = service.logs('FilterLogEvents', {
			logGroupName: training,
			logStreamNames: [stream],
			filterPattern: 'epoch',
		});
		expect(named.events).toHaveLength(10);
		expect(named.events.every((event: Json) => event.logStreamName === stream)).toBe(true);
		expect(
			service.logsFailure('FilterLogEvents', {logGroupName: training, filterPattern: '{ $.level = "error" }'})
				.code,
		).toBe('InvalidParameterException');
	});
});

describe('tuned and stopped logs', () => {
	it('writes as many lines as logLines asks, in time order', () => {
		const {service, arn} = started({Prep: {logLines: 5000}, Train: {logLines: 3000}});
		service.runToEnd(arn);
		const read = (group: string) => {
			const [stream] = service.logs('DescribeLogStreams', {logGroupName: group}).logStreams;
			return service.logs('GetLogEvents', {
				logGroupName: group,
				logStreamName: stream.logStreamName,
				startFromHead: true,
			}).events as Json[];
		};

		const prep = read(processing);
		expect(prep.filter((event) => event.message.startsWith('Processed '))).toHaveLength(5000);
		const train = read(training);
		expect(train.filter((event) => event.message.startsWith('[batch '))).toHaveLength(3000);
		const times = train.map((event) => event.timestamp);
		expect(times).toEqual([...times].sort((a, b) => a - b));
		expect(train.findIndex((event) => event.message.startsWith('[epoch 10/10]'))).toBeGreaterThan(
			train.findIndex((event) => event.message === '[batch 2700/3000] loss=0.01925'),
		);
	});

	it('ends a stopped job’s log when it stopped', () => {
		const {service, arn} = started();
		service.advanceUntil(() => service.step(arn, 'Train')?.StepStatus === 'Executing');
		service.clock.advance(120_000);
		service.call('StopPipelineExecution', {
			PipelineExecutionArn: arn,
			ClientRequestToken: 'stop-logs-000000000000000000000001',
		});
		service.runToEnd(arn);
		const job = service.call('DescribeTrainingJob', {TrainingJobName: service.jobOf(arn, 'Train')});
		expect(job.TrainingJobStatus).toBe('Stopped');
		const events = service.logs('FilterLogEvents', {logGroupName: training}).events as Json[];
		expect(events.length).toBeGreaterThan(0);
		expect(Math.max(...events.map((event) => event.timestamp))).toBeLessThanOrEqual(
			job.TrainingEndTime * 1000,
		);
		expect(events.some((event) => /Reporting training|Traceback/.test(event.message))).toBe(false);
		expect(job.SecondaryStatusTransitions.at(-1).Status).toBe('Stopped');
	});
});

describe('naming a group', () => {
	it('pages the groups and accepts a group ARN as logGroupIdentifier', () => {
		const {service, arn} = started();
		service.runToEnd(arn);
		const first = service.logs('DescribeLogGroups', {limit: 2});
		const second = service.logs('DescribeLogGroups', {limit: 2, nextToken: first.nextToken});
		expect([...first.logGroups, ...second.logGroups].map((group: Json) => group.logGroupName)).toEqual([
			processing,
			training,
			'/aws/sagemaker/TransformJobs',
		]);
		expect(second.nextToken).toBeUndefined();
		const byArn = service.logs('DescribeLogStreams', {logGroupIdentifier: first.logGroups[1].logGroupArn});
		expect(byArn.logStreams).toHaveLength(2);
		expect(service.logsFailure('DescribeLogStreams', {}).code).toBe('InvalidParameterException');
	});
});
