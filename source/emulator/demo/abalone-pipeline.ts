// The abalone pipeline of the SageMaker "Define a pipeline" tutorial (Process → Train → Eval → MSE condition →
// RegisterModel + CreateModel → Transform), with the tutorial's parameters and its EvaluationReport property file.
import {csvChannel, executionOutput, processingInput} from './abalone-io.js';
import {type DemoPipeline, day, hour, minute} from './demo-pipeline.js';

const definition = {
	Version: '2020-12-01',
	Metadata: {},
	Parameters: [
		{
			Name: 'ProcessingInstanceType',
			Type: 'String',
			DefaultValue: 'ml.m5.xlarge',
		},
		{
			Name: 'ProcessingInstanceCount',
			Type: 'Integer',
			DefaultValue: 1,
		},
		{
			Name: 'TrainingInstanceType',
			Type: 'String',
			DefaultValue: 'ml.m5.xlarge',
		},
		{
			Name: 'ModelApprovalStatus',
			Type: 'String',
			DefaultValue: 'PendingManualApproval',
		},
		{
			Name: 'InputData',
			Type: 'String',
			DefaultValue: 's3://sagemaker-us-east-1-000000000000/abalone/abalone-dataset.csv',
		},
		{
			Name: 'BatchData',
			Type: 'String',
			DefaultValue: 's3://sagemaker-us-east-1-000000000000/abalone/abalone-dataset-batch',
		},
	],
	PipelineExperimentConfig: {
		ExperimentName: {
			Get: 'Execution.PipelineName',
		},
		TrialName: {
			Get: 'Execution.PipelineExecutionId',
		},
	},
	Steps: [
		{
			Name: 'AbaloneProcess',
			Type: 'Processing',
			Arguments: {
				ProcessingResources: {
					ClusterConfig: {
						InstanceType: {
							Get: 'Parameters.ProcessingInstanceType',
						},
						InstanceCount: {
							Get: 'Parameters.ProcessingInstanceCount',
						},
						VolumeSizeInGB: 30,
					},
				},
				AppSpecification: {
					ImageUri: '683313688378.dkr.ecr.us-east-1.amazonaws.com/sagemaker-scikit-learn:0.23-1-cpu-py3',
					ContainerEntrypoint: ['python3', '/opt/ml/processing/input/code/preprocessing.py'],
				},
				RoleArn: 'arn:aws:iam::000000000000:role/SageMakerExecutionRole',
				ProcessingInputs: [processingInput('input-1', 'Parameters.InputData', '/opt/ml/processing/input')],
				ProcessingOutputConfig: {
					Outputs: [executionOutput('train'), executionOutput('validation'), executionOutput('test')],
				},
			},
		},
		{
			Name: 'AbaloneTrain',
			Type: 'Training',
			Arguments: {
				AlgorithmSpecification: {
					TrainingInputMode: 'File',
					TrainingImage: '683313688378.dkr.ecr.us-east-1.amazonaws.com/sagemaker-xgboost:1.0-1-cpu-py3',
				},
				OutputDataConfig: {
					S3OutputPath: 's3://sagemaker-us-east-1-000000000000/AbaloneTrain',
				},
				StoppingCondition: {
					MaxRuntimeInSeconds: 86400,
				},
				ResourceConfig: {
					InstanceCount: 1,
					InstanceType: {
						Get: 'Parameters.TrainingInstanceType',
					},
					VolumeSizeInGB: 30,
				},
				RoleArn: 'arn:aws:iam::000000000000:role/SageMakerExecutionRole',
				InputDataConfig: [csvChannel('train'), csvChannel('validation')],
				HyperParameters: {
					objective: 'reg:linear',
					num_round: '50',
					max_depth: '5',
					eta: '0.2',
					gamma: '4',
					min_child_weight: '6',
					subsample: '0.7',
					silent: '0',
				},
			},
		},
		{
			Name: 'AbaloneEval',
			Type: 'Processing',
			Arguments: {
				ProcessingResources: {
					ClusterConfig: {
						InstanceType: {
							Get: 'Parameters.ProcessingInstanceType',
						},
						InstanceCount: 1,
						VolumeSizeInGB: 30,
					},
				},
				AppSpecification: {
					ImageUri: '683313688378.dkr.ecr.us-east-1.amazonaws.com/sagemaker-xgboost:1.0-1-cpu-py3',
					ContainerEntrypoint: ['python3', '/opt/ml/processing/input/code/evaluation.py'],
				},
				RoleArn: 'arn:aws:iam::000000000000:role/SageMakerExecutionRole',
				ProcessingInputs: [
					processingInput(
						'input-1',
						'Steps.AbaloneTrain.ModelArtifacts.S3ModelArtifacts',
						'/opt/ml/processing/model',
					),
					processingInput(
						'input-2',
						"Steps.AbaloneProcess.ProcessingOutputConfig.Outputs['test'].S3Output.S3Uri",
						'/opt/ml/processing/test',
					),
				],
				ProcessingOutputConfig: {
					Outputs: [executionOutput('evaluation')],
				},
			},
			PropertyFiles: [
				{
					PropertyFileName: 'EvaluationReport',
					OutputName: 'evaluation',
					FilePath: 'evaluation.json',
				},
			],
		},
		{
			Name: 'AbaloneMSECond',
			Type: 'Condition',
			Arguments: {
				Conditions: [
					{
						Type: 'LessThanOrEqualTo',
						LeftValue: {
							'Std:JsonGet': {
								PropertyFile: {
									Get: 'Steps.AbaloneEval.PropertyFiles.EvaluationReport',
								},
								Path: 'regression_metrics.mse.value',
							},
						},
						RightValue: 6.0,
					},
				],
				IfSteps: [
					{
						Name: 'AbaloneRegisterModel',
						Type: 'RegisterModel',
						Arguments: {
							ModelPackageGroupName: 'AbaloneModelPackageGroupName',
							ModelMetrics: {
								ModelQuality: {
									Statistics: {
										ContentType: 'application/json',
										S3Uri: {
											'Std:Join': {
												On: '/',
												Values: [
													{
														Get: "Steps.AbaloneEval.ProcessingOutputConfig.Outputs['evaluation'].S3Output.S3Uri",
													},
													'evaluation.json',
												],
											},
										},
									},
								},
							},
							InferenceSpecification: {
								Containers: [
									{
										Image: '683313688378.dkr.ecr.us-east-1.amazonaws.com/sagemaker-xgboost:1.0-1-cpu-py3',
										ModelDataUrl: {
											Get: 'Steps.AbaloneTrain.ModelArtifacts.S3ModelArtifacts',
										},
									},
								],
								SupportedContentTypes: ['text/csv'],
								SupportedResponseMIMETypes: ['text/csv'],
								SupportedRealtimeInferenceInstanceTypes: ['ml.t2.medium', 'ml.m5.xlarge'],
								SupportedTransformInstanceTypes: ['ml.m5.xlarge'],
							},
							ModelApprovalStatus: {
								Get: 'Parameters.ModelApprovalStatus',
							},
						},
					},
					{
						Name: 'AbaloneCreateModel',
						Type: 'Model',
						Arguments: {
							ExecutionRoleArn: 'arn:aws:iam::000000000000:role/SageMakerExecutionRole',
							PrimaryContainer: {
								Image: '683313688378.dkr.ecr.us-east-1.amazonaws.com/sagemaker-xgboost:1.0-1-cpu-py3',
								Environment: {},
								ModelDataUrl: {
									Get: 'Steps.AbaloneTrain.ModelArtifacts.S3ModelArtifacts',
								},
							},
						},
					},
					{
						Name: 'AbaloneTransform',
						Type: 'Transform',
						Arguments: {
							ModelName: {
								Get: 'Steps.AbaloneCreateModel.ModelName',
							},
							TransformInput: {
								DataSource: {
									S3DataSource: {
										S3DataType: 'S3Prefix',
										S3Uri: {
											Get: 'Parameters.BatchData',
										},
									},
								},
							},
							TransformOutput: {
								S3OutputPath: 's3://sagemaker-us-east-1-000000000000/AbaloneTransform',
							},
							TransformResources: {
								InstanceCount: 1,
								InstanceType: 'ml.m5.xlarge',
							},
						},
					},
				],
				ElseSteps: [],
			},
		},
	],
};

export const abaloneDemo: DemoPipeline = {
	name: 'AbalonePipeline',
	description:
		'Abalone age regression: preprocess, train XGBoost, evaluate the MSE, then register, create and batch-transform the model',
	definition,
	createdAgo: 6 * day,
	runs: [
		{startedAgo: 5 * day + 3 * hour},
		{
			startedAgo: 3 * day + 5 * hour,
			parameters: {ModelApprovalStatus: 'Approved'},
			description: 'Approved for the staging endpoint',
		},
		{startedAgo: day + 2 * hour, stopAfter: 7 * minute, description: 'Stopped: wrong input data'},
		{startedAgo: 90_000, live: true},
	],
};
