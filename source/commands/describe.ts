// `sagemon describe ARN [--json]`: an execution's header (status, times, who started it, failure reason) and
// the parameters it ran with.
import type {ExecutionDetails, ParameterAssignment} from '../pipeline/model.js';
import {formatTimestamp} from '../pipeline/format.js';
import {sanitizeText, stringifyJson} from '../pipeline/sanitize.js';
import {awsOptionsHelp, type CommandDescriptor} from './command.js';
import {connect, requireExecutionArn, singleArgument} from './command-input.js';
import {type CommandContext, ExitCode} from './context.js';
import {executionElapsed} from './follow-execution.js';
import {pipelineNameOfExecution} from './step-progress.js';

const usage = 'describe ARN [--json]';

async function run(context: CommandContext): Promise<number> {
	const executionArn = requireExecutionArn(singleArgument(context, usage));
	const {pipelines} = await connect(context);
	const execution = await pipelines.describeExecution(executionArn);
	const parameters = await pipelines.listExecutionParameters(executionArn);
	if (context.flags.json) {
		context.stdout.write(`${stringifyJson({...execution, parameters}, 2)}\n`);
	} else {
		context.stdout.write(formatExecution(execution, parameters, Date.now()));
	}

	return ExitCode.ok;
}

export function formatExecution(
	execution: ExecutionDetails,
	parameters: ParameterAssignment[],
	now: number,
): string {
	const rows: Array<[string, string | undefined]> = [
		['Pipeline', pipelineNameOfExecution(execution)],
		['Execution', execution.arn],
		['Display name', execution.displayName],
		['Description', execution.description],
		['Status', execution.status],
		[
			'Started',
			execution.startedAt === undefined ? undefined : `${formatTimestamp(execution.startedAt)} UTC`,
		],
		[
			'Modified',
			execution.modifiedAt === undefined ? undefined : `${formatTimestamp(execution.modifiedAt)} UTC`,
		],
		[
			execution.status === 'Executing' || execution.status === 'Stopping' ? 'Running for' : 'Duration',
			executionElapsed(execution, now),
		],
		['Started by', execution.createdBy],
		['Failure reason', execution.failureReason],
		['Selective', selectionText(execution)],
	];
	const shown = rows.filter((row): row is [string, string] => row[1] !== undefined && row[1] !== '');
	// A fixed label column (the longest label) keeps the layout the same whichever rows are present.
	const width = Math.max(...rows.map(([label]) => label.length));
	const lines = shown.map(([label, value]) => `${label.padEnd(width)}  ${sanitizeText(value)}`);
	if (parameters.length === 0) {
		lines.push(`${'Parameters'.padEnd(width)}  (none)`);
	} else {
		lines.push('Parameters');
		const nameWidth = Math.max(...parameters.map((parameter) => sanitizeText(parameter.name).length));
		for (const parameter of parameters) {
			lines.push(`  ${sanitizeText(parameter.name).padEnd(nameWidth)}  ${sanitizeText(parameter.value)}`);
		}
	}

	return `${lines.join('\n')}\n`;
}

/** A selective execution's SelectiveExecutionConfig in words. */
function selectionText(execution: ExecutionDetails): string | undefined {
	const selection = execution.selectiveExecution;
	if (!selection) return undefined;
	const ran = `ran only ${selection.selectedSteps.join(', ')}`;
	return selection.sourceExecutionArn ? `${ran}; the other steps reuse ${selection.sourceExecutionArn}` : ran;
}

export default {
	name: 'describe',
	usage,
	summary: 'show an execution',
	help: `
  Show an execution: pipeline, status, times, who started it, failure reason, the steps a selective execution
  ran (and the execution it reused the others from) and its parameters.

  Usage
    $ sagemon ${usage}
${awsOptionsHelp}

  Example
    $ sagemon describe arn:aws:sagemaker:us-east-1:111122223333:pipeline/abalonepipeline/execution/d84ewltjmxhe
`,
	flags: {},
	run,
} satisfies CommandDescriptor;
