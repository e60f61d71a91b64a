// What DescribeProcessingJob/DescribeTrainingJob report about a job's run beyond its request: ExitMessage,
// SecondaryStatus and its transitions, and FinalMetricDataList parsed from the metric lines its log wrote (with
// the job's MetricDefinitions regexes when it has them), as the service does.
import {isRecord} from '../pipeline/expressions.js';
import type {JobRecord} from './engine/jobs.js';
import {instanceCountOf, jobLogLines, type PlannedLine} from './logs/job-log-lines.js';
import {epoch} from './operation.js';

/** Processing: the end of the container's traceback (≤ 1 KB), or the client error, when the job failed. */
export function exitMessage(job: JobRecord): string | undefined {
	const failure = job.script?.failure;
	if (job.status !== 'Failed' || !failure) return job.status === 'Failed' ? job.failureReason : undefined;
	if (failure.kind === 'client') return failure.reason.slice(0, 1024);
	if (failure.error === undefined) return undefined;
	const lines = firstInstanceLines(job).map((line) => line.message);
	const start = lines.lastIndexOf('Traceback (most recent call last):');
	const text = (start === -1 ? [failure.error] : lines.slice(start)).join('\n');
	return text.length > 1024 ? text.slice(-1024) : text;
}

const planned = new WeakMap<JobRecord, {version: string; lines: PlannedLine[]}>();

/** The first instance's planned lines, kept per job while its outcome stays the same (huge logs are tuned). */
function firstInstanceLines(job: JobRecord): PlannedLine[] {
	const version = `${job.status}:${job.endTime ?? ''}`;
	const cached = planned.get(job);
	if (cached?.version === version) return cached.lines;
	const lines = jobLogLines(job, 1, instanceCountOf(job));
	planned.set(job, {version, lines});
	return lines;
}

type Transition = {Status: string; StartTime: number; EndTime?: number; StatusMessage: string};

/** Training: the secondary statuses the job went through by `now`, the last one open while it runs. */
export function secondaryStatusTransitions(job: JobRecord, now: number): Array<Record<string, unknown>> {
	const start = job.startTime ?? now;
	const end = job.endTime ?? job.plannedEndTime ?? start;
	const span = Math.max(0, (job.plannedEndTime ?? end) - start);
	const capacity = job.script?.failure?.kind === 'capacity';
	const phases: Transition[] = [
		{
			Status: 'Starting',
			StartTime: job.creationTime,
			StatusMessage: capacity
				? 'Insufficient capacity error from EC2 while launching instances, retrying!'
				: 'Preparing the instances for training',
		},
	];
	if (!capacity) {
		phases.push(
			{Status: 'Downloading', StartTime: start, StatusMessage: 'Downloading input data'},
			{
				Status: 'Training',
				StartTime: start + span * 0.05,
				StatusMessage: 'Training image download completed. Training in progress.',
			},
		);
		if (job.status !== 'Failed')
			phases.push({
				Status: 'Uploading',
				StartTime: start + span * 0.9,
				StatusMessage: 'Uploading generated training model',
			});
	}

	const final: Record<string, [string, string]> = {
		Completed: ['Completed', 'Training job completed'],
		Failed: ['Failed', 'Training job failed'],
		Stopped: ['Stopped', 'Training job stopped'],
	};
	const ending = final[job.status];
	const reached = phases.filter((phase) => phase.StartTime <= (ending ? end : now));
	if (ending) reached.push({Status: ending[0], StartTime: end, EndTime: end, StatusMessage: ending[1]});
	for (let index = 0; index < reached.length - 1; index++)
		reached[index]!.EndTime = reached[index + 1]!.StartTime;
	return reached.map((phase) => ({
		Status: phase.Status,
		StartTime: epoch(phase.StartTime),
		...(phase.EndTime === undefined ? {} : {EndTime: epoch(phase.EndTime)}),
		StatusMessage: phase.StatusMessage,
	}));
}

/** The current secondary status: the last transition's. */
export function secondaryStatus(job: JobRecord, now: number): string {
	const transitions = secondaryStatusTransitions(job, now);
	return String(transitions[transitions.length - 1]?.Status ?? 'Starting');
}

/** Training: each metric's last value in the lines written by `now` (≤ 40, as the service keeps). */
export function finalMetricDataList(job: JobRecord, now: number): Array<Record<string, unknown>> | undefined {
	if (job.kind !== 'training' || job.startTime === undefined) return undefined;
	const start = job.startTime;
	const span = Math.max(0, (job.plannedEndTime ?? job.endTime ?? start) - start);
	const cutoff = Math.min(now, job.endTime ?? Number.POSITIVE_INFINITY);
	const written = firstInstanceLines(job).filter((line) => start + line.at * span <= cutoff);
	const values = new Map<string, {value: number; at: number}>();
	const definitions = metricDefinitions(job);
	for (const line of written) {
		const at = start + line.at * span;
		for (const [name, value] of metricsIn(line, definitions)) values.set(name, {value, at});
	}

	if (values.size === 0) return undefined;
	return [...values]
		.slice(0, 40)
		.map(([name, {value, at}]) => ({MetricName: name, Value: value, Timestamp: epoch(at)}));
}

function metricsIn(
	line: PlannedLine,
	definitions: Array<{name: string; regex?: RegExp}>,
): Array<[string, number]> {
	const found: Array<[string, number]> = [];
	const pairs = new Map<string, number>();
	if (line.message.startsWith('#metrics ')) {
		try {
			const parsed: unknown = JSON.parse(line.message.slice('#metrics '.length));
			if (isRecord(parsed))
				for (const [name, value] of Object.entries(parsed))
					if (typeof value === 'number') pairs.set(name, value);
		} catch {}
	} else if (line.message.startsWith('[epoch')) {
		for (const match of line.message.matchAll(/([\w:./-]+)=(-?\d+(?:\.\d+)?(?:[eE][-+]?\d+)?)/g))
			pairs.set(match[1]!, Number(match[2]));
	}

	if (definitions.length === 0) return [...pairs];
	for (const {name, regex} of definitions) {
		const match = regex?.exec(line.message);
		const value = match?.[1] === undefined ? pairs.get(name) : Number(match[1]);
		if (value !== undefined && Number.isFinite(value)) found.push([name, value]);
	}

	return found;
}

function metricDefinitions(job: JobRecord): Array<{name: string; regex?: RegExp}> {
	const algorithm = isRecord(job.request.AlgorithmSpecification) ? job.request.AlgorithmSpecification : {};
	const definitions = Array.isArray(algorithm.MetricDefinitions) ? algorithm.MetricDefinitions : [];
	return definitions.flatMap((definition) => {
		if (!isRecord(definition) || typeof definition.Name !== 'string') return [];
		let regex: RegExp | undefined;
		try {
			regex = typeof definition.Regex === 'string' ? new RegExp(definition.Regex) : undefined;
		} catch {
			regex = undefined;
		}

		return [{name: definition.Name, regex}];
	});
}
