// What `sagemon why` and `sagemon diff` both read first about one execution: its details, parameters, the
// definition it ran and its steps merged with that definition, in four calls made at once.
import {validateDefinition} from '../pipeline/dag.js';
import {mergeExecutionState, type StepView} from '../pipeline/execution-state.js';
import type {
	ExecutionDetails,
	ParameterAssignment,
	PipelineDefinition,
	StepRecord,
} from '../pipeline/model.js';
import {readReport} from './reports.js';
import {AwsError, type ObjectStore, type PipelinesApi} from './types.js';

/** The two services evidence is read from (an `AwsAccess` fits). */
export type EvidenceAccess = {pipelines: PipelinesApi; objects: ObjectStore};

export type ExecutionEvidence = {
	execution: ExecutionDetails;
	parameters: ParameterAssignment[];
	/** Absent when the definition the execution ran could not be parsed. */
	definition?: PipelineDefinition;
	/** The merged step states in DAG order (without a definition: the listed steps, oldest first). */
	steps: StepView[];
	/** Every record the service listed, retries included, newest first. */
	records: StepRecord[];
};

export async function gatherExecution(
	pipelines: PipelinesApi,
	executionArn: string,
): Promise<ExecutionEvidence> {
	const [execution, parameters, definitionText, records] = await Promise.all([
		pipelines.describeExecution(executionArn),
		pipelines.listExecutionParameters(executionArn),
		pipelines.describeExecutionDefinition(executionArn),
		pipelines.listSteps(executionArn),
	]);
	const validated = validateDefinition(definitionText);
	const definition = validated.definition;
	const steps = mergeExecutionState(
		definition ?? {metadata: {}, parameters: [], steps: []},
		validated.dag ?? {nodes: [], edges: []},
		execution,
		records,
	);
	return definition
		? {execution, parameters, definition, steps, records}
		: {execution, parameters, steps, records};
}

/**
 * A property file's parsed value, or undefined when it cannot be read as JSON (missing, too large, binary, not
 * JSON): one unreadable report should not hide the rest of the evidence. Other AWS errors are thrown.
 */
export function readReportValue(objects: ObjectStore, uri: string): Promise<{value: unknown} | undefined> {
	return optional(async () => ({value: (await readReport(objects, uri)).value}));
}

/**
 * Runs `read`; an AwsError saying the thing is gone or malformed (NotFound, Validation) or that the endpoint has
 * no such operation (an emulator or a partition without DescribeTransformJob) gives undefined instead.
 */
export async function optional<T>(read: () => Promise<T>): Promise<T | undefined> {
	try {
		return await read();
	} catch (error) {
		if (error instanceof AwsError && isAbsence(error)) return undefined;
		throw error;
	}
}

function isAbsence(error: AwsError): boolean {
	return (
		error.kind === 'NotFound' || error.kind === 'Validation' || error.code === 'UnknownOperationException'
	);
}
