// `sagemon stop ARN`: asks the service to stop an execution (it goes Stopping, then Stopped).
import {AwsError} from '../aws/types.js';
import {sanitizeText} from '../pipeline/sanitize.js';
import {awsOptionsHelp, type CommandDescriptor} from './command.js';
import {connect, refuseWhenReadOnly, requireExecutionArn, singleArgument} from './command-input.js';
import {type CommandContext, ExitCode} from './context.js';

const usage = 'stop ARN';

async function run(context: CommandContext): Promise<number> {
	const executionArn = requireExecutionArn(singleArgument(context, usage));
	refuseWhenReadOnly(context, 'stop the execution');
	const {pipelines} = await connect(context);
	try {
		await pipelines.stopExecution(executionArn);
	} catch (error) {
		// The service's "Only pipelines with 'Executing' status can be stopped" does not say what the status is.
		if (error instanceof AwsError && error.kind === 'Validation' && /Executing/.test(error.message)) {
			const {status} = await pipelines.describeExecution(executionArn);
			throw new AwsError(
				'Validation',
				`The execution is already ${status}; only an Executing execution can be stopped.`,
				error.code,
			);
		}

		throw error;
	}

	context.stdout.write(
		context.flags.json
			? `${JSON.stringify({executionArn, status: 'Stopping'})}\n`
			: `Stopping ${sanitizeText(executionArn)}\n`,
	);
	return ExitCode.ok;
}

export default {
	name: 'stop',
	usage,
	summary: 'stop an execution',
	help: `
  Stop an execution: it goes Stopping, then Stopped. Refused with --read-only.

  Usage
    $ sagemon ${usage}
${awsOptionsHelp}

  Example
    $ sagemon stop "$ARN" && sagemon wait "$ARN"
`,
	flags: {},
	changesState: true,
	run,
} satisfies CommandDescriptor;
