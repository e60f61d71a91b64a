// The parameters each execution on screen ran with other than the pipeline's defaults, for the executions list:
// the pipeline's definition read once, then ListPipelineParametersForExecution once per execution (they never
// change), a few at a time.
import {useRef, useState} from 'react';
import {overriddenParameters} from '../../pipeline/execution-parameters.js';
import {parseDefinition} from '../../pipeline/definition.js';
import type {ExecutionSummary, ParameterAssignment, ParameterDefinition} from '../../pipeline/model.js';
import {useSession} from '../app-context.js';
import {useAbortableEffect, useAsyncResource} from './use-async-resource.js';

const parallelLookups = 2;

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
	const [overrides, setOverrides] = useState<ReadonlyMap<string, ParameterAssignment[]>>(new Map());
	const asked = useRef(new Set<string>());
	const ready = declared.state === 'ready' ? declared.value : undefined;
	const arns = enabled && ready ? executions.map((execution) => execution.arn) : [];
	const key = arns.join('\n');

	// `key` stands for the executions on screen among the dependencies.
	useAbortableEffect(
		(signal) => {
			if (!ready) return;
			const missing = arns.filter((arn) => !asked.current.has(arn));
			for (const arn of missing) asked.current.add(arn);
			let next = 0;
			signal.addEventListener('abort', () => {
				for (const arn of missing.slice(next)) asked.current.delete(arn);
			});
			const worker = async () => {
				while (next < missing.length && !signal.aborted) {
					const arn = missing[next++] as string;
					try {
						const changed = overriddenParameters(ready, await aws.pipelines.listExecutionParameters(arn));
						if (signal.aborted) {
							asked.current.delete(arn);
							return;
						}

						setOverrides((current) => new Map(current).set(arn, changed));
					} catch {
						// The row shows no parameters; asked again when it leaves the screen and comes back.
						asked.current.delete(arn);
					}
				}
			};
			void Promise.all(Array.from({length: Math.min(parallelLookups, missing.length)}, worker));
		},
		[aws, key, ready],
	);
	return overrides;
}
