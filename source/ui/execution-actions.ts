// The confirmations for what can be done to an execution or its pipeline (stop, retry, delete), shared by the
// Executions and Execution screens so both ask the same question and report the same way.
import type {PipelinesApi} from '../aws/types.js';
import type {ExecutionStatus} from '../pipeline/model.js';
import {sanitizeText} from '../pipeline/sanitize.js';
import type {Confirmation} from './confirmation.js';

export type ExecutionRef = {arn: string; status?: ExecutionStatus; name: string};

/** Why the action is not possible for this execution now, or undefined when it is. */
export function whyNotStop(execution: ExecutionRef): string | undefined {
	if (execution.status === 'Executing') return undefined;
	return `Only an executing execution can be stopped; ${sanitizeText(execution.name)} is ${describe(execution.status)}.`;
}

export function whyNotRetry(execution: ExecutionRef): string | undefined {
	if (execution.status === 'Failed') return undefined;
	return `Only a failed execution can be retried; ${sanitizeText(execution.name)} is ${describe(execution.status)}.`;
}

export function stopConfirmation(
	pipelines: PipelinesApi,
	execution: ExecutionRef,
	after: () => void,
): Confirmation {
	const name = sanitizeText(execution.name);
	return confirmation(
		{
			question: `Stop execution ${name}? Running steps are stopped and nothing more starts.`,
			busy: `Stopping ${name}…`,
			done: `Stop requested for ${name}.`,
		},
		() => pipelines.stopExecution(execution.arn),
		after,
	);
}

export function retryConfirmation(
	pipelines: PipelinesApi,
	execution: ExecutionRef,
	after: () => void,
): Confirmation {
	const name = sanitizeText(execution.name);
	return confirmation(
		{
			question: `Retry execution ${name} from its failed steps?`,
			busy: `Retrying ${name}…`,
			done: `Retrying ${name}.`,
		},
		() => pipelines.retryExecution(execution.arn),
		after,
	);
}

export function deletePipelineConfirmation(
	pipelines: PipelinesApi,
	pipelineName: string,
	after: () => void,
): Confirmation {
	const name = sanitizeText(pipelineName);
	return {
		question: `Delete pipeline ${name} and the record of its executions? This cannot be undone.`,
		expected: pipelineName,
		busy: `Deleting ${name}…`,
		run: async () => {
			await pipelines.deletePipeline(pipelineName);
			after();
			return `Deleted pipeline ${name}.`;
		},
	};
}

function confirmation(
	words: {question: string; busy: string; done: string},
	call: () => Promise<unknown>,
	after: () => void,
): Confirmation {
	return {
		question: words.question,
		busy: words.busy,
		run: async () => {
			await call();
			after();
			return words.done;
		},
	};
}

function describe(status: ExecutionStatus | undefined): string {
	return status === undefined ? 'still loading' : status.toLowerCase();
}
