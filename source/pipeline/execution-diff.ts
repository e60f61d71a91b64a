// Compares two executions (`sagemon diff`, the compare screen): parameters, definition, steps and reports, each row
// with both values and the change, as plain JSON-ready data. Each section is built by its own module.
import {pipelineNameOf} from './arn.js';
import {type DefinitionDiff, diffDefinitions} from './diff-definition.js';
import {diffParameters, type ParameterDiffRow} from './diff-parameters.js';
import {diffReports, type FinalMetric, type ReportDiffRow, type ReportValue} from './diff-reports.js';
import {diffSteps, type JobResources, type StepDiffRow} from './diff-steps.js';
import type {StepView} from './execution-state.js';
import {executionContext} from './execution-context.js';
import type {ExecutionDetails, ParameterAssignment, PipelineDefinition} from './model.js';

export type DiffSide = {
	/** Its `pipelineVersionId` tells whether both ran the same pipeline version. */
	execution: ExecutionDetails;
	/** ListPipelineParametersForExecution. */
	parameters: ParameterAssignment[];
	/** DescribePipelineDefinitionForExecution, parsed; absent when it could not be read. */
	definition?: PipelineDefinition;
	/** The merged step states (`mergeExecutionState`), in DAG order. */
	steps: StepView[];
	/** The property files its steps wrote, parsed. */
	reports?: ReportValue[];
	/** Per training step, its FinalMetricDataList. */
	metrics?: Record<string, FinalMetric[]>;
	/** Per job step, the instance type and count its job reported; the definition's are used otherwise. */
	resources?: Record<string, JobResources>;
};

export type ExecutionHeader = {
	execution: string;
	pipeline: string;
	status: string;
	versionId: number | null;
};

export type ExecutionDiff = {
	parameters: ParameterDiffRow[];
	definition: DefinitionDiff & {
		a: ExecutionHeader;
		b: ExecutionHeader;
		samePipeline: boolean;
		/** Same pipeline and same version; null when neither the versions nor the definitions could be compared. */
		sameVersion: boolean | null;
	};
	steps: StepDiffRow[];
	reports: ReportDiffRow[];
};

/** Every row of every section, changed or not; `changedOnly` keeps the changed ones. */
export function diffExecutions(a: DiffSide, b: DiffSide): ExecutionDiff {
	const headerA = headerOf(a);
	const headerB = headerOf(b);
	const definition = diffDefinitions(a.definition, b.definition);
	const samePipeline = headerA.pipeline === headerB.pipeline;
	let sameVersion: boolean | null = definition.identical;
	if (!samePipeline) sameVersion = false;
	else if (headerA.versionId !== null && headerB.versionId !== null)
		sameVersion = headerA.versionId === headerB.versionId;
	const steps = diffSteps(stepsSide(a), stepsSide(b));
	return {
		parameters: diffParameters(
			{declared: a.definition?.parameters ?? [], assignments: a.parameters},
			{declared: b.definition?.parameters ?? [], assignments: b.parameters},
		),
		definition: {...definition, a: headerA, b: headerB, samePipeline, sameVersion},
		steps,
		reports: diffReports(
			a,
			b,
			steps.map((row) => row.name),
		),
	};
}

/** The same diff with only the rows that changed (what `sagemon diff` shows without `--all`). */
export function changedOnly(diff: ExecutionDiff): ExecutionDiff {
	return {
		parameters: diff.parameters.filter((row) => row.changed),
		definition: diff.definition,
		steps: diff.steps.filter((row) => row.changed),
		reports: diff.reports.filter((row) => row.changed),
	};
}

function headerOf(side: DiffSide): ExecutionHeader {
	const {execution} = side;
	return {
		execution: execution.arn,
		pipeline: pipelineNameOf(execution.pipelineArn || execution.arn),
		status: execution.status,
		versionId: execution.pipelineVersionId ?? null,
	};
}

function stepsSide(side: DiffSide) {
	return {
		steps: side.steps,
		context: executionContext(side),
		...(side.definition ? {definition: side.definition} : {}),
		...(side.resources ? {resources: side.resources} : {}),
	};
}
