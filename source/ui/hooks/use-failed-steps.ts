// The failed step's name for each Failed execution on screen (`AbaloneTrain`, or `AbaloneTrain +1`), for the
// lists: ListPipelineExecutionSteps once per failed execution, a few at a time, asked again only after the
// execution ran again (a retry) and failed anew.
import {useRef, useState} from 'react';
import type {ExecutionSummary} from '../../pipeline/model.js';
import {triageSummary} from '../../pipeline/triage.js';
import {useSession} from '../app-context.js';
import {useAbortableEffect} from './use-async-resource.js';

const parallelLookups = 2;

export function useFailedSteps(executions: readonly ExecutionSummary[]): ReadonlyMap<string, string> {
	const {aws} = useSession();
	const [names, setNames] = useState<ReadonlyMap<string, string>>(new Map());
	const asked = useRef(new Set<string>());
	const failed = executions.filter((execution) => execution.status === 'Failed').map((each) => each.arn);
	const running = executions.filter((execution) => execution.status !== 'Failed').map((each) => each.arn);
	const key = `${failed.join('\n')}\u0000${running.join('\n')}`;

	// `key` stands for the failed executions on screen, and those no longer failed, among the dependencies.
	useAbortableEffect(
		(signal) => {
			// A retried execution is no longer Failed: forget its old answer, so a new failure is asked again.
			const retried = running.filter((arn) => asked.current.has(arn));
			for (const arn of retried) asked.current.delete(arn);
			if (retried.length > 0)
				setNames((current) => {
					const next = new Map(current);
					for (const arn of retried) next.delete(arn);
					return next;
				});
			const missing = failed.filter((arn) => !asked.current.has(arn));
			for (const arn of missing) asked.current.add(arn);
			let next = 0;
			signal.addEventListener('abort', () => {
				for (const arn of missing.slice(next)) asked.current.delete(arn);
			});
			const worker = async () => {
				while (next < missing.length && !signal.aborted) {
					const arn = missing[next++] as string;
					try {
						const summary = triageSummary(await aws.pipelines.listSteps(arn));
						if (signal.aborted) {
							asked.current.delete(arn);
							return;
						}

						if (summary !== undefined) setNames((current) => new Map(current).set(arn, summary));
					} catch {
						// The row shows its status alone; asked again when it leaves the screen and comes back.
						asked.current.delete(arn);
					}
				}
			};
			void Promise.all(Array.from({length: Math.min(parallelLookups, missing.length)}, worker));
		},
		[aws, key],
	);
	return names;
}
