// How a simulated job fails, chosen by its step's `sagemon.emulator` tuning (`fail`, `failureKind`): the
// FailureReason the service writes on the job (and the pipeline step), and the error the container's log ends in.
import type {FailureKind, StepTuning} from './tuning.js';

export type JobFailure = {
	kind: FailureKind;
	/** The job's (and the step's) FailureReason, as the service writes it. */
	reason: string;
	/** The last line of the container's traceback; absent when the container never ran or did not fail itself. */
	error?: string;
	/** The traceback a reason quoted (`AlgorithmError: framework error:\nTraceback…`): the log writes it as is. */
	traceback?: string[];
};

export const capacityReason =
	'CapacityError: Unable to provision requested ML compute capacity. Please retry using a different ML instance type.';
export const internalReason = 'InternalServerError: We encountered an internal error.  Please try again.';
const algorithmReason = 'AlgorithmError: See job logs for more information';
const defaultError = "ValueError: could not convert string to float: 'M'";
const defaultClientError =
	'ClientError: Failed to download data. Please check your s3 objects and ensure that there is no object that is both a folder as well as a file.';

const prefixes: Array<[string, FailureKind]> = [
	['AlgorithmError:', 'algorithm'],
	['ClientError:', 'client'],
	['CapacityError:', 'capacity'],
	['InternalServerError', 'internal'],
];

/** The failure an attempt of a job-backed step is tuned to end in, or undefined when it succeeds. */
export function plannedFailure(tuning: StepTuning, attempt: number): JobFailure | undefined {
	const {fail, failureKind} = tuning;
	if (fail === undefined && failureKind === undefined) return undefined;
	if (attempt > (tuning.failAttempts ?? Number.POSITIVE_INFINITY)) return undefined;
	const prefixed = fail === undefined ? undefined : prefixes.find(([prefix]) => fail.startsWith(prefix))?.[1];
	const kind = failureKind ?? prefixed;
	switch (kind) {
		case undefined:
			// A plain `fail` text stays the reason, as before failure kinds existed; the log ends in it.
			return {kind: 'algorithm', reason: fail!, error: asPythonError(fail!)};
		case 'algorithm':
			return prefixed === 'algorithm'
				? {kind, reason: fail!, ...quotedTraceback(fail!)}
				: {kind, reason: algorithmReason, error: asPythonError(fail ?? defaultError)};
		case 'client': {
			const reason =
				fail === undefined
					? defaultClientError
					: fail.startsWith('ClientError:')
						? fail
						: `ClientError: ${fail}`;
			return {kind, reason, error: reason};
		}

		case 'capacity':
			return {kind, reason: prefixed === 'capacity' ? fail! : capacityReason};
		case 'internal':
			return {kind, reason: prefixed === 'internal' ? fail! : internalReason};
	}
}

/** The error (and traceback) an AlgorithmError reason quotes, else the default error. */
function quotedTraceback(reason: string): {error: string; traceback?: string[]} {
	const lines = reason.replace(/, exit code: \d+$/, '').split('\n');
	const start = lines.findIndex((line) => line.startsWith('Traceback (most recent call last):'));
	if (start === -1) return {error: defaultError};
	const traceback = lines.slice(start);
	const error = traceback.find((line) => /^[A-Za-z_][\w.]*(Error|Exception)\b/.test(line)) ?? defaultError;
	return {error, traceback};
}

/** A message as the last line of a Python traceback (`ValueError: ...`). */
function asPythonError(message: string): string {
	const line = message.split('\n')[0]!;
	return /^[A-Za-z_][\w.]*(Error|Exception|Interrupt|Exit)\b:?/.test(line)
		? message
		: `RuntimeError: ${message}`;
}
