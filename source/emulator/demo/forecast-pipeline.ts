// The demo's big pipeline: 123 steps (an extract, then prepare → train → backtest for each of 40 regions,
// then publish and notify), with at most 25 steps running at once.
import {day, demoBucket, type DemoPipeline, hour} from './demo-pipeline.js';
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

const name = 'RegionalDemandForecast';
const regions = [
	'Atlanta',
	'Austin',
	'Baltimore',
	'Boston',
	'Charlotte',
	'Chicago',
	'Cincinnati',
	'Cleveland',
	'Columbus',
	'Dallas',
	'Denver',
	'Detroit',
	'Houston',
	'Indianapolis',
	'Jacksonville',
	'KansasCity',
	'LasVegas',
	'LosAngeles',
	'Memphis',
	'Miami',
	'Milwaukee',
	'Minneapolis',
	'Nashville',
	'NewOrleans',
	'NewYork',
	'Oklahoma',
	'Orlando',
	'Philadelphia',
	'Phoenix',
	'Pittsburgh',
	'Portland',
	'Raleigh',
	'Sacramento',
	'SaltLakeCity',
	'SanAntonio',
	'SanDiego',
	'SanFrancisco',
	'Seattle',
	'StLouis',
	'Tampa',
];

const regionSteps = regions.flatMap((region) => [
	processingStep('Prepare-' + region, 'prepare_region.py', {
		inputs: [['sales', processingOutput('ExtractSales', 'sales')]],
		outputs: [['series', outputUri(name, `series/${region}`)]],
		arguments: ['--region', region, '--horizon-days', get('Parameters.HorizonDays')],
	}),
	trainingStep(
		'Train-' + region,
		[['train', processingOutput(`Prepare-${region}`, 'series')]],
		{objective: 'reg:tweedie', num_round: '120', region: region.toLowerCase()},
		{outputPath: `${demoBucket}/${name}/models/${region}`},
	),
	processingStep('Backtest-' + region, 'backtest.py', {
		inputs: [['model', modelArtifacts(`Train-${region}`)]],
		outputs: [['backtest', outputUri(name, `backtest/${region}`)]],
	}),
]);

export const forecastDemo: DemoPipeline = {
	name,
	description:
		'Nightly demand forecast for 40 regions: prepare, train and backtest each region, then publish',
	createdAgo: 12 * day,
	maxParallelSteps: 25,
	runs: [{startedAgo: day + 9 * hour}],
	definition: definitionOf(
		[
			parameter('HorizonDays', 'Integer', 28),
			parameter('SalesSnapshot', 'String', `${demoBucket}/sales/latest/`),
		],
		[
			processingStep('ExtractSales', 'extract_sales.py', {
				inputs: [['snapshot', get('Parameters.SalesSnapshot')]],
				outputs: [['sales', outputUri(name, 'sales')]],
			}),
			...regionSteps,
			lambdaStep(
				'PublishForecasts',
				'publish-forecasts',
				{horizon_days: get('Parameters.HorizonDays'), regions: regions.length},
				[['published', 'Integer']],
				{
					dependsOn: regions.map((region) => `Backtest-${region}`),
				},
			),
			lambdaStep(
				'NotifyPlanners',
				'notify-planners',
				{channel: '#demand-planning'},
				[['message_id', 'String']],
				{
					dependsOn: ['PublishForecasts'],
				},
			),
		],
	),
};
