// The model registry as sagemon's screens and commands see it: model package groups, their versions with
// approval status and the reports attached as ModelMetrics, and the approval decision.
import type {Page} from './page.js';

export type ModelApprovalStatus = 'Approved' | 'Rejected' | 'PendingManualApproval';

export type ModelPackageGroupSummary = {
	name: string;
	arn: string;
	description?: string;
	/** Epoch milliseconds. */
	createdAt?: number;
	status: string;
};

export type ModelPackageSummary = {
	arn: string;
	groupName?: string;
	version?: number;
	approvalStatus: ModelApprovalStatus;
	/** The package's own status (Completed once registered). */
	status: string;
	description?: string;
	createdAt?: number;
};

/** One report of a package's ModelMetrics, e.g. `ModelQuality.Statistics` → the evaluation.json in S3. */
export type ModelMetricReport = {name: string; s3Uri: string; contentType?: string};

export type ModelPackageDetails = ModelPackageSummary & {
	approvalDescription?: string;
	metrics: ModelMetricReport[];
	/** The container images and model data of the inference specification, in order. */
	containers: Array<{image?: string; modelDataUrl?: string}>;
	/** What registered it: a pipeline execution ARN for versions a RegisterModel step created. */
	generatedBy?: string;
	customerMetadata?: Record<string, string>;
	createdBy?: string;
	modifiedAt?: number;
	modifiedBy?: string;
};

export type ApprovalUpdate = {
	/** A model package ARN, or `GROUP/VERSION`. */
	package: string;
	status: ModelApprovalStatus;
	description?: string;
};

export interface ModelRegistryApi {
	listGroups(options?: {
		nextToken?: string;
		maxResults?: number;
		nameContains?: string;
	}): Promise<Page<ModelPackageGroupSummary>>;
	/** A group's versions, newest first unless `ascending`; optionally only those with one approval status. */
	listPackages(
		group: string,
		options?: {
			nextToken?: string;
			maxResults?: number;
			approvalStatus?: ModelApprovalStatus;
			ascending?: boolean;
		},
	): Promise<Page<ModelPackageSummary>>;
	/** Every version of a group (all pages), newest first. */
	listAllPackages(
		group: string,
		options?: {approvalStatus?: ModelApprovalStatus},
	): Promise<ModelPackageSummary[]>;
	/** A version by ARN or `GROUP/VERSION`. */
	describePackage(nameOrArn: string): Promise<ModelPackageDetails>;
	/** Approves or rejects a version; returns its ARN. */
	updateApproval(update: ApprovalUpdate): Promise<string>;
}
