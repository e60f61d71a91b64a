// Demo: a training job that fails with a long, realistic reason, and a run of it retried after the fix.
import {type DemoPipeline, day, demoBucket, hour} from './demo-pipeline.js';
import {
	conditionStep,
	definitionOf,
	get,
	outputUri,
	parameter,
	processingStep,
	registerModelStep,
	trainingStep,
	processingOutput,
	modelArtifacts,
} from './step-builders.js';

const fraud = 'FraudDetectionTraining';
const fraudFailure = `AlgorithmError: framework error:
Traceback (most recent call last):
  File "/miniconda3/lib/python3.8/site-packages/sagemaker_xgboost_container/training.py", line 94, in main
    train(framework.training_env())
  File "/miniconda3/lib/python3.8/site-packages/sagemaker_xgboost_container/algorithm_mode/train.py", line 154, in sagemaker_train
    validation_dmatrix = get_validation_data(validation_path, content_type)
ValueError: feature_names mismatch: ['amount', 'merchant_category', 'hour_of_day', 'card_present'] ['amount', 'merchant_id', 'hour_of_day', 'card_present']
expected merchant_category in input data
training data did not have the following fields: merchant_id, exit code: 1`;

export const failingJobDemo: DemoPipeline = {
	name: fraud,
	description:
		'Card fraud detection: feature engineering, XGBoost training on GPU, AUC gate before registration',
	createdAgo: 8 * day,
	runs: [
		{
			startedAgo: 2 * day + 4 * hour,
			retryAfter: 3 * hour,
			description: 'Retried after fixing the feature schema',
		},
		{startedAgo: 5 * hour},
	],
	definition: definitionOf(
		[parameter('TrainingInstanceType', 'String', 'ml.p3.2xlarge'), parameter('MinimumAUC', 'Float', 0.9)],
		[
			processingStep('FraudFeatureEngineering', 'features.py', {
				inputs: [['transactions', `${demoBucket}/fraud/transactions/`]],
				outputs: [
					['train', outputUri(fraud, 'train')],
					['validation', outputUri(fraud, 'validation')],
				],
			}),
			processingStep(
				'FraudDataQualityReport',
				'data_quality.py',
				{
					inputs: [['features', processingOutput('FraudFeatureEngineering', 'train')]],
					outputs: [['report', outputUri(fraud, 'data-quality')]],
				},
				{description: 'Profiles the engineered features; runs beside training'},
			),
			trainingStep(
				'FraudTrain',
				[
					['train', processingOutput('FraudFeatureEngineering', 'train')],
					['validation', processingOutput('FraudFeatureEngineering', 'validation')],
				],
				{objective: 'binary:logistic', eval_metric: 'auc', scale_pos_weight: '28', num_round: '400'},
				{outputPath: `${demoBucket}/${fraud}/models`, instanceType: get('Parameters.TrainingInstanceType')},
			),
			processingStep(
				'FraudEvaluate',
				'evaluate.py',
				{
					inputs: [['model', modelArtifacts('FraudTrain')]],
					outputs: [['evaluation', outputUri(fraud, 'evaluation')]],
				},
				{propertyFiles: [{name: 'FraudMetrics', output: 'evaluation', path: 'evaluation.json'}]},
			),
			conditionStep(
				'FraudAUCCheck',
				[
					{
						Type: 'GreaterThanOrEqualTo',
						LeftValue: {
							'Std:JsonGet': {
								PropertyFile: get('Steps.FraudEvaluate.PropertyFiles.FraudMetrics'),
								Path: 'binary_classification_metrics.auc.value',
							},
						},
						RightValue: get('Parameters.MinimumAUC'),
					},
				],
				[
					registerModelStep(
						'FraudRegister',
						'FraudModels',
						modelArtifacts('FraudTrain'),
						'PendingManualApproval',
					),
				],
				[],
			),
		],
		{FraudTrain: {fail: fraudFailure, failAttempts: 1}, FraudDataQualityReport: {durationSeconds: 900}},
	),
};
