// SageMaker jobs and resources the engine creates for steps (processing, training, transform and tuning jobs,
// models), kept so the Describe*, List* and Stop* operations can answer for them (and the emulated CloudWatch Logs
// can write the jobs' logs).
import {jobOfStepMetadata} from '../../pipeline/job-log-names.js';
import type {JobScript} from './job-script.js';

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
	/** When the job is due to end by itself (its log is spread up to then). */
	plannedEndTime?: number;
	/** What its container does: failure, scripted log lines, final metrics. */
	script?: JobScript;
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

	/** The job a step's Metadata names (ProcessingJob, TrainingJob or TransformJob), if the registry has it. */
	ofStep(metadata: Record<string, unknown>): JobRecord | undefined {
		const job = jobOfStepMetadata(metadata);
		return job && this.find(job.kind, job.name);
	}

	/** Every job, in the order they were added. */
	all(): IterableIterator<JobRecord> {
		return this.#jobs.values();
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
