// Demo pipelines that show one behaviour each: fan-out/fan-in, a failing job (retried), a Fail step, caching.
import {day, demoBucket, type DemoPipeline, hour, minute} from './demo-pipeline.js';
import {
	conditionStep,
	definitionOf,
	failStep,
	get,
	lambdaStep,
	outputUri,
	parameter,
	processingStep,
	registerModelStep,
	trainingStep,
} from './step-builders.js';

const churn = 'ChurnModelSelection';
const candidates = ['XGBoost', 'LinearLearner', 'RandomForest', 'LightGBM'];
const prepared = (output: string) =>
	get(`Steps.PrepareChurnData.ProcessingOutputConfig.Outputs['${output}'].S3Output.S3Uri`);

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
							get(`Steps.Train${candidate}.ModelArtifacts.S3ModelArtifacts`),
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
							Values: [
								get("Steps.EvaluateCandidates.ProcessingOutputConfig.Outputs['evaluation'].S3Output.S3Uri"),
								'candidates.json',
							],
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
				get('Steps.TrainXGBoost.ModelArtifacts.S3ModelArtifacts'),
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
					inputs: [
						[
							'features',
							get("Steps.FraudFeatureEngineering.ProcessingOutputConfig.Outputs['train'].S3Output.S3Uri"),
						],
					],
					outputs: [['report', outputUri(fraud, 'data-quality')]],
				},
				{description: 'Profiles the engineered features; runs beside training'},
			),
			trainingStep(
				'FraudTrain',
				[
					[
						'train',
						get("Steps.FraudFeatureEngineering.ProcessingOutputConfig.Outputs['train'].S3Output.S3Uri"),
					],
					[
						'validation',
						get("Steps.FraudFeatureEngineering.ProcessingOutputConfig.Outputs['validation'].S3Output.S3Uri"),
					],
				],
				{objective: 'binary:logistic', eval_metric: 'auc', scale_pos_weight: '28', num_round: '400'},
				{outputPath: `${demoBucket}/${fraud}/models`, instanceType: get('Parameters.TrainingInstanceType')},
			),
			processingStep(
				'FraudEvaluate',
				'evaluate.py',
				{
					inputs: [['model', get('Steps.FraudTrain.ModelArtifacts.S3ModelArtifacts')]],
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
						get('Steps.FraudTrain.ModelArtifacts.S3ModelArtifacts'),
						'PendingManualApproval',
					),
				],
				[],
			),
		],
		{FraudTrain: {fail: fraudFailure, failAttempts: 1}, FraudDataQualityReport: {durationSeconds: 900}},
	),
};

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
				[['train', get("Steps.CreditPreprocess.ProcessingOutputConfig.Outputs['train'].S3Output.S3Uri")]],
				{objective: 'binary:logistic', max_depth: '6', eta: '0.1', num_round: '300'},
				{outputPath: `${demoBucket}/${credit}/models`},
			),
			processingStep(
				'CreditEvaluate',
				'evaluate_credit.py',
				{
					inputs: [
						['model', get('Steps.CreditTrain.ModelArtifacts.S3ModelArtifacts')],
						['test', get("Steps.CreditPreprocess.ProcessingOutputConfig.Outputs['test'].S3Output.S3Uri")],
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
						get('Steps.CreditTrain.ModelArtifacts.S3ModelArtifacts'),
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
					inputs: [
						[
							'sessions',
							get("Steps.SessionizeEvents.ProcessingOutputConfig.Outputs['sessions'].S3Output.S3Uri"),
						],
					],
					outputs: [['features', outputUri(clickstream, 'features')]],
				},
				{cache: '30d'},
			),
			trainingStep(
				'TrainRanker',
				[['train', get("Steps.BuildFeatures.ProcessingOutputConfig.Outputs['features'].S3Output.S3Uri")]],
				{objective: 'rank:pairwise', num_round: '150'},
				{outputPath: `${demoBucket}/${clickstream}/models`, cache: '30d'},
			),
			lambdaStep(
				'PublishFeatures',
				'publish-feature-group',
				{model: get('Steps.TrainRanker.ModelArtifacts.S3ModelArtifacts')},
				[['feature_group_version', 'String']],
			),
		],
	),
};
