// The last lines of a job's log for the triage (`ReadLogLines`), read through LogsApi: the job's streams, the tail
// of each, and the lines of the instance whose log holds a traceback (else every instance's, interleaved by time).
import type {JobLogKind} from '../pipeline/job-log-names.js';
import type {JobLogEvent, LogsApi} from './logs-types.js';
import type {ReadLogLines} from './triage-evidence.js';

const kindsByGroup: Record<string, JobLogKind> = {
	'/aws/sagemaker/ProcessingJobs': 'processing',
	'/aws/sagemaker/TrainingJobs': 'training',
	'/aws/sagemaker/TransformJobs': 'transform',
};

/** A `readLogLines` for `gatherTriage` over `logs` (the access's `logs()`). Errors are LogsApi's AwsErrors. */
export function jobLogTailReader(logs: () => Promise<LogsApi>): ReadLogLines {
	return async (group, streamPrefix, limit) => {
		const kind = kindsByGroup[group];
		if (!kind) return [];
		const api = await logs();
		const streams = await api.findStreams({kind, name: streamPrefix.replace(/\/$/, '')});
		const tails = await Promise.all(streams.map((stream) => api.readTail(stream, limit)));
		// Interleaving instances would cut a traceback into pieces: the instance that raised one speaks for the job.
		const failing = tails.find((events) => events.some((event) => event.message.includes('Traceback (')));
		const events: JobLogEvent[] = failing ?? tails.flat().sort((a, b) => a.timestamp - b.timestamp);
		return events.slice(-limit).flatMap((event) => event.message.replace(/\n$/, '').split('\n'));
	};
}
