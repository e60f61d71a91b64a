// A start form opened from a past execution: the values it ran with (ListPipelineParametersForExecution, every
// page), and for a selective re-run the steps to run, the steps reused from it, and the check made before the
// start is sent (the service's rule, and the source must have ended by then).
import type {AwsAccess, StartExecutionRequest} from '../../../aws/types.js';
import {buildDag} from '../../../pipeline/dag.js';
import type {Dag, PipelineDefinition} from '../../../pipeline/model.js';
import {reusedSteps, selectionProblem} from '../../../pipeline/selection.js';
import type {StartSource} from '../../shell/routes.js';

export type LoadedSource = {
	executionArn: string;
	/** Parameter name → the text the execution ran with. */
	values: Record<string, string>;
	/** Set for a selective re-run: the steps to run, in definition order, and those reused from the source. */
	selection?: {steps: string[]; reused: string[]; dag: Dag};
};

export async function loadStartSource(
	aws: AwsAccess,
	from: StartSource,
	definition: PipelineDefinition | undefined,
): Promise<LoadedSource> {
	const ran = await aws.pipelines.listExecutionParameters(from.executionArn);
	const values = Object.fromEntries(ran.map((parameter) => [parameter.name, parameter.value]));
	if (!from.steps || from.steps.length === 0 || !definition) return {executionArn: from.executionArn, values};
	const {dag} = buildDag(definition);
	const chosen = new Set(from.steps);
	const steps = dag.nodes.map((node) => node.name).filter((name) => chosen.has(name));
	const unknown = from.steps.filter((name) => !steps.includes(name));
	return {
		executionArn: from.executionArn,
		values,
		selection: {steps: [...steps, ...unknown], reused: reusedSteps(dag, from.steps as string[]), dag},
	};
}

/**
 * Starts the execution the form describes: a selective one when the source has a selection, checked first
 * against the source's status now (it may have been running when the form opened). A problem is thrown as
 * one sentence before anything is sent.
 */
export async function startFromSource(
	aws: AwsAccess,
	request: StartExecutionRequest,
	source: LoadedSource | undefined,
): Promise<string> {
	const selection = source?.selection;
	if (!source || !selection) return aws.pipelines.startExecution(request);
	const {status} = await aws.pipelines.describeExecution(source.executionArn);
	const problem = selectionProblem(selection.dag, selection.steps, {arn: source.executionArn, status});
	if (problem) throw new SelectionRefused(problem);
	const actions = await aws.executionActions();
	return actions.startSelectiveExecution({
		...request,
		selectedSteps: selection.steps,
		sourceExecutionArn: source.executionArn,
	});
}

/** The selection was refused by sagemon's own check (nothing was sent). */
export class SelectionRefused extends Error {
	override name = 'SelectionRefused';
}
