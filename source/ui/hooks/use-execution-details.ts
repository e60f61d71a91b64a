// DescribePipelineExecution for the rows on screen that need it (a finished execution's end time, who started it),
// a few at a time, each asked once per status.
import {useRef, useState} from 'react';
import {formatDuration} from '../../pipeline/format.js';
import type {ExecutionDetails, ExecutionSummary} from '../../pipeline/model.js';
import {useSession} from '../app-context.js';
import {useAbortableEffect} from './use-async-resource.js';

const parallelLookups = 4;

export function useExecutionDetails(
	executions: readonly ExecutionSummary[],
): ReadonlyMap<string, ExecutionDetails> {
	const {aws} = useSession();
	const [details, setDetails] = useState<ReadonlyMap<string, ExecutionDetails>>(new Map());
	const asked = useRef(new Set<string>());
	const wanted = executions.map((execution) => `${execution.arn}\u0000${execution.status}`);
	const key = wanted.join('\n');

	// `key` stands for the executions' ARNs and statuses among the dependencies.
	useAbortableEffect(
		(signal) => {
			const missing = wanted.filter((entry) => !asked.current.has(entry));
			for (const entry of missing) asked.current.add(entry);
			let next = 0;
			// Lookups that never started are asked again by the next run.
			signal.addEventListener('abort', () => {
				for (const entry of missing.slice(next)) asked.current.delete(entry);
			});
			const worker = async () => {
				while (next < missing.length && !signal.aborted) {
					const entry = missing[next++] as string;
					const arn = entry.split('\u0000')[0] as string;
					try {
						const described = await aws.pipelines.describeExecution(arn);
						if (signal.aborted) {
							asked.current.delete(entry);
							return;
						}

						setDetails((current) => new Map(current).set(arn, described));
					} catch {
						// A row without details shows what its summary knows; ask again next time it changes.
						asked.current.delete(entry);
					}
				}
			};
			void Promise.all(Array.from({length: Math.min(parallelLookups, missing.length)}, worker));
		},
		[aws, key],
	);
	return details;
}

/** How long the execution ran (or has run so far), when it is known. */
export function executionDuration(
	summary: ExecutionSummary,
	details: ExecutionDetails | undefined,
	now: number,
): number | undefined {
	if (summary.startedAt === undefined) return undefined;
	if (summary.status === 'Executing' || summary.status === 'Stopping') return now - summary.startedAt;
	const end = details?.status === summary.status ? details.modifiedAt : undefined;
	return end === undefined ? undefined : end - summary.startedAt;
}

/** The duration as a list shows it: a running execution's in whole minutes (lists redraw once a minute for time). */
export function executionDurationText(
	summary: ExecutionSummary,
	details: ExecutionDetails | undefined,
	now: number,
): string {
	const duration = executionDuration(summary, details, now);
	if (duration === undefined) return '';
	const running = summary.status === 'Executing' || summary.status === 'Stopping';
	return formatDuration(duration, running ? 'minute' : 'second');
}
