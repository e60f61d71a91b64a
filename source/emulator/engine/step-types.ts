// The step types the service accepts in a definition. CreatePipeline and UpdatePipeline refuse any other type
// with a ValidationException (a misspelt `Proccessing` would otherwise run as a step that does nothing).
// The list follows the SageMaker SDKs' StepTypeEnum, including the deployment, lineage and Bedrock types.
export const knownStepTypes: ReadonlySet<string> = new Set([
	'Processing',
	'Training',
	'Transform',
	'Tuning',
	'AutoML',
	'Model',
	'CreateModel',
	'RegisterModel',
	'Condition',
	'Fail',
	'Lambda',
	'Callback',
	'QualityCheck',
	'ClarifyCheck',
	'EMR',
	'NotebookJob',
	'EndpointConfig',
	'Endpoint',
	'InferenceComponent',
	'Lineage',
	'BedrockCustomModel',
	'BedrockCustomModelDeployment',
	'BedrockModelImport',
	'BedrockProvisionedModelThroughput',
]);

/** One sentence per step whose type the service does not know. */
export function unknownStepTypeProblems(steps: ReadonlyArray<{name: string; type: string}>): string[] {
	return steps
		.filter((step) => !knownStepTypes.has(step.type))
		.map((step) => `Step '${step.name}' has an unknown step type '${step.type}'`);
}
