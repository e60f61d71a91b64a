// `sagemon diff ARN_A ARN_B [--json] [--all]`: compares two executions (parameters, definition, steps, reports
// and training metrics), printing the rows that changed, or every row with --all.
import type {AnyFlags} from 'meow';
import {gatherDiff} from '../aws/diff-evidence.js';
import {changedOnly, diffExecutions} from '../pipeline/execution-diff.js';
import {executionDiffLines} from '../pipeline/execution-diff-text.js';
import {sanitizeText, stringifyJson} from '../pipeline/sanitize.js';
import {awsOptionsHelp, type CommandDescriptor, type FlagsOf} from './command.js';
import {connect, requireExecutionArn} from './command-input.js';
import {type CommandContext, ExitCode} from './context.js';
import {UsageError} from './report-error.js';

const usage = 'diff ARN_A ARN_B [--json] [--all]';

/** The flags diff takes beyond the global ones. */
const flags = {all: {type: 'boolean', default: false}} satisfies AnyFlags;

async function run(context: CommandContext<FlagsOf<typeof flags>>): Promise<number> {
	const [arnA, arnB] = twoArguments(context).map(requireExecutionArn) as [string, string];
	const aws = await connect(context);
	const {a, b} = await gatherDiff(aws, arnA, arnB);
	const full = diffExecutions(a, b);
	if (context.flags.json) {
		context.stdout.write(`${stringifyJson(context.flags.all ? full : changedOnly(full), 2)}\n`);
		return ExitCode.ok;
	}

	context.stdout.write(`${executionDiffLines(full, {all: context.flags.all}).join('\n')}\n`);
	return ExitCode.ok;
}

function twoArguments(context: CommandContext): string[] {
	const values = context.args.filter((value) => value.trim() !== '');
	if (values.length === 2 && context.args.length === 2) return values;
	const got = context.args.length === 0 ? 'none' : context.args.map((item) => sanitizeText(item)).join(' ');
	throw new UsageError(`diff takes two execution ARNs, got ${got}: sagemon ${usage}`);
}

export default {
	name: 'diff',
	usage,
	summary: 'compare two executions: parameters, definition, steps, reports and metrics',
	help: `
  Compare two executions: the parameters whose values differ, whether they ran the same pipeline version (and if
  not, the steps added, removed or changed), per step its status, duration, attempts, cache use and instance
  type and count, and the values of every report (property files such as evaluation.json) and training metric
  (FinalMetricDataList), side by side with the change. The executions may belong to different pipelines.

  Usage
    $ sagemon ${usage}

  Options
    --all          every row, also those that did not change (with --json too)
${awsOptionsHelp}

  With --json, one object: {"parameters": [...], "definition": {...}, "steps": [...], "reports": [...]}, each
  row with both values ("a", "b"), "changed", and for numbers "delta" and "percent" (of A's value).

  Examples
    $ sagemon diff "$BEFORE" "$AFTER"
    $ sagemon diff "$BEFORE" "$AFTER" --json |
        jq -e '[.reports[] | select(.path == "regression_metrics.mse.value" and .percent > 5)] | length == 0'
`,
	flags,
	run,
} satisfies CommandDescriptor<typeof flags>;
