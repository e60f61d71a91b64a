// Demo: fan-out and fan-in (four candidate models trained in parallel, evaluated together, the best registered).
import {type DemoPipeline, day, demoBucket, hour} from './demo-pipeline.js';
import {
	definitionOf,
	get,
	lambdaStep,
	outputUri,
	parameter,
	processingStep,
	registerModelStep,
	trainingStep,
	processingOutput,
	modelArtifacts,
} from './step-builders.js';

const churn = 'ChurnModelSelection';
const candidates = ['XGBoost', 'LinearLearner', 'RandomForest', 'LightGBM'];
const prepared = (output: string) => processingOutput('PrepareChurnData', output);

export const fanOutDemo: DemoPipeline = {
	name: churn,
	description:
		'Customer churn: train four candidate models in parallel, evaluate them together and register the best one',
	createdAgo: 9 * day,
	runs: [{startedAgo: 4 * day + 2 * hour}, {startedAgo: day + 6 * hour, displayName: 'weekly-retrain'}],
	definition: definitionOf(
		[
			parameter('ModelApprovalStatus', 'String', 'PendingManualApproval'),
			parameter('ChurnWindowDays', 'Integer', 30),
		],
		[
			processingStep(
				'PrepareChurnData',
				'prepare_churn.py',
				{
					inputs: [['raw', `${demoBucket}/churn/raw/`]],
					outputs: ['train', 'validation', 'test'].map((name) => [name, outputUri(churn, name)]),
					arguments: ['--window-days', get('Parameters.ChurnWindowDays')],
				},
				{displayName: 'Prepare churn data'},
			),
			...candidates.map((candidate) =>
				trainingStep(
					`Train${candidate}`,
					[
						['train', prepared('train')],
						['validation', prepared('validation')],
					],
					{objective: 'binary:logistic', num_round: '200', candidate: candidate.toLowerCase()},
					{outputPath: `${demoBucket}/${churn}/models/${candidate}`, displayName: `Train ${candidate}`},
				),
			),
			processingStep(
				'EvaluateCandidates',
				'evaluate_candidates.py',
				{
					inputs: [
						...candidates.map((candidate): [string, unknown] => [
							candidate.toLowerCase(),
							modelArtifacts(`Train${candidate}`),
						]),
						['test', prepared('test')],
					],
					outputs: [['evaluation', outputUri(churn, 'evaluation')]],
				},
				{propertyFiles: [{name: 'CandidateReport', output: 'evaluation', path: 'candidates.json'}]},
			),
			lambdaStep(
				'SelectBestModel',
				'select-best-churn-model',
				{
					report: {
						'Std:Join': {
							On: '/',
							Values: [processingOutput('EvaluateCandidates', 'evaluation'), 'candidates.json'],
						},
					},
					best_auc: {
						'Std:JsonGet': {
							PropertyFile: get('Steps.EvaluateCandidates.PropertyFiles.CandidateReport'),
							Path: 'best.auc',
						},
					},
				},
				[
					['best_candidate', 'String'],
					['best_auc', 'Float'],
				],
			),
			registerModelStep(
				'RegisterChampion',
				'ChurnModels',
				modelArtifacts('TrainXGBoost'),
				get('Parameters.ModelApprovalStatus'),
				{dependsOn: ['SelectBestModel']},
			),
		],
		{
			SelectBestModel: {outputParameters: {best_candidate: 'XGBoost', best_auc: '0.9127'}},
			EvaluateCandidates: {
				propertyFiles: {
					CandidateReport: {
						best: {name: 'XGBoost', auc: 0.9127},
						candidates: {XGBoost: 0.9127, LinearLearner: 0.8712, RandomForest: 0.8954, LightGBM: 0.9088},
					},
				},
			},
		},
	),
};
