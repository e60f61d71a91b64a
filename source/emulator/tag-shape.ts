// The `Tags` member of the SageMaker operations that take one (CreatePipeline, CreateModelPackageGroup, AddTags…).
import type {Shape} from './validate-input.js';

export const tagsShape: Shape = {
	type: 'list',
	min: 0,
	max: 50,
	member: {
		type: 'structure',
		members: {
			Key: {type: 'string', min: 1, max: 128, pattern: '([\\p{L}\\p{Z}\\p{N}_.:/=+\\-@]*)'},
			Value: {type: 'string', min: 0, max: 256, pattern: '([\\p{L}\\p{Z}\\p{N}_.:/=+\\-@]*)'},
		},
		required: ['Key', 'Value'],
	},
};
