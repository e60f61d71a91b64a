// `sagemon steps ARN [--json]`: the execution's steps as a table (step, type, status, started, duration, cache,
// failure reason), or the raw list with --json.
import {stringifyJson} from '../pipeline/sanitize.js';
import type {PipelinesApi} from '../aws/types.js';
import {parseDefinition} from '../pipeline/definition.js';
import {awsOptionsHelp, type CommandDescriptor} from './command.js';
import {connect, requireExecutionArn, singleArgument} from './command-input.js';
import {type CommandContext, ExitCode} from './context.js';
import {formatStepsTable} from './print-steps.js';

const usage = 'steps ARN [--json]';

async function run(context: CommandContext): Promise<number> {
	const executionArn = requireExecutionArn(singleArgument(context, usage));
	const {pipelines} = await connect(context);
	const records = await pipelines.listSteps(executionArn);
	if (context.flags.json) {
		context.stdout.write(`${stringifyJson(records, 2)}\n`);
		return ExitCode.ok;
	}

	if (records.length === 0) {
		context.stderr.write('No step has started in this execution yet.\n');
		return ExitCode.ok;
	}

	const types = await stepTypes(pipelines, executionArn);
	context.stdout.write(
		formatStepsTable(records, {
			types,
			now: Date.now(),
			...(context.stdout.isTTY && context.stdout.columns ? {width: context.stdout.columns} : {}),
		}),
	);
	return ExitCode.ok;
}

/** Step name → type from the definition the execution ran with; empty when it cannot be read. */
async function stepTypes(pipelines: PipelinesApi, executionArn: string): Promise<Map<string, string>> {
	const text = await pipelines.describeExecutionDefinition(executionArn);
	const {definition} = parseDefinition(text);
	return new Map((definition?.steps ?? []).map((step) => [step.name, step.type]));
}

export default {
	name: 'steps',
	usage,
	summary: "list an execution's steps",
	help: `
  List an execution's steps: step, type, status, started, duration, cache and failure reason.
  Only steps that have started appear, as the service lists them. --json prints the raw list.

  Usage
    $ sagemon ${usage}
${awsOptionsHelp}

  Example
    $ sagemon steps "$ARN"
`,
	flags: {},
	run,
} satisfies CommandDescriptor;
