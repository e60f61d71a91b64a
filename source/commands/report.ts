// `sagemon report ARN [--step STEP] [--file NAME]`: prints a step's report (a property file such as
// evaluation.json) read from S3, found through the step's processing job outputs.
import type {AnyFlags} from 'meow';
import {
	findStepOutputs,
	findStepReports,
	looksBinary,
	readReport,
	type StepReport,
	noReportCode,
	unknownStepCode,
} from '../aws/reports.js';
import {joinS3Uri} from '../aws/s3-uri.js';
import {type AwsAccess, AwsError, type ObjectRead} from '../aws/types.js';
import {formatTimestamp} from '../pipeline/format.js';
import {sanitizeText, stringifyJson} from '../pipeline/sanitize.js';
import {awsOptionsHelp, type CommandDescriptor, type FlagsOf} from './command.js';
import {connect, requireExecutionArn, singleArgument} from './command-input.js';
import {type CommandContext, ExitCode} from './context.js';
import {UsageError} from './report-error.js';

const usage = 'report ARN [--step STEP] [--file NAME]';

type Printed = {
	step: string;
	propertyFile?: string;
	uri: string;
	lastModified?: number;
	value?: unknown;
	text?: string;
	/** Only the first part of the object was read (`text` holds it); `size` is the whole object's. */
	truncated?: boolean;
	size?: number;
};

/** The flags report takes beyond the global ones. */
const flags = {step: {type: 'string'}, file: {type: 'string'}} satisfies AnyFlags;

async function run(context: CommandContext<FlagsOf<typeof flags>>): Promise<number> {
	const executionArn = requireExecutionArn(singleArgument(context, usage));
	const {step, file} = context.flags;
	const aws = await connect(context);
	let printed: Printed[];
	try {
		printed = await collect(aws, executionArn, step, file);
	} catch (error) {
		// A step that does not exist or can never have a report, or a --file that is not there, is the input's
		// fault (exit 2), not AWS's.
		if (error instanceof AwsError && (error.code === unknownStepCode || error.code === noReportCode))
			throw new UsageError(error.message);
		throw error;
	}

	if (context.flags.json) {
		context.stdout.write(`${stringifyJson(printed.length === 1 ? printed[0] : printed, 2)}\n`);
		return ExitCode.ok;
	}

	for (const item of printed) {
		const modified =
			item.lastModified === undefined ? '' : `, modified ${formatTimestamp(item.lastModified)} UTC`;
		const label = item.propertyFile ? `${item.step}/${item.propertyFile}` : item.step;
		const cut = item.truncated ? ` (showing the first ${describeCut(item)})` : '';
		context.stderr.write(`${sanitizeText(label)}: ${sanitizeText(item.uri)}${modified}${cut}\n`);
		const body = item.value === undefined ? (item.text ?? '') : JSON.stringify(item.value, null, 2);
		context.stdout.write(`${sanitizeText(body, {multiline: true}).replace(/\n?$/, '\n')}`);
	}

	return ExitCode.ok;
}

async function collect(
	aws: AwsAccess,
	executionArn: string,
	step: string | undefined,
	file: string | undefined,
): Promise<Printed[]> {
	const reports = await findReports(aws, executionArn, step, file !== undefined);
	if (file === undefined) {
		if (reports.length === 0) {
			throw new AwsError(
				'NotFound',
				'No step of this execution has a report to read yet (no property file of a started Processing step).',
			);
		}

		return Promise.all(reports.map((found) => readPropertyFile(aws, found)));
	}

	const named = reports.filter(
		(found) =>
			found.propertyFile.name === file ||
			found.propertyFile.filePath.replace(/^\/+/, '') === file.replace(/^\/+/, ''),
	);
	if (named.length > 0) return Promise.all(named.map((found) => readPropertyFile(aws, found)));
	return [await readOutputFile(aws, executionArn, step ?? onlyStep(reports), file)];
}

/** With --file, a step without property files may still have the file in its output: no reports, no error. */
async function findReports(aws: AwsAccess, executionArn: string, step: string | undefined, lenient: boolean) {
	try {
		return await findStepReports(aws.pipelines, executionArn, step);
	} catch (error) {
		const missing = error instanceof AwsError && error.kind === 'NotFound' && error.code !== unknownStepCode;
		if (lenient && step !== undefined && missing) return [];
		throw error;
	}
}

async function readPropertyFile(aws: AwsAccess, found: StepReport): Promise<Printed> {
	const printed: Printed = {step: found.step, propertyFile: found.propertyFile.name, uri: found.uri};
	let read: ObjectRead;
	try {
		const parsed = await readReport(aws.objects, found.uri);
		read = parsed;
		printed.value = parsed.value;
	} catch (error) {
		// Too large or not JSON: print the text as it is, cut at the read limit, rather than nothing.
		if (!(error instanceof AwsError && (error.code === 'TooLarge' || error.code === 'NotJson'))) throw error;
		read = await aws.objects.readObject(found.uri);
		printed.text = read.text;
		if (read.truncated) printed.truncated = true;
		if (read.size !== undefined) printed.size = read.size;
	}

	if (read.lastModified !== undefined) printed.lastModified = read.lastModified;
	return printed;
}

/** "256 KB of 50.0 MB": how much of the object is shown. */
function describeCut(item: Printed): string {
	const shown = `${Math.round(Buffer.byteLength(item.text ?? '') / 1024)} KB`;
	if (item.size === undefined) return shown;
	const whole =
		item.size >= 1024 * 1024
			? `${(item.size / 1024 / 1024).toFixed(1)} MB`
			: `${Math.round(item.size / 1024)} KB`;
	return `${shown} of ${whole}`;
}

/** `--file` naming a file of the step's output that is not a declared property file (OUTPUT/path or path). */
async function readOutputFile(
	aws: AwsAccess,
	executionArn: string,
	step: string,
	file: string,
): Promise<Printed> {
	const {outputs, jobName} = await findStepOutputs(aws.pipelines, executionArn, step);
	const slash = file.indexOf('/');
	const prefixed =
		slash > 0 ? outputs.find((output) => output.outputName === file.slice(0, slash)) : undefined;
	const output = prefixed ?? (outputs.length === 1 ? outputs[0] : undefined);
	if (!output) {
		const names = outputs.map((candidate) => candidate.outputName).join(', ') || 'none';
		throw new UsageError(
			`--file ${sanitizeText(file)}: name the output first (OUTPUT/path); the outputs of ${sanitizeText(jobName ?? step)} are ${sanitizeText(names)}.`,
		);
	}

	const uri = joinS3Uri(output.s3Uri, prefixed ? file.slice(slash + 1) : file);
	let read: ObjectRead;
	try {
		read = await aws.objects.readObject(uri);
	} catch (error) {
		if (error instanceof AwsError && error.kind === 'NotFound')
			throw new UsageError(`--file ${sanitizeText(file)}: ${error.message}`);
		throw error;
	}

	if (looksBinary(read.text))
		throw new AwsError('Validation', `${sanitizeText(uri)} is a binary file; sagemon prints text only.`);
	let value: unknown;
	try {
		value = JSON.parse(read.text);
	} catch {
		value = undefined;
	}

	return {
		step,
		uri,
		...(read.lastModified === undefined ? {} : {lastModified: read.lastModified}),
		...(value === undefined
			? {text: read.text + (read.truncated ? `\n… (cut at ${read.text.length} characters)` : '')}
			: {value}),
	};
}

/** With --file and no --step, the step whose output to read must be unambiguous. */
function onlyStep(reports: StepReport[]): string {
	const steps = [...new Set(reports.map((found) => found.step))];
	if (steps.length === 1) return steps[0]!;
	throw new UsageError(
		steps.length === 0
			? '--file needs --step STEP: no step of this execution has a report to read yet.'
			: `--file needs --step STEP to choose among ${steps.map((name) => sanitizeText(name)).join(', ')}.`,
	);
}

export default {
	name: 'report',
	usage,
	summary: "print a step's report (e.g. evaluation.json)",
	help: `
  Print a step's report: a property file (such as evaluation.json) that a Processing step wrote to S3,
  found through the step's processing job outputs. Without --step, every report of the execution.

  Usage
    $ sagemon ${usage}

  Options
    --step STEP    the step whose report to print
    --file NAME    a property file name, or another file of the step's output (OUTPUT/path or path)
${awsOptionsHelp}

  Examples
    $ sagemon report "$ARN" --step AbaloneEval
    $ sagemon report "$ARN" --step AbaloneEval --json | jq .value.regression_metrics.mse.value
`,
	flags,
	run,
} satisfies CommandDescriptor<typeof flags>;
