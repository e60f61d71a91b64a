// The table of emulated SageMaker operations and the dispatcher that runs one: input validation against the
// model's constraints, ClientRequestToken replay, then the handler.
import type {UserContext} from './engine/execution-state.js';
import type {EmulatorState} from './emulator-state.js';
import {
	describePipelineDefinitionForExecution,
	describePipelineExecution,
	listPipelineExecutionSteps,
	listPipelineExecutions,
	listPipelineParametersForExecution,
	retryPipelineExecution,
	sendPipelineExecutionStepFailure,
	sendPipelineExecutionStepSuccess,
	startPipelineExecution,
	stopPipelineExecution,
	updatePipelineExecution,
} from './execution-operations.js';
import {inputShapes} from './input-shapes.js';
import {describeProcessingJob, describeTrainingJob} from './job-operations.js';
import {addTags, deleteTags, listTags, updatePipelineVersion} from './pipeline-tag-operations.js';
import {resourceInputShapes} from './resource-input-shapes.js';
import {
	describeHyperParameterTuningJob,
	describeModel,
	describeTransformJob,
	listProcessingJobs,
	listTrainingJobs,
	stopProcessingJob,
	stopTrainingJob,
} from './resource-operations.js';
import type {Operation} from './operation.js';
import {
	createPipeline,
	deletePipeline,
	describePipeline,
	listPipelines,
	listPipelineVersions,
	updatePipeline,
} from './pipeline-operations.js';
import {
	createModelPackageGroup,
	deleteModelPackageGroup,
	describeModelPackage,
	describeModelPackageGroup,
	listModelPackageGroups,
	listModelPackages,
	updateModelPackage,
} from './registry/registry-operations.js';
import {ServiceError} from './service-error.js';
import {validateInput} from './validate-input.js';

export const operations: Record<string, Operation> = {
	ListPipelines: listPipelines,
	DescribePipeline: describePipeline,
	CreatePipeline: createPipeline,
	UpdatePipeline: updatePipeline,
	DeletePipeline: deletePipeline,
	ListPipelineVersions: listPipelineVersions,
	StartPipelineExecution: startPipelineExecution,
	DescribePipelineExecution: describePipelineExecution,
	UpdatePipelineExecution: updatePipelineExecution,
	ListPipelineExecutions: listPipelineExecutions,
	ListPipelineExecutionSteps: listPipelineExecutionSteps,
	ListPipelineParametersForExecution: listPipelineParametersForExecution,
	DescribePipelineDefinitionForExecution: describePipelineDefinitionForExecution,
	StopPipelineExecution: stopPipelineExecution,
	RetryPipelineExecution: retryPipelineExecution,
	SendPipelineExecutionStepSuccess: sendPipelineExecutionStepSuccess,
	SendPipelineExecutionStepFailure: sendPipelineExecutionStepFailure,
	DescribeProcessingJob: describeProcessingJob,
	DescribeTrainingJob: describeTrainingJob,
	ListModelPackageGroups: listModelPackageGroups,
	DescribeModelPackageGroup: describeModelPackageGroup,
	CreateModelPackageGroup: createModelPackageGroup,
	DeleteModelPackageGroup: deleteModelPackageGroup,
	ListModelPackages: listModelPackages,
	DescribeModelPackage: describeModelPackage,
	UpdateModelPackage: updateModelPackage,
	DescribeTransformJob: describeTransformJob,
	DescribeModel: describeModel,
	DescribeHyperParameterTuningJob: describeHyperParameterTuningJob,
	ListProcessingJobs: listProcessingJobs,
	ListTrainingJobs: listTrainingJobs,
	StopProcessingJob: stopProcessingJob,
	StopTrainingJob: stopTrainingJob,
	UpdatePipelineVersion: updatePipelineVersion,
	AddTags: addTags,
	ListTags: listTags,
	DeleteTags: deleteTags,
};

/** Operations whose ClientRequestToken makes a repeated request return the first answer. */
const idempotent = new Set([
	'CreatePipeline',
	'DeletePipeline',
	'StartPipelineExecution',
	'StopPipelineExecution',
	'RetryPipelineExecution',
	'SendPipelineExecutionStepSuccess',
	'SendPipelineExecutionStepFailure',
]);

export function runOperation(
	state: EmulatorState,
	name: string,
	input: Record<string, unknown>,
	context: {region: string; caller: UserContext},
): Record<string, unknown> {
	const operation = Object.hasOwn(operations, name) ? operations[name] : undefined;
	if (!operation) {
		throw new ServiceError(
			'UnknownOperationException',
			`The operation ${name} is not supported by the sagemon emulator.`,
		);
	}

	const shape = inputShapes[name] ?? resourceInputShapes[name];
	if (shape) validateInput(input, shape);
	if (idempotent.has(name)) {
		const replayed = state.idempotency.replay(name, input);
		if (replayed !== undefined) return replayed as Record<string, unknown>;
	}

	const result = operation({
		input,
		region: context.region,
		time: state.clock.now(),
		caller: context.caller,
		state,
	});
	if (idempotent.has(name)) state.idempotency.remember(name, input, result);
	return result;
}
