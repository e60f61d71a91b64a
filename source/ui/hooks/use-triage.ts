// The triage of an execution for the execution screen (the why strip and the `w` pane): the same evidence and
// analysis as `sagemon why`, read again only when the set of failed or stopped steps changes.
import {jobLogTailReader} from '../../aws/job-log-tail.js';
import {gatherTriage} from '../../aws/triage-evidence.js';
import type {StepView} from '../../pipeline/execution-state.js';
import {type Triage, triageExecution} from '../../pipeline/triage.js';
import {useSession} from '../app-context.js';
import {type Loading, useAsyncResource} from './use-async-resource.js';

export type ScreenTriage = {triage: Triage; logProblems: Record<string, string>};

/** The steps that failed or were stopped, as a key that changes only when that set (or a step's attempt) does. */
export function failedStepsKey(views: readonly StepView[]): string {
	return views
		.filter((view) => view.state === 'failed' || view.state === 'stopped')
		.map((view) => `${view.name}:${view.state}:${view.record?.attemptCount ?? 0}`)
		.join('\n');
}

/** Reads nothing (stays loading) while `wanted` is false; `key` from `failedStepsKey`. */
export function useTriage(executionArn: string, key: string, wanted: boolean): Loading<ScreenTriage> {
	const {aws} = useSession();
	return useAsyncResource(
		wanted
			? async () => {
					const evidence = await gatherTriage(aws, executionArn, {
						readLogLines: jobLogTailReader(() => aws.logs()),
					});
					return {triage: triageExecution(evidence), logProblems: evidence.logProblems};
				}
			: undefined,
		[aws, executionArn, key, wanted],
	);
}
