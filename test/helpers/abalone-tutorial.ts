// What the abalone tutorial fixture (abalone-tutorial.json) shows once an execution of it has run to the end.

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
