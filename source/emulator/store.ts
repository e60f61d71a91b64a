// The emulated account's pipelines (with their versions) and executions, and the lookups every operation
// shares: by name or ARN, case-insensitively as the service matches pipeline ARNs.
import {parseExecutionArn, pipelineNameOf} from '../pipeline/arn.js';
import type {ExecutionState, UserContext} from './engine/execution-state.js';
import type {PreparedDefinition} from './engine/prepared-definition.js';
import {notFoundError} from './service-error.js';

export type PipelineVersion = {
	id: number;
	prepared: PreparedDefinition;
	createdAt: number;
	displayName?: string;
	description?: string;
};

export type PipelineRecord = {
	key: string;
	name: string;
	arn: string;
	displayName: string;
	description?: string;
	roleArn: string;
	createdAt: number;
	modifiedAt: number;
	lastRunAt?: number;
	parallelism?: number;
	versions: PipelineVersion[];
	createdBy: UserContext;
	modifiedBy: UserContext;
	tags: Array<{Key: string; Value: string}>;
	/** In start order. */
	executions: ExecutionState[];
};

export class PipelineStore {
	readonly pipelines = new Map<string, PipelineRecord>();
	readonly executions = new Map<string, ExecutionState>();

	findPipeline(nameOrArn: string): PipelineRecord | undefined {
		return this.pipelines.get(pipelineNameOf(nameOrArn).toLowerCase());
	}

	requirePipeline(nameOrArn: string, region: string): PipelineRecord {
		const pipeline = this.findPipeline(nameOrArn);
		if (!pipeline) {
			const arn = nameOrArn.startsWith('arn:')
				? nameOrArn
				: `arn:aws:sagemaker:${region}:000000000000:pipeline/${nameOrArn.toLowerCase()}`;
			throw notFoundError(`Pipeline '${arn}' does not exist.`);
		}

		return pipeline;
	}

	requireExecution(arn: string | undefined): ExecutionState {
		const parsed = arn === undefined ? undefined : parseExecutionArn(arn);
		const execution = parsed ? this.executions.get(parsed.executionId) : undefined;
		if (!execution || execution.pipelineName.toLowerCase() !== parsed!.pipelineName.toLowerCase()) {
			throw notFoundError(`Pipeline execution '${arn ?? ''}' does not exist.`);
		}

		return execution;
	}

	latestVersion(pipeline: PipelineRecord): PipelineVersion {
		return pipeline.versions.at(-1)!;
	}

	/** The version a request's PipelineVersionId names, or the latest when it names none. */
	requireVersion(pipeline: PipelineRecord, versionId: unknown): PipelineVersion {
		if (typeof versionId !== 'number') return this.latestVersion(pipeline);
		const version = pipeline.versions.find((candidate) => candidate.id === versionId);
		if (!version)
			throw notFoundError(`Pipeline version ${versionId} of pipeline '${pipeline.arn}' does not exist.`);
		return version;
	}

	/** Executions still running: they count against the account's concurrency quota and block DeletePipeline. */
	runningExecutions(pipeline?: PipelineRecord): ExecutionState[] {
		const source = pipeline ? pipeline.executions : [...this.executions.values()];
		return source.filter((execution) => execution.status === 'Executing' || execution.status === 'Stopping');
	}

	deletePipeline(pipeline: PipelineRecord): void {
		this.pipelines.delete(pipeline.key);
		for (const execution of pipeline.executions) this.executions.delete(execution.id);
	}
}
