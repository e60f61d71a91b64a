// Demo: a Fail step that stops the pipeline when the model accuracy is below a threshold parameter.
import {type DemoPipeline, day, demoBucket, hour} from './demo-pipeline.js';
import {
	conditionStep,
	definitionOf,
	failStep,
	get,
	outputUri,
	parameter,
	processingStep,
	registerModelStep,
	trainingStep,
	processingOutput,
	modelArtifacts,
} from './step-builders.js';

const credit = 'CreditRiskQualityGate';
const accuracy = {
	'Std:JsonGet': {
		PropertyFile: get('Steps.CreditEvaluate.PropertyFiles.EvaluationReport'),
		Path: 'binary_classification_metrics.accuracy.value',
	},
};

export const failStepDemo: DemoPipeline = {
	name: credit,
	description:
		'Credit risk model with a quality gate: a Fail step stops the pipeline when accuracy is below the threshold',
	createdAgo: 7 * day,
	runs: [
		{startedAgo: 3 * day + hour},
		{
			startedAgo: 2 * day + 2 * hour,
			parameters: {AccuracyThreshold: '0.85'},
			description: 'Threshold lowered for the pilot',
		},
	],
	definition: definitionOf(
		[
			parameter('AccuracyThreshold', 'Float', 0.9),
			parameter('ModelApprovalStatus', 'String', 'PendingManualApproval'),
		],
		[
			processingStep('CreditPreprocess', 'preprocess_credit.py', {
				inputs: [['applications', `${demoBucket}/credit/applications/`]],
				outputs: [
					['train', outputUri(credit, 'train')],
					['test', outputUri(credit, 'test')],
				],
			}),
			trainingStep(
				'CreditTrain',
				[['train', processingOutput('CreditPreprocess', 'train')]],
				{objective: 'binary:logistic', max_depth: '6', eta: '0.1', num_round: '300'},
				{outputPath: `${demoBucket}/${credit}/models`},
			),
			processingStep(
				'CreditEvaluate',
				'evaluate_credit.py',
				{
					inputs: [
						['model', modelArtifacts('CreditTrain')],
						['test', processingOutput('CreditPreprocess', 'test')],
					],
					outputs: [['evaluation', outputUri(credit, 'evaluation')]],
				},
				{propertyFiles: [{name: 'EvaluationReport', output: 'evaluation', path: 'evaluation.json'}]},
			),
			conditionStep(
				'CreditAccuracyCheck',
				[
					{
						Type: 'GreaterThanOrEqualTo',
						LeftValue: accuracy,
						RightValue: get('Parameters.AccuracyThreshold'),
					},
				],
				[
					registerModelStep(
						'CreditRegister',
						'CreditRiskModels',
						modelArtifacts('CreditTrain'),
						get('Parameters.ModelApprovalStatus'),
					),
				],
				[
					failStep('CreditAccuracyFail', {
						'Std:Join': {
							On: ' ',
							Values: [
								'Model accuracy',
								accuracy,
								'is below the threshold',
								get('Parameters.AccuracyThreshold'),
							],
						},
					}),
				],
			),
		],
		{
			CreditEvaluate: {
				propertyFiles: {
					EvaluationReport: {
						binary_classification_metrics: {
							accuracy: {value: 0.8721, standard_deviation: 0.0112},
							auc: {value: 0.9134, standard_deviation: 0.0087},
						},
					},
				},
			},
		},
	),
};
