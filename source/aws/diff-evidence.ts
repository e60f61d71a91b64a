// Gathers what `diffExecutions` takes for two executions: per execution its details, parameters, definition and
// merged steps, the values of every property file its steps wrote, each job's instance type and count, and each
// training job's FinalMetricDataList. Both executions are read at once; per-step calls are bounded.
import type {FinalMetric, ReportValue} from '../pipeline/diff-reports.js';
import type {JobResources} from '../pipeline/diff-steps.js';
import type {DiffSide} from '../pipeline/execution-diff.js';
import {mapBounded} from './bounded-map.js';
import {type EvidenceAccess, gatherExecution, optional, readReportValue} from './execution-evidence.js';
import {jobOfStep} from './job-details.js';
import {locateStepReports} from './reports.js';

export type DiffEvidence = {a: DiffSide; b: DiffSide};

/** Calls in flight at once per execution while reading per-step evidence. */
const concurrency = 4;

export async function gatherDiff(access: EvidenceAccess, arnA: string, arnB: string): Promise<DiffEvidence> {
	const [a, b] = await Promise.all([gatherSide(access, arnA), gatherSide(access, arnB)]);
	return {a, b};
}

async function gatherSide(access: EvidenceAccess, executionArn: string): Promise<DiffSide> {
	const {execution, parameters, definition, steps, records} = await gatherExecution(
		access.pipelines,
		executionArn,
	);
	const jobSteps = steps.flatMap((view) => {
		const job = jobOfStep(view.record);
		return job ? [{step: view.name, ...job}] : [];
	});
	const [located, jobs] = await Promise.all([
		definition ? locateStepReports(access.pipelines, definition.steps, records) : [],
		mapBounded(jobSteps, concurrency, async (job) => ({
			step: job.step,
			details: await optional(() => access.pipelines.describeJob(job.kind, job.name)),
		})),
	]);
	const read = await mapBounded(located, concurrency, (report) =>
		readReportValue(access.objects, report.uri),
	);
	const reports: ReportValue[] = located.flatMap((report, index) => {
		const value = read[index];
		return value ? [{step: report.step, file: report.propertyFile.name, value: value.value}] : [];
	});
	const metrics: Record<string, FinalMetric[]> = {};
	const resources: Record<string, JobResources> = {};
	for (const {step, details} of jobs) {
		if (!details) continue;
		if (details.finalMetrics) metrics[step] = details.finalMetrics;
		const used: JobResources = {};
		if (details.instanceType !== undefined) used.instanceType = details.instanceType;
		if (details.instanceCount !== undefined) used.instanceCount = details.instanceCount;
		resources[step] = used;
	}

	const side: DiffSide = {execution, parameters, steps, reports, metrics, resources};
	if (definition) side.definition = definition;
	return side;
}
