// CreatePipeline and UpdatePipeline refuse a step type the service does not know with a ValidationException (a
// misspelt `Proccessing` would otherwise run as a step that does nothing). The list is the core's.
import {intendedStepType, isKnownStepType} from '../../pipeline/step-types.js';

/** One sentence per step whose type the service does not know, naming the likely intended type. */
export function unknownStepTypeProblems(steps: ReadonlyArray<{name: string; type: string}>): string[] {
	return steps
		.filter((step) => !isKnownStepType(step.type))
		.map((step) => {
			const intended = intendedStepType(step.type);
			return `Step '${step.name}' has an unknown step type '${step.type}'${intended ? ` (did you mean '${intended}'?)` : ''}`;
		});
}
