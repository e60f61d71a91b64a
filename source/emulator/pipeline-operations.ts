// Pipeline resources: ListPipelines, DescribePipeline, CreatePipeline, UpdatePipeline, DeletePipeline,
// ListPipelineVersions. Definitions are checked at create/update as the service does.
import {isRecord} from '../pipeline/expressions.js';
import {pipelineArn} from './arns.js';
import {prepareDefinition, type PreparedDefinition} from './engine/prepared-definition.js';
import {defined, epoch, type Operation, type OperationRequest, optionalText} from './operation.js';
import {page} from './paging.js';
import {createdWithin, inSortOrder} from './list-order.js';
import {conflictError, ServiceError, validationError} from './service-error.js';
import type {PipelineRecord} from './store.js';

export const listPipelines: Operation = ({input, state}) => {
	const prefix = optionalText(input.PipelineNamePrefix)?.toLowerCase();
	const created = createdWithin(input);
	const byName = input.SortBy === 'Name';
	const pipelines = [...state.store.pipelines.values()]
		.filter((pipeline) => prefix === undefined || pipeline.key.startsWith(prefix))
		.filter(created)
		.sort(
			inSortOrder(input, (a, b) =>
				byName ? a.name.localeCompare(b.name) : a.createdAt - b.createdAt || a.name.localeCompare(b.name),
			),
		);
	const {items, nextToken} = page(pipelines, input.NextToken, input.MaxResults);
	return defined({
		PipelineSummaries: items.map((pipeline) =>
			defined({
				PipelineArn: pipeline.arn,
				PipelineName: pipeline.name,
				PipelineDisplayName: pipeline.displayName,
				PipelineDescription: pipeline.description,
				RoleArn: pipeline.roleArn,
				CreationTime: epoch(pipeline.createdAt),
				LastModifiedTime: epoch(pipeline.modifiedAt),
				LastExecutionTime: epoch(pipeline.lastRunAt),
			}),
		),
		NextToken: nextToken,
	});
};

export const describePipeline: Operation = ({input, region, state}) => {
	const pipeline = state.store.requirePipeline(String(input.PipelineName), region);
	const version = state.store.requireVersion(pipeline, input.PipelineVersionId);
	return defined({
		PipelineArn: pipeline.arn,
		PipelineName: pipeline.name,
		PipelineDisplayName: pipeline.displayName,
		PipelineDefinition: version.prepared.text,
		PipelineDescription: pipeline.description,
		RoleArn: pipeline.roleArn,
		PipelineStatus: 'Active',
		CreationTime: epoch(pipeline.createdAt),
		LastModifiedTime: epoch(pipeline.modifiedAt),
		LastRunTime: epoch(pipeline.lastRunAt),
		CreatedBy: pipeline.createdBy,
		LastModifiedBy: pipeline.modifiedBy,
		ParallelismConfiguration: parallelismOf(pipeline.parallelism),
		PipelineVersionDisplayName: version.displayName,
		PipelineVersionDescription: version.description,
	});
};

export const createPipeline: Operation = (request) => {
	const {input, region, time, caller, state} = request;
	const name = String(input.PipelineName);
	if (state.store.findPipeline(name)) {
		throw validationError(
			`Pipeline names must be unique within an AWS account and region. Pipeline with name (${name}) already exists.`,
		);
	}

	const maximumPipelines = state.maxPipelines;
	if (state.store.pipelines.size >= maximumPipelines) {
		throw new ServiceError(
			'ResourceLimitExceeded',
			`The account-level service limit 'Maximum number of pipelines allowed per account' is ${maximumPipelines} Pipelines, with current utilization of ${state.store.pipelines.size} Pipelines and a request delta of 1 Pipelines. Please use AWS Service Quotas to request an increase for this quota.`,
		);
	}

	const prepared = definitionOf(request, true)!;
	const pipeline: PipelineRecord = {
		key: name.toLowerCase(),
		name,
		arn: pipelineArn(region, name),
		displayName: optionalText(input.PipelineDisplayName) ?? name,
		roleArn: String(input.RoleArn),
		createdAt: time,
		modifiedAt: time,
		versions: [{id: 1, prepared, createdAt: time}],
		createdBy: caller,
		modifiedBy: caller,
		tags: Array.isArray(input.Tags) ? (input.Tags as PipelineRecord['tags']) : [],
		executions: [],
	};
	const description = optionalText(input.PipelineDescription);
	if (description !== undefined) pipeline.description = description;
	const parallelism = maxParallelOf(input.ParallelismConfiguration);
	if (parallelism !== undefined) pipeline.parallelism = parallelism;
	state.store.pipelines.set(pipeline.key, pipeline);
	return {PipelineArn: pipeline.arn};
};

export const updatePipeline: Operation = (request) => {
	const {input, region, time, caller, state} = request;
	const pipeline = state.store.requirePipeline(String(input.PipelineName), region);
	const prepared = definitionOf(request, false) ?? state.store.latestVersion(pipeline).prepared;
	const displayName = optionalText(input.PipelineDisplayName);
	if (displayName !== undefined) pipeline.displayName = displayName;
	const description = optionalText(input.PipelineDescription);
	if (description !== undefined) pipeline.description = description;
	const roleArn = optionalText(input.RoleArn);
	if (roleArn !== undefined) pipeline.roleArn = roleArn;
	const parallelism = maxParallelOf(input.ParallelismConfiguration);
	if (parallelism !== undefined) pipeline.parallelism = parallelism;
	const id = state.store.latestVersion(pipeline).id + 1;
	pipeline.versions.push({id, prepared, createdAt: time});
	pipeline.modifiedAt = time;
	pipeline.modifiedBy = caller;
	return {PipelineArn: pipeline.arn, PipelineVersionId: id};
};

export const deletePipeline: Operation = ({input, region, state}) => {
	const pipeline = state.store.requirePipeline(String(input.PipelineName), region);
	if (state.store.runningExecutions(pipeline).length > 0) {
		throw conflictError(
			`Pipeline '${pipeline.arn}' has executions that are still running. Stop them, and wait for them to stop, before deleting the pipeline.`,
		);
	}

	for (const execution of pipeline.executions) state.engine.forget(execution);
	state.cache.forgetPipeline(pipeline.key);
	state.store.deletePipeline(pipeline);
	return {PipelineArn: pipeline.arn};
};

export const listPipelineVersions: Operation = ({input, region, state}) => {
	const pipeline = state.store.requirePipeline(String(input.PipelineName), region);
	const versions = pipeline.versions
		.filter(createdWithin(input))
		.sort(inSortOrder(input, (a, b) => a.id - b.id));
	const {items, nextToken} = page(versions, input.NextToken, input.MaxResults);
	return defined({
		PipelineVersionSummaries: items.map((version) => {
			const lastExecution = pipeline.executions
				.filter((execution) => execution.versionId === version.id)
				.at(-1);
			return defined({
				PipelineArn: pipeline.arn,
				PipelineVersionId: version.id,
				CreationTime: epoch(version.createdAt),
				PipelineVersionDescription: version.description,
				PipelineVersionDisplayName: version.displayName,
				LastExecutionPipelineExecutionArn: lastExecution?.arn,
			});
		}),
		NextToken: nextToken,
	});
};

/** The definition given inline or through PipelineDefinitionS3Location, checked; undefined when none is given and none is required. */
function definitionOf({input, state}: OperationRequest, required: boolean): PreparedDefinition | undefined {
	const inline = optionalText(input.PipelineDefinition);
	const location = isRecord(input.PipelineDefinitionS3Location)
		? input.PipelineDefinitionS3Location
		: undefined;
	if (inline !== undefined && location !== undefined) {
		throw validationError("Both PipelineDefinition and PipelineDefinitionS3Location shouldn't be present.");
	}

	let text = inline;
	if (location !== undefined) {
		const bucket = String(location.Bucket);
		const key = String(location.ObjectKey);
		const object = state.storage.get(bucket, key);
		if (!object) {
			throw validationError(
				`Could not read the pipeline definition from s3://${bucket}/${key}: the object does not exist.`,
			);
		}

		text = object.body.toString('utf8');
	}

	if (text === undefined) {
		if (required)
			throw validationError('Either PipelineDefinition or PipelineDefinitionS3Location should be provided.');
		return undefined;
	}

	const {prepared, problems} = prepareDefinition(text);
	if (!prepared) {
		const shown = problems.slice(0, 5).join(' ');
		const more = problems.length > 5 ? ` (and ${problems.length - 5} more problems)` : '';
		throw validationError(`Unable to parse pipeline definition. ${shown}${more}`.slice(0, 4000));
	}

	return prepared;
}

export function maxParallelOf(value: unknown): number | undefined {
	return isRecord(value) && typeof value.MaxParallelExecutionSteps === 'number'
		? value.MaxParallelExecutionSteps
		: undefined;
}

export function parallelismOf(value: number | undefined): Record<string, number> | undefined {
	return value === undefined ? undefined : {MaxParallelExecutionSteps: value};
}
