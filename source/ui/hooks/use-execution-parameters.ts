// The `P` pane's data: the parameters the execution ran with (ListPipelineParametersForExecution).
import {useEffect, useState} from 'react';
import type {ParameterAssignment} from '../../pipeline/model.js';
import {useSession} from '../app-context.js';
import type {Loading} from './use-step-reports.js';

export function useExecutionParameters(
	executionArn: string,
	enabled: boolean,
): Loading<{parameters: ParameterAssignment[]}> {
	const {aws} = useSession();
	const [result, setResult] = useState<Loading<{parameters: ParameterAssignment[]}>>({state: 'loading'});
	useEffect(() => {
		if (!enabled) return;
		let cancelled = false;
		aws.pipelines.listExecutionParameters(executionArn).then(
			(parameters) => {
				if (!cancelled) setResult({state: 'ready', parameters});
			},
			(error: unknown) => {
				if (!cancelled)
					setResult({state: 'failed', message: error instanceof Error ? error.message : String(error)});
			},
		);
		return () => {
			cancelled = true;
		};
	}, [aws, executionArn, enabled]);
	return result;
}
