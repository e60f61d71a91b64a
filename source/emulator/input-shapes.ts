// The request members of each emulated SageMaker operation, transcribed from botocore's service model
// (sagemaker 2017-07-24), so bad members get the service's ValidationException before any handler runs.
// The contract test compares these declarations with the model.
import {registryInputShapes} from './registry/registry-input-shapes.js';
import {tagsShape} from './tag-shape.js';
import type {Shape} from './validate-input.js';

type Structure = Shape & {type: 'structure'};

const pipelineName: Shape = {type: 'string', min: 1, max: 256, pattern: '[a-zA-Z0-9](-*[a-zA-Z0-9]){0,255}'};
const pipelineNameOrArn: Shape = {
	type: 'string',
	min: 1,
	max: 2048,
	pattern:
		'(arn:aws[a-z\\-]*:sagemaker:[a-z0-9\\-]*:([0-9]{12}|aws):pipeline/.*)?([a-zA-Z0-9](-*[a-zA-Z0-9]){0,255})',
};
const executionArn: Shape = {
	type: 'string',
	min: 0,
	max: 2048,
	pattern: 'arn:aws[a-z\\-]*:sagemaker:[a-z0-9\\-]*:[0-9]{12}:pipeline\\/.*\\/execution\\/.*',
};
const executionName: Shape = {type: 'string', min: 1, max: 82, pattern: '[a-zA-Z0-9](-*[a-zA-Z0-9]){0,81}'};
// Free-text members (`.*` patterns in the model) get length checks only: the pattern adds nothing.
const description: Shape = {type: 'string', min: 0, max: 3072};
const definition: Shape = {type: 'string', min: 1, max: 1_048_576};
const token: Shape = {type: 'string', min: 32, max: 128};
const nextToken: Shape = {type: 'string', min: 0, max: 8192};
const maxResults: Shape = {type: 'integer', min: 1, max: 100};
const sortOrder: Shape = {type: 'string', enum: ['Ascending', 'Descending']};
const timestamp: Shape = {type: 'timestamp'};
const roleArn: Shape = {
	type: 'string',
	min: 20,
	max: 2048,
	pattern: 'arn:aws[a-z\\-]*:iam::\\d{12}:role/?[a-zA-Z_0-9+=,.@\\-_/]+',
};
const versionId: Shape = {type: 'long', min: 1};
const parallelism: Shape = {
	type: 'structure',
	members: {MaxParallelExecutionSteps: {type: 'integer', min: 1}},
	required: ['MaxParallelExecutionSteps'],
};
const definitionS3Location: Shape = {
	type: 'structure',
	members: {
		Bucket: {type: 'string', min: 3, max: 63, pattern: '[a-z0-9][\\.\\-a-z0-9]{1,61}[a-z0-9]'},
		ObjectKey: {type: 'string', min: 1, max: 1024},
		VersionId: {type: 'string', min: 1, max: 1024},
	},
	required: ['Bucket', 'ObjectKey'],
};
const tags = tagsShape;
const parameters: Shape = {
	type: 'list',
	min: 0,
	max: 200,
	member: {
		type: 'structure',
		members: {
			Name: {type: 'string', min: 1, max: 256, pattern: '[A-Za-z0-9\\-_]*'},
			Value: {type: 'string', min: 0, max: 1024},
		},
		required: ['Name', 'Value'],
	},
};
const selectiveExecution: Shape = {
	type: 'structure',
	members: {
		SourcePipelineExecutionArn: executionArn,
		SelectedSteps: {
			type: 'list',
			min: 1,
			max: 50,
			member: {
				type: 'structure',
				members: {StepName: {type: 'string', min: 0, max: 256}},
				required: ['StepName'],
			},
		},
	},
	required: ['SelectedSteps'],
};
const callbackToken: Shape = {type: 'string', min: 10, max: 10, pattern: '[a-zA-Z0-9]+'};
const jobName: Shape = {type: 'string', min: 1, max: 63, pattern: '[a-zA-Z0-9](-*[a-zA-Z0-9]){0,62}'};

// Member groups that several operations declare alike.
const createdWindow = {CreatedAfter: timestamp, CreatedBefore: timestamp};
const paging = {NextToken: nextToken, MaxResults: maxResults};
const pipelineContent = {
	PipelineName: pipelineName,
	PipelineDisplayName: pipelineName,
	PipelineDefinition: definition,
	PipelineDefinitionS3Location: definitionS3Location,
	PipelineDescription: description,
};

export const inputShapes: Record<string, Structure> = {
	ListPipelines: {
		type: 'structure',
		members: {
			PipelineNamePrefix: pipelineName,
			...createdWindow,
			SortBy: {type: 'string', enum: ['Name', 'CreationTime']},
			SortOrder: sortOrder,
			...paging,
		},
	},
	DescribePipeline: {
		type: 'structure',
		members: {PipelineName: pipelineNameOrArn, PipelineVersionId: versionId},
		required: ['PipelineName'],
	},
	CreatePipeline: {
		type: 'structure',
		members: {
			...pipelineContent,
			ClientRequestToken: token,
			RoleArn: roleArn,
			Tags: tags,
			ParallelismConfiguration: parallelism,
		},
		required: ['PipelineName', 'ClientRequestToken', 'RoleArn'],
	},
	UpdatePipeline: {
		type: 'structure',
		members: {
			...pipelineContent,
			RoleArn: roleArn,
			ParallelismConfiguration: parallelism,
		},
		required: ['PipelineName'],
	},
	DeletePipeline: {
		type: 'structure',
		members: {PipelineName: pipelineName, ClientRequestToken: token},
		required: ['PipelineName', 'ClientRequestToken'],
	},
	ListPipelineVersions: {
		type: 'structure',
		members: {
			PipelineName: pipelineNameOrArn,
			...createdWindow,
			SortOrder: sortOrder,
			...paging,
		},
		required: ['PipelineName'],
	},
	StartPipelineExecution: {
		type: 'structure',
		members: {
			PipelineName: pipelineNameOrArn,
			PipelineExecutionDisplayName: executionName,
			PipelineParameters: parameters,
			PipelineExecutionDescription: description,
			ClientRequestToken: token,
			ParallelismConfiguration: parallelism,
			SelectiveExecutionConfig: selectiveExecution,
			PipelineVersionId: versionId,
			MlflowExperimentName: {type: 'string', min: 1, max: 256},
		},
		required: ['PipelineName', 'ClientRequestToken'],
	},
	DescribePipelineExecution: {
		type: 'structure',
		members: {PipelineExecutionArn: executionArn},
		required: ['PipelineExecutionArn'],
	},
	UpdatePipelineExecution: {
		type: 'structure',
		members: {
			PipelineExecutionArn: executionArn,
			PipelineExecutionDescription: description,
			PipelineExecutionDisplayName: executionName,
			ParallelismConfiguration: parallelism,
		},
		required: ['PipelineExecutionArn'],
	},
	ListPipelineExecutions: {
		type: 'structure',
		members: {
			PipelineName: pipelineNameOrArn,
			...createdWindow,
			SortBy: {type: 'string', enum: ['CreationTime', 'PipelineExecutionArn']},
			SortOrder: sortOrder,
			...paging,
		},
		required: ['PipelineName'],
	},
	ListPipelineExecutionSteps: {
		type: 'structure',
		members: {
			PipelineExecutionArn: executionArn,
			...paging,
			SortOrder: sortOrder,
		},
	},
	ListPipelineParametersForExecution: {
		type: 'structure',
		members: {PipelineExecutionArn: executionArn, ...paging},
		required: ['PipelineExecutionArn'],
	},
	DescribePipelineDefinitionForExecution: {
		type: 'structure',
		members: {PipelineExecutionArn: executionArn},
		required: ['PipelineExecutionArn'],
	},
	StopPipelineExecution: {
		type: 'structure',
		members: {PipelineExecutionArn: executionArn, ClientRequestToken: token},
		required: ['PipelineExecutionArn', 'ClientRequestToken'],
	},
	RetryPipelineExecution: {
		type: 'structure',
		members: {
			PipelineExecutionArn: executionArn,
			ClientRequestToken: token,
			ParallelismConfiguration: parallelism,
		},
		required: ['PipelineExecutionArn', 'ClientRequestToken'],
	},
	SendPipelineExecutionStepSuccess: {
		type: 'structure',
		members: {
			CallbackToken: callbackToken,
			OutputParameters: {
				type: 'list',
				min: 0,
				max: 50,
				member: {
					type: 'structure',
					members: {Name: {type: 'string', min: 0, max: 256}, Value: {type: 'string', min: 0, max: 1024}},
					required: ['Name', 'Value'],
				},
			},
			ClientRequestToken: token,
		},
		required: ['CallbackToken'],
	},
	SendPipelineExecutionStepFailure: {
		type: 'structure',
		members: {
			CallbackToken: callbackToken,
			FailureReason: {type: 'string', min: 0, max: 256},
			ClientRequestToken: token,
		},
		required: ['CallbackToken'],
	},
	DescribeProcessingJob: {
		type: 'structure',
		members: {ProcessingJobName: jobName},
		required: ['ProcessingJobName'],
	},
	DescribeTrainingJob: {
		type: 'structure',
		members: {TrainingJobName: jobName},
		required: ['TrainingJobName'],
	},
	...registryInputShapes,
};
