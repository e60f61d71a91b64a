// What a step does when its run ends well: a Condition evaluates its conditions, a Fail step fails with its
// message, Lambda and Callback steps return outputs, jobs write their outputs (and property files) to S3.
// Expressions that cannot be evaluated throw EvaluationError, which fails the step.
import {evaluateConditions} from '../../pipeline/conditions.js';
import {evaluate, isRecord} from '../../pipeline/expressions.js';
import type {ObjectStorage} from '../s3-store.js';
import {evaluationContext} from './evaluation-context.js';
import type {ExecutionState, StepRun} from './execution-state.js';
import {synthesizePropertyFile} from './property-files.js';
import {defaultOutputParameters, outputParameterList, writeStepOutputs} from './step-runners.js';

/** Finishes the step's own work; returns the failure reason when the step must fail (a Fail step). */
export function finishStep(
	execution: ExecutionState,
	step: StepRun,
	time: number,
	storage: ObjectStorage,
): {failure?: string} {
	const definition = step.definition;
	const context = () => evaluationContext(execution, storage, time);
	const tuning = execution.tuning.steps[step.name] ?? {};
	switch (definition.type) {
		case 'Condition': {
			const conditions = isRecord(definition.arguments) ? definition.arguments.Conditions : [];
			const outcome = evaluateConditions(Array.isArray(conditions) ? conditions : [], context());
			step.properties = {Outcome: outcome};
			step.metadata = {Condition: {Outcome: outcome ? 'True' : 'False'}};
			return {};
		}

		case 'Fail': {
			const message = isRecord(definition.arguments)
				? evaluate(definition.arguments.ErrorMessage, context())
				: '';
			const text =
				message === undefined || message === null
					? ''
					: typeof message === 'string'
						? message
						: JSON.stringify(message);
			step.metadata = {Fail: {ErrorMessage: text}};
			execution.endedByFailStep = true;
			return {failure: text};
		}

		case 'Lambda':
		case 'Callback':
			setOutputParameters(
				step,
				definition.type,
				defaultOutputParameters(definition, tuning.outputParameters),
			);
			return {};
		case 'Processing': {
			const values = context();
			const content = (file: string) =>
				tuning.propertyFiles?.[file] ??
				synthesizePropertyFile(
					execution.definition,
					step.name,
					file,
					(operand) => {
						try {
							return evaluate(operand, values);
						} catch {
							return undefined;
						}
					},
					execution.id,
				);
			writeStepOutputs(storage, definition, step.properties, content, time);
			return {};
		}

		default:
			writeStepOutputs(storage, definition, step.properties, () => ({}), time);
			return {};
	}
}

/** Records a Lambda or Callback step's outputs: readable as `OutputParameters['name']`, listed in its Metadata. */
export function setOutputParameters(
	step: StepRun,
	type: 'Lambda' | 'Callback',
	outputs: Record<string, string>,
): void {
	step.properties = {...step.properties, OutputParameters: outputs};
	const current = isRecord(step.metadata[type]) ? step.metadata[type] : {};
	step.metadata = {[type]: {...current, OutputParameters: outputParameterList(outputs)}};
}
