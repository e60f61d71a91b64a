// DescribePipelineExecution for the rows on screen that need it (a finished execution's end time, who started it),
// a few at a time, each asked once per status.
import {formatDuration} from '../../pipeline/format.js';
import type {ExecutionDetails, ExecutionSummary} from '../../pipeline/model.js';
import {useSession} from '../app-context.js';
import {useRowLookups} from './use-row-lookups.js';

export function useExecutionDetails(
	executions: readonly ExecutionSummary[],
): ReadonlyMap<string, ExecutionDetails> {
	const {aws} = useSession();
	const arnOf = (key: string) => key.split('\u0000')[0] as string;
	return useRowLookups({
		keys: executions.map((execution) => `${execution.arn}\u0000${execution.status}`),
		lookup: (key) => aws.pipelines.describeExecution(arnOf(key)),
		parallel: 4,
		deps: [aws],
		rowOf: arnOf,
	});
}

/** How long the execution ran (or has run so far), when it is known. */
export function executionDuration(
	summary: ExecutionSummary,
	details: ExecutionDetails | undefined,
	now: number,
): number | undefined {
	if (summary.startedAt === undefined) return undefined;
	if (summary.status === 'Executing' || summary.status === 'Stopping') return now - summary.startedAt;
	const end = details?.status === summary.status ? details.modifiedAt : undefined;
	return end === undefined ? undefined : end - summary.startedAt;
}

/** The duration as a list shows it: a running execution's in whole minutes (lists redraw once a minute for time). */
export function executionDurationText(
	summary: ExecutionSummary,
	details: ExecutionDetails | undefined,
	now: number,
): string {
	const duration = executionDuration(summary, details, now);
	if (duration === undefined) return '';
	const running = summary.status === 'Executing' || summary.status === 'Stopping';
	return formatDuration(duration, running ? 'minute' : 'second');
}
