// The `P` pane's data: the parameters the execution ran with (ListPipelineParametersForExecution).
import type {ParameterAssignment} from '../../pipeline/model.js';
import {useSession} from '../app-context.js';
import {type Loading, useAsyncResource} from './use-async-resource.js';

export function useExecutionParameters(executionArn: string): Loading<ParameterAssignment[]> {
	const {aws} = useSession();
	return useAsyncResource(() => aws.pipelines.listExecutionParameters(executionArn), [aws, executionArn]);
}
