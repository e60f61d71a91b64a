// `sagemon delete NAME [--yes]`: deletes a pipeline (and with it every execution). Asks first on a terminal;
// without a terminal it needs --yes.
import type {AnyFlags} from 'meow';
import {sanitizeText, stringifyJson} from '../pipeline/sanitize.js';
import {awsOptionsHelp, type CommandDescriptor, type FlagsOf} from './command.js';
import {connect, refuseWhenReadOnly, requirePipelineName, singleArgument} from './command-input.js';
import {askYesNo} from './confirm.js';
import {type CommandContext, ExitCode} from './context.js';
import {UsageError} from './report-error.js';

const usage = 'delete NAME [--yes]';

/** The flags delete takes beyond the global ones. */
const flags = {yes: {type: 'boolean', shortFlag: 'y', default: false}} satisfies AnyFlags;

async function run(context: CommandContext<FlagsOf<typeof flags>>): Promise<number> {
	const name = requirePipelineName(singleArgument(context, usage));
	refuseWhenReadOnly(context, `delete pipeline ${name}`);
	if (!context.flags.yes && !context.stdinIsTTY) {
		throw new UsageError(
			`delete asks for confirmation, but stdin is not a terminal: pass --yes to delete pipeline ${name}.`,
		);
	}

	const {pipelines} = await connect(context);
	// Fails with "not found" before asking about a pipeline that is not there.
	const pipeline = await pipelines.describePipeline(name);
	if (!context.flags.yes) {
		let interrupted = false;
		void context.interrupted.then(() => {
			interrupted = true;
		});
		const confirmed = await askYesNo(
			`Delete pipeline ${sanitizeText(pipeline.name)} and all its executions? This cannot be undone. [y/N] `,
			context.interrupted,
		);
		if (!confirmed || interrupted) {
			context.stderr.write(`${interrupted ? '\n' : ''}Nothing was deleted.\n`);
			return interrupted ? ExitCode.interrupted : ExitCode.usage;
		}
	}

	await pipelines.deletePipeline(name);
	context.stdout.write(
		context.flags.json
			? `${stringifyJson({pipelineName: name, pipelineArn: pipeline.arn, deleted: true})}\n`
			: `Deleted pipeline ${name}\n`,
	);
	return ExitCode.ok;
}

export default {
	name: 'delete',
	usage,
	summary: 'delete a pipeline',
	help: `
  Delete a pipeline and all its executions. Asks for confirmation on a terminal; without a terminal
  it needs --yes. Refused with --read-only.

  Usage
    $ sagemon ${usage}
${awsOptionsHelp}

  Example
    $ sagemon delete AbalonePipeline --yes
`,
	flags,
	changesState: true,
	run,
} satisfies CommandDescriptor<typeof flags>;
