// Selective execution (StartPipelineExecution's SelectiveExecutionConfig): only the selected steps run; the
// steps they depend on are not run again but reuse their results from a source execution of the same
// pipeline, and are listed with SelectiveExecutionResult pointing at it. Steps downstream of the selection that
// are not selected do not run.
import type {Dag} from '../../pipeline/model.js';
import {reusedSteps, selectionShapeProblem} from '../../pipeline/selection.js';
import {validationError} from '../service-error.js';
import type {ExecutionState, StepRun} from './execution-state.js';
import type {PreparedDefinition} from './prepared-definition.js';

export type Selection = {steps: Set<string>; sourceArn?: string};

/** Checks a selection against the definition and the source execution; returns the steps to reuse. */
export function checkSelection(
	prepared: PreparedDefinition,
	selected: string[],
	source: ExecutionState | undefined,
	pipelineKey: string,
): string[] {
	const dag = dagOf(prepared);
	const problem = selectionShapeProblem(dag, selected);
	if (problem !== undefined) throw validationError(`Invalid SelectedSteps. ${problem}`);

	const reused = reusedSteps(dag, selected);
	if (reused.length > 0 && !source) {
		throw validationError(
			`Invalid SourcePipelineExecutionArn: null. The selected steps [${selected.join(', ')}] have dependencies on [${reused.join(', ')}]`,
		);
	}

	if (source) {
		if (source.pipelineKey !== pipelineKey) {
			throw validationError(
				`Invalid SourcePipelineExecutionArn: ${source.arn} is an execution of another pipeline.`,
			);
		}

		if (source.status !== 'Succeeded' && source.status !== 'Failed') {
			throw validationError(
				`Invalid SourcePipelineExecutionArn: ${source.arn} is ${source.status}. The source of a selective execution must have Succeeded or Failed.`,
			);
		}

		const missing = reused.filter((name) => source.steps.get(name)?.status !== 'Succeeded');
		if (missing.length > 0) {
			throw validationError(
				`Invalid SourcePipelineExecutionArn: ${source.arn}. The steps [${missing.join(', ')}] the selected steps depend on did not succeed in it.`,
			);
		}
	}

	return reused;
}

/** The prepared definition's steps and edges, in definition order. */
function dagOf(prepared: PreparedDefinition): Dag {
	const names = [...prepared.position.keys()].sort(
		(a, b) => prepared.position.get(a)! - prepared.position.get(b)!,
	);
	return {
		nodes: names.map((name) => ({name, type: prepared.steps.get(name)?.type ?? ''})),
		edges: names.flatMap((name) => prepared.children.get(name) ?? []),
	};
}

/** Copies the reused steps' records from the source execution, as the execution's first (already ended) steps. */
export function reuseSteps(execution: ExecutionState, source: ExecutionState, names: string[]): void {
	const reused = names
		.map((name) => source.steps.get(name)!)
		.sort((a, b) => source.started.indexOf(a) - source.started.indexOf(b));
	for (const original of reused) {
		const copy: StepRun = {
			name: original.name,
			definition: execution.stepDefinitions.get(original.name) ?? original.definition,
			status: 'Succeeded',
			attempt: original.attempt,
			startTime: original.startTime,
			endTime: original.endTime,
			metadata: original.metadata,
			properties: original.properties,
			selectiveSource: source.arn,
			generation: 0,
		};
		execution.steps.set(copy.name, copy);
		execution.started.push(copy);
	}
}
