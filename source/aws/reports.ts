// Finds a step's reports (property files such as evaluation.json) and reads them from S3. Shared by the `report`
// command and the TUI's report pane. The path follows the service: the execution's own definition names the
// property files, the step's processing job names the output, the output's S3 URI + FilePath is the object.
import {lastSegmentOf} from '../pipeline/arn.js';
import {messageOf} from '../pipeline/message-of.js';
import {parseDefinition} from '../pipeline/definition.js';
import type {PropertyFileDefinition, StepDefinition, StepRecord} from '../pipeline/model.js';
import {sanitizeText} from '../pipeline/sanitize.js';
import {joinS3Uri} from './s3-uri.js';
import {
	AwsError,
	type ObjectRead,
	type ObjectStore,
	type PipelinesApi,
	type ProcessingOutput,
} from './types.js';

export type StepReport = {step: string; propertyFile: PropertyFileDefinition; uri: string};

export type StepOutputs = {
	step: StepDefinition;
	/** The step's record in this execution (absent when it has not started). */
	record?: StepRecord;
	/** The processing job's name, when the step has one. */
	jobName?: string;
	outputs: ProcessingOutput[];
};

export type Report = ObjectRead & {value: unknown};

/** `AwsError.code` when `--step` (or the TUI) names a step the execution's definition does not have. */
export const unknownStepCode = 'UnknownStep';
/** `AwsError.code` when the step named can never have a report (no property files, not a Processing step). */
export const noReportCode = 'NoReport';

/**
 * Every resolvable report of the execution, or of `stepName` only. With `stepName`, a step that cannot have
 * reports yet (not started, not a processing step, no such output) is an AwsError saying why; without it, such
 * steps are skipped, and an empty list means no step has a report to read.
 */
export async function findStepReports(
	pipelines: PipelinesApi,
	executionArn: string,
	stepName?: string,
): Promise<StepReport[]> {
	const [steps, records] = await Promise.all([
		definitionSteps(pipelines, executionArn),
		pipelines.listSteps(executionArn),
	]);
	if (stepName !== undefined) {
		const step = stepOfDefinition(steps, stepName);
		return reportsOfStep(pipelines, step, recordOf(records, step), steps);
	}

	return locateStepReports(pipelines, steps, records);
}

/**
 * The reports of `steps` (definition steps already read, with the execution's step records), for callers that
 * hold both: steps that have not run, have no processing job or lack the output are skipped.
 */
export async function locateStepReports(
	pipelines: PipelinesApi,
	steps: readonly StepDefinition[],
	records: readonly StepRecord[],
): Promise<StepReport[]> {
	const located = await Promise.all(
		steps
			.filter((step) => step.propertyFiles.length > 0)
			.map((step) =>
				locate(pipelines, step, recordOf(records, step)).catch((error: unknown) => {
					if (error instanceof AwsError && error.kind === 'NotFound') return undefined;
					throw error;
				}),
			),
	);
	return located.flatMap((found) => (found ? reportsOfOutputs(found, false) : []));
}

/**
 * The reports of one step, from what the caller already holds (the TUI's execution screen): the step's
 * definition and its record in this execution (absent when it has not started), so only the processing job is
 * read. A step that cannot have reports is an AwsError saying why; `steps`, the definition's steps, lets that
 * sentence name the steps that do have reports.
 */
export async function reportsOfStep(
	pipelines: PipelinesApi,
	step: StepDefinition,
	record: StepRecord | undefined,
	steps?: readonly StepDefinition[],
): Promise<StepReport[]> {
	if (step.propertyFiles.length === 0) {
		throw new AwsError(
			'NotFound',
			`Step ${show(step.name)} declares no property files, so it has no report${describeReportSteps(steps)}.`,
			noReportCode,
		);
	}

	return reportsOfOutputs(await locate(pipelines, step, record), true);
}

/** The step of the definition named `stepName`; an AwsError naming the steps with reports when there is none. */
export function stepOfDefinition(steps: readonly StepDefinition[], stepName: string): StepDefinition {
	const step = steps.find((candidate) => candidate.name === stepName);
	if (step) return step;
	throw new AwsError(
		'NotFound',
		`This execution's definition has no step named ${show(stepName)}${describeReportSteps(steps)}.`,
		unknownStepCode,
	);
}

/** The step's processing job and its S3 outputs, to read files of the output other than its property files. */
export async function findStepOutputs(
	pipelines: PipelinesApi,
	executionArn: string,
	stepName: string,
): Promise<StepOutputs> {
	const [steps, records] = await Promise.all([
		definitionSteps(pipelines, executionArn),
		pipelines.listSteps(executionArn),
	]);
	const step = stepOfDefinition(steps, stepName);
	return locate(pipelines, step, recordOf(records, step));
}

/**
 * Reads a report and parses it as JSON. Missing objects and access problems are the object store's AwsErrors;
 * content that is binary, cut at `maxBytes` or not JSON is a Validation AwsError (code Binary, TooLarge, NotJson).
 */
export async function readReport(
	objects: ObjectStore,
	uri: string,
	options: {maxBytes?: number} = {},
): Promise<Report> {
	const read = await objects.readObject(uri, options);
	if (looksBinary(read.text)) {
		throw new AwsError('Validation', `${show(uri)} is a binary file, not a JSON report.`, 'Binary');
	}

	if (read.truncated) {
		const size = read.size === undefined ? '' : ` (${read.size} bytes)`;
		throw new AwsError(
			'Validation',
			`${show(uri)} is too large for a report${size}: only the first ${read.text.length} characters were read.`,
			'TooLarge',
		);
	}

	try {
		return {...read, value: JSON.parse(read.text.replace(/^\uFEFF/, ''))};
	} catch (error) {
		const why = messageOf(error);
		throw new AwsError('Validation', `${show(uri)} is not valid JSON (${sanitizeText(why)}).`, 'NotJson');
	}
}

/** Text decoded from bytes that are not text: NUL bytes or many undecodable sequences. */
export function looksBinary(text: string): boolean {
	if (text.includes('\u0000')) return true;
	const sample = text.slice(0, 4096);
	let replaced = 0;
	for (const character of sample) if (character === '\uFFFD') replaced++;
	return sample.length > 0 && replaced / sample.length > 0.1;
}

async function definitionSteps(pipelines: PipelinesApi, executionArn: string): Promise<StepDefinition[]> {
	const text = await pipelines.describeExecutionDefinition(executionArn);
	const {definition} = parseDefinition(text);
	if (!definition) {
		throw new AwsError(
			'Validation',
			'The definition this execution ran with could not be read as a pipeline definition.',
		);
	}

	return definition.steps;
}

async function locate(
	pipelines: PipelinesApi,
	step: StepDefinition,
	record: StepRecord | undefined,
): Promise<StepOutputs> {
	if (!record) {
		throw new AwsError(
			'NotFound',
			`Step ${show(step.name)} has not started in this execution, so it has no output yet.`,
		);
	}

	const jobArn = processingJobArn(record);
	if (jobArn === undefined) {
		if (step.type !== 'Processing') {
			throw new AwsError(
				'NotFound',
				`Step ${show(step.name)} is a ${show(step.type)} step; only Processing steps write output files sagemon can read.`,
				noReportCode,
			);
		}

		const reason = record.failureReason ? `: ${sanitizeText(record.failureReason)}` : '';
		throw new AwsError(
			'NotFound',
			`Step ${show(step.name)} (${record.status}) has no processing job yet${reason.replace(/\.?$/, '')}.`,
		);
	}

	const jobName = lastSegmentOf(jobArn);
	const outputs = await pipelines.describeProcessingJobOutputs(jobName);
	return {step, record, jobName, outputs};
}

/** The report of each property file of the step; `strict` makes a missing output an error instead of a skip. */
function reportsOfOutputs(located: StepOutputs, strict: boolean): StepReport[] {
	const {step} = located;
	const reports: StepReport[] = [];
	for (const propertyFile of step.propertyFiles) {
		const output = located.outputs.find((candidate) => candidate.outputName === propertyFile.outputName);
		if (!output) {
			if (!strict) continue;
			throw new AwsError(
				'NotFound',
				`Processing job ${show(located.jobName ?? '')} has no output named ${show(propertyFile.outputName)} ` +
					`(property file ${show(propertyFile.name)} of step ${show(step.name)}).`,
			);
		}

		reports.push({step: step.name, propertyFile, uri: joinS3Uri(output.s3Uri, propertyFile.filePath)});
	}

	return reports;
}

function recordOf(records: readonly StepRecord[], step: StepDefinition): StepRecord | undefined {
	return records.find((candidate) => candidate.name === step.name);
}

/** The ARN of the processing job a step ran, when it ran one. */
export function processingJobArn(record: StepRecord): string | undefined {
	const job = record.metadata?.ProcessingJob;
	if (typeof job !== 'object' || job === null) return undefined;
	const arn = (job as {Arn?: unknown}).Arn;
	return typeof arn === 'string' && arn !== '' ? arn : undefined;
}

function describeReportSteps(steps: readonly StepDefinition[] | undefined): string {
	if (steps === undefined) return '';
	const names = steps.filter((step) => step.propertyFiles.length > 0).map((step) => show(step.name));
	return names.length === 0
		? ' (no step of this pipeline declares one)'
		: ` (steps with reports: ${names.join(', ')})`;
}

function show(text: string): string {
	return sanitizeText(text);
}
