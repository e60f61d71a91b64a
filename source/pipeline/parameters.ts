// Parameter overrides typed by a person: parsing, checking against the definition, and the list sent at start.
import {shorten} from './definition-parameters.js';
import type {ParameterAssignment, ParameterDefinition, ParameterValue} from './model.js';
import {sanitizeText} from './sanitize.js';

export type ParsedOverride = {ok: true; value: ParameterValue} | {ok: false; message: string};

/** The longest value the service accepts for one parameter. */
export const maximumParameterLength = 1024;

/** The service's rule for PipelineExecutionDisplayName: 1-82 letters, digits and single hyphens. */
export const displayNamePattern = /^[a-zA-Z0-9](-*[a-zA-Z0-9]){0,81}$/;

const integerPattern = /^[+-]?\d+$/;
const floatPattern = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;

/**
 * Parses `text` as a value of `parameter`'s type. Integer takes whole numbers, Float any decimal number, Boolean
 * true/false in any case (the Python SDK sends "True"/"False"), String any non-empty text up to 1,024 characters
 * that is one of the EnumValues when the definition declares them.
 */
export function parseOverride(parameter: ParameterDefinition, text: string): ParsedOverride {
	const name = parameter.name;
	const trimmed = text.trim();
	switch (parameter.type) {
		case 'Integer': {
			if (!integerPattern.test(trimmed)) return fail(`${name} must be a whole number, got ${quote(text)}`);
			const value = Number(trimmed);
			if (!Number.isSafeInteger(value)) return fail(`${name} is too large, got ${quote(text)}`);
			return {ok: true, value};
		}

		case 'Float': {
			const value = Number(trimmed);
			if (!floatPattern.test(trimmed) || !Number.isFinite(value))
				return fail(`${name} must be a number, got ${quote(text)}`);
			return {ok: true, value};
		}

		case 'Boolean': {
			const lower = trimmed.toLowerCase();
			if (lower === 'true') return {ok: true, value: true};
			if (lower === 'false') return {ok: true, value: false};
			return fail(`${name} must be true or false, got ${quote(text)}`);
		}

		default: {
			if (text === '') return fail(`${name} must not be empty`);
			if (text.length > maximumParameterLength) {
				return fail(`${name} must be at most ${maximumParameterLength} characters, got ${text.length}`);
			}

			if (parameter.enumValues && parameter.enumValues.length > 0 && !parameter.enumValues.includes(text)) {
				return fail(`${name} must be one of ${parameter.enumValues.join(', ')}, got ${quote(text)}`);
			}

			return {ok: true, value: text};
		}
	}
}

/** Splits "Name=Value" at the first '=' (the value may contain more). */
export function parseAssignment(
	text: string,
): {ok: true; name: string; value: string} | {ok: false; message: string} {
	const equals = text.indexOf('=');
	if (equals === -1) return {ok: false, message: `Expected Name=Value, got ${quote(text)}`};
	const name = text.slice(0, equals).trim();
	if (name === '') return {ok: false, message: `The parameter name is missing before '=' in ${quote(text)}`};
	return {ok: true, name, value: text.slice(equals + 1)};
}

/**
 * Checks overrides against the declared parameters. `assignments` holds only the overrides (in declaration order,
 * values in the service's text form); `values` holds every parameter's effective typed value.
 */
export function resolveParameters(
	parameters: ParameterDefinition[],
	overrides: Record<string, string>,
): {
	assignments: ParameterAssignment[];
	values: Record<string, ParameterValue>;
	problems: Array<{name: string; message: string}>;
} {
	const assignments: ParameterAssignment[] = [];
	const values: Record<string, ParameterValue> = {};
	const problems: Array<{name: string; message: string}> = [];
	const declared = new Map(parameters.map((parameter) => [parameter.name, parameter]));
	for (const name of Object.keys(overrides)) {
		if (declared.has(name)) continue;
		const known = parameters.map((parameter) => parameter.name);
		problems.push({
			name,
			message:
				known.length === 0
					? `Unknown parameter ${quote(name)}. This pipeline has no parameters.`
					: `Unknown parameter ${quote(name)}. Parameters: ${known.join(', ')}`,
		});
	}

	for (const parameter of parameters) {
		if (Object.hasOwn(overrides, parameter.name)) {
			const parsed = parseOverride(parameter, overrides[parameter.name] as string);
			if (!parsed.ok) {
				problems.push({name: parameter.name, message: parsed.message});
				continue;
			}

			values[parameter.name] = parsed.value;
			assignments.push({name: parameter.name, value: formatParameterValue(parsed.value)});
		} else if (parameter.defaultValue !== undefined) {
			values[parameter.name] = parameter.defaultValue;
		} else {
			problems.push({name: parameter.name, message: missingValueMessage(parameter)});
		}
	}

	return {assignments, values, problems};
}

/** Why a parameter without a default cannot be left empty. */
export function missingValueMessage(parameter: ParameterDefinition): string {
	return `${parameter.name} has no default value, so it needs one (${parameter.type})`;
}

/** The text form of a value, as sent in PipelineParameters and shown to people: `true`, `3`, `0.5`, `abc`. */
export function formatParameterValue(value: ParameterValue): string {
	if (typeof value === 'boolean') return value ? 'true' : 'false';
	return String(value);
}

function fail(message: string): ParsedOverride {
	return {ok: false, message};
}

/** Quotes what a person typed for a message, made printable and kept short. */
function quote(text: string): string {
	return `'${shorten(sanitizeText(text), 60)}'`;
}
