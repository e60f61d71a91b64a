// SageMaker jobs and resources the engine creates for steps (processing, training, transform and tuning jobs,
// models), kept so the Describe*, List* and Stop* operations can answer for them.

export type JobStatus = 'InProgress' | 'Completed' | 'Failed' | 'Stopping' | 'Stopped';

export type JobRecord = {
	kind: 'processing' | 'training' | 'transform' | 'tuning' | 'model';
	name: string;
	arn: string;
	status: JobStatus;
	/** The step's arguments with every expression resolved (the CreateProcessingJob/CreateTrainingJob request). */
	request: Record<string, unknown>;
	creationTime: number;
	startTime?: number;
	endTime?: number;
	lastModifiedTime: number;
	failureReason?: string;
	/** Training only: where the model artifact was written. */
	modelArtifacts?: string;
	experimentConfig?: {ExperimentName?: string; TrialName?: string};
	/** Tuning only: the training jobs it ran, the first being the best. */
	children?: JobRecord[];
	/** Set by the engine while the job's step runs: StopProcessingJob/StopTrainingJob stop the step through it. */
	stopStep?: (time: number) => void;
};

export class JobRegistry {
	readonly #jobs = new Map<string, JobRecord>();

	add(job: JobRecord): void {
		this.#jobs.set(`${job.kind}:${job.name}`, job);
		for (const child of job.children ?? []) this.add(child);
	}

	list(kind: JobRecord['kind']): JobRecord[] {
		return [...this.#jobs.values()].filter((job) => job.kind === kind);
	}

	find(kind: JobRecord['kind'], name: string): JobRecord | undefined {
		return this.#jobs.get(`${kind}:${name}`);
	}

	update(job: JobRecord | undefined, status: JobStatus, time: number, failureReason?: string): void {
		if (!job) return;
		job.status = status;
		job.lastModifiedTime = time;
		if (status !== 'InProgress' && status !== 'Stopping') job.endTime = time;
		if (failureReason !== undefined) job.failureReason = failureReason;
		for (const child of job.children ?? []) this.update(child, status, time);
	}
}
