// Describes the job behind a pipeline step (processing, training or transform) as domain JobDetails: its
// status, failure fields, final metrics, resources and where its logs are.
import {
	DescribeProcessingJobCommand,
	DescribeTrainingJobCommand,
	DescribeTransformJobCommand,
	type SageMakerClient,
} from '@aws-sdk/client-sagemaker';
import {
	type JobLogKind,
	jobOfStepMetadata,
	logGroupOf,
	logStreamPrefixOf,
} from '../pipeline/job-log-names.js';
import type {JobDetails, JobKind, StepRecord} from '../pipeline/model.js';
import {compact, text} from './sdk-records.js';

const logKindOf: Record<JobKind, JobLogKind> = {
	Processing: 'processing',
	Training: 'training',
	Transform: 'transform',
};
const jobKindOf: Record<JobLogKind, JobKind> = {
	processing: 'Processing',
	training: 'Training',
	transform: 'Transform',
};

/** The SDK response, mapped; errors are the SDK's (the gateway normalises them). */
export async function describeJob(client: SageMakerClient, kind: JobKind, name: string): Promise<JobDetails> {
	const base = {kind, name, logGroup: logGroupOf(logKindOf[kind]), logStreamPrefix: logStreamPrefixOf(name)};
	switch (kind) {
		case 'Processing': {
			const job = await client.send(new DescribeProcessingJobCommand({ProcessingJobName: name}));
			const cluster = job.ProcessingResources?.ClusterConfig;
			return compact<JobDetails>({
				...base,
				status: job.ProcessingJobStatus ?? 'Unknown',
				failureReason: text(job.FailureReason),
				exitMessage: text(job.ExitMessage),
				instanceType: text(cluster?.InstanceType),
				instanceCount: cluster?.InstanceCount,
			});
		}

		case 'Training': {
			const job = await client.send(new DescribeTrainingJobCommand({TrainingJobName: name}));
			const transitions = job.SecondaryStatusTransitions ?? [];
			const metrics = (job.FinalMetricDataList ?? []).flatMap((metric) =>
				metric.MetricName !== undefined && typeof metric.Value === 'number'
					? [{name: metric.MetricName, value: metric.Value}]
					: [],
			);
			const resources = job.ResourceConfig;
			// Heterogeneous clusters describe their instances in InstanceGroups instead of the two top-level members.
			const group = resources?.InstanceGroups?.[0];
			return compact<JobDetails>({
				...base,
				status: job.TrainingJobStatus ?? 'Unknown',
				failureReason: text(job.FailureReason),
				lastStatusMessage: text(transitions.at(-1)?.StatusMessage),
				finalMetrics: job.FinalMetricDataList ? metrics : undefined,
				instanceType: text(resources?.InstanceType) ?? text(group?.InstanceType),
				instanceCount:
					resources?.InstanceCount ??
					resources?.InstanceGroups?.reduce((total, each) => total + (each.InstanceCount ?? 0), 0),
			});
		}

		case 'Transform': {
			const job = await client.send(new DescribeTransformJobCommand({TransformJobName: name}));
			return compact<JobDetails>({
				...base,
				status: job.TransformJobStatus ?? 'Unknown',
				failureReason: text(job.FailureReason),
				instanceType: text(job.TransformResources?.InstanceType),
				instanceCount: job.TransformResources?.InstanceCount,
			});
		}
	}
}

/** The job a step record's Metadata names (`Metadata.TrainingJob.Arn`), or undefined for steps without one. */
export function jobOfStep(record: StepRecord | undefined): {kind: JobKind; name: string} | undefined {
	const job = jobOfStepMetadata(record?.metadata);
	return job && {kind: jobKindOf[job.kind], name: job.name};
}
