// ARNs and resource names in the service's formats (notes §4.9): pipelines, executions, jobs, models.

export const accountId = '000000000000';
export const defaultRegion = 'us-east-1';

export function pipelineArn(region: string, name: string): string {
	return `arn:aws:sagemaker:${region}:${accountId}:pipeline/${name}`;
}

export function executionArn(pipeline: string, executionId: string): string {
	return `${pipeline}/execution/${executionId}`;
}

export type ResourceKind =
	| 'processing-job'
	| 'training-job'
	| 'transform-job'
	| 'hyper-parameter-tuning-job'
	| 'automl-job'
	| 'model'
	| 'endpoint'
	| 'endpoint-config'
	| 'compilation-job';

export function resourceArn(region: string, kind: ResourceKind, name: string): string {
	return `arn:aws:sagemaker:${region}:${accountId}:${kind}/${name}`;
}

export function modelPackageArn(region: string, group: string, version: number): string {
	return `arn:aws:sagemaker:${region}:${accountId}:model-package/${group.toLowerCase()}/${version}`;
}

/**
 * Job names as pipelines create them: `pipelines-<executionId>-<stepName[:20]>-<10 random>`, made to fit the
 * job-name pattern `[a-zA-Z0-9](-*[a-zA-Z0-9]){0,62}`.
 */
export function pipelineJobName(executionId: string, stepName: string, suffix: string): string {
	const step = stepName
		.slice(0, 20)
		.replace(/[^A-Za-z0-9-]/g, '-')
		.replace(/-+$/, '');
	return `pipelines-${executionId}-${step || 'step'}-${suffix}`;
}
