// The parameters each execution on screen ran with other than the pipeline's defaults, for the executions list:
// the pipeline's definition read once, then ListPipelineParametersForExecution once per execution (they never
// change), a few at a time.
import {overriddenParameters} from '../../pipeline/execution-parameters.js';
import {parseDefinition} from '../../pipeline/definition.js';
import type {ExecutionSummary, ParameterAssignment, ParameterDefinition} from '../../pipeline/model.js';
import {useSession} from '../app-context.js';
import {useAsyncResource} from './use-async-resource.js';
import {useRowLookups} from './use-row-lookups.js';

export function useOverriddenParameters(
	pipelineName: string,
	executions: readonly ExecutionSummary[],
	enabled: boolean,
): ReadonlyMap<string, ParameterAssignment[]> {
	const {aws} = useSession();
	const declared = useAsyncResource(async (): Promise<ParameterDefinition[]> => {
		if (!enabled) return [];
		const pipeline = await aws.pipelines.describePipeline(pipelineName);
		return parseDefinition(pipeline.definition).definition?.parameters ?? [];
	}, [aws, pipelineName, enabled]);
	const ready = declared.state === 'ready' ? declared.value : undefined;
	return useRowLookups({
		keys: enabled && ready ? executions.map((execution) => execution.arn) : [],
		lookup: async (arn) =>
			overriddenParameters(ready ?? [], await aws.pipelines.listExecutionParameters(arn)),
		parallel: 2,
		deps: [aws, ready],
	});
}
