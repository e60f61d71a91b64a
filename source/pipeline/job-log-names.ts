// Where a SageMaker job's CloudWatch logs live, as the service names them: the group per job kind
// (`/aws/sagemaker/TrainingJobs`…), the stream prefix `JOB/`, and the instance a stream belongs to
// (`JOB/algo-2-1680535238` → `algo-2`; transform streams are named after the instance id).
export type JobLogKind = 'processing' | 'training' | 'transform';

export type JobLogRef = {kind: JobLogKind; name: string};

const groups: Record<JobLogKind, string> = {
	processing: '/aws/sagemaker/ProcessingJobs',
	training: '/aws/sagemaker/TrainingJobs',
	transform: '/aws/sagemaker/TransformJobs',
};

export function logGroupOf(kind: JobLogKind): string {
	return groups[kind];
}

export function logStreamPrefixOf(jobName: string): string {
	return `${jobName}/`;
}

/** The instance tag of a stream: `algo-2` for `JOB/algo-2-<epoch>`, else the stream's part after `JOB/`. */
export function instanceOfStream(stream: string): string {
	const rest = stream.slice(stream.indexOf('/') + 1);
	const algo = /^(algo-\d+)-\d+(\/.*)?$/.exec(rest);
	return algo ? `${algo[1]}${algo[2] ?? ''}` : rest;
}

/** The job behind a step's `Metadata` (ProcessingJob, TrainingJob or TransformJob ARN), if it has one. */
export function jobOfStepMetadata(metadata: Record<string, unknown> | undefined): JobLogRef | undefined {
	const members: Array<[string, JobLogKind]> = [
		['ProcessingJob', 'processing'],
		['TrainingJob', 'training'],
		['TransformJob', 'transform'],
	];
	for (const [member, kind] of members) {
		const value = metadata?.[member];
		const arn = typeof value === 'object' && value !== null ? (value as {Arn?: unknown}).Arn : undefined;
		if (typeof arn === 'string' && arn.includes('/'))
			return {kind, name: arn.slice(arn.lastIndexOf('/') + 1)};
	}

	return undefined;
}
