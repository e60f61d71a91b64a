// Pipeline tags (AddTags, ListTags, DeleteTags: what the SageMaker SDK's `Pipeline.upsert(tags=...)` calls
// for an existing pipeline) and UpdatePipelineVersion. Tags are kept for pipelines; another resource's ARN
// answers as the service does for a resource it cannot find.
import {defined, type Operation, optionalText} from './operation.js';
import {page} from './paging.js';
import {notFoundError, validationError} from './service-error.js';
import type {PipelineRecord} from './store.js';

type Tag = {Key: string; Value: string};

/** The service's limit on tags per resource. */
const maximumTags = 50;

export const addTags: Operation = ({input, state}) => {
	const pipeline = taggedPipeline(state.store.findPipeline.bind(state.store), input.ResourceArn);
	const added = (input.Tags as Tag[]) ?? [];
	const tags = new Map(pipeline.tags.map((tag) => [tag.Key, tag.Value]));
	for (const tag of added) tags.set(tag.Key, tag.Value);
	if (tags.size > maximumTags) {
		throw validationError(
			`Resource ${String(input.ResourceArn)} would have ${tags.size} tags; a resource can have at most ${maximumTags}.`,
		);
	}

	pipeline.tags = [...tags].map(([Key, Value]) => ({Key, Value}));
	return {Tags: added};
};

export const listTags: Operation = ({input, state}) => {
	const pipeline = taggedPipeline(state.store.findPipeline.bind(state.store), input.ResourceArn);
	const {items, nextToken} = page(pipeline.tags, input.NextToken, input.MaxResults, 50);
	return defined({Tags: items, NextToken: nextToken});
};

export const deleteTags: Operation = ({input, state}) => {
	const pipeline = taggedPipeline(state.store.findPipeline.bind(state.store), input.ResourceArn);
	const keys = new Set((input.TagKeys as string[]) ?? []);
	pipeline.tags = pipeline.tags.filter((tag) => !keys.has(tag.Key));
	return {};
};

export const updatePipelineVersion: Operation = ({input, region, state}) => {
	const pipeline = state.store.requirePipeline(String(input.PipelineArn), region);
	const version = state.store.requireVersion(pipeline, input.PipelineVersionId);
	const displayName = optionalText(input.PipelineVersionDisplayName);
	if (displayName !== undefined) version.displayName = displayName;
	const description = optionalText(input.PipelineVersionDescription);
	if (description !== undefined) version.description = description;
	return {PipelineArn: pipeline.arn, PipelineVersionId: version.id};
};

function taggedPipeline(
	find: (nameOrArn: string) => PipelineRecord | undefined,
	resourceArn: unknown,
): PipelineRecord {
	const arn = String(resourceArn);
	const pipeline = /:pipeline\/[^/]+$/.test(arn) ? find(arn) : undefined;
	if (!pipeline || pipeline.arn.toLowerCase() !== arn.toLowerCase()) {
		throw notFoundError(`Resource ${arn} does not exist or is not tagged by the sagemon emulator.`);
	}

	return pipeline;
}
