// A Callback step's answer as a person gives it: the output parameters its definition declares (OutputName,
// OutputType), values typed against them, and the limits SendPipelineExecutionStepSuccess/Failure set.
import type {ParameterAssignment, ParameterDefinition, ParameterType, StepDefinition} from './model.js';
import {parseOverride} from './parameters.js';
import {sanitizeText} from './sanitize.js';

/** SendPipelineExecutionStepFailure's FailureReason limit. */
export const maximumFailureReasonLength = 256;
/** SendPipelineExecutionStepSuccess's OutputParameters limit. */
export const maximumOutputParameters = 50;

const outputTypes = new Set<string>(['String', 'Integer', 'Float', 'Boolean']);

/** The step's declared OutputParameters as typed parameters (String when the type is missing or unknown). */
export function declaredOutputs(step: StepDefinition): ParameterDefinition[] {
	const declared = Array.isArray(step.raw.OutputParameters) ? step.raw.OutputParameters : [];
	const outputs: ParameterDefinition[] = [];
	for (const item of declared) {
		if (item === null || typeof item !== 'object') continue;
		const {OutputName: name, OutputType: type} = item as Record<string, unknown>;
		if (typeof name !== 'string' || name === '') continue;
		outputs.push({
			name,
			type: typeof type === 'string' && outputTypes.has(type) ? (type as ParameterType) : 'String',
		});
	}

	return outputs;
}

export type CheckedOutputs = {ok: true; outputs: ParameterAssignment[]} | {ok: false; problems: string[]};

/**
 * Checks `values` (name → text) against the declared outputs: every name must be declared and every value must
 * parse as its type. Values are sent as typed (`1.50` stays `1.50`); outputs left out are not sent.
 */
export function checkOutputs(
	declared: readonly ParameterDefinition[],
	values: ReadonlyArray<{name: string; value: string}>,
): CheckedOutputs {
	const problems: string[] = [];
	const outputs: ParameterAssignment[] = [];
	const seen = new Set<string>();
	for (const {name, value} of values) {
		const output = declared.find((candidate) => candidate.name === name);
		if (!output) {
			const names = declared.map((candidate) => candidate.name).join(', ') || 'none';
			problems.push(
				`${sanitizeText(name)} is not an output parameter of the step (declared: ${sanitizeText(names)})`,
			);
			continue;
		}

		if (seen.has(name)) {
			problems.push(`${sanitizeText(name)} is given twice`);
			continue;
		}

		seen.add(name);
		const parsed = parseOverride(output, value);
		if (parsed.ok) outputs.push({name, value: output.type === 'String' ? value : value.trim()});
		else problems.push(parsed.message);
	}

	if (outputs.length > maximumOutputParameters)
		problems.push(`at most ${maximumOutputParameters} output parameters can be sent, got ${outputs.length}`);
	return problems.length > 0 ? {ok: false, problems} : {ok: true, outputs};
}

/** What is wrong with a failure reason, or undefined when the service will take it. */
export function failureReasonProblem(reason: string): string | undefined {
	if (reason.trim() === '') return 'the failure reason must not be empty';
	if (reason.length > maximumFailureReasonLength)
		return `the failure reason must be at most ${maximumFailureReasonLength} characters, got ${reason.length}`;
	return undefined;
}

/** The token of a waiting Callback step, from its `Metadata.Callback.CallbackToken`. */
export function callbackTokenOf(metadata: Record<string, unknown> | undefined): string | undefined {
	const callback = metadata?.Callback;
	if (callback === null || typeof callback !== 'object') return undefined;
	const token = (callback as Record<string, unknown>).CallbackToken;
	return typeof token === 'string' && token !== '' ? token : undefined;
}
