// Builds the record of a new execution: validated parameter overrides (the service's ValidationException for
// unknown names and values of the wrong type), the effective value of every parameter, the resolved experiment
// config, and its ARN and display name.
import {evaluate, isRecord} from '../../pipeline/expressions.js';
import type {ParameterType} from '../../pipeline/model.js';
import {formatParameterValue, resolveParameters} from '../../pipeline/parameters.js';
import {executionArn} from '../arns.js';
import {validationError} from '../service-error.js';
import {evaluationContext} from './evaluation-context.js';
import type {ExecutionState, UserContext} from './execution-state.js';
import type {PreparedDefinition} from './prepared-definition.js';
import type {ObjectStorage} from '../s3-store.js';

export type NewExecution = {
	id: string;
	region: string;
	pipelineKey: string;
	pipelineName: string;
	pipelineArn: string;
	versionId: number;
	prepared: PreparedDefinition;
	overrides: Array<{Name: string; Value: string}>;
	displayName?: string;
	description?: string;
	parallelism?: number;
	createdBy: UserContext;
	time: number;
	timeScale: number;
};

const experimentNamePattern = /^[a-zA-Z0-9](-*[a-zA-Z0-9]){0,119}$/;

export function newExecution(request: NewExecution, storage: ObjectStorage): ExecutionState {
	const {prepared} = request;
	const declared = prepared.definition.parameters;
	const overrides: Record<string, string> = {};
	for (const {Name, Value} of request.overrides) {
		if (Object.hasOwn(overrides, Name)) throw validationError(`Parameter '${Name}' is given more than once.`);
		overrides[Name] = Value;
	}

	const resolved = resolveParameters(declared, overrides);
	if (resolved.problems.length > 0) {
		const messages = resolved.problems.map((problem) => problem.message);
		throw validationError(`Invalid pipeline parameters: ${messages.join('; ')}.`);
	}

	const parameterTypes: Record<string, ParameterType> = {};
	for (const parameter of declared) parameterTypes[parameter.name] = parameter.type;
	const arn = executionArn(request.pipelineArn, request.id);
	const execution: ExecutionState = {
		id: request.id,
		arn,
		region: request.region,
		pipelineKey: request.pipelineKey,
		pipelineName: request.pipelineName,
		pipelineArn: request.pipelineArn,
		versionId: request.versionId,
		definitionText: prepared.text,
		definition: prepared.definition,
		parents: prepared.parents,
		children: prepared.children,
		position: prepared.position,
		stepDefinitions: prepared.steps,
		tuning: prepared.tuning,
		displayName: request.displayName ?? `execution-${Math.round(request.time)}`,
		status: 'Executing',
		createdAt: request.time,
		modifiedAt: request.time,
		createdBy: request.createdBy,
		parameters: declared.map((parameter) => ({
			name: parameter.name,
			value: formatParameterValue(resolved.values[parameter.name]!),
		})),
		parameterValues: resolved.values,
		parameterTypes,
		timeScale: request.timeScale,
		steps: new Map(),
		started: [],
		stopRequested: false,
		failed: false,
		endedByFailStep: false,
		deferred: new Set(),
		rerun: new Set(),
		pendingHandoffs: 0,
	};
	if (request.description !== undefined) execution.description = request.description;
	if (request.parallelism !== undefined) execution.parallelism = request.parallelism;
	execution.experimentConfig = resolveExperimentConfig(execution, storage);
	return execution;
}

/** The definition's PipelineExperimentConfig with its expressions resolved; names the service would reject are left out. */
function resolveExperimentConfig(
	execution: ExecutionState,
	storage: ObjectStorage,
): ExecutionState['experimentConfig'] {
	const config = execution.definition.experimentConfig;
	if (!isRecord(config)) return undefined;
	const context = evaluationContext(execution, storage, execution.createdAt);
	const result: NonNullable<ExecutionState['experimentConfig']> = {};
	for (const key of ['ExperimentName', 'TrialName'] as const) {
		if (config[key] === undefined || config[key] === null) continue;
		let value: unknown;
		try {
			value = evaluate(config[key], context);
		} catch {
			continue;
		}

		if (typeof value !== 'string') continue;
		// The service names the experiment after the pipeline in lower case.
		const text = key === 'ExperimentName' && value === execution.pipelineName ? value.toLowerCase() : value;
		if (experimentNamePattern.test(text)) result[key] = text;
	}

	return Object.keys(result).length > 0 ? result : undefined;
}
