// What the abalone tutorial fixture (abalone-tutorial.json) declares, and what an execution of it shows once it
// has run to the end.

/** The steps ListPipelineExecutionSteps returns, newest first, when the MSE condition takes its If branch. */
export const abaloneTutorialStepsNewestFirst = [
	'AbaloneTransform',
	'AbaloneRegisterModel',
	'AbaloneCreateModel',
	'AbaloneMSECond',
	'AbaloneEval',
	'AbaloneTrain',
	'AbaloneProcess',
];

/** The names of the tutorial's parameters, in definition order. */
export const abaloneTutorialParameterNames = [
	'ProcessingInstanceType',
	'ProcessingInstanceCount',
	'TrainingInstanceType',
	'ModelApprovalStatus',
	'InputData',
	'BatchData',
];
