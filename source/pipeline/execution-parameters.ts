// An execution's effective parameter values: what ListPipelineParametersForExecution lists, else the definition's
// default, typed as the definition declares them so expressions evaluate as they did on the service.
import type {ParameterAssignment, ParameterDefinition, ParameterType, ParameterValue} from './model.js';
import {parseOverride} from './parameters.js';

export type EffectiveParameter = {
	name: string;
	/** The text form, as the service lists it (or the default's text form). */
	text?: string;
	/** Typed when it parses as the declared type; the text otherwise. */
	value?: ParameterValue;
	/** True when the execution listed no value and the definition's default applies. */
	fromDefault: boolean;
};

/** Declared parameters in definition order, then listed ones the definition does not declare. */
export function effectiveParameters(
	declared: ParameterDefinition[],
	assignments: ParameterAssignment[],
): EffectiveParameter[] {
	const listed = new Map(assignments.map((assignment) => [assignment.name, assignment.value]));
	const result: EffectiveParameter[] = [];
	for (const parameter of declared) {
		const text = listed.get(parameter.name);
		if (text !== undefined) {
			const parsed = parseOverride(parameter, text);
			result.push({name: parameter.name, text, value: parsed.ok ? parsed.value : text, fromDefault: false});
		} else if (parameter.defaultValue !== undefined) {
			const value = parameter.defaultValue;
			result.push({name: parameter.name, text: textOf(value, parameter.type), value, fromDefault: true});
		} else result.push({name: parameter.name, fromDefault: true});
	}

	const known = new Set(declared.map((parameter) => parameter.name));
	for (const assignment of assignments) {
		if (known.has(assignment.name)) continue;
		result.push({name: assignment.name, text: assignment.value, value: assignment.value, fromDefault: false});
	}

	return result;
}

/**
 * The parameters an execution ran with a value other than the definition's default (compared as typed values, so
 * a Float listed as `6` equals a default of 6.0), in definition order, then any the definition does not declare.
 */
export function overriddenParameters(
	declared: ParameterDefinition[],
	assignments: ParameterAssignment[],
): ParameterAssignment[] {
	const defaults = new Map(declared.map((parameter) => [parameter.name, parameter.defaultValue]));
	return effectiveParameters(declared, assignments)
		.filter((parameter) => !parameter.fromDefault && parameter.text !== undefined)
		.filter((parameter) => !defaults.has(parameter.name) || defaults.get(parameter.name) !== parameter.value)
		.map((parameter) => ({name: parameter.name, value: parameter.text!}));
}

/** Name → typed value, for an `EvaluationContext`. */
export function parameterValues(parameters: EffectiveParameter[]): Record<string, ParameterValue> {
	const values: Record<string, ParameterValue> = {};
	for (const parameter of parameters)
		if (parameter.value !== undefined) values[parameter.name] = parameter.value;
	return values;
}

/** Name → declared type, so a Float parameter `6` reads `6.0` as on the service. */
export function parameterTypes(declared: ParameterDefinition[]): Record<string, ParameterType> {
	return Object.fromEntries(declared.map((parameter) => [parameter.name, parameter.type]));
}

function textOf(value: ParameterValue, type: ParameterType): string {
	if (typeof value === 'boolean') return value ? 'true' : 'false';
	if (type === 'Float' && typeof value === 'number' && Number.isInteger(value)) return `${value}.0`;
	return String(value);
}
