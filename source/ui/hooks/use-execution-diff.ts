// The compare screen's data: both executions' evidence (`gatherDiff`), read once per pair (and again on `r`);
// without an A, B's previous execution of the same pipeline is found first.
import {type DiffEvidence, gatherDiff} from '../../aws/diff-evidence.js';
import {AwsError, type PipelinesApi} from '../../aws/types.js';
import {sanitizeText} from '../../pipeline/sanitize.js';
import {useSession} from '../app-context.js';
import {type Loading, useAsyncResource} from './use-async-resource.js';

export type CompareData = DiffEvidence & {executionA: string};

/** Pages of the executions list read while looking for the execution before B. */
const maximumPages = 20;

export function useExecutionDiff(
	request: {pipelineName: string; executionA?: string; executionB: string},
	reloads: number,
): Loading<CompareData> {
	const {aws} = useSession();
	const {pipelineName, executionA, executionB} = request;
	return useAsyncResource(async () => {
		const a = executionA ?? (await previousExecution(aws.pipelines, pipelineName, executionB));
		return {...(await gatherDiff(aws, a, executionB)), executionA: a};
	}, [aws, pipelineName, executionA, executionB, reloads]);
}

/** The execution started just before `executionArn` in its pipeline's list (newest first). */
export async function previousExecution(
	pipelines: PipelinesApi,
	pipelineName: string,
	executionArn: string,
): Promise<string> {
	let nextToken: string | undefined;
	let seen = false;
	for (let page = 0; page < maximumPages; page++) {
		const {items, nextToken: next} = await pipelines.listExecutions(
			pipelineName,
			nextToken ? {nextToken} : {},
		);
		for (const item of items) {
			if (seen) return item.arn;
			if (item.arn === executionArn) seen = true;
		}

		if (!next) break;
		nextToken = next;
	}

	throw new AwsError(
		'NotFound',
		seen
			? `No execution of ${sanitizeText(pipelineName)} started before this one, so there is nothing to compare it with.`
			: `This execution was not found among the recent executions of ${sanitizeText(pipelineName)}; mark two with m on its executions list to compare them.`,
	);
}
