// The emulated account's model registry: model package groups and their versioned model packages, created by
// CreateModelPackageGroup or by a RegisterModel step (which creates its group when absent, as pipelines do),
// and the lookups the registry operations share, with the service's errors for unknown groups and packages.
import type {UserContext} from '../engine/execution-state.js';
import {accountId, modelPackageArn} from '../arns.js';
import {conflictError, validationError} from '../service-error.js';

export type ModelApprovalStatus = 'Approved' | 'Rejected' | 'PendingManualApproval';

export const approvalStatuses: readonly ModelApprovalStatus[] = [
	'Approved',
	'Rejected',
	'PendingManualApproval',
];

export type ModelPackageRecord = {
	groupName: string;
	version: number;
	arn: string;
	createdAt: number;
	modifiedAt: number;
	createdBy: UserContext;
	lastModifiedBy?: UserContext;
	approvalStatus: ModelApprovalStatus;
	approvalDescription?: string;
	description?: string;
	inferenceSpecification?: Record<string, unknown>;
	modelMetrics?: Record<string, unknown>;
	driftCheckBaselines?: Record<string, unknown>;
	metadataProperties?: Record<string, unknown>;
	customerMetadata?: Record<string, string>;
	domain?: string;
	task?: string;
	samplePayloadUrl?: string;
};

export type ModelPackageGroupRecord = {
	name: string;
	arn: string;
	description?: string;
	createdAt: number;
	createdBy: UserContext;
	tags: Array<{Key: string; Value: string}>;
	/** In version order (version n at index n - 1). */
	packages: ModelPackageRecord[];
};

/** What a RegisterModel step (or a future CreateModelPackage) asks the registry to record. */
export type ModelPackageRequest = {
	region: string;
	groupName: string;
	time: number;
	createdBy: UserContext;
	approvalStatus?: string;
	description?: string;
	inferenceSpecification?: Record<string, unknown>;
	modelMetrics?: Record<string, unknown>;
	driftCheckBaselines?: Record<string, unknown>;
	metadataProperties?: Record<string, unknown>;
	customerMetadata?: Record<string, string>;
	domain?: string;
	task?: string;
	samplePayloadUrl?: string;
};

export function modelPackageGroupArn(region: string, name: string): string {
	return `arn:aws:sagemaker:${region}:${accountId}:model-package-group/${name.toLowerCase()}`;
}

/** The resource name in a name or an ARN (`…:model-package-group/NAME` → NAME). */
function nameOf(nameOrArn: string): string {
	return nameOrArn.startsWith('arn:') ? nameOrArn.slice(nameOrArn.indexOf('/') + 1) : nameOrArn;
}

export class ModelRegistry {
	/** By lower-cased name: the service's ARNs are lower case, so names differing in case collide. */
	readonly groups = new Map<string, ModelPackageGroupRecord>();

	findGroup(nameOrArn: string): ModelPackageGroupRecord | undefined {
		return this.groups.get(nameOf(nameOrArn).toLowerCase());
	}

	requireGroup(nameOrArn: string, region: string): ModelPackageGroupRecord {
		const group = this.findGroup(nameOrArn);
		if (!group) {
			const arn = nameOrArn.startsWith('arn:') ? nameOrArn : modelPackageGroupArn(region, nameOrArn);
			throw validationError(`ModelPackageGroup ${arn} does not exist.`);
		}

		return group;
	}

	createGroup(request: {
		region: string;
		name: string;
		time: number;
		createdBy: UserContext;
		description?: string;
		tags?: Array<{Key: string; Value: string}>;
	}): ModelPackageGroupRecord {
		if (this.findGroup(request.name)) {
			throw validationError(
				`Model Package Group already exists: ${modelPackageGroupArn(request.region, request.name)}`,
			);
		}

		const group: ModelPackageGroupRecord = {
			name: request.name,
			arn: modelPackageGroupArn(request.region, request.name),
			createdAt: request.time,
			createdBy: request.createdBy,
			tags: request.tags ?? [],
			packages: [],
		};
		if (request.description !== undefined) group.description = request.description;
		this.groups.set(request.name.toLowerCase(), group);
		return group;
	}

	deleteGroup(group: ModelPackageGroupRecord): void {
		if (group.packages.length > 0) {
			throw conflictError(
				`Model Package Group ${group.arn} cannot be deleted because it still contains ${group.packages.length} model package(s). Delete them first.`,
			);
		}

		this.groups.delete(group.name.toLowerCase());
	}

	/** Records the next version of the request's group, creating the group when it does not exist. */
	register(request: ModelPackageRequest): ModelPackageRecord {
		const status = approvalStatuses.find((status) => status === request.approvalStatus);
		if (request.approvalStatus !== undefined && !status) {
			throw validationError(
				`1 validation error detected: Value '${request.approvalStatus}' at 'modelApprovalStatus' failed to satisfy constraint: Member must satisfy enum value set: [${approvalStatuses.join(', ')}]`,
			);
		}

		const group =
			this.findGroup(request.groupName) ??
			this.createGroup({
				region: request.region,
				name: request.groupName,
				time: request.time,
				createdBy: request.createdBy,
			});
		const version = group.packages.length + 1;
		const record: ModelPackageRecord = {
			groupName: group.name,
			version,
			arn: modelPackageArn(request.region, group.name, version),
			createdAt: request.time,
			modifiedAt: request.time,
			createdBy: request.createdBy,
			approvalStatus: status ?? 'PendingManualApproval',
		};
		for (const key of [
			'description',
			'inferenceSpecification',
			'modelMetrics',
			'driftCheckBaselines',
			'metadataProperties',
			'customerMetadata',
			'domain',
			'task',
			'samplePayloadUrl',
		] as const) {
			if (request[key] !== undefined) Object.assign(record, {[key]: request[key]});
		}

		group.packages.push(record);
		return record;
	}

	/** A versioned package by ARN or `GROUP/VERSION`. */
	findPackage(nameOrArn: string): ModelPackageRecord | undefined {
		const match = /^(.*)\/(\d{1,9})$/.exec(nameOf(nameOrArn));
		if (!match) return undefined;
		const group = this.groups.get(match[1]!.toLowerCase());
		return group?.packages[Number(match[2]) - 1];
	}

	requirePackage(nameOrArn: string): ModelPackageRecord {
		const found = this.findPackage(nameOrArn);
		if (!found) throw validationError(`ModelPackage ${nameOrArn} does not exist.`);
		return found;
	}

	/** Every versioned package of every group. */
	allPackages(): ModelPackageRecord[] {
		return [...this.groups.values()].flatMap((group) => group.packages);
	}
}
