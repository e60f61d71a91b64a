// A pipeline with one step of every type the service names in PipelineExecutionStepMetadata, the check steps'
// settings where the SageMaker SDK writes them (on the step), and a RegisterModel step reading the checks'
// baselines. No public definition has them all, so this one is written for the tests.
const role = 'arn:aws:iam::111122223333:role/SageMakerExecutionRole';

export const everyStepTypeDefinition = {
	Version: '2020-12-01',
	// The Callback step answers itself, so the pipeline runs to its end without a consumer.
	Metadata: {'sagemon.emulator': {steps: {Approve: {waitForCallback: false}}}},
	Parameters: [],
	Steps: [
		{
			Name: 'Tune',
			Type: 'Tuning',
			Arguments: {
				HyperParameterTuningJobConfig: {
					Strategy: 'Bayesian',
					ResourceLimits: {MaxNumberOfTrainingJobs: 3, MaxParallelTrainingJobs: 3},
				},
				TrainingJobDefinition: {RoleArn: role, OutputDataConfig: {S3OutputPath: 's3://bucket/tuning'}},
			},
		},
		{
			Name: 'TopModel',
			Type: 'Model',
			Arguments: {
				ExecutionRoleArn: role,
				PrimaryContainer: {
					Image: 'image',
					ModelDataUrl: {
						'Std:Join': {
							On: '/',
							Values: [
								's3://bucket/tuning',
								{Get: 'Steps.Tune.TrainingJobSummaries[0].TrainingJobName'},
								'output/model.tar.gz',
							],
						},
					},
				},
			},
		},
		{
			Name: 'AutoPilot',
			Type: 'AutoML',
			Arguments: {AutoMLJobConfig: {Mode: 'ENSEMBLING'}, ProblemType: 'Regression'},
		},
		{
			Name: 'SparkStep',
			Type: 'EMR',
			Arguments: {ClusterId: 'j-1YONHTCP3YZKC', StepConfig: {HadoopJarStep: {Jar: 's3://bucket/job.jar'}}},
			DisplayName: 'Spark job',
			Description: 'Runs on EMR',
		},
		{
			Name: 'DataQuality',
			Type: 'QualityCheck',
			Arguments: {
				ProcessingOutputConfig: {
					Outputs: [{OutputName: 'quality_check_output', S3Output: {S3Uri: 's3://bucket/checks/quality'}}],
				},
			},
			CheckType: 'DATA_QUALITY',
			ModelPackageGroupName: 'Models',
			SkipCheck: false,
			FailOnViolation: true,
			RegisterNewBaseline: true,
			SuppliedBaselineConstraints: 's3://bucket/baselines/constraints.json',
			SuppliedBaselineStatistics: 's3://bucket/baselines/statistics.json',
		},
		{
			Name: 'Bias',
			Type: 'ClarifyCheck',
			Arguments: {},
			CheckType: 'DATA_BIAS',
			ModelPackageGroupName: 'Models',
			SkipCheck: true,
			RegisterNewBaseline: false,
			SuppliedBaselineConstraints: 's3://bucket/baselines/bias.json',
		},
		{
			Name: 'RegisterChecked',
			Type: 'RegisterModel',
			Arguments: {
				ModelPackageGroupName: 'Models',
				DriftCheckBaselines: {
					ModelDataQuality: {
						Constraints: {
							ContentType: 'application/json',
							S3Uri: {Get: 'Steps.DataQuality.BaselineUsedForDriftCheckConstraints'},
						},
						Statistics: {
							ContentType: 'application/json',
							S3Uri: {Get: 'Steps.DataQuality.BaselineUsedForDriftCheckStatistics'},
						},
					},
					Bias: {
						PreTrainingConstraints: {
							ContentType: 'application/json',
							S3Uri: {Get: 'Steps.Bias.BaselineUsedForDriftCheckConstraints'},
						},
					},
				},
				ModelMetrics: {
					ModelDataQuality: {
						Constraints: {
							ContentType: 'application/json',
							S3Uri: {Get: 'Steps.DataQuality.CalculatedBaselineConstraints'},
						},
						Statistics: {
							ContentType: 'application/json',
							S3Uri: {Get: 'Steps.DataQuality.CalculatedBaselineStatistics'},
						},
					},
				},
			},
		},
		{Name: 'EndpointSettings', Type: 'EndpointConfig', Arguments: {ProductionVariants: []}},
		{
			Name: 'Serve',
			Type: 'Endpoint',
			Arguments: {EndpointConfigName: 'config'},
			DependsOn: ['EndpointSettings'],
		},
		{
			Name: 'Notify',
			Type: 'Lambda',
			Arguments: {model: {Get: 'Steps.TopModel.ModelName'}},
			FunctionArn: 'arn:aws:lambda:us-east-1:111122223333:function:notify',
			OutputParameters: [
				{OutputName: 'ok', OutputType: 'Boolean'},
				{OutputName: 'count', OutputType: 'Integer'},
			],
		},
		{
			Name: 'Approve',
			Type: 'Callback',
			Arguments: {model: 'x'},
			SqsQueueUrl: 'https://sqs.us-east-1.amazonaws.com/111122223333/approvals',
			OutputParameters: [],
		},
	],
};
