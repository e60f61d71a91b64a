// Demo: step caching; a rerun on the same input reuses the earlier results (CacheHitResult).
import {type DemoPipeline, day, demoBucket, hour, minute} from './demo-pipeline.js';
import {
	definitionOf,
	get,
	lambdaStep,
	outputUri,
	parameter,
	processingStep,
	trainingStep,
	processingOutput,
	modelArtifacts,
} from './step-builders.js';

const clickstream = 'ClickstreamFeatures';

export const cachingDemo: DemoPipeline = {
	name: clickstream,
	description: 'Clickstream features with step caching: a rerun on the same input reuses earlier results',
	createdAgo: 10 * day,
	runs: [
		{startedAgo: 6 * day},
		{startedAgo: 2 * day + 3 * hour, description: 'Same input: every cached step is reused'},
		{startedAgo: 5 * hour + 30 * minute, parameters: {InputPrefix: `${demoBucket}/clickstream/2026-11-23/`}},
	],
	definition: definitionOf(
		[parameter('InputPrefix', 'String', `${demoBucket}/clickstream/2026-11-16/`)],
		[
			processingStep(
				'SessionizeEvents',
				'sessionize.py',
				{
					inputs: [['events', get('Parameters.InputPrefix')]],
					outputs: [['sessions', outputUri(clickstream, 'sessions')]],
				},
				{cache: '30d'},
			),
			processingStep(
				'BuildFeatures',
				'build_features.py',
				{
					inputs: [['sessions', processingOutput('SessionizeEvents', 'sessions')]],
					outputs: [['features', outputUri(clickstream, 'features')]],
				},
				{cache: '30d'},
			),
			trainingStep(
				'TrainRanker',
				[['train', processingOutput('BuildFeatures', 'features')]],
				{objective: 'rank:pairwise', num_round: '150'},
				{outputPath: `${demoBucket}/${clickstream}/models`, cache: '30d'},
			),
			lambdaStep('PublishFeatures', 'publish-feature-group', {model: modelArtifacts('TrainRanker')}, [
				['feature_group_version', 'String'],
			]),
		],
	),
};
