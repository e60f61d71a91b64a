// `sagemon models [GROUP]`: the model package groups, or one group's versions newest first with their approval
// status, when and by which execution they were registered, and their key metrics next to the approved version's.
import stringWidth from 'string-width';
import {gatherModelVersions, type ModelVersion} from '../aws/model-versions.js';
import type {ModelPackageGroupSummary} from '../aws/registry-types.js';
import {isExecutionArn, executionIdOf} from '../pipeline/arn.js';
import {formatTimestamp} from '../pipeline/format.js';
import {describeMetrics} from '../pipeline/model-metrics.js';
import {sanitizeText, stringifyJson} from '../pipeline/sanitize.js';
import {awsOptionsHelp, type CommandDescriptor} from './command.js';
import {connect} from './command-input.js';
import {type CommandContext, ExitCode} from './context.js';
import {UsageError} from './report-error.js';

const usage = 'models [GROUP]';

async function run(context: CommandContext): Promise<number> {
	if (context.args.length > 1)
		throw new UsageError(`models takes at most one argument (a model package group): sagemon ${usage}`);
	const [group] = context.args;
	const aws = await connect(context);
	const registry = await aws.registry();
	if (group === undefined) {
		const groups: ModelPackageGroupSummary[] = [];
		let nextToken: string | undefined;
		do {
			const page = await registry.listGroups({nextToken});
			groups.push(...page.items);
			nextToken = page.nextToken;
		} while (nextToken);
		if (context.flags.json) context.stdout.write(`${stringifyJson(groups, 2)}\n`);
		// Like a group without versions below: the news goes to stderr, so a script reading stdout gets no rows.
		else if (groups.length === 0)
			context.stderr.write(
				'No model package groups yet: a pipeline run with a RegisterModel step creates one.\n',
			);
		else context.stdout.write(formatGroups(groups));
		return ExitCode.ok;
	}

	const {versions, approved} = await gatherModelVersions(registry, aws.objects, group);
	if (context.flags.json) {
		context.stdout.write(`${stringifyJson({group, approvedVersion: approved?.version, versions}, 2)}\n`);
		return ExitCode.ok;
	}

	if (versions.length === 0) context.stderr.write(`${sanitizeText(group)} has no versions yet.\n`);
	else context.stdout.write(formatVersions(versions, approved));
	for (const version of versions)
		for (const problem of version.metricProblems)
			context.stderr.write(`version ${version.version ?? '?'}: ${sanitizeText(problem)}\n`);
	return ExitCode.ok;
}

function formatGroups(groups: ModelPackageGroupSummary[]): string {
	return table(
		['GROUP', 'STATUS', 'CREATED (UTC)', 'DESCRIPTION'],
		groups.map((group) => [
			sanitizeText(group.name),
			sanitizeText(group.status),
			group.createdAt === undefined ? '-' : formatTimestamp(group.createdAt),
			sanitizeText(group.description ?? ''),
		]),
	);
}

function formatVersions(versions: ModelVersion[], approved: ModelVersion | undefined): string {
	return table(
		['VERSION', 'APPROVAL', 'REGISTERED (UTC)', 'BY', 'METRICS'],
		versions.map((version) => [
			String(version.version ?? '-'),
			version.approvalStatus,
			version.createdAt === undefined ? '-' : formatTimestamp(version.createdAt),
			registeredBy(version),
			sanitizeText(
				describeMetrics(
					version.keyMetrics,
					approved && approved.arn !== version.arn ? approved.keyMetrics : undefined,
				) || '-',
			),
		]),
	);
}

/** The execution id for versions a pipeline registered, else whatever GeneratedBy says. */
export function registeredBy(version: ModelVersion): string {
	const by = version.generatedBy;
	if (by === undefined) return '-';
	return sanitizeText(isExecutionArn(by) ? executionIdOf(by) : by);
}

/** Columns padded to their widest cell; the last column is not padded. */
function table(header: string[], rows: string[][]): string {
	const widths = header
		.slice(0, -1)
		.map((title, column) => Math.max(stringWidth(title), ...rows.map((row) => stringWidth(row[column]!))));
	return [header, ...rows]
		.map((row) =>
			row
				.map((cell, column) =>
					column < widths.length ? cell + ' '.repeat(widths[column]! - stringWidth(cell)) : cell,
				)
				.join('  ')
				.trimEnd(),
		)
		.map((line) => `${line}\n`)
		.join('');
}

export default {
	name: 'models',
	usage,
	summary: 'list model package groups, or a group’s versions with their metrics',
	help: `
  Without GROUP, the model package groups. With GROUP, its versions newest first: approval status, when and by
  which pipeline execution each was registered, and its key metrics (read from the reports its ModelMetrics
  name in S3, such as the tutorial's evaluation.json) next to the approved version's.

  Usage
    $ sagemon ${usage}
${awsOptionsHelp}

  Examples
    $ sagemon models
    $ sagemon models AbaloneModelPackageGroupName
    $ sagemon models AbaloneModelPackageGroupName --json | jq '.versions[0].keyMetrics'
`,
	flags: {},
	run,
} satisfies CommandDescriptor;
