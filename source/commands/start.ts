// `sagemon start NAME [-p Name=Value ...] [--display-name N] [--wait]`: checks the overrides against the
// pipeline's parameter types before calling the service, starts an execution and prints its ARN.
import type {AnyFlags} from 'meow';
import {parseDefinition} from '../pipeline/definition.js';
import {parseAssignment, resolveParameters} from '../pipeline/parameters.js';
import {sanitizeText, stringifyJson} from '../pipeline/sanitize.js';
import {
	awsOptionsHelp,
	type CommandDescriptor,
	type FlagsOf,
	followFlags,
	followOptionsHelp,
} from './command.js';
import {connect, refuseWhenReadOnly, requirePipelineName, singleArgument} from './command-input.js';
import type {CommandContext} from './context.js';
import {UsageError} from './report-error.js';
import {waitForExecution} from './wait.js';

const usage = 'start NAME [-p Name=Value ...] [--display-name N] [--description D] [--wait [--timeout S]]';
const displayNamePattern = /^[a-zA-Z0-9](-*[a-zA-Z0-9]){0,81}$/;

/** The flags start takes beyond the global ones. */
const flags = {
	parameter: {type: 'string', shortFlag: 'p', isMultiple: true, default: []},
	displayName: {type: 'string'},
	description: {type: 'string'},
	wait: {type: 'boolean', default: false},
	...followFlags,
} satisfies AnyFlags;

async function run(context: CommandContext<FlagsOf<typeof flags>>): Promise<number> {
	const name = requirePipelineName(singleArgument(context, usage));
	const overrides = parseOverrides(context.flags.parameter);
	const {displayName, description} = context.flags;
	if (displayName !== undefined && !displayNamePattern.test(displayName)) {
		throw new UsageError(
			`--display-name "${sanitizeText(displayName)}" is not valid: use 1-82 letters, digits and single hyphens.`,
		);
	}

	refuseWhenReadOnly(context, `start an execution of ${name}`);
	const {pipelines} = await connect(context);
	const pipeline = await pipelines.describePipeline(name);
	const {definition} = parseDefinition(pipeline.definition);
	if (!definition) {
		throw new UsageError(
			`The definition stored for ${name} cannot be read, so its parameters cannot be checked.`,
		);
	}

	const {assignments, problems} = resolveParameters(definition.parameters, overrides);
	if (problems.length > 0) {
		const lines = problems.map((problem) => sanitizeText(problem.message).replace(/\.?$/, '.'));
		throw new UsageError(
			lines.length === 1
				? lines[0]!
				: `${lines.length} problems with the parameters:\n  ${lines.join('\n  ')}`,
		);
	}

	const executionArn = await pipelines.startExecution({
		pipelineName: name,
		parameters: assignments,
		...(displayName === undefined ? {} : {displayName}),
		...(description === undefined ? {} : {description}),
	});
	// With --wait --json, the one JSON document printed is the final execution (it holds the ARN).
	if (!(context.flags.wait && context.flags.json)) {
		context.stdout.write(
			context.flags.json ? `${stringifyJson({executionArn})}\n` : `${sanitizeText(executionArn)}\n`,
		);
	}

	if (context.flags.wait) return waitForExecution(context, pipelines, executionArn);
	return 0;
}

/** `-p Name=Value` flags as a name → text map; a malformed or repeated one is a UsageError. */
function parseOverrides(flags: string[]): Record<string, string> {
	const overrides: Record<string, string> = {};
	for (const flag of flags) {
		const parsed = parseAssignment(flag);
		if (!parsed.ok) throw new UsageError(`-p ${sanitizeText(parsed.message)}.`);
		if (Object.hasOwn(overrides, parsed.name)) {
			throw new UsageError(`-p ${sanitizeText(parsed.name)} is given twice; give each parameter once.`);
		}

		overrides[parsed.name] = parsed.value;
	}

	return overrides;
}

export default {
	name: 'start',
	usage,
	summary: 'start an execution, print its ARN',
	help: `
  Start an execution of a pipeline and print its ARN. Overrides are checked against the pipeline's
  parameter types before anything is started (exit 2 naming the parameter and the expected type).

  Usage
    $ sagemon ${usage}

  Options
    -p, --parameter Name=Value   override a parameter (repeat for more)
    --wait                       follow the execution like "sagemon wait"; exit code = outcome${followOptionsHelp}
${awsOptionsHelp}

  Examples
    $ sagemon start AbalonePipeline -p ModelApprovalStatus=Approved
    $ ARN=$(sagemon start AbalonePipeline -p ProcessingInstanceCount=2)
    $ sagemon start AbalonePipeline --wait --timeout 3600
`,
	flags,
	changesState: true,
	run,
} satisfies CommandDescriptor<typeof flags>;
