// What a RegisterModel step asks the model registry for: its evaluated arguments (the members of a
// CreateModelPackage request) as a registry request.
import {isRecord} from '../../pipeline/expressions.js';
import type {ModelPackageRequest} from './model-registry.js';

/** A RegisterModel step's evaluated arguments (a CreateModelPackage request) as a registry request. */
export function modelPackageRequest(
	args: Record<string, unknown>,
	stepName: string,
	region: string,
	time: number,
): Omit<ModelPackageRequest, 'createdBy'> {
	const text = (value: unknown) => (typeof value === 'string' ? value : undefined);
	const record = (value: unknown) => (isRecord(value) ? value : undefined);
	const request: Omit<ModelPackageRequest, 'createdBy'> = {
		region,
		time,
		groupName: text(args.ModelPackageGroupName) ?? stepName,
	};
	const members = {
		approvalStatus: text(args.ModelApprovalStatus),
		description: text(args.ModelPackageDescription),
		inferenceSpecification: record(args.InferenceSpecification),
		modelMetrics: record(args.ModelMetrics),
		driftCheckBaselines: record(args.DriftCheckBaselines),
		metadataProperties: record(args.MetadataProperties),
		customerMetadata: record(args.CustomerMetadataProperties) as Record<string, string> | undefined,
		domain: text(args.Domain),
		task: text(args.Task),
		samplePayloadUrl: text(args.SamplePayloadUrl),
	};
	for (const [key, value] of Object.entries(members))
		if (value !== undefined) Object.assign(request, {[key]: value});
	return request;
}
