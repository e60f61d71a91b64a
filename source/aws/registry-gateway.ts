// ModelRegistryApi over the SageMaker SDK client: model package groups, versions (all pages), one version's
// details and the approval decision. An unknown group or package, which the service reports as a
// ValidationException ("… does not exist."), comes out as a NotFound AwsError.
import {
	DescribeModelPackageCommand,
	ListModelPackageGroupsCommand,
	ListModelPackagesCommand,
	type ModelMetrics,
	type ModelPackageSummary as SdkModelPackageSummary,
	type SageMakerClient,
	UpdateModelPackageCommand,
	type UserContext,
} from '@aws-sdk/client-sagemaker';
import {type ErrorHints, normalizeAwsError} from './errors.js';
import type {
	ModelApprovalStatus,
	ModelMetricReport,
	ModelPackageDetails,
	ModelPackageSummary,
	ModelRegistryApi,
} from './registry-types.js';
import {AwsError, type Page} from './types.js';

/** The service's page size limit. */
const maxPageSize = 100;

export function createRegistryGateway(client: SageMakerClient, hints: ErrorHints = {}): ModelRegistryApi {
	async function call<T>(run: () => Promise<T>): Promise<T> {
		try {
			return await run();
		} catch (error) {
			const normalized = normalizeAwsError(error, hints);
			if (normalized.kind === 'Validation' && /does not exist/.test(normalized.message)) {
				throw new AwsError('NotFound', normalized.message, normalized.code);
			}

			throw normalized;
		}
	}

	const listPackages: ModelRegistryApi['listPackages'] = (group, options = {}) =>
		call(async () => {
			const response = await client.send(
				new ListModelPackagesCommand({
					ModelPackageGroupName: group,
					ModelApprovalStatus: options.approvalStatus,
					SortBy: 'CreationTime',
					SortOrder: options.ascending ? 'Ascending' : 'Descending',
					MaxResults: options.maxResults ?? maxPageSize,
					NextToken: options.nextToken,
				}),
			);
			return page((response.ModelPackageSummaryList ?? []).map(toPackageSummary), response.NextToken);
		});

	return {
		listGroups: (options = {}) =>
			call(async () => {
				const response = await client.send(
					new ListModelPackageGroupsCommand({
						NameContains: options.nameContains,
						SortBy: 'CreationTime',
						SortOrder: 'Descending',
						MaxResults: options.maxResults ?? maxPageSize,
						NextToken: options.nextToken,
					}),
				);
				const groups = (response.ModelPackageGroupSummaryList ?? []).map((group) =>
					compact({
						name: group.ModelPackageGroupName ?? '',
						arn: group.ModelPackageGroupArn ?? '',
						description: text(group.ModelPackageGroupDescription),
						createdAt: epoch(group.CreationTime),
						status: group.ModelPackageGroupStatus ?? 'Completed',
					}),
				);
				return page(groups, response.NextToken);
			}),

		listPackages,

		async listAllPackages(group, options = {}) {
			const packages: ModelPackageSummary[] = [];
			let nextToken: string | undefined;
			do {
				const response = await listPackages(group, {...options, nextToken});
				packages.push(...response.items);
				nextToken = response.nextToken;
			} while (nextToken);
			return packages;
		},

		describePackage: (nameOrArn) =>
			call(async () => {
				const response = await client.send(new DescribeModelPackageCommand({ModelPackageName: nameOrArn}));
				return compact<ModelPackageDetails>({
					...toPackageSummary(response),
					approvalDescription: text(response.ApprovalDescription),
					metrics: metricReports(response.ModelMetrics),
					containers: (response.InferenceSpecification?.Containers ?? []).map((container) =>
						compact({image: text(container.Image), modelDataUrl: text(container.ModelDataUrl)}),
					),
					generatedBy: text(response.MetadataProperties?.GeneratedBy),
					customerMetadata: response.CustomerMetadataProperties,
					createdBy: user(response.CreatedBy),
					modifiedAt: epoch(response.LastModifiedTime),
					modifiedBy: user(response.LastModifiedBy),
				});
			}),

		updateApproval: (update) =>
			call(async () => {
				// UpdateModelPackage takes only an ARN; GROUP/VERSION is resolved first.
				const arn = update.package.startsWith('arn:')
					? update.package
					: (await client.send(new DescribeModelPackageCommand({ModelPackageName: update.package})))
							.ModelPackageArn;
				const response = await client.send(
					new UpdateModelPackageCommand({
						ModelPackageArn: arn,
						ModelApprovalStatus: update.status,
						ApprovalDescription: update.description,
					}),
				);
				return response.ModelPackageArn ?? arn ?? update.package;
			}),
	};
}

const approvalStatuses = new Set<string>(['Approved', 'Rejected', 'PendingManualApproval']);

function toPackageSummary(summary: SdkModelPackageSummary): ModelPackageSummary {
	const status = summary.ModelApprovalStatus;
	return compact<ModelPackageSummary>({
		arn: summary.ModelPackageArn ?? '',
		groupName: text(summary.ModelPackageGroupName),
		version: summary.ModelPackageVersion,
		// A package without a decision is pending: that is what the service defaults a version to.
		approvalStatus:
			status && approvalStatuses.has(status) ? (status as ModelApprovalStatus) : 'PendingManualApproval',
		status: summary.ModelPackageStatus ?? 'Completed',
		description: text(summary.ModelPackageDescription),
		createdAt: epoch(summary.CreationTime),
	});
}

/** Every report in ModelMetrics (`ModelQuality.Statistics`, `Bias.Report`, …) that names an S3 object. */
function metricReports(metrics: ModelMetrics | undefined): ModelMetricReport[] {
	const reports: ModelMetricReport[] = [];
	for (const [area, sources] of Object.entries(metrics ?? {})) {
		if (typeof sources !== 'object' || sources === null) continue;
		for (const [kind, source] of Object.entries(sources as Record<string, unknown>)) {
			const report = source as {S3Uri?: unknown; ContentType?: unknown} | undefined;
			if (typeof report?.S3Uri !== 'string') continue;
			reports.push(
				compact({
					name: `${area}.${kind}`,
					s3Uri: report.S3Uri,
					contentType: typeof report.ContentType === 'string' ? report.ContentType : undefined,
				}),
			);
		}
	}

	return reports;
}

function user(context: UserContext | undefined): string | undefined {
	if (!context) return undefined;
	return text(context.UserProfileName) ?? text(context.IamIdentity?.Arn) ?? text(context.UserProfileArn);
}

function epoch(date: Date | undefined): number | undefined {
	if (!date) return undefined;
	const time = date.getTime();
	return Number.isFinite(time) ? time : undefined;
}

function text(value: string | undefined): string | undefined {
	return value === undefined || value === '' ? undefined : value;
}

function page<T>(items: T[], nextToken: string | undefined): Page<T> {
	return nextToken ? {items, nextToken} : {items};
}

/** Drops members whose value is undefined, so domain objects compare and serialise cleanly. */
function compact<T extends object>(value: T): T {
	for (const key of Object.keys(value) as Array<keyof T>) {
		if (value[key] === undefined) delete value[key];
	}

	return value;
}
