// One execution, live: the definition it ran with (read once), the poller's snapshot while the screen is shown,
// and every step of the definition merged with what the service lists (not-started and skipped included).
import {useEffect, useMemo, useState} from 'react';
import {validateDefinition} from '../../pipeline/dag.js';
import {mergeExecutionState, type StepView} from '../../pipeline/execution-state.js';
import type {Dag, PipelineDefinition} from '../../pipeline/model.js';
import {createExecutionPoller} from '../../watch/execution-poller.js';
import {useSession} from '../app-context.js';
import {usePoller} from './use-poller.js';

export type ExecutionDefinition =
	| {state: 'loading'}
	| {state: 'failed'; message: string}
	| {state: 'ready'; definition: PipelineDefinition; dag: Dag; problems: number};

export function useExecutionWatch(executionArn: string) {
	const {aws, intervalMs} = useSession();
	const [definition, setDefinition] = useState<ExecutionDefinition>({state: 'loading'});
	const {poller, snapshot} = usePoller(
		() => createExecutionPoller({pipelines: aws.pipelines, executionArn, intervalMs}),
		[aws, executionArn, intervalMs],
	);

	useEffect(() => {
		let cancelled = false;
		aws.pipelines.describeExecutionDefinition(executionArn).then(
			(text) => {
				if (cancelled) return;
				const validated = validateDefinition(text);
				if (!validated.definition || !validated.dag) {
					setDefinition({
						state: 'failed',
						message: validated.problems[0]?.message ?? 'the definition could not be read',
					});
					return;
				}

				setDefinition({
					state: 'ready',
					definition: validated.definition,
					dag: validated.dag,
					problems: validated.problems.length,
				});
			},
			(error: unknown) => {
				if (!cancelled)
					setDefinition({state: 'failed', message: error instanceof Error ? error.message : String(error)});
			},
		);
		return () => {
			cancelled = true;
		};
	}, [aws, executionArn]);

	const status = snapshot.execution?.status;
	const views = useMemo<StepView[]>(() => {
		if (definition.state !== 'ready') return [];
		return mergeExecutionState(
			definition.definition,
			definition.dag,
			status ? {status} : undefined,
			snapshot.steps,
		);
	}, [definition, status, snapshot.steps]);

	return {definition, snapshot, views, poller};
}
