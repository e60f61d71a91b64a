// `sagemon upsert NAME --definition DEF.json --role-arn ARN`: validates the definition locally, then creates the
// pipeline or updates it when it exists (the SDK's pipeline.upsert()), and prints its ARN.
import type {AnyFlags} from 'meow';
import {validateDefinition} from '../pipeline/dag.js';
import {sanitizeText, stringifyJson} from '../pipeline/sanitize.js';
import {awsOptionsHelp, type CommandDescriptor, type FlagsOf} from './command.js';
import {connect, refuseWhenReadOnly, requirePipelineName, singleArgument} from './command-input.js';
import {type CommandContext, ExitCode} from './context.js';
import {readDefinitionFile} from './read-definition.js';
import {UsageError} from './report-error.js';
import {count, formatProblems} from './validate.js';

const usage = 'upsert NAME --definition DEF.json --role-arn ARN [--description D] [--display-name N]';
const roleArnPattern = /^arn:aws[a-z-]*:iam::\d{12}:role\/?[a-zA-Z_0-9+=,.@\-/]+$/;

/** The flags upsert takes beyond the global ones. */
const flags = {
	definition: {type: 'string'},
	roleArn: {type: 'string'},
	description: {type: 'string'},
	displayName: {type: 'string'},
} satisfies AnyFlags;

async function run(context: CommandContext<FlagsOf<typeof flags>>): Promise<number> {
	const name = requirePipelineName(singleArgument(context, usage));
	const {definition: path, roleArn, description, displayName} = context.flags;
	if (!path) throw new UsageError(`upsert needs --definition DEF.json: sagemon ${usage}`);
	if (!roleArn)
		throw new UsageError(`upsert needs --role-arn, the IAM role the pipeline runs as: sagemon ${usage}`);
	if (!roleArnPattern.test(roleArn)) {
		throw new UsageError(
			`--role-arn "${sanitizeText(roleArn)}" is not an IAM role ARN (arn:aws:iam::ACCOUNT:role/NAME).`,
		);
	}

	refuseWhenReadOnly(context, `create or update pipeline ${name}`);
	const text = await readDefinitionFile(path);
	const {problems} = validateDefinition(text);
	if (problems.length > 0) {
		context.stderr.write(
			`${sanitizeText(path)}: ${count(problems.length, 'problem')}, nothing was sent\n${formatProblems(problems)}`,
		);
		return ExitCode.usage;
	}

	const {pipelines} = await connect(context);
	const result = await pipelines.upsertPipeline({
		name,
		definition: text,
		roleArn,
		...(description === undefined ? {} : {description}),
		...(displayName === undefined ? {} : {displayName}),
	});
	if (context.flags.json) {
		context.stdout.write(`${stringifyJson({pipelineArn: result.arn, created: result.created})}\n`);
	} else {
		context.stderr.write(`${result.created ? 'Created' : 'Updated'} pipeline ${name}.\n`);
		context.stdout.write(`${sanitizeText(result.arn)}\n`);
	}

	return ExitCode.ok;
}

export default {
	name: 'upsert',
	usage,
	summary: 'create or update a pipeline from a definition',
	help: `
  Create a pipeline, or update it when it exists (like the SageMaker SDK's pipeline.upsert()).
  The definition is validated locally first; nothing is sent when it has problems (exit 2).

  Usage
    $ sagemon ${usage}

  Prints the pipeline ARN on stdout.
${awsOptionsHelp}

  Example
    $ sagemon upsert AbalonePipeline --definition pipeline.json \\
        --role-arn arn:aws:iam::111122223333:role/SageMakerPipelineRole
`,
	flags,
	changesState: true,
	run,
} satisfies CommandDescriptor<typeof flags>;
