// `sagemon wait ARN [--timeout S]`: follows an execution until it ends, with one progress line per change on
// stderr; the exit code is the outcome (0 Succeeded, 1 Failed or Stopped, 124 timeout).
import type {AnyFlags} from 'meow';
import {stringifyJson} from '../pipeline/sanitize.js';
import type {PipelinesApi} from '../aws/types.js';
import {formatDuration} from '../pipeline/format.js';
import {
	awsOptionsHelp,
	type CommandDescriptor,
	type FlagsOf,
	followFlags,
	followOptionsHelp,
} from './command.js';
import {connect, intervalMs, requireExecutionArn, singleArgument, timeoutMs} from './command-input.js';
import {type CommandContext, ExitCode} from './context.js';
import {followExecution, outcomeExitCode} from './follow-execution.js';
import {createStepProgress} from './step-progress.js';

const usage = 'wait ARN [--timeout S] [--interval S]';

/** The flags wait takes beyond the global ones. */
const flags = followFlags satisfies AnyFlags;

async function run(context: CommandContext<FlagsOf<typeof flags>>): Promise<number> {
	const executionArn = requireExecutionArn(singleArgument(context, usage));
	intervalMs(context);
	timeoutMs(context);
	const {pipelines} = await connect(context);
	return waitForExecution(context, pipelines, executionArn);
}

/** The body of `wait`, shared with `start --wait`. */
export async function waitForExecution(
	context: CommandContext<FlagsOf<typeof flags>>,
	pipelines: PipelinesApi,
	executionArn: string,
): Promise<number> {
	const timeout = timeoutMs(context);
	// With --json, stderr carries only errors (as JSON objects), so progress lines are left out.
	const progress = context.flags.json ? () => {} : createStepProgress((line) => context.stderr.write(line));
	const result = await followExecution({
		pipelines,
		executionArn,
		intervalMs: intervalMs(context),
		...(timeout === undefined ? {} : {timeoutMs: timeout}),
		interrupted: context.interrupted,
		onUpdate: progress,
	});
	if (result.outcome === 'ended') {
		if (context.flags.json) context.stdout.write(`${stringifyJson(result.execution, 2)}\n`);
		return outcomeExitCode(result.execution);
	}

	const status = result.snapshot.execution?.status;
	const still = status ? ` The execution is still ${status}.` : '';
	if (result.outcome === 'timeout') {
		const message = `Gave up waiting after ${formatDuration(timeout ?? 0)} (--timeout).${still}`;
		context.stderr.write(
			context.flags.json
				? `${JSON.stringify({error: {kind: 'Timeout', message}})}\n`
				: `sagemon: ${message}\n`,
		);
		return ExitCode.timeout;
	}

	context.stderr.write(`sagemon: interrupted; the execution goes on.${still}\n`);
	return ExitCode.interrupted;
}

export default {
	name: 'wait',
	usage,
	summary: 'wait for an execution to end (exit code = outcome)',
	help: `
  Wait for an execution to end, printing one line per step change on stderr.
  Exit code: 0 Succeeded, 1 Failed or Stopped, 3 AWS error, 124 --timeout elapsed.

  Usage
    $ sagemon ${usage}
${followOptionsHelp}
${awsOptionsHelp}

  Example
    $ sagemon wait "$ARN" --timeout 7200 && echo "model is ready"
`,
	flags,
	run,
} satisfies CommandDescriptor<typeof flags>;
