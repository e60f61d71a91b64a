// `sagemon start NAME [--from-execution ARN [--steps A,B]] [-p Name=Value ...] [--display-name N] [--wait]`:
// checks the overrides (and a selection) against the pipeline before calling the service, starts an execution
// (selective with --steps) and prints its ARN.
import type {AnyFlags} from 'meow';
import {parseDefinition} from '../pipeline/definition.js';
import {displayNamePattern, parseAssignment, resolveParameters} from '../pipeline/parameters.js';
import {sanitizeText, stringifyJson} from '../pipeline/sanitize.js';
import {
	awsOptionsHelp,
	type CommandDescriptor,
	type FlagsOf,
	followFlags,
	followOptionsHelp,
} from './command.js';
import {
	connect,
	refuseWhenReadOnly,
	requireExecutionArn,
	requirePipelineName,
	singleArgument,
} from './command-input.js';
import type {CommandContext} from './context.js';
import {UsageError} from './report-error.js';
import {parseStepList, planFromExecution} from './start-from-execution.js';
import {waitForExecution} from './wait.js';

const usage =
	'start NAME [--from-execution ARN [--steps A,B,...]] [-p Name=Value ...] [--display-name N] [--description D] [--wait [--timeout S]]';

/** The flags start takes beyond the global ones. */
const flags = {
	parameter: {type: 'string', shortFlag: 'p', isMultiple: true, default: []},
	displayName: {type: 'string'},
	description: {type: 'string'},
	fromExecution: {type: 'string'},
	steps: {type: 'string'},
	wait: {type: 'boolean', default: false},
	...followFlags,
} satisfies AnyFlags;

async function run(context: CommandContext<FlagsOf<typeof flags>>): Promise<number> {
	const name = requirePipelineName(singleArgument(context, usage));
	const overrides = parseOverrides(context.flags.parameter);
	const {displayName, description, fromExecution} = context.flags;
	const steps = context.flags.steps === undefined ? undefined : parseStepList(context.flags.steps);
	if (steps && fromExecution === undefined) {
		throw new UsageError(
			'--steps needs --from-execution ARN: the execution whose results the other steps reuse.',
		);
	}

	if (fromExecution !== undefined) requireExecutionArn(fromExecution);
	if (displayName !== undefined && !displayNamePattern.test(displayName)) {
		throw new UsageError(
			`--display-name "${sanitizeText(displayName)}" is not valid: use 1-82 letters, digits and single hyphens.`,
		);
	}

	refuseWhenReadOnly(context, `start an execution of ${name}`);
	const access = await connect(context);
	const {pipelines} = access;
	const pipeline = await pipelines.describePipeline(name);
	const {definition} = parseDefinition(pipeline.definition);
	if (!definition) {
		throw new UsageError(
			`The definition stored for ${name} cannot be read, so its parameters cannot be checked.`,
		);
	}

	const plan =
		fromExecution === undefined
			? undefined
			: await planFromExecution(pipelines, {
					pipelineName: name,
					definition,
					sourceArn: fromExecution,
					overrides,
					steps,
				});
	const {assignments, problems} = resolveParameters(definition.parameters, plan?.values ?? overrides);
	if (problems.length > 0) {
		const lines = problems.map((problem) => sanitizeText(problem.message).replace(/\.?$/, '.'));
		throw new UsageError(
			lines.length === 1
				? lines[0]!
				: `${lines.length} problems with the parameters:\n  ${lines.join('\n  ')}`,
		);
	}

	const request = {
		pipelineName: name,
		parameters: assignments,
		...(displayName === undefined ? {} : {displayName}),
		...(description === undefined ? {} : {description}),
	};
	const executionArn = plan?.selectedSteps
		? await (await access.executionActions()).startSelectiveExecution({
				...request,
				selectedSteps: plan.selectedSteps,
				...(fromExecution === undefined ? {} : {sourceExecutionArn: fromExecution}),
			})
		: await pipelines.startExecution(request);
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

  --from-execution ARN starts with the parameters that execution ran with (ListPipelineParametersForExecution,
  defaults included), -p overriding some of them. With --steps, only those steps run (a selective execution);
  the steps they depend on reuse their results from ARN. The selection is checked first, as the service
  checks it: known steps, connected, every step on a path between two selected steps selected, and ARN
  Succeeded or Failed; a problem is exit 2 with one sentence naming the steps, before anything is started.

  Usage
    $ sagemon ${usage}

  Options
    -p, --parameter Name=Value   override a parameter (repeat for more)
    --from-execution ARN         start with the parameters ARN ran with
    --steps A,B,...              with --from-execution: run only these steps, reuse the others from ARN
    --wait                       follow the execution like "sagemon wait"; exit code = outcome${followOptionsHelp}
${awsOptionsHelp}

  Examples
    $ sagemon start AbalonePipeline -p ModelApprovalStatus=Approved
    $ ARN=$(sagemon start AbalonePipeline -p ProcessingInstanceCount=2)
    $ sagemon start AbalonePipeline --wait --timeout 3600
    $ sagemon start AbalonePipeline --from-execution "$ARN" -p ModelApprovalStatus=Approved
    $ sagemon start AbalonePipeline --from-execution "$ARN" --steps AbaloneTrain,AbaloneEval,CheckMSEAbaloneEvaluation
`,
	flags,
	changesState: true,
	run,
} satisfies CommandDescriptor<typeof flags>;
