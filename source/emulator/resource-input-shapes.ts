// The request members of the operations on the resources behind steps (jobs, models, tuning jobs), on pipeline
// versions and on tags, transcribed from botocore's service model like input-shapes.ts.
import type {Shape} from './validate-input.js';

type Structure = Shape & {type: 'structure'};

const jobName: Shape = {type: 'string', min: 1, max: 63, pattern: '[a-zA-Z0-9](-*[a-zA-Z0-9]){0,62}'};
const timestamp: Shape = {type: 'timestamp'};
const nextToken: Shape = {type: 'string', min: 0, max: 8192};
const maxResults: Shape = {type: 'integer', min: 1, max: 100};
const sortOrder: Shape = {type: 'string', enum: ['Ascending', 'Descending']};
const sortBy: Shape = {type: 'string', enum: ['Name', 'CreationTime', 'Status']};
const resourceArn: Shape = {
	type: 'string',
	min: 0,
	max: 256,
	pattern: 'arn:aws[a-z-]*:sagemaker:[a-z0-9-]*:[0-9]{12}:.+',
};
const tagText = '([\\p{L}\\p{Z}\\p{N}_.:/=+\\-@]*)';
const tagKey: Shape = {type: 'string', min: 1, max: 128, pattern: tagText};
const jobWindow = {
	CreationTimeAfter: timestamp,
	CreationTimeBefore: timestamp,
	LastModifiedTimeAfter: timestamp,
	LastModifiedTimeBefore: timestamp,
	SortBy: sortBy,
	SortOrder: sortOrder,
	NextToken: nextToken,
	MaxResults: maxResults,
};
const jobStatus = ['InProgress', 'Completed', 'Failed', 'Stopping', 'Stopped'];

export const resourceInputShapes: Record<string, Structure> = {
	DescribeTransformJob: {
		type: 'structure',
		members: {TransformJobName: jobName},
		required: ['TransformJobName'],
	},
	DescribeModel: {
		type: 'structure',
		members: {
			ModelName: {type: 'string', min: 0, max: 63, pattern: '[a-zA-Z0-9]([\\-a-zA-Z0-9]*[a-zA-Z0-9])?'},
		},
		required: ['ModelName'],
	},
	DescribeHyperParameterTuningJob: {
		type: 'structure',
		members: {
			HyperParameterTuningJobName: {
				type: 'string',
				min: 1,
				max: 32,
				pattern: '[a-zA-Z0-9](-*[a-zA-Z0-9]){0,31}',
			},
		},
		required: ['HyperParameterTuningJobName'],
	},
	ListProcessingJobs: {
		type: 'structure',
		members: {
			...jobWindow,
			NameContains: {type: 'string'},
			StatusEquals: {type: 'string', enum: jobStatus},
		},
	},
	ListTrainingJobs: {
		type: 'structure',
		members: {
			...jobWindow,
			NameContains: {type: 'string', min: 0, max: 63, pattern: '[a-zA-Z0-9\\-]+'},
			StatusEquals: {type: 'string', enum: [...jobStatus, 'Deleting']},
			WarmPoolStatusEquals: {type: 'string', enum: ['Available', 'Terminated', 'Reused', 'InUse']},
			TrainingPlanArnEquals: {
				type: 'string',
				min: 50,
				max: 2048,
				pattern: 'arn:aws[a-z\\-]*:sagemaker:[a-z0-9\\-]*:[0-9]{12}:training-plan/.*',
			},
		},
	},
	StopProcessingJob: {
		type: 'structure',
		members: {ProcessingJobName: jobName},
		required: ['ProcessingJobName'],
	},
	StopTrainingJob: {
		type: 'structure',
		members: {TrainingJobName: jobName},
		required: ['TrainingJobName'],
	},
	UpdatePipelineVersion: {
		type: 'structure',
		members: {
			PipelineArn: {
				type: 'string',
				min: 0,
				max: 2048,
				pattern: 'arn:aws[a-z\\-]*:sagemaker:[a-z0-9\\-]*:([0-9]{12}|aws):pipeline/.*',
			},
			PipelineVersionId: {type: 'long', min: 1},
			PipelineVersionDisplayName: {
				type: 'string',
				min: 1,
				max: 82,
				pattern: '[a-zA-Z0-9](-*[a-zA-Z0-9]){0,81}',
			},
			PipelineVersionDescription: {type: 'string', min: 0, max: 3072},
		},
		required: ['PipelineArn', 'PipelineVersionId'],
	},
	AddTags: {
		type: 'structure',
		members: {
			ResourceArn: resourceArn,
			Tags: {
				type: 'list',
				min: 0,
				max: 50,
				member: {
					type: 'structure',
					members: {Key: tagKey, Value: {type: 'string', min: 0, max: 256, pattern: tagText}},
					required: ['Key', 'Value'],
				},
			},
		},
		required: ['ResourceArn', 'Tags'],
	},
	ListTags: {
		type: 'structure',
		members: {ResourceArn: resourceArn, NextToken: nextToken, MaxResults: {type: 'integer', min: 50}},
		required: ['ResourceArn'],
	},
	DeleteTags: {
		type: 'structure',
		members: {ResourceArn: resourceArn, TagKeys: {type: 'list', min: 1, max: 50, member: tagKey}},
		required: ['ResourceArn', 'TagKeys'],
	},
};
