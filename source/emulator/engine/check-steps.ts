// QualityCheck and ClarifyCheck steps. The SageMaker SDK writes the check's settings on the step itself
// (`CheckType`, `SkipCheck`, `RegisterNewBaseline`, `FailOnViolation`, `ModelPackageGroupName`,
// `SuppliedBaselineConstraints`, `SuppliedBaselineStatistics`) and the check's processing job request as
// `Arguments`. The step runs that job, which writes the calculated baseline; its properties name the calculated
// baselines and the baselines a drift check uses (the calculated ones when a new baseline is registered, else the
// supplied ones), so a RegisterModel step can read them.
import {isRecord} from '../../pipeline/expressions.js';
import {accountId, resourceArn} from '../arns.js';
import {joinS3Path} from '../s3-store.js';
import type {StepDefinition} from '../../pipeline/model.js';
import type {JobRecord} from './jobs.js';

export function checkStep(
	identity: {region: string; step: StepDefinition; time: number},
	args: Record<string, unknown>,
	jobName: string,
): {properties: Record<string, unknown>; metadata: Record<string, unknown>; job: JobRecord} {
	const {region, step, time} = identity;
	const raw = step.raw;
	const quality = step.type === 'QualityCheck';
	const setting = (name: string): unknown => raw[name] ?? args[name];
	const arn = resourceArn(region, 'processing-job', jobName);
	const output = firstOutputUri(args) ?? `s3://sagemaker-${region}-${accountId}/${jobName}/output`;
	const checkType = text(setting('CheckType')) ?? (quality ? 'DATA_QUALITY' : 'DATA_BIAS');
	const registerNewBaseline = setting('RegisterNewBaseline') === true;
	const calculatedConstraints = joinS3Path(output, quality ? 'constraints.json' : 'analysis.json');
	const calculatedStatistics = joinS3Path(output, 'statistics.json');
	const suppliedConstraints = text(setting('SuppliedBaselineConstraints'));
	const suppliedStatistics = text(setting('SuppliedBaselineStatistics'));
	const check: Record<string, unknown> = {
		CheckType: checkType,
		CalculatedBaselineConstraints: calculatedConstraints,
		CheckJobArn: arn,
		SkipCheck: setting('SkipCheck') === true,
		RegisterNewBaseline: registerNewBaseline,
	};
	const usedConstraints = registerNewBaseline ? calculatedConstraints : suppliedConstraints;
	if (usedConstraints !== undefined) check.BaselineUsedForDriftCheckConstraints = usedConstraints;
	if (quality) {
		check.CalculatedBaselineStatistics = calculatedStatistics;
		const usedStatistics = registerNewBaseline ? calculatedStatistics : suppliedStatistics;
		if (usedStatistics !== undefined) check.BaselineUsedForDriftCheckStatistics = usedStatistics;
	}

	const group = text(setting('ModelPackageGroupName'));
	if (group !== undefined) check.ModelPackageGroupName = group;
	return {
		properties: {...args, ...check, ProcessingJobName: jobName, ProcessingJobArn: arn},
		metadata: {[step.type]: check},
		job: {
			kind: 'processing',
			name: jobName,
			arn,
			status: 'InProgress',
			request: args,
			creationTime: time,
			lastModifiedTime: time,
		},
	};
}

/** The baseline files a check's job leaves at the calculated locations. */
export function checkOutputs(properties: Record<string, unknown>): Array<{uri: string; body: unknown}> {
	const files: Array<{uri: string; body: unknown}> = [];
	if (typeof properties.CalculatedBaselineConstraints === 'string')
		files.push({uri: properties.CalculatedBaselineConstraints, body: {version: 0, features: []}});
	if (typeof properties.CalculatedBaselineStatistics === 'string')
		files.push({uri: properties.CalculatedBaselineStatistics, body: {version: 0, dataset: {item_count: 0}}});
	return files;
}

function firstOutputUri(args: Record<string, unknown>): string | undefined {
	const config = isRecord(args.ProcessingOutputConfig) ? args.ProcessingOutputConfig : {};
	const outputs = Array.isArray(config.Outputs) ? config.Outputs : [];
	for (const output of outputs) {
		if (isRecord(output) && isRecord(output.S3Output) && typeof output.S3Output.S3Uri === 'string')
			return output.S3Output.S3Uri;
	}

	return undefined;
}

function text(value: unknown): string | undefined {
	return typeof value === 'string' && value !== '' ? value : undefined;
}
