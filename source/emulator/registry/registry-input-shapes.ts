// The request members of the model registry operations, transcribed from botocore's service model (sagemaker
// 2017-07-24) like input-shapes.ts. Members the emulator keeps without reading inside (inference
// specifications, model cards) are checked for their type only and marked `uncheckedInside`.
import {tagsShape} from '../tag-shape.js';
import type {Shape} from '../validate-input.js';

type Structure = Shape & {type: 'structure'};

const entityName: Shape = {type: 'string', min: 1, max: 63, pattern: '[a-zA-Z0-9](-*[a-zA-Z0-9]){0,62}'};
const arnOrName: Shape = {
	type: 'string',
	min: 1,
	max: 170,
	pattern:
		'(arn:aws[a-z\\-]*:sagemaker:[a-z0-9\\-]*:[0-9]{12}:[a-z\\-]*\\/)?([a-zA-Z0-9]([a-zA-Z0-9-]){0,62})(?<!-)',
};
const versionedArnOrName: Shape = {
	type: 'string',
	min: 1,
	max: 176,
	pattern:
		'(arn:aws[a-z\\-]*:sagemaker:[a-z0-9\\-]*:[0-9]{12}:[a-z\\-]*\\/)?([a-zA-Z0-9]([a-zA-Z0-9-]){0,62})(?<!-)(\\/[0-9]{1,9})?',
};
const modelPackageArn: Shape = {
	type: 'string',
	min: 1,
	max: 2048,
	pattern: 'arn:aws[a-z\\-]*:sagemaker:[a-z0-9\\-]{9,16}:[0-9]{12}:model-package/[\\S]{1,2048}',
};
const entityDescription: Shape = {
	type: 'string',
	min: 0,
	max: 1024,
	pattern: '[\\p{L}\\p{M}\\p{Z}\\p{S}\\p{N}\\p{P}]*',
};
const nameContains: Shape = {type: 'string', min: 0, max: 63, pattern: '[a-zA-Z0-9\\-]+'};
const approvalStatus: Shape = {type: 'string', enum: ['Approved', 'Rejected', 'PendingManualApproval']};
const sortBy: Shape = {type: 'string', enum: ['Name', 'CreationTime']};
const sortOrder: Shape = {type: 'string', enum: ['Ascending', 'Descending']};
const timestamp: Shape = {type: 'timestamp'};
const paging = {
	NextToken: {type: 'string', min: 0, max: 8192} as Shape,
	MaxResults: {type: 'integer', min: 1, max: 100} as Shape,
};
const creationWindow = {CreationTimeAfter: timestamp, CreationTimeBefore: timestamp};
const tags = tagsShape;
const managedConfiguration: Shape = {
	type: 'structure',
	members: {ManagedStorageType: {type: 'string', enum: ['Restricted']}},
};
const uncheckedStructure = {type: 'structure', members: {}, uncheckedInside: true} as Shape;
const uncheckedList = {type: 'list', member: uncheckedStructure, uncheckedInside: true} as Shape;

export const registryInputShapes: Record<string, Structure> = {
	ListModelPackageGroups: {
		type: 'structure',
		members: {
			...creationWindow,
			...paging,
			NameContains: nameContains,
			SortBy: sortBy,
			SortOrder: sortOrder,
			CrossAccountFilterOption: {type: 'string', enum: ['SameAccount', 'CrossAccount']},
		},
	},
	DescribeModelPackageGroup: {
		type: 'structure',
		members: {ModelPackageGroupName: arnOrName},
		required: ['ModelPackageGroupName'],
	},
	CreateModelPackageGroup: {
		type: 'structure',
		members: {
			ModelPackageGroupName: entityName,
			ModelPackageGroupDescription: entityDescription,
			Tags: tags,
			ManagedConfiguration: managedConfiguration,
		},
		required: ['ModelPackageGroupName'],
	},
	DeleteModelPackageGroup: {
		type: 'structure',
		members: {ModelPackageGroupName: arnOrName},
		required: ['ModelPackageGroupName'],
	},
	ListModelPackages: {
		type: 'structure',
		members: {
			...creationWindow,
			...paging,
			NameContains: nameContains,
			ModelApprovalStatus: approvalStatus,
			ModelPackageGroupName: arnOrName,
			ModelPackageType: {type: 'string', enum: ['Versioned', 'Unversioned', 'Both']},
			SortBy: sortBy,
			SortOrder: sortOrder,
		},
	},
	DescribeModelPackage: {
		type: 'structure',
		members: {ModelPackageName: versionedArnOrName},
		required: ['ModelPackageName'],
	},
	UpdateModelPackage: {
		type: 'structure',
		members: {
			ModelPackageArn: modelPackageArn,
			ModelApprovalStatus: approvalStatus,
			ModelPackageRegistrationType: {type: 'string', enum: ['Logged', 'Registered']},
			ApprovalDescription: {type: 'string', min: 0, max: 1024},
			CustomerMetadataProperties: {type: 'map', value: {type: 'string', min: 1, max: 256}, max: 50},
			CustomerMetadataPropertiesToRemove: {
				type: 'list',
				member: {type: 'string', min: 1, max: 128},
				uncheckedInside: true,
			} as Shape,
			AdditionalInferenceSpecificationsToAdd: uncheckedList,
			InferenceSpecification: uncheckedStructure,
			SourceUri: {type: 'string', min: 0, max: 1024, pattern: '[\\p{L}\\p{M}\\p{Z}\\p{N}\\p{P}]{0,1024}'},
			ModelCard: uncheckedStructure,
			ModelLifeCycle: {
				type: 'structure',
				members: {
					Stage: entityName,
					StageStatus: entityName,
					StageDescription: {type: 'string', min: 0, max: 1024, pattern: '.{0,1024}'},
				},
				required: ['Stage', 'StageStatus'],
			},
			ClientToken: {type: 'string', min: 1, max: 36, pattern: '[a-zA-Z0-9-]+'},
		},
		required: ['ModelPackageArn'],
	},
};
