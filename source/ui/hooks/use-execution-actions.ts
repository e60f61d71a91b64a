// Stop, retry and delete from any screen: say why not when the execution cannot take the action now, otherwise
// ask for confirmation in the shell's dialog; `after` runs once the service accepted it (refresh, leave).
import {useMemo} from 'react';
import {useSession, useScreenHost} from '../app-context.js';
import {
	deletePipelineConfirmation,
	type ExecutionRef,
	retryConfirmation,
	stopConfirmation,
	whyNotRetry,
	whyNotStop,
} from '../execution-actions.js';

export type ExecutionActions = {
	stop(execution: ExecutionRef, after: () => void): void;
	retry(execution: ExecutionRef, after: () => void): void;
	deletePipeline(pipelineName: string, after: () => void): void;
};

export function useExecutionActions(): ExecutionActions {
	const {aws} = useSession();
	const shell = useScreenHost();
	return useMemo(() => {
		const unlessWhyNot = (why: string | undefined, ask: () => void) => {
			if (why) shell.notify(why, 'error');
			else ask();
		};

		return {
			stop: (execution, after) =>
				unlessWhyNot(whyNotStop(execution), () =>
					shell.confirm(stopConfirmation(aws.pipelines, execution, after)),
				),
			retry: (execution, after) =>
				unlessWhyNot(whyNotRetry(execution), () =>
					shell.confirm(retryConfirmation(aws.pipelines, execution, after)),
				),
			deletePipeline: (pipelineName, after) =>
				shell.confirm(deletePipelineConfirmation(aws.pipelines, pipelineName, after)),
		};
	}, [aws, shell]);
}
