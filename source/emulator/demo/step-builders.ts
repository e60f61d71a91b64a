// Small builders for the demo definitions: steps shaped like the ones the SageMaker Python SDK writes.
import {demoBucket, demoRoleArn} from './demo-pipeline.js';

type Json = Record<string, unknown>;

const sklearnImage = '683313688378.dkr.ecr.us-east-1.amazonaws.com/sagemaker-scikit-learn:1.2-1-cpu-py3';
const xgboostImage = '683313688378.dkr.ecr.us-east-1.amazonaws.com/sagemaker-xgboost:1.7-1';

export const get = (path: string) => ({Get: path});
export const join = (...values: unknown[]) => ({'Std:Join': {On: '/', Values: values}});
export const executionId = get('Execution.PipelineExecutionId');
/** Where a Processing step wrote one of its outputs. */
export const processingOutput = (step: string, output: string) =>
	get(`Steps.${step}.ProcessingOutputConfig.Outputs['${output}'].S3Output.S3Uri`);
/** The model a Training step wrote. */
export const modelArtifacts = (step: string) => get(`Steps.${step}.ModelArtifacts.S3ModelArtifacts`);

/** An S3 prefix unique to the execution: `s3://bucket/<pipeline>/<execution id>/<name>`. */
export const outputUri = (pipeline: string, name: string) => join(demoBucket, pipeline, executionId, name);

export function parameter(
	name: string,
	type: 'String' | 'Integer' | 'Float' | 'Boolean',
	defaultValue: unknown,
): Json {
	return {Name: name, Type: type, DefaultValue: defaultValue};
}

export type StepOptions = {dependsOn?: string[]; cache?: string; displayName?: string; description?: string};

function envelope(name: string, type: string, args: Json, options: StepOptions, extra: Json = {}): Json {
	return {
		Name: name,
		Type: type,
		Arguments: args,
		...(options.dependsOn ? {DependsOn: options.dependsOn} : {}),
		...(options.displayName ? {DisplayName: options.displayName} : {}),
		...(options.description ? {Description: options.description} : {}),
		...(options.cache ? {CacheConfig: {Enabled: true, ExpireAfter: options.cache}} : {}),
		...extra,
	};
}

export function processingStep(
	name: string,
	script: string,
	io: {inputs?: Array<[string, unknown]>; outputs: Array<[string, unknown]>; arguments?: unknown[]},
	options: StepOptions & {
		propertyFiles?: Array<{name: string; output: string; path: string}>;
		instanceType?: unknown;
	} = {},
): Json {
	return envelope(
		name,
		'Processing',
		{
			ProcessingResources: {
				ClusterConfig: {
					InstanceType: options.instanceType ?? 'ml.m5.xlarge',
					InstanceCount: 1,
					VolumeSizeInGB: 30,
				},
			},
			AppSpecification: {
				ImageUri: sklearnImage,
				ContainerEntrypoint: ['python3', `/opt/ml/processing/input/code/${script}`],
				...(io.arguments ? {ContainerArguments: io.arguments} : {}),
			},
			RoleArn: demoRoleArn,
			ProcessingInputs: [
				...(io.inputs ?? []).map(([inputName, uri]) => ({
					InputName: inputName,
					AppManaged: false,
					S3Input: {
						S3Uri: uri,
						LocalPath: `/opt/ml/processing/input/${inputName}`,
						S3DataType: 'S3Prefix',
						S3InputMode: 'File',
						S3DataDistributionType: 'FullyReplicated',
					},
				})),
				{
					InputName: 'code',
					AppManaged: false,
					S3Input: {
						S3Uri: `${demoBucket}/code/${script}`,
						LocalPath: '/opt/ml/processing/input/code',
						S3DataType: 'S3Prefix',
						S3InputMode: 'File',
						S3DataDistributionType: 'FullyReplicated',
					},
				},
			],
			ProcessingOutputConfig: {
				Outputs: io.outputs.map(([outputName, uri]) => ({
					OutputName: outputName,
					AppManaged: false,
					S3Output: {S3Uri: uri, LocalPath: `/opt/ml/processing/${outputName}`, S3UploadMode: 'EndOfJob'},
				})),
			},
		},
		options,
		options.propertyFiles
			? {
					PropertyFiles: options.propertyFiles.map((file) => ({
						PropertyFileName: file.name,
						OutputName: file.output,
						FilePath: file.path,
					})),
				}
			: {},
	);
}

export function trainingStep(
	name: string,
	channels: Array<[string, unknown]>,
	hyperParameters: Record<string, string>,
	options: StepOptions & {outputPath: string; instanceType?: unknown},
): Json {
	return envelope(
		name,
		'Training',
		{
			AlgorithmSpecification: {TrainingImage: xgboostImage, TrainingInputMode: 'File'},
			OutputDataConfig: {S3OutputPath: options.outputPath},
			StoppingCondition: {MaxRuntimeInSeconds: 86_400},
			ResourceConfig: {
				InstanceCount: 1,
				InstanceType: options.instanceType ?? 'ml.m5.xlarge',
				VolumeSizeInGB: 30,
			},
			RoleArn: demoRoleArn,
			InputDataConfig: channels.map(([channel, uri]) => ({
				DataSource: {
					S3DataSource: {S3DataType: 'S3Prefix', S3Uri: uri, S3DataDistributionType: 'FullyReplicated'},
				},
				ContentType: 'text/csv',
				ChannelName: channel,
			})),
			HyperParameters: hyperParameters,
		},
		options,
	);
}

export function registerModelStep(
	name: string,
	group: string,
	modelData: unknown,
	approval: unknown,
	options: StepOptions = {},
): Json {
	return envelope(
		name,
		'RegisterModel',
		{
			ModelPackageGroupName: group,
			InferenceSpecification: {
				Containers: [{Image: xgboostImage, ModelDataUrl: modelData}],
				SupportedContentTypes: ['text/csv'],
				SupportedResponseMIMETypes: ['text/csv'],
				SupportedRealtimeInferenceInstanceTypes: ['ml.m5.large', 'ml.m5.xlarge'],
				SupportedTransformInstanceTypes: ['ml.m5.xlarge'],
			},
			ModelApprovalStatus: approval,
		},
		options,
	);
}

export function lambdaStep(
	name: string,
	functionName: string,
	args: Json,
	outputs: Array<[string, 'String' | 'Integer' | 'Float' | 'Boolean']>,
	options: StepOptions = {},
): Json {
	return envelope(name, 'Lambda', args, options, {
		FunctionArn: `arn:aws:lambda:us-east-1:000000000000:function:${functionName}`,
		OutputParameters: outputs.map(([OutputName, OutputType]) => ({OutputName, OutputType})),
	});
}

export function conditionStep(
	name: string,
	conditions: unknown[],
	ifSteps: Json[],
	elseSteps: Json[],
	options: StepOptions = {},
): Json {
	return envelope(
		name,
		'Condition',
		{Conditions: conditions, IfSteps: ifSteps, ElseSteps: elseSteps},
		options,
	);
}

export function failStep(name: string, message: unknown): Json {
	return {Name: name, Type: 'Fail', Arguments: {ErrorMessage: message}};
}

export function definitionOf(parameters: Json[], steps: Json[], tuning?: Json): Json {
	return {
		Version: '2020-12-01',
		Metadata: tuning ? {'sagemon.emulator': {steps: tuning}} : {},
		Parameters: parameters,
		PipelineExperimentConfig: {
			ExperimentName: get('Execution.PipelineName'),
			TrialName: get('Execution.PipelineExecutionId'),
		},
		Steps: steps,
	};
}
