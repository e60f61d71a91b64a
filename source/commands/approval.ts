// What `sagemon approve` and `sagemon reject` share: the PACKAGE argument (an ARN or GROUP/VERSION), the
// --description, --read-only, and the decision sent with UpdateModelPackage.
import type {AnyFlags} from 'meow';
import type {ModelApprovalStatus} from '../aws/registry-types.js';
import {sanitizeText, stringifyJson} from '../pipeline/sanitize.js';
import {awsOptionsHelp, type CommandDescriptor, type FlagsOf} from './command.js';
import {connect, refuseWhenReadOnly, singleArgument} from './command-input.js';
import {type CommandContext, ExitCode} from './context.js';
import {UsageError} from './report-error.js';

const flags = {description: {type: 'string'}} satisfies AnyFlags;

const packageArnPattern = /^arn:aws[a-z-]*:sagemaker:[a-z0-9-]+:\d{12}:model-package\/[^/]+\/\d+$/i;
const versionPattern = /^[a-zA-Z0-9](-*[a-zA-Z0-9]){0,62}\/[1-9]\d*$/;
/** UpdateModelPackage's ApprovalDescription limit. */
const maximumDescriptionLength = 1024;

export function requirePackage(value: string): string {
	if (packageArnPattern.test(value) || versionPattern.test(value)) return value;
	throw new UsageError(
		`"${sanitizeText(value)}" is not a model package version: give its ARN ` +
			'(arn:aws:sagemaker:REGION:ACCOUNT:model-package/GROUP/VERSION) or GROUP/VERSION.',
	);
}

export function approvalCommand(
	name: 'approve' | 'reject',
	status: ModelApprovalStatus,
): CommandDescriptor<typeof flags> {
	const usage = `${name} PACKAGE [--description TEXT]`;
	const done = status === 'Approved' ? 'Approved' : 'Rejected';
	async function run(context: CommandContext<FlagsOf<typeof flags>>): Promise<number> {
		const target = requirePackage(singleArgument(context, usage));
		const {description} = context.flags;
		if (description !== undefined && description.length > maximumDescriptionLength)
			throw new UsageError(
				`--description must be at most ${maximumDescriptionLength} characters, got ${description.length}.`,
			);
		refuseWhenReadOnly(context, `${name} ${sanitizeText(target)}`);
		const registry = await (await connect(context)).registry();
		const arn = await registry.updateApproval({
			package: target,
			status,
			...(description === undefined ? {} : {description}),
		});
		context.stdout.write(
			context.flags.json
				? `${stringifyJson({modelPackageArn: arn, approvalStatus: status, ...(description === undefined ? {} : {approvalDescription: description})})}\n`
				: `${done} ${sanitizeText(arn)}\n`,
		);
		return ExitCode.ok;
	}

	return {
		name,
		usage,
		summary: `${name} a model package version (sets its approval status to ${status})`,
		help: `
  ${name === 'approve' ? 'Approve' : 'Reject'} a model package version: its ModelApprovalStatus becomes ${status}${
		status === 'Approved'
			? ' (with SageMaker project templates, what starts a deployment)'
			: ' (a deployment then takes the newest Approved version)'
	}. Refused with --read-only.

  Usage
    $ sagemon ${usage}

  PACKAGE is the version's ARN or GROUP/VERSION (as \`sagemon models GROUP\` lists them).

  Options
    --description TEXT   the approval description kept with the decision (at most 1024 characters)
${awsOptionsHelp}

  Example
    $ sagemon ${name} AbaloneModelPackageGroupName/3 --description "${status === 'Approved' ? 'MSE better than v2' : 'MSE worse than v2'}"
`,
		flags,
		changesState: true,
		run,
	};
}
