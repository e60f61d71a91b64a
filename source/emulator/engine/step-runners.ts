// What each step type does in the emulator: the job or resource it creates (and its name and ARN), the
// properties later steps read from it (`Steps.<name>.*`, shaped like the service's Describe* response), the
// Metadata member ListPipelineExecutionSteps shows, and what it writes to S3 when it succeeds.
import {isRecord} from '../../pipeline/expressions.js';
import type {StepDefinition} from '../../pipeline/model.js';
import {accountId, pipelineJobName, resourceArn} from '../arns.js';
import {modelPackageRequest} from '../registry/model-package-request.js';
import type {ModelPackageRecord, ModelPackageRequest} from '../registry/model-registry.js';
import {alphanumeric, derivedRandom} from '../random.js';
import {joinS3Path, type ObjectStorage} from '../s3-store.js';
import {checkOutputs, checkStep} from './check-steps.js';
import type {JobRecord} from './jobs.js';

export type PreparedStep = {
	/** What `Steps.<name>.*` resolves against once the step succeeded. */
	properties: Record<string, unknown>;
	/** The Metadata member once the step's job or resource exists (`{}` for types that create nothing). */
	metadata: Record<string, unknown>;
	job?: JobRecord;
};

export type StepIdentity = {
	region: string;
	executionId: string;
	step: StepDefinition;
	attempt: number;
	seed: number;
	time: number;
};

/** The job name a Processing/Training step gets, known before its arguments are evaluated (Execution.*JobName). */
export function jobNameFor(identity: StepIdentity): string {
	const suffix = derivedRandom(
		identity.seed,
		`${identity.executionId}/${identity.step.name}/${identity.attempt}/name`,
	).text(10, alphanumeric);
	return pipelineJobName(identity.executionId, identity.step.name, suffix);
}

/** Builds a step's properties, Metadata and job from its resolved arguments. */
export function prepareStep(
	identity: StepIdentity,
	resolved: unknown,
	registerModelPackage: (request: Omit<ModelPackageRequest, 'createdBy'>) => ModelPackageRecord,
): PreparedStep {
	const {region, step, time} = identity;
	const args = isRecord(resolved) ? resolved : {};
	const name = jobNameFor(identity);
	switch (step.type) {
		case 'Processing': {
			const arn = resourceArn(region, 'processing-job', name);
			return {
				properties: {
					...args,
					ProcessingJobName: name,
					ProcessingJobArn: arn,
					ProcessingJobStatus: 'Completed',
				},
				metadata: {ProcessingJob: {Arn: arn}},
				job: newJob('processing', name, arn, args, time),
			};
		}

		case 'Training': {
			const arn = resourceArn(region, 'training-job', name);
			const output =
				isRecord(args.OutputDataConfig) && typeof args.OutputDataConfig.S3OutputPath === 'string'
					? args.OutputDataConfig.S3OutputPath
					: `s3://sagemaker-${region}-${accountId}/`;
			const artifacts = joinS3Path(joinS3Path(output, name), 'output/model.tar.gz');
			const job = newJob('training', name, arn, args, time);
			job.modelArtifacts = artifacts;
			return {
				properties: {
					...args,
					TrainingJobName: name,
					TrainingJobArn: arn,
					TrainingJobStatus: 'Completed',
					ModelArtifacts: {S3ModelArtifacts: artifacts},
				},
				metadata: {TrainingJob: {Arn: arn}},
				job,
			};
		}

		case 'Transform': {
			const arn = resourceArn(region, 'transform-job', name);
			return {
				properties: {...args, TransformJobName: name, TransformJobArn: arn, TransformJobStatus: 'Completed'},
				metadata: {TransformJob: {Arn: arn}},
				job: newJob('transform', name, arn, args, time),
			};
		}

		case 'Tuning': {
			const tuningName = name.slice(-32).replace(/^-+/, '');
			const arn = resourceArn(region, 'hyper-parameter-tuning-job', tuningName);
			const summaries = [0, 1, 2].map((index) => {
				const trainingName = `${tuningName.slice(0, 28)}-${String(index + 1).padStart(3, '0')}`;
				return {
					TrainingJobName: trainingName,
					TrainingJobArn: resourceArn(region, 'training-job', trainingName),
				};
			});
			const definition = isRecord(args.TrainingJobDefinition) ? args.TrainingJobDefinition : {};
			const job = newJob('tuning', tuningName, arn, args, time);
			const output = isRecord(definition.OutputDataConfig)
				? definition.OutputDataConfig.S3OutputPath
				: undefined;
			job.children = summaries.map((summary) => {
				const child = newJob('training', summary.TrainingJobName, summary.TrainingJobArn, definition, time);
				if (typeof output === 'string')
					child.modelArtifacts = joinS3Path(output, `${summary.TrainingJobName}/output/model.tar.gz`);
				return child;
			});
			return {
				properties: {
					...args,
					HyperParameterTuningJobName: tuningName,
					HyperParameterTuningJobArn: arn,
					HyperParameterTuningJobStatus: 'Completed',
					BestTrainingJob: summaries[0],
					TrainingJobSummaries: summaries,
				},
				metadata: {TuningJob: {Arn: arn}},
				job,
			};
		}

		case 'AutoML': {
			const arn = resourceArn(region, 'automl-job', name);
			return {
				properties: {
					...args,
					AutoMLJobName: name,
					AutoMLJobArn: arn,
					AutoMLJobStatus: 'Completed',
					BestCandidate: {CandidateName: `${name}-candidate-1`, InferenceContainers: []},
				},
				metadata: {AutoMLJob: {Arn: arn}},
			};
		}

		case 'Model':
		case 'CreateModel': {
			const arn = resourceArn(region, 'model', name);
			return {
				properties: {...args, ModelName: name, ModelArn: arn},
				metadata: {Model: {Arn: arn}},
				job: newJob('model', name, arn, args, time),
			};
		}

		case 'RegisterModel': {
			const registered = registerModelPackage(modelPackageRequest(args, step.name, region, time));
			return {
				properties: {
					...args,
					ModelPackageArn: registered.arn,
					ModelPackageName: registered.groupName,
					ModelPackageVersion: registered.version,
					ModelApprovalStatus: registered.approvalStatus,
				},
				metadata: {RegisterModel: {Arn: registered.arn}},
			};
		}

		case 'EMR': {
			const random = derivedRandom(
				identity.seed,
				`${identity.executionId}/${step.name}/${identity.attempt}/emr`,
			);
			const clusterId =
				typeof args.ClusterId === 'string'
					? args.ClusterId
					: `j-${random.text(13, 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789')}`;
			const stepId = `s-${random.text(13, 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789')}`;
			return {
				properties: {...args, ClusterId: clusterId, StepId: stepId},
				metadata: {EMR: {ClusterId: clusterId, StepId: stepId, StepName: step.name}},
			};
		}

		case 'QualityCheck':
		case 'ClarifyCheck':
			return checkStep(identity, args, name);

		case 'EndpointConfig':
		case 'Endpoint': {
			const arn = resourceArn(region, step.type === 'Endpoint' ? 'endpoint' : 'endpoint-config', name);
			return {
				properties: {...args, [`${step.type}Name`]: name, [`${step.type}Arn`]: arn},
				metadata: {[step.type]: {Arn: arn}},
			};
		}

		case 'Lambda': {
			const functionArn = typeof step.raw.FunctionArn === 'string' ? step.raw.FunctionArn : '';
			return {properties: {...args}, metadata: {Lambda: {Arn: functionArn}}};
		}

		default:
			return {properties: {...args}, metadata: {}};
	}
}

function newJob(
	kind: JobRecord['kind'],
	name: string,
	arn: string,
	request: Record<string, unknown>,
	time: number,
): JobRecord {
	return {kind, name, arn, status: 'InProgress', request, creationTime: time, lastModifiedTime: time};
}

/** Output values a Lambda or Callback step returns when nothing tells the emulator what they are. */
export function defaultOutputParameters(
	step: StepDefinition,
	tuned?: Record<string, string>,
): Record<string, string> {
	const outputs: Record<string, string> = {};
	const declared = Array.isArray(step.raw.OutputParameters) ? step.raw.OutputParameters : [];
	for (const output of declared) {
		if (!isRecord(output) || typeof output.OutputName !== 'string') continue;
		const type = output.OutputType;
		outputs[output.OutputName] =
			type === 'Boolean'
				? 'true'
				: type === 'Integer'
					? '1'
					: type === 'Float'
						? '0.5'
						: `${output.OutputName}-value`;
	}

	return {...outputs, ...tuned};
}

/** `OutputParameters` as the service's metadata lists them. */
export function outputParameterList(outputs: Record<string, string>): Array<{Name: string; Value: string}> {
	return Object.entries(outputs).map(([Name, Value]) => ({Name, Value}));
}

/** An empty tar archive, gzipped: a valid model.tar.gz that holds no files. */
const emptyModelArchive = Buffer.from('H4sIAAAAAAACA2NgGAWjYBSMVAAALq+17wAEAAA=', 'base64');

/** Writes what a succeeded job leaves in S3: processing outputs (with property files) or a model artifact. */
export function writeStepOutputs(
	storage: ObjectStorage,
	step: StepDefinition,
	properties: Record<string, unknown>,
	propertyFile: (name: string) => unknown,
	time: number,
): void {
	if (step.type === 'Training') {
		const artifacts = isRecord(properties.ModelArtifacts)
			? properties.ModelArtifacts.S3ModelArtifacts
			: undefined;
		if (typeof artifacts === 'string')
			storage.putUri(artifacts, emptyModelArchive, 'application/x-gzip', time);
		return;
	}

	if (step.type === 'QualityCheck' || step.type === 'ClarifyCheck') {
		for (const file of checkOutputs(properties))
			storage.putUri(file.uri, `${JSON.stringify(file.body)}\n`, 'application/json', time);
		return;
	}

	if (step.type !== 'Processing') return;
	const outputs = isRecord(properties.ProcessingOutputConfig)
		? properties.ProcessingOutputConfig.Outputs
		: undefined;
	if (!Array.isArray(outputs)) return;
	for (const output of outputs) {
		if (!isRecord(output) || !isRecord(output.S3Output) || typeof output.S3Output.S3Uri !== 'string')
			continue;
		const uri = output.S3Output.S3Uri;
		const files = step.propertyFiles.filter((file) => file.outputName === output.OutputName);
		for (const file of files) {
			storage.putUri(
				joinS3Path(uri, file.filePath),
				`${JSON.stringify(propertyFile(file.name), null, 4)}\n`,
				'application/json',
				time,
			);
		}

		if (files.length === 0) storage.putUri(joinS3Path(uri, '_SUCCESS'), '', 'application/octet-stream', time);
	}
}
