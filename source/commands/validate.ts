// `sagemon validate DEF.json [--json]`: checks a pipeline definition and lists every problem with where it is.
import {validateDefinition} from '../pipeline/dag.js';
import type {DefinitionProblem} from '../pipeline/model.js';
import {sanitizeText, stringifyJson} from '../pipeline/sanitize.js';
import {unknownStepTypeWarnings} from '../pipeline/step-types.js';
import type {CommandDescriptor} from './command.js';
import {type CommandContext, ExitCode} from './context.js';
import {readDefinitionFile} from './read-definition.js';
import {UsageError} from './report-error.js';

const usage = 'validate DEF.json [--json]';

async function run(context: CommandContext): Promise<number> {
	const [path, ...rest] = context.args;
	if (path === undefined) throw new UsageError(`validate needs a definition file: sagemon ${usage}`);
	if (rest.length > 0)
		throw new UsageError(`validate takes one definition file, got ${context.args.length} arguments.`);
	const text = await readDefinitionFile(path);
	return reportValidation(context, {label: path, text});
}

export type ValidationReport = {
	valid: boolean;
	steps: number;
	parameters: number;
	edges: number;
	problems: DefinitionProblem[];
	/** Valid all the same: step types sagemon does not know, which the service may refuse. */
	warnings: DefinitionProblem[];
};

/** Validates `text` and writes the verdict: the body of the command once the file is read. Never throws. */
export function reportValidation(
	context: Pick<CommandContext, 'stdout' | 'stderr' | 'flags'>,
	source: {label: string; text: string},
): number {
	const {definition, dag, problems} = validateDefinition(source.text);
	const warnings = unknownStepTypeWarnings(definition?.steps ?? []);
	const withStep = ({path, step, message}: DefinitionProblem) =>
		step === undefined ? {path, message} : {path, step, message};
	const report: ValidationReport = {
		valid: problems.length === 0,
		steps: dag?.nodes.length ?? 0,
		parameters: definition?.parameters.length ?? 0,
		edges: dag?.edges.length ?? 0,
		problems: problems.map(withStep),
		warnings: warnings.map(withStep),
	};
	const label = sanitizeText(source.label);
	if (context.flags.json) {
		context.stdout.write(`${stringifyJson(report, 2)}\n`);
	} else if (report.valid) {
		context.stdout.write(
			`${label}: valid — ${count(report.steps, 'step')}, ${count(report.parameters, 'parameter')}, ${count(report.edges, 'edge')}\n`,
		);
	} else {
		context.stderr.write(`${label}: ${count(problems.length, 'problem')}\n${formatProblems(problems)}`);
	}

	if (!context.flags.json && warnings.length > 0)
		context.stderr.write(`${label}: ${count(warnings.length, 'warning')}\n${formatProblems(warnings)}`);

	return report.valid ? ExitCode.ok : ExitCode.usage;
}

/** One line per problem: `  Steps[2].DependsOn[0]: Step 'X' depends on 'Y', ...` (made safe for the terminal). */
export function formatProblems(problems: DefinitionProblem[]): string {
	return problems
		.map(({path, step, message}) => {
			const where = path === '' ? (step ?? 'definition') : path;
			return `  ${sanitizeText(where)}: ${sanitizeText(message)}\n`;
		})
		.join('');
}

export function count(value: number, noun: string): string {
	return `${value} ${noun}${value === 1 ? '' : 's'}`;
}

export default {
	name: 'validate',
	usage,
	summary: 'check a pipeline definition',
	help: `
  Check a pipeline definition file without any AWS call: JSON, steps, dependencies, parameters and
  property references. Every problem is listed with where it is. Exit code 0 valid, 2 problems. A step
  type sagemon does not know (and that is no misspelling of one it knows) is a warning: the service may
  have added it since, or refuse it when the pipeline is created.

  Usage
    $ sagemon ${usage}

  Options
    --json               the verdict as JSON: valid, steps, parameters, edges, problems and warnings

  Example
    $ sagemon validate pipeline.json && sagemon upsert AbalonePipeline --definition pipeline.json ...
`,
	flags: {},
	run,
} satisfies CommandDescriptor;
