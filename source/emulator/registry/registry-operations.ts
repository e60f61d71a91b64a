// The model registry operations: model package groups (list, describe, create, delete) and their versioned
// model packages (list, describe, update approval), answered as the service answers them.
import {isRecord} from '../../pipeline/expressions.js';
import {defined, epoch, type Operation, optionalText} from '../operation.js';
import {page} from '../paging.js';
import {fromWireTimestamp} from '../sagemaker-protocol.js';
import {validationError} from '../service-error.js';
import type {ModelApprovalStatus, ModelPackageRecord} from './model-registry.js';

/** CreationTimeAfter/CreationTimeBefore (each optional, exclusive). */
function createdBetween(input: Record<string, unknown>): (item: {createdAt: number}) => boolean {
	const after = fromWireTimestamp(input.CreationTimeAfter, 'CreationTimeAfter');
	const before = fromWireTimestamp(input.CreationTimeBefore, 'CreationTimeBefore');
	return (item) =>
		(after === undefined || item.createdAt > after) && (before === undefined || item.createdAt < before);
}

/** SortBy Name or CreationTime (the default), SortOrder Ascending (the default for the registry lists) or Descending. */
function sorted<T extends {createdAt: number}>(
	items: T[],
	input: Record<string, unknown>,
	nameOf: (item: T) => string,
): T[] {
	const byName = input.SortBy === 'Name';
	const direction = input.SortOrder === 'Descending' ? -1 : 1;
	return items.sort(
		(a, b) =>
			direction *
			(byName ? nameOf(a).localeCompare(nameOf(b)) || a.createdAt - b.createdAt : a.createdAt - b.createdAt),
	);
}

export const listModelPackageGroups: Operation = ({input, state}) => {
	const contains = optionalText(input.NameContains)?.toLowerCase();
	const groups = sorted(
		[...state.registry.groups.values()]
			.filter(createdBetween(input))
			.filter((group) => contains === undefined || group.name.toLowerCase().includes(contains)),
		input,
		(group) => group.name,
	);
	const {items, nextToken} = page(groups, input.NextToken, input.MaxResults, 10);
	return defined({
		ModelPackageGroupSummaryList: items.map((group) =>
			defined({
				ModelPackageGroupName: group.name,
				ModelPackageGroupArn: group.arn,
				ModelPackageGroupDescription: group.description,
				CreationTime: epoch(group.createdAt),
				ModelPackageGroupStatus: 'Completed',
			}),
		),
		NextToken: nextToken,
	});
};

export const describeModelPackageGroup: Operation = ({input, region, state}) => {
	const group = state.registry.requireGroup(String(input.ModelPackageGroupName), region);
	return defined({
		ModelPackageGroupName: group.name,
		ModelPackageGroupArn: group.arn,
		ModelPackageGroupDescription: group.description,
		CreationTime: epoch(group.createdAt),
		CreatedBy: group.createdBy,
		ModelPackageGroupStatus: 'Completed',
	});
};

export const createModelPackageGroup: Operation = ({input, region, time, caller, state}) => {
	const group = state.registry.createGroup({
		region,
		name: String(input.ModelPackageGroupName),
		time,
		createdBy: caller,
		...(typeof input.ModelPackageGroupDescription === 'string'
			? {description: input.ModelPackageGroupDescription}
			: {}),
		...(Array.isArray(input.Tags) ? {tags: input.Tags as Array<{Key: string; Value: string}>} : {}),
	});
	return {ModelPackageGroupArn: group.arn};
};

export const deleteModelPackageGroup: Operation = ({input, region, state}) => {
	state.registry.deleteGroup(state.registry.requireGroup(String(input.ModelPackageGroupName), region));
	return {};
};

export const listModelPackages: Operation = ({input, state}) => {
	const groupName = optionalText(input.ModelPackageGroupName);
	// Every package the emulator holds is a version in a group; the service lists only unversioned packages
	// unless a group or ModelPackageType Versioned/Both is given.
	const versioned =
		groupName !== undefined || input.ModelPackageType === 'Versioned' || input.ModelPackageType === 'Both';
	const group = groupName === undefined ? undefined : state.registry.findGroup(groupName);
	const candidates = !versioned
		? []
		: groupName === undefined
			? state.registry.allPackages()
			: (group?.packages ?? []);
	const contains = optionalText(input.NameContains)?.toLowerCase();
	const packages = sorted(
		candidates
			.filter(createdBetween(input))
			.filter(
				(item) =>
					input.ModelApprovalStatus === undefined || item.approvalStatus === input.ModelApprovalStatus,
			)
			.filter((item) => contains === undefined || item.groupName.toLowerCase().includes(contains)),
		input,
		(item) => item.groupName,
	);
	const {items, nextToken} = page(packages, input.NextToken, input.MaxResults, 10);
	return defined({
		ModelPackageSummaryList: items.map((item) =>
			defined({
				ModelPackageGroupName: item.groupName,
				ModelPackageVersion: item.version,
				ModelPackageArn: item.arn,
				ModelPackageDescription: item.description,
				CreationTime: epoch(item.createdAt),
				ModelPackageStatus: 'Completed',
				ModelApprovalStatus: item.approvalStatus,
			}),
		),
		NextToken: nextToken,
	});
};

export const describeModelPackage: Operation = ({input, state}) => {
	const item = state.registry.requirePackage(String(input.ModelPackageName));
	return defined({
		ModelPackageName: item.groupName,
		ModelPackageGroupName: item.groupName,
		ModelPackageVersion: item.version,
		ModelPackageArn: item.arn,
		ModelPackageDescription: item.description,
		CreationTime: epoch(item.createdAt),
		InferenceSpecification: item.inferenceSpecification,
		ModelPackageStatus: 'Completed',
		ModelPackageStatusDetails: {ValidationStatuses: [], ImageScanStatuses: []},
		CertifyForMarketplace: false,
		ModelApprovalStatus: item.approvalStatus,
		CreatedBy: item.createdBy,
		MetadataProperties: item.metadataProperties,
		ModelMetrics: item.modelMetrics,
		LastModifiedTime: item.lastModifiedBy === undefined ? undefined : epoch(item.modifiedAt),
		LastModifiedBy: item.lastModifiedBy,
		ApprovalDescription: item.approvalDescription,
		Domain: item.domain,
		Task: item.task,
		SamplePayloadUrl: item.samplePayloadUrl,
		CustomerMetadataProperties: item.customerMetadata,
		DriftCheckBaselines: item.driftCheckBaselines,
	});
};

/** Where an approval status may go: a decision can be changed, but not taken back to pending. */
function checkTransition(item: ModelPackageRecord, next: ModelApprovalStatus): void {
	if (next === 'PendingManualApproval' && item.approvalStatus !== 'PendingManualApproval') {
		throw validationError(
			`Model package ${item.arn} is ${item.approvalStatus}: its ModelApprovalStatus can change to Approved or Rejected, not back to PendingManualApproval.`,
		);
	}
}

export const updateModelPackage: Operation = ({input, time, caller, state}) => {
	const item = state.registry.requirePackage(String(input.ModelPackageArn));
	const status = optionalText(input.ModelApprovalStatus) as ModelApprovalStatus | undefined;
	if (status !== undefined) {
		checkTransition(item, status);
		item.approvalStatus = status;
	}

	const description = optionalText(input.ApprovalDescription);
	if (description !== undefined) item.approvalDescription = description;
	if (isRecord(input.CustomerMetadataProperties)) {
		item.customerMetadata = {
			...item.customerMetadata,
			...(input.CustomerMetadataProperties as Record<string, string>),
		};
	}

	if (Array.isArray(input.CustomerMetadataPropertiesToRemove) && item.customerMetadata) {
		for (const key of input.CustomerMetadataPropertiesToRemove) delete item.customerMetadata[String(key)];
		if (Object.keys(item.customerMetadata).length === 0) delete item.customerMetadata;
	}

	if (isRecord(input.InferenceSpecification)) item.inferenceSpecification = input.InferenceSpecification;
	item.modifiedAt = time;
	item.lastModifiedBy = caller;
	return {ModelPackageArn: item.arn};
};
