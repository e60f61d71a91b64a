// `sagemon retry ARN`: asks the service to run a failed or stopped execution again from its failed or stopped
// steps, under the same ARN (RetryPipelineExecution), as `R` does in the terminal UI.
import {AwsError} from '../aws/types.js';
import {sanitizeText} from '../pipeline/sanitize.js';
import {awsOptionsHelp, type CommandDescriptor} from './command.js';
import {connect, refuseWhenReadOnly, requireExecutionArn, singleArgument} from './command-input.js';
import {type CommandContext, ExitCode} from './context.js';

const usage = 'retry ARN';

async function run(context: CommandContext): Promise<number> {
	const executionArn = requireExecutionArn(singleArgument(context, usage));
	refuseWhenReadOnly(context, 'retry the execution');
	const {pipelines} = await connect(context);
	try {
		await pipelines.retryExecution(executionArn);
	} catch (error) {
		// The service's refusal does not always say what state the execution is in.
		if (error instanceof AwsError && (error.kind === 'Validation' || error.kind === 'Conflict')) {
			const {status} = await pipelines.describeExecution(executionArn);
			throw new AwsError(
				error.kind,
				`${error.message.replace(/\.?$/, '.')} (The execution is ${status}; only a Failed or Stopped execution can be retried.)`,
				error.code,
			);
		}

		throw error;
	}

	context.stdout.write(
		context.flags.json
			? `${JSON.stringify({executionArn, status: 'Executing'})}\n`
			: `Retrying ${sanitizeText(executionArn)}\n`,
	);
	return ExitCode.ok;
}

export default {
	name: 'retry',
	usage,
	summary: 'retry a failed or stopped execution from its failed steps',
	help: `
  Retry a failed or stopped execution: the service runs its failed and stopped steps again, and what they need,
  under the same ARN (steps that succeeded are not run again). For transient failures (capacity, throttling,
  internal errors), as \`sagemon why\` suggests. An execution that ended in a Fail step cannot be retried: start a
  new one. Refused with --read-only.

  Usage
    $ sagemon ${usage}
${awsOptionsHelp}

  Example
    $ sagemon retry "$ARN" && sagemon wait "$ARN"
`,
	flags: {},
	changesState: true,
	run,
} satisfies CommandDescriptor;
