// The failed step's name for each Failed execution on screen (`AbaloneTrain`, or `AbaloneTrain +1`), for the
// lists: ListPipelineExecutionSteps once per failed execution, a few at a time, asked again only after the
// execution ran again (a retry) and failed anew.
import type {ExecutionSummary} from '../../pipeline/model.js';
import {triageSummary} from '../../pipeline/triage.js';
import {useSession} from '../app-context.js';
import {useRowLookups} from './use-row-lookups.js';

export function useFailedSteps(executions: readonly ExecutionSummary[]): ReadonlyMap<string, string> {
	const {aws} = useSession();
	return useRowLookups({
		keys: executions.filter((execution) => execution.status === 'Failed').map((each) => each.arn),
		lookup: async (arn) => triageSummary(await aws.pipelines.listSteps(arn)),
		parallel: 2,
		deps: [aws],
		// A retried execution is no longer Failed: its old answer goes, so a new failure is asked again.
		forget: executions.filter((execution) => execution.status !== 'Failed').map((each) => each.arn),
	});
}
