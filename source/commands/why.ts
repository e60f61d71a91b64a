// `sagemon why ARN [--json] [--lines N]`: why an execution failed or was stopped, per failed step: the reasons the
// service and the job give, the end of its log, the kind of failure and the command to paste next.
import type {AnyFlags} from 'meow';
import {jobLogTailReader} from '../aws/job-log-tail.js';
import {gatherTriage} from '../aws/triage-evidence.js';
import {sanitizeText, stringifyJson} from '../pipeline/sanitize.js';
import {triageExecution} from '../pipeline/triage.js';
import {triageJson, triageLines} from '../pipeline/triage-report.js';
import {awsOptionsHelp, type CommandDescriptor, type FlagsOf} from './command.js';
import {connect, requireExecutionArn, singleArgument} from './command-input.js';
import {type CommandContext, ExitCode} from './context.js';
import {UsageError} from './report-error.js';

const usage = 'why ARN [--json] [--lines N]';

const flags = {lines: {type: 'number'}} satisfies AnyFlags;

async function run(context: CommandContext<FlagsOf<typeof flags>>): Promise<number> {
	const executionArn = requireExecutionArn(singleArgument(context, usage));
	const lines = context.flags.lines;
	if (lines !== undefined && (!Number.isInteger(lines) || lines < 0))
		throw new UsageError(`--lines must be a whole number of lines (0 or more), got ${String(lines)}.`);
	const access = await connect(context);
	const evidence = await gatherTriage(access, executionArn, {
		...(lines === undefined ? {} : {lines}),
		readLogLines: jobLogTailReader(() => access.logs()),
	});
	const triage = triageExecution(evidence);
	for (const [step, problem] of Object.entries(evidence.logProblems)) {
		context.stderr.write(
			context.flags.json
				? `${stringifyJson({warning: {step, message: `Could not read the log: ${problem}`}})}\n`
				: `sagemon: could not read the log of ${sanitizeText(step)}: ${sanitizeText(problem)}\n`,
		);
	}

	context.stdout.write(
		context.flags.json ? `${stringifyJson(triageJson(triage), 2)}\n` : `${triageLines(triage).join('\n')}\n`,
	);
	// A running execution with a failed step is answered like a failed one, so a script can stop early.
	const failed = triage.status === 'Failed' || triage.status === 'Stopped' || triage.status === 'Stopping';
	return failed || triage.failedSteps.length > 0 ? ExitCode.executionFailed : ExitCode.ok;
}

export default {
	name: 'why',
	usage,
	summary: 'why an execution failed, and what to do next',
	help: `
  Why an execution failed or was stopped: for each failed step, in DAG order, its type, the step's and the job's
  failure reasons, the job's exit message (processing) or last status (training), the end of its log (the last
  traceback), the kind of failure (transient, code, gate, stopped) and the command to run next. A Fail step shows
  its message and the condition values that led there; a stopped execution, who stopped it and when.

  Exit code 0 when the execution succeeded (it says so) or nothing has failed yet, 1 when it failed or was stopped
  (or a step of a running execution has failed), 3 for AWS errors.

  Usage
    $ sagemon ${usage}

  Options
    --lines N            log lines to show per failed step when there is no traceback (default 20)
${awsOptionsHelp}

  Example
    $ sagemon wait "$ARN" || sagemon why "$ARN"
`,
	flags,
	run,
} satisfies CommandDescriptor<typeof flags>;
