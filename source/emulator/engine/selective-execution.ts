// Selective execution (StartPipelineExecution's SelectiveExecutionConfig): only the selected steps run; the
// steps they depend on are not run again but reuse their results from a source execution of the same
// pipeline, and are listed with SelectiveExecutionResult pointing at it.
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
	const unknown = selected.filter((name) => !prepared.steps.has(name));
	if (unknown.length > 0) {
		throw validationError(`The selected steps [${unknown.join(', ')}] are not steps of this pipeline.`);
	}

	const reused = upstreamOf(prepared, selected).filter((name) => !selected.includes(name));
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

		const missing = reused.filter((name) => source.steps.get(name)?.status !== 'Succeeded');
		if (missing.length > 0) {
			throw validationError(
				`Invalid SourcePipelineExecutionArn: ${source.arn}. The steps [${missing.join(', ')}] the selected steps depend on did not succeed in it.`,
			);
		}
	}

	return reused;
}

/** Every step the selected steps depend on, directly or not, in definition order. */
function upstreamOf(prepared: PreparedDefinition, selected: string[]): string[] {
	const found = new Set<string>();
	const pending = [...selected];
	while (pending.length > 0) {
		const name = pending.pop()!;
		for (const edge of prepared.parents.get(name) ?? []) {
			if (found.has(edge.from)) continue;
			found.add(edge.from);
			pending.push(edge.from);
		}
	}

	return [...found].sort((a, b) => prepared.position.get(a)! - prepared.position.get(b)!);
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
