// The abalone demo's processing inputs and outputs and training channels, written as the SageMaker SDK writes them.

/** A processing output under `s3://<bucket>/AbalonePipeline/<execution id>/<name>`, as the SDK writes it. */
export const executionOutput = (name: string) => ({
	OutputName: name,
	AppManaged: false,
	S3Output: {
		S3Uri: {
			'Std:Join': {
				On: '/',
				Values: [
					's3://sagemaker-us-east-1-000000000000',
					'AbalonePipeline',
					{
						Get: 'Execution.PipelineExecutionId',
					},
					name,
				],
			},
		},
		LocalPath: `/opt/ml/processing/${name}`,
		S3UploadMode: 'EndOfJob',
	},
});

/** A processing input read from the `Get` reference `uri` into `localPath`. */
export const processingInput = (name: string, uri: string, localPath: string) => ({
	InputName: name,
	AppManaged: false,
	S3Input: {
		S3Uri: {
			Get: uri,
		},
		LocalPath: localPath,
		S3DataType: 'S3Prefix',
		S3InputMode: 'File',
		S3DataDistributionType: 'FullyReplicated',
	},
});

/** A training channel fed by the AbaloneProcess output of the same name. */
export const csvChannel = (name: string) => ({
	DataSource: {
		S3DataSource: {
			S3DataType: 'S3Prefix',
			S3Uri: {
				Get: `Steps.AbaloneProcess.ProcessingOutputConfig.Outputs['${name}'].S3Output.S3Uri`,
			},
			S3DataDistributionType: 'FullyReplicated',
		},
	},
	ContentType: 'text/csv',
	ChannelName: name,
});
