// `sagemon watch ARN`: follows an execution like `gh run watch`. On a terminal it redraws a compact live list;
// without one (or on TERM=dumb, or with --plain) it prints one line per status change. Exits with the outcome's code.
import type {AnyFlags} from 'meow';
import {supportsUnicode} from '../pipeline/terminal-charset.js';
import {sanitizeText, stringifyJson} from '../pipeline/sanitize.js';
import type {ExecutionSnapshot} from '../watch/execution-poller.js';
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
import {createLiveSteps} from './live-steps.js';
import {createStepProgress, executionLine} from './step-progress.js';

const usage = 'watch ARN [--plain] [--interval S] [--timeout S]';

/** The flags watch takes beyond the global ones. */
const flags = followFlags satisfies AnyFlags;

async function run(context: CommandContext<FlagsOf<typeof flags>>): Promise<number> {
	const executionArn = requireExecutionArn(singleArgument(context, usage));
	const interval = intervalMs(context);
	const timeout = timeoutMs(context);
	const {pipelines} = await connect(context);
	// A dumb terminal cannot move the cursor back to redraw: it gets the plain lines.
	const live =
		context.stdout.isTTY && context.env.TERM !== 'dumb' && !context.flags.plain && !context.flags.json;

	let onUpdate: (snapshot: ExecutionSnapshot) => void;
	let ticker: ReturnType<typeof setInterval> | undefined;
	if (live) {
		const view = createLiveSteps(context.stdout, {
			color: context.flags.color && !context.env.NO_COLOR,
			unicode: supportsUnicode(context.env),
		});
		let latest: ExecutionSnapshot | undefined;
		onUpdate = (snapshot) => {
			latest = snapshot;
			view.draw(snapshot);
		};
		// Running times tick every second; the data itself only changes when the poller says so.
		ticker = setInterval(() => {
			if (latest) view.draw(latest);
		}, 1000);
	} else if (context.flags.json) {
		onUpdate = () => {};
	} else {
		onUpdate = createStepProgress((line) => context.stdout.write(line));
	}

	try {
		const result = await followExecution({
			pipelines,
			executionArn,
			intervalMs: interval,
			...(timeout === undefined ? {} : {timeoutMs: timeout}),
			interrupted: context.interrupted,
			onUpdate,
		});
		if (result.outcome === 'ended') {
			if (context.flags.json) context.stdout.write(`${stringifyJson(result.execution, 2)}\n`);
			else if (live) context.stdout.write(`${executionLine(result.execution, Date.now())}\n`);
			return outcomeExitCode(result.execution);
		}

		const status = result.snapshot.execution?.status;
		const still = status ? ` The execution is still ${status}.` : '';
		if (result.outcome === 'timeout') {
			context.stderr.write(`sagemon: stopped watching after --timeout.${sanitizeText(still)}\n`);
			return ExitCode.timeout;
		}

		context.stderr.write(`sagemon: stopped watching; the execution goes on.${still}\n`);
		return ExitCode.interrupted;
	} finally {
		if (ticker !== undefined) clearInterval(ticker);
	}
}

export default {
	name: 'watch',
	usage,
	summary: 'follow an execution, one line per change',
	help: `
  Follow an execution until it ends. On a terminal it redraws a compact list of steps; when the output
  is not a terminal, on TERM=dumb, or with --plain it prints one line per status change. Exit code = outcome.

  Usage
    $ sagemon ${usage}
${followOptionsHelp}
${awsOptionsHelp}

  Example
    $ sagemon watch "$ARN" --plain | tee execution.log
`,
	flags,
	run,
} satisfies CommandDescriptor<typeof flags>;
