// Pipeline executions: start, describe, list, steps, parameters, pinned definition, stop, retry, update, and
// the Callback step replies (SendPipelineExecutionStepSuccess/Failure).
import {isRecord} from '../pipeline/expressions.js';
import type {ExecutionState, StepRun} from './engine/execution-state.js';
import {newExecution} from './engine/new-execution.js';
import {checkSelection, reuseSteps} from './engine/selective-execution.js';
import {defined, epoch, type Operation, optionalText} from './operation.js';
import {decodePageToken, encodePageToken, page} from './paging.js';
import {maxParallelOf, parallelismOf} from './pipeline-operations.js';
import {createdWithin, inSortOrder} from './list-order.js';
import {notFoundError, ServiceError} from './service-error.js';

/** Concurrent executions per account (service quota). */
const maximumRunningExecutions = 20;

export const startPipelineExecution: Operation = ({input, region, time, caller, state, timeScale}) => {
	const pipeline = state.store.requirePipeline(String(input.PipelineName), region);
	const version = state.store.requireVersion(pipeline, input.PipelineVersionId);
	const running = state.store.runningExecutions().length;
	if (running >= maximumRunningExecutions) {
		throw new ServiceError(
			'ResourceLimitExceeded',
			`The account-level service limit 'Maximum number of concurrent pipeline executions' is ${maximumRunningExecutions} Executions, with current utilization of ${running} Executions and a request delta of 1 Executions. Please use AWS Service Quotas to request an increase for this quota.`,
		);
	}

	const execution = newExecution(
		{
			id: state.newExecutionId(),
			region,
			pipelineKey: pipeline.key,
			pipelineName: pipeline.name,
			pipelineArn: pipeline.arn,
			versionId: version.id,
			prepared: version.prepared,
			overrides: Array.isArray(input.PipelineParameters)
				? (input.PipelineParameters as Array<{Name: string; Value: string}>)
				: [],
			displayName: optionalText(input.PipelineExecutionDisplayName),
			description: optionalText(input.PipelineExecutionDescription),
			parallelism: maxParallelOf(input.ParallelismConfiguration) ?? pipeline.parallelism,
			createdBy: caller,
			time,
			timeScale: timeScale ?? state.timeScale,
		},
		state.storage,
	);
	if (isRecord(input.SelectiveExecutionConfig)) {
		const config = input.SelectiveExecutionConfig;
		const sourceArn = optionalText(config.SourcePipelineExecutionArn);
		const source = sourceArn === undefined ? undefined : state.store.requireExecution(sourceArn);
		const selected = (config.SelectedSteps as Array<{StepName: string}>).map((step) => step.StepName);
		const reused = checkSelection(version.prepared, selected, source, pipeline.key);
		execution.selection = {steps: new Set(selected), ...(sourceArn === undefined ? {} : {sourceArn})};
		if (source) reuseSteps(execution, source, reused);
	}

	state.store.executions.set(execution.id, execution);
	pipeline.executions.push(execution);
	pipeline.lastRunAt = time;
	state.engine.begin(execution, time);
	return {PipelineExecutionArn: execution.arn};
};

export const describePipelineExecution: Operation = ({input, state}) => {
	const execution = state.store.requireExecution(optionalText(input.PipelineExecutionArn));
	return defined({
		PipelineArn: execution.pipelineArn,
		PipelineExecutionArn: execution.arn,
		PipelineExecutionDisplayName: execution.displayName,
		PipelineExecutionStatus: execution.status,
		PipelineExecutionDescription: execution.description,
		PipelineExperimentConfig: execution.experimentConfig,
		FailureReason: execution.failureReason,
		CreationTime: epoch(execution.createdAt),
		LastModifiedTime: epoch(execution.modifiedAt),
		CreatedBy: execution.createdBy,
		LastModifiedBy: execution.createdBy,
		ParallelismConfiguration: parallelismOf(execution.parallelism),
		SelectiveExecutionConfig: execution.selection && {
			...(execution.selection.sourceArn === undefined
				? {}
				: {SourcePipelineExecutionArn: execution.selection.sourceArn}),
			SelectedSteps: [...execution.selection.steps].map((StepName) => ({StepName})),
		},
		PipelineVersionId: execution.versionId,
	});
};

export const listPipelineExecutions: Operation = ({input, region, state}) => {
	const pipeline = state.store.requirePipeline(String(input.PipelineName), region);
	const byArn = input.SortBy === 'PipelineExecutionArn';
	const executions = pipeline.executions
		.filter(createdWithin(input))
		.sort(inSortOrder(input, (a, b) => (byArn ? a.arn.localeCompare(b.arn) : a.createdAt - b.createdAt)));
	const {items, nextToken} = page(executions, input.NextToken, input.MaxResults);
	return defined({
		PipelineExecutionSummaries: items.map((execution) =>
			defined({
				PipelineExecutionArn: execution.arn,
				StartTime: epoch(execution.createdAt),
				PipelineExecutionStatus: execution.status,
				PipelineExecutionDescription: execution.description,
				PipelineExecutionDisplayName: execution.displayName,
				PipelineExecutionFailureReason: execution.failureReason,
			}),
		),
		NextToken: nextToken,
	});
};

export const listPipelineExecutionSteps: Operation = ({input, state}) => {
	const execution = state.store.requireExecution(optionalText(input.PipelineExecutionArn));
	const cursor = decodePageToken(input.NextToken);
	// Steps only get appended (newest last), so a page position counted against the length the first page saw
	// stays put while the execution starts more steps.
	const snapshot = Math.min(cursor?.snapshot ?? execution.started.length, execution.started.length);
	const offset = cursor?.offset ?? 0;
	const size = typeof input.MaxResults === 'number' ? input.MaxResults : 50;
	const ascending = input.SortOrder === 'Ascending';
	const runs: StepRun[] = [];
	for (let index = offset; index < Math.min(offset + size, snapshot); index++) {
		runs.push(execution.started[ascending ? index : snapshot - 1 - index]!);
	}

	const more = offset + size < snapshot;
	return defined({
		PipelineExecutionSteps: runs.map(stepRecord),
		NextToken: more ? encodePageToken({offset: offset + size, snapshot}) : undefined,
	});
};

function stepRecord(run: StepRun): Record<string, unknown> {
	return defined({
		StepName: run.name,
		StepDisplayName: run.definition.displayName,
		StepDescription: run.definition.description,
		StartTime: epoch(run.startTime),
		EndTime: epoch(run.endTime),
		StepStatus: run.status,
		CacheHitResult: run.cacheSource === undefined ? undefined : {SourcePipelineExecutionArn: run.cacheSource},
		FailureReason: run.failureReason,
		Metadata: run.metadata,
		AttemptCount: run.attempt,
		SelectiveExecutionResult:
			run.selectiveSource === undefined ? undefined : {SourcePipelineExecutionArn: run.selectiveSource},
	});
}

export const listPipelineParametersForExecution: Operation = ({input, state}) => {
	const execution = state.store.requireExecution(optionalText(input.PipelineExecutionArn));
	const {items, nextToken} = page(execution.parameters, input.NextToken, input.MaxResults);
	return defined({
		PipelineParameters: items.map(({name, value}) => ({Name: name, Value: value})),
		NextToken: nextToken,
	});
};

export const describePipelineDefinitionForExecution: Operation = ({input, state}) => {
	const execution = state.store.requireExecution(optionalText(input.PipelineExecutionArn));
	return {PipelineDefinition: execution.definitionText, CreationTime: epoch(execution.createdAt)};
};

export const stopPipelineExecution: Operation = ({input, time, state}) => {
	const execution = state.store.requireExecution(optionalText(input.PipelineExecutionArn));
	state.engine.stop(execution, time);
	return {PipelineExecutionArn: execution.arn};
};

export const retryPipelineExecution: Operation = ({input, time, state}) => {
	const execution = state.store.requireExecution(optionalText(input.PipelineExecutionArn));
	if (execution.status === 'Failed' || execution.status === 'Stopped') {
		const running = state.store.runningExecutions().length;
		if (running >= maximumRunningExecutions) {
			throw new ServiceError(
				'ResourceLimitExceeded',
				`The account-level service limit 'Maximum number of concurrent pipeline executions' is ${maximumRunningExecutions} Executions, with current utilization of ${running} Executions and a request delta of 1 Executions. Please use AWS Service Quotas to request an increase for this quota.`,
			);
		}
	}

	state.engine.retry(execution, time, maxParallelOf(input.ParallelismConfiguration));
	return {PipelineExecutionArn: execution.arn};
};

export const updatePipelineExecution: Operation = ({input, time, state}) => {
	const execution: ExecutionState = state.store.requireExecution(optionalText(input.PipelineExecutionArn));
	const displayName = optionalText(input.PipelineExecutionDisplayName);
	if (displayName !== undefined) execution.displayName = displayName;
	const description = optionalText(input.PipelineExecutionDescription);
	if (description !== undefined) execution.description = description;
	const parallelism = maxParallelOf(input.ParallelismConfiguration);
	if (parallelism !== undefined) execution.parallelism = parallelism;
	execution.modifiedAt = time;
	return {PipelineExecutionArn: execution.arn};
};

export const sendPipelineExecutionStepSuccess: Operation = ({input, time, state}) => {
	const outputs: Record<string, string> = {};
	if (Array.isArray(input.OutputParameters)) {
		for (const output of input.OutputParameters)
			if (isRecord(output)) outputs[String(output.Name)] = String(output.Value);
	}

	return callbackReply(
		state.engine.completeCallback(String(input.CallbackToken), time, {outputs}),
		input.CallbackToken,
	);
};

export const sendPipelineExecutionStepFailure: Operation = ({input, time, state}) => {
	const reason = optionalText(input.FailureReason) ?? '';
	return callbackReply(
		state.engine.completeCallback(String(input.CallbackToken), time, {failureReason: reason}),
		input.CallbackToken,
	);
};

function callbackReply(execution: ExecutionState | undefined, token: unknown): Record<string, unknown> {
	if (!execution) throw notFoundError(`No pipeline step is waiting for the callback token ${String(token)}.`);
	return {PipelineExecutionArn: execution.arn};
}
