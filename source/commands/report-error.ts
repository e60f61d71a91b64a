// One place that turns a failure into the CLI contract: one sentence on stderr (a JSON object with --json)
// and the matching exit code.
import {stringifyJson} from '../pipeline/sanitize.js';
import {AwsError} from '../aws/types.js';
import {ExitCode, type Output} from './context.js';

export class UsageError extends Error {
	override name = 'UsageError';
}

export function reportError(context: {stderr: Output; flags: {json: boolean}}, error: unknown): number {
	const {code, kind, message} = describeFailure(error);
	if (context.flags.json) {
		context.stderr.write(`${stringifyJson({error: {kind, message}})}\n`);
	} else {
		context.stderr.write(`sagemon: ${message}\n`);
	}

	return code;
}

function describeFailure(error: unknown): {code: number; kind: string; message: string} {
	if (error instanceof UsageError) return {code: ExitCode.usage, kind: 'Usage', message: error.message};
	if (error instanceof AwsError) return {code: ExitCode.aws, kind: error.kind, message: error.message};
	const message = error instanceof Error ? error.message : String(error);
	return {code: ExitCode.aws, kind: 'Unknown', message};
}
