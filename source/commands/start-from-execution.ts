// `start --from-execution ARN [--steps A,B]`: the parameters a past execution ran with (every page), with `-p`
// overriding some, and the selection of a selective execution checked the way the service checks it. Everything
// here only reads; a problem is a UsageError (exit 2) before anything is started.
import type {PipelinesApi} from '../aws/types.js';
import {pipelineNameOf} from '../pipeline/arn.js';
import {buildDag} from '../pipeline/dag.js';
import type {ParameterDefinition, PipelineDefinition} from '../pipeline/model.js';
import {sanitizeText} from '../pipeline/sanitize.js';
import {selectionProblem} from '../pipeline/selection.js';
import {UsageError} from './report-error.js';

export type ExecutionPlan = {
	/** name → text: the source execution's values for parameters still declared, then the overrides. */
	values: Record<string, string>;
	/** Set with --steps: the steps to run, reusing the others from the source execution. */
	selectedSteps?: string[];
};

/** `--steps A,B` as step names in the order given, each once; an empty list is a UsageError. */
export function parseStepList(text: string): string[] {
	const names = [...new Set(text.split(',').map((name) => name.trim()))].filter((name) => name !== '');
	if (names.length === 0)
		throw new UsageError('--steps needs at least one step name, e.g. --steps Train,Evaluate.');
	return names;
}

/**
 * Reads the source execution (it must belong to `pipelineName`), its parameters, and checks `steps` against the
 * pipeline's current definition (the one the new execution runs).
 */
export async function planFromExecution(
	pipelines: PipelinesApi,
	request: {
		pipelineName: string;
		definition: PipelineDefinition;
		sourceArn: string;
		overrides: Record<string, string>;
		steps?: string[];
	},
): Promise<ExecutionPlan> {
	const {pipelineName, definition, sourceArn, overrides, steps} = request;
	const source = await pipelines.describeExecution(sourceArn);
	const sourcePipeline = pipelineNameOf(source.pipelineArn || sourceArn);
	if (sourcePipeline.toLowerCase() !== pipelineName.toLowerCase()) {
		throw new UsageError(
			`--from-execution is an execution of ${sanitizeText(sourcePipeline)}, not of ${sanitizeText(pipelineName)}.`,
		);
	}

	if (steps) {
		const problem = selectionProblem(buildDag(definition).dag, steps, {
			arn: sourceArn,
			status: source.status,
		});
		if (problem) throw new UsageError(sanitizeText(problem));
	}

	const ran = await pipelines.listExecutionParameters(sourceArn);
	return {
		values: {...sourceValues(definition.parameters, ran), ...overrides},
		...(steps ? {selectedSteps: steps} : {}),
	};
}

/** The values an execution ran with, for the parameters the definition still declares. */
export function sourceValues(
	declared: ParameterDefinition[],
	ran: ReadonlyArray<{name: string; value: string}>,
): Record<string, string> {
	const names = new Set(declared.map((parameter) => parameter.name));
	return Object.fromEntries(
		ran.filter((parameter) => names.has(parameter.name)).map((p) => [p.name, p.value]),
	);
}
