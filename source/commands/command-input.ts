// Checks shared by the AWS commands: positional arguments, ARNs, names, --read-only, --interval and --timeout.
import {endpointProblem} from '../aws/connect.js';
import {isExecutionArn} from '../pipeline/arn.js';
import {sanitizeText} from '../pipeline/sanitize.js';
import type {CommandContext} from './context.js';
import {UsageError} from './report-error.js';

/** Pipeline names as the service accepts them (no underscores). */
const pipelineNamePattern = /^[a-zA-Z0-9](-*[a-zA-Z0-9]){0,255}$/;

/** The one positional argument `command` takes; a UsageError showing the usage line otherwise. */
export function singleArgument(context: CommandContext, usage: string): string {
	const [value, ...rest] = context.args;
	const command = usage.split(' ')[0];
	if (value === undefined || value.trim() === '')
		throw new UsageError(`${command} needs an argument: sagemon ${usage}`);
	if (rest.length > 0) {
		throw new UsageError(
			`${command} takes one argument, got ${context.args.length} (${rest.map((item) => sanitizeText(item)).join(' ')} is extra): sagemon ${usage}`,
		);
	}

	return value;
}

export function requireExecutionArn(value: string): string {
	if (!isExecutionArn(value)) {
		throw new UsageError(
			`"${sanitizeText(value)}" is not a pipeline execution ARN ` +
				'(arn:aws:sagemaker:REGION:ACCOUNT:pipeline/NAME/execution/ID, as printed by sagemon start).',
		);
	}

	return value;
}

export function requirePipelineName(value: string): string {
	if (!pipelineNamePattern.test(value)) {
		throw new UsageError(
			`"${sanitizeText(value)}" is not a valid pipeline name: use 1-256 letters, digits and single hyphens, starting with a letter or digit.`,
		);
	}

	return value;
}

/** Throws before any call when --read-only is set; `action` completes "Refusing to ...". */
export function refuseWhenReadOnly(context: CommandContext, action: string): void {
	if (context.flags.readOnly) {
		throw new UsageError(`Refusing to ${action}: --read-only is set, which allows no changes.`);
	}
}

/** --interval in milliseconds, checked. */
export function intervalMs(context: CommandContext): number {
	const seconds = context.flags.interval;
	if (!Number.isFinite(seconds) || seconds <= 0) {
		throw new UsageError(`--interval must be a number of seconds above 0, got ${String(seconds)}.`);
	}

	return Math.max(10, Math.round(seconds * 1000));
}

/** --timeout in milliseconds, checked; undefined when not given. */
export function timeoutMs(context: {flags: {timeout?: number | undefined}}): number | undefined {
	const seconds = context.flags.timeout;
	if (seconds === undefined) return undefined;
	if (!Number.isFinite(seconds) || seconds <= 0) {
		throw new UsageError(`--timeout must be a number of seconds above 0, got ${String(seconds)}.`);
	}

	return Math.round(seconds * 1000);
}

/** Connects for a command, refusing a malformed --endpoint-url as a usage error before anything else. */
export async function connect(context: CommandContext) {
	const problem = endpointProblem(context.flags.endpointUrl);
	if (problem) throw new UsageError(problem);
	return context.aws();
}
