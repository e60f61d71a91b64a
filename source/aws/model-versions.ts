// A model package group's versions as the Models screen and `sagemon models` show them: each version described
// (which execution registered it) and its key metrics read from the reports its ModelMetrics name in S3, with the
// currently approved version's metrics to compare against.
import {keyMetricsOf, type KeyMetric} from '../pipeline/model-metrics.js';
import {messageOf} from '../pipeline/message-of.js';
import type {ModelPackageDetails, ModelRegistryApi} from './registry-types.js';
import {readReport} from './reports.js';
import {sanitizeText} from '../pipeline/sanitize.js';
import {AwsError, type ObjectStore} from './types.js';

export type ModelVersion = ModelPackageDetails & {
	keyMetrics: KeyMetric[];
	/** Why a report could not be read (missing object, not JSON, ...), one line per report. */
	metricProblems: string[];
};

export type ModelVersions = {
	group: string;
	/** Newest first. */
	versions: ModelVersion[];
	/** The newest Approved version (what a deployment takes), when there is one. */
	approved?: ModelVersion;
};

/** Versions described and read at once: enough for a screen, without flooding the service on a huge group. */
const maximumVersions = 50;

export async function gatherModelVersions(
	registry: ModelRegistryApi,
	objects: ObjectStore,
	group: string,
): Promise<ModelVersions> {
	const summaries = (await registry.listPackages(group, {maxResults: maximumVersions})).items;
	if (summaries.length === 0) await requireGroup(registry, group);
	const versions = await Promise.all(
		summaries.map(async (summary) => withMetrics(objects, await registry.describePackage(summary.arn))),
	);
	let approved = versions.find((version) => version.approvalStatus === 'Approved');
	if (!approved && summaries.length >= maximumVersions) {
		// The approved version may be older than the page read: ask for it by status.
		const [newest] = (await registry.listPackages(group, {approvalStatus: 'Approved', maxResults: 1})).items;
		if (newest) approved = await withMetrics(objects, await registry.describePackage(newest.arn));
	}

	return approved ? {group, versions, approved} : {group, versions};
}

/** ListModelPackages answers an unknown group with no versions: say that the group is not there instead. */
async function requireGroup(registry: ModelRegistryApi, group: string): Promise<void> {
	const {items} = await registry.listGroups({nameContains: group});
	if (items.some((candidate) => candidate.name.toLowerCase() === group.toLowerCase())) return;
	throw new AwsError(
		'NotFound',
		`There is no model package group named ${sanitizeText(group)}.`,
		'UnknownGroup',
	);
}

/** The key metrics of every report of `details` (Statistics, Constraints, Bias, ...), read from S3. */
export async function withMetrics(objects: ObjectStore, details: ModelPackageDetails): Promise<ModelVersion> {
	const keyMetrics: KeyMetric[] = [];
	const metricProblems: string[] = [];
	await Promise.all(
		details.metrics.map(async (report) => {
			try {
				const read = await readReport(objects, report.s3Uri);
				keyMetrics.push(...keyMetricsOf(read.value));
			} catch (error) {
				metricProblems.push(`${report.name}: ${messageOf(error)}`);
			}
		}),
	);
	return {...details, keyMetrics, metricProblems};
}
