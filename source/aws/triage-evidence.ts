// Gathers what `triageExecution` takes for one execution: the execution, its definition, parameters and merged
// steps, then only for failed or stopped steps the job's details, the log's last lines, and the property-file
// values a Fail step's gate condition read. Succeeded steps cost no call.
import {findReferences, isRecord} from '../pipeline/expressions.js';
import type {StepView} from '../pipeline/execution-state.js';
import type {JobDetails, PipelineDefinition} from '../pipeline/model.js';
import {getByPath} from '../pipeline/property-path.js';
import {defaultLogLines, type TriageInput} from '../pipeline/triage.js';
import {mapBounded} from './bounded-map.js';
import {type EvidenceAccess, gatherExecution, optional, readReportValue} from './execution-evidence.js';
import {jobOfStep} from './job-details.js';
import {locateStepReports} from './reports.js';
import {AwsError, type AwsErrorKind} from './types.js';

/** The last `limit` lines of the job's log streams (oldest first); the CloudWatch Logs adapter provides it. */
export type ReadLogLines = (group: string, streamPrefix: string, limit: number) => Promise<string[]>;

export type TriageOptions = {
	/** How many log lines the triage keeps (`--lines`); 20 when absent. */
	lines?: number;
	/** Without it no log is read. */
	readLogLines?: ReadLogLines;
};

/** The triage input, with each described job in full (its log group and stream prefix, for opening the log). */
export type TriageEvidence = TriageInput & {
	jobs: Record<string, JobDetails>;
	logs: Record<string, string[]>;
	/** Per step, why its log could not be read (no permission, throttled...): the triage is shown without it. */
	logProblems: Record<string, string>;
};

/** A traceback can start well before the last `--lines` lines: at least this many are read to find it. */
const minimumLogLines = 200;

/** Errors a log read passes on: the same would fail every other call. */
const unrecoverable = new Set<AwsErrorKind>(['ExpiredCredentials', 'NoCredentials', 'NoRegion', 'Network']);

/** Calls in flight at once while reading per-step evidence. */
const concurrency = 4;

export async function gatherTriage(
	access: EvidenceAccess,
	executionArn: string,
	options: TriageOptions = {},
): Promise<TriageEvidence> {
	const {execution, parameters, definition, steps} = await gatherExecution(access.pipelines, executionArn);
	const lines = options.lines ?? defaultLogLines;
	const failed = steps.filter(
		(view) => view.state === 'failed' || view.state === 'stopped' || view.state === 'stopping',
	);
	const jobs: Record<string, JobDetails> = {};
	const logs: Record<string, string[]> = {};
	const logProblems: Record<string, string> = {};
	const [, propertyFiles] = await Promise.all([
		mapBounded(failed, concurrency, async (view) => {
			const job = jobOfStep(view.record);
			if (!job) return;
			const details = await optional(() => access.pipelines.describeJob(job.kind, job.name));
			if (!details) return;
			jobs[view.name] = details;
			const read = options.readLogLines;
			if (!read) return;
			try {
				logs[view.name] = await read(
					details.logGroup,
					details.logStreamPrefix,
					Math.max(lines, minimumLogLines),
				);
			} catch (error) {
				// A log is the least of the evidence: without logs permission the reasons still answer "why".
				if (!(error instanceof AwsError) || unrecoverable.has(error.kind)) throw error;
				if (error.kind !== 'NotFound') logProblems[view.name] = error.message;
			}
		}),
		gateValues(access, definition, failed, steps),
	]);
	const evidence: TriageEvidence = {
		execution,
		parameters,
		steps,
		jobs,
		logs,
		logProblems,
		logLines: lines,
	};
	if (definition) evidence.definition = definition;
	if (propertyFiles.size > 0) {
		evidence.readPropertyFile = (step, file, jsonPath) => {
			const key = fileKey(step, file);
			return propertyFiles.has(key) ? getByPath(propertyFiles.get(key), jsonPath) : undefined;
		};
	}

	return evidence;
}

/** The property files a failed Fail step's message and its gate condition read, parsed, by step and file. */
async function gateValues(
	access: EvidenceAccess,
	definition: PipelineDefinition | undefined,
	failed: StepView[],
	steps: StepView[],
): Promise<Map<string, unknown>> {
	const values = new Map<string, unknown>();
	if (!definition) return values;
	const wanted = new Set<string>();
	for (const view of failed) {
		if (view.type !== 'Fail') continue;
		const fail = definition.steps.find((step) => step.name === view.name);
		const condition = definition.steps.find((step) => step.name === fail?.parent?.condition);
		const read = [
			fail?.arguments,
			isRecord(condition?.arguments) ? condition.arguments.Conditions : undefined,
		];
		for (const reference of findReferences(read))
			if (reference.kind === 'propertyFile') wanted.add(fileKey(reference.step, reference.file));
	}

	if (wanted.size === 0) return values;
	const writers = definition.steps.filter((step) =>
		step.propertyFiles.some((file) => wanted.has(fileKey(step.name, file.name))),
	);
	const records = steps.flatMap((view) => (view.record ? [view.record] : []));
	const reports = (await locateStepReports(access.pipelines, writers, records)).filter((report) =>
		wanted.has(fileKey(report.step, report.propertyFile.name)),
	);
	await mapBounded(reports, concurrency, async (report) => {
		const read = await readReportValue(access.objects, report.uri);
		if (read) values.set(fileKey(report.step, report.propertyFile.name), read.value);
	});
	return values;
}

function fileKey(step: string, file: string): string {
	return `${step}\u0000${file}`;
}
