// `sagemon callback ARN --step STEP (--success [-o Name=Value ...] | --failure REASON)`: answers a Callback step
// that waits (SendPipelineExecutionStepSuccess/Failure) with the token the service gave it, read from the step.
import type {AnyFlags} from 'meow';
import {callbackStepOf, notCallbackCode, waitingCallback} from '../aws/callback-step.js';
import {AwsError} from '../aws/types.js';
import {checkOutputs, declaredOutputs, failureReasonProblem} from '../pipeline/callback-outputs.js';
import {parseAssignment} from '../pipeline/parameters.js';
import {sanitizeText, stringifyJson} from '../pipeline/sanitize.js';
import {awsOptionsHelp, type CommandDescriptor, type FlagsOf} from './command.js';
import {connect, refuseWhenReadOnly, requireExecutionArn, singleArgument} from './command-input.js';
import {type CommandContext, ExitCode} from './context.js';
import {UsageError} from './report-error.js';

const usage = 'callback ARN --step STEP (--success [-o Name=Value ...] | --failure REASON)';

const flags = {
	step: {type: 'string'},
	success: {type: 'boolean', default: false},
	failure: {type: 'string'},
	output: {type: 'string', shortFlag: 'o', isMultiple: true, default: []},
} satisfies AnyFlags;

async function run(context: CommandContext<FlagsOf<typeof flags>>): Promise<number> {
	const executionArn = requireExecutionArn(singleArgument(context, usage));
	const {step: stepName, success, failure, output} = context.flags;
	if (stepName === undefined || stepName.trim() === '')
		throw new UsageError(`callback needs --step STEP: sagemon ${usage}`);
	if (success === (failure !== undefined))
		throw new UsageError(`callback needs one of --success or --failure REASON: sagemon ${usage}`);
	if (failure !== undefined && output.length > 0)
		throw new UsageError('-o/--output sets output parameters of a success; a failure has none.');
	const problem = failure === undefined ? undefined : failureReasonProblem(failure);
	if (problem) throw new UsageError(`--failure: ${problem}.`);
	const values = output.map((text) => {
		const parsed = parseAssignment(text);
		if (!parsed.ok) throw new UsageError(`-o ${sanitizeText(text)}: ${parsed.message}.`);
		return parsed;
	});
	refuseWhenReadOnly(context, `answer step ${sanitizeText(stepName)}`);

	const aws = await connect(context);
	const step = await callbackStepOf(aws.pipelines, executionArn, stepName).catch((error: unknown) => {
		throw error instanceof AwsError && error.code === notCallbackCode ? new UsageError(error.message) : error;
	});
	const checked = checkOutputs(declaredOutputs(step), values);
	if (!checked.ok) throw new UsageError(`-o: ${checked.problems.join('; ')}.`);
	const {token} = await waitingCallback(aws.pipelines, executionArn, step);
	const actions = await aws.executionActions();
	if (failure === undefined) {
		await actions.sendStepSuccess({callbackToken: token, outputParameters: checked.outputs});
	} else {
		await actions.sendStepFailure({callbackToken: token, failureReason: failure});
	}

	const answer = failure === undefined ? 'success' : 'failure';
	context.stdout.write(
		context.flags.json
			? `${stringifyJson({
					executionArn,
					step: stepName,
					answer,
					...(failure === undefined ? {outputParameters: checked.outputs} : {failureReason: failure}),
				})}\n`
			: `Sent ${answer} to ${sanitizeText(stepName)} of ${sanitizeText(executionArn)}\n`,
	);
	return ExitCode.ok;
}

export default {
	name: 'callback',
	usage,
	summary: 'answer a Callback step that waits (success with outputs, or failure)',
	help: `
  Answer a Callback step that is waiting: --success lets the execution go on, with the output parameters the
  step declares (each checked against its declared type); --failure fails the step with REASON (at most 256
  characters). The step's callback token is read from the step itself. Refused with --read-only.

  Usage
    $ sagemon ${usage}

  Options
    --step STEP            the Callback step to answer
    --success              send success
    -o, --output N=V       an output parameter of the success (repeatable)
    --failure REASON       send failure with this reason
${awsOptionsHelp}

  Examples
    $ sagemon callback "$ARN" --step ManualApproval --success -o approved=true
    $ sagemon callback "$ARN" --step ManualApproval --failure "MSE above the threshold"
`,
	flags,
	changesState: true,
	run,
} satisfies CommandDescriptor<typeof flags>;
