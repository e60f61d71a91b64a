// One execution, live: the definition it ran with (read once), the poller's snapshot while the screen is shown,
// and every step of the definition merged with what the service lists (not-started and skipped included).
import {useMemo} from 'react';
import {validateDefinition} from '../../pipeline/dag.js';
import {mergeExecutionState, type StepView} from '../../pipeline/execution-state.js';
import type {Dag, PipelineDefinition} from '../../pipeline/model.js';
import {createExecutionPoller} from '../../watch/execution-poller.js';
import {useSession} from '../app-context.js';
import {type Loading, useAsyncResource} from './use-async-resource.js';
import {usePoller} from './use-poller.js';

export type ExecutionDefinition = Loading<{definition: PipelineDefinition; dag: Dag; problems: number}>;

export function useExecutionWatch(executionArn: string) {
	const {aws, intervalMs} = useSession();
	const {poller, snapshot} = usePoller(
		() => createExecutionPoller({pipelines: aws.pipelines, executionArn, intervalMs}),
		[aws, executionArn, intervalMs],
	);
	const definition: ExecutionDefinition = useAsyncResource(async () => {
		const validated = validateDefinition(await aws.pipelines.describeExecutionDefinition(executionArn));
		if (!validated.definition || !validated.dag) {
			throw new Error(validated.problems[0]?.message ?? 'the definition could not be read');
		}

		return {definition: validated.definition, dag: validated.dag, problems: validated.problems.length};
	}, [aws, executionArn]);

	const status = snapshot.execution?.status;
	const views = useMemo<StepView[]>(() => {
		if (definition.state !== 'ready') return [];
		const {value} = definition;
		return mergeExecutionState(value.definition, value.dag, status ? {status} : undefined, snapshot.steps);
	}, [definition, status, snapshot.steps]);

	return {definition, snapshot, views, poller};
}
