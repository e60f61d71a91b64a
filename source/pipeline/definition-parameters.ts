// Reads a definition's `Parameters` list into typed parameter definitions, reporting each malformed entry.
import {isRecord} from './expressions.js';
import {indexPath, memberPath} from './json-path.js';
import type {DefinitionProblem, ParameterDefinition, ParameterType, ParameterValue} from './model.js';

export const parameterTypes: readonly ParameterType[] = ['String', 'Integer', 'Float', 'Boolean'];

/** Parameter names the service accepts (`[A-Za-z0-9\-_]*`, at most 256 characters). */
const namePattern = /^[A-Za-z0-9_-]{1,256}$/;

export function parseParameters(value: unknown, problems: DefinitionProblem[]): ParameterDefinition[] {
	if (value === undefined || value === null) return [];
	if (!Array.isArray(value)) {
		problems.push({path: 'Parameters', message: `Parameters must be a list, got ${describeJsonType(value)}`});
		return [];
	}

	const parameters: ParameterDefinition[] = [];
	const seen = new Set<string>();
	value.forEach((entry, index) => {
		const path = indexPath('Parameters', index);
		const parameter = parseParameter(entry, path, problems);
		if (!parameter) return;
		if (seen.has(parameter.name)) {
			problems.push({
				path: memberPath(path, 'Name'),
				message: `Parameter '${parameter.name}' is declared twice`,
			});
			return;
		}

		seen.add(parameter.name);
		parameters.push(parameter);
	});
	return parameters;
}

function parseParameter(
	entry: unknown,
	path: string,
	problems: DefinitionProblem[],
): ParameterDefinition | undefined {
	if (!isRecord(entry)) {
		problems.push({
			path,
			message: `A parameter must be an object with Name and Type, got ${describeJsonType(entry)}`,
		});
		return undefined;
	}

	const {Name: name, Type: type} = entry;
	if (typeof name !== 'string' || name === '') {
		problems.push({path: memberPath(path, 'Name'), message: 'The parameter has no Name (a non-empty text)'});
		return undefined;
	}

	if (!namePattern.test(name)) {
		problems.push({
			path: memberPath(path, 'Name'),
			message: `Parameter name '${shorten(name)}' is not allowed: use 1 to 256 letters, digits, '-' or '_'`,
		});
	}

	if (typeof type !== 'string' || !parameterTypes.includes(type as ParameterType)) {
		problems.push({
			path: memberPath(path, 'Type'),
			message: `Parameter '${shorten(name)}' has Type ${type === undefined ? 'missing' : JSON.stringify(typeof type === 'string' ? shorten(type) : type)}; it must be one of ${parameterTypes.join(', ')}`,
		});
		return undefined;
	}

	const parameter: ParameterDefinition = {name, type: type as ParameterType};
	const label = shorten(name);
	if ('EnumValues' in entry && entry.EnumValues !== null) {
		const enumValues = parseEnumValues(
			entry.EnumValues,
			label,
			type as ParameterType,
			memberPath(path, 'EnumValues'),
			problems,
		);
		if (enumValues) parameter.enumValues = enumValues;
	}

	if ('DefaultValue' in entry && entry.DefaultValue !== null) {
		const defaultValue = entry.DefaultValue;
		const defaultPath = memberPath(path, 'DefaultValue');
		const mismatch = checkValueType(type as ParameterType, defaultValue);
		if (mismatch) {
			problems.push({
				path: defaultPath,
				message: `Parameter '${label}' is ${type} but its DefaultValue ${mismatch}`,
			});
		} else {
			parameter.defaultValue = defaultValue as ParameterValue;
			if (parameter.enumValues && !parameter.enumValues.includes(String(defaultValue))) {
				problems.push({
					path: defaultPath,
					message: `Parameter '${label}' has DefaultValue ${JSON.stringify(shorten(String(defaultValue)))}, which is not one of its EnumValues (${shorten(parameter.enumValues.join(', '), 200)})`,
				});
			}
		}
	}

	return parameter;
}

function parseEnumValues(
	value: unknown,
	name: string,
	type: ParameterType,
	path: string,
	problems: DefinitionProblem[],
): string[] | undefined {
	if (!Array.isArray(value)) {
		problems.push({path, message: `EnumValues of parameter '${name}' must be a list of texts`});
		return undefined;
	}

	if (type !== 'String')
		problems.push({path, message: `Only String parameters can have EnumValues; '${name}' is ${type}`});
	const bad = value.findIndex((item) => typeof item !== 'string');
	if (bad !== -1) {
		problems.push({
			path: indexPath(path, bad),
			message: `EnumValues of parameter '${name}' must all be texts`,
		});
		return undefined;
	}

	if (value.length === 0) problems.push({path, message: `EnumValues of parameter '${name}' is empty`});
	return value as string[];
}

/** Why `value` is not a valid JSON value of `type`, or undefined when it is. */
function checkValueType(type: ParameterType, value: unknown): string | undefined {
	switch (type) {
		case 'String':
			return typeof value === 'string' ? undefined : `is ${describeJsonType(value)}, not a text`;
		case 'Integer':
			return typeof value === 'number' && Number.isInteger(value)
				? undefined
				: `is ${describeJsonType(value)}, not a whole number`;
		case 'Float':
			return typeof value === 'number' ? undefined : `is ${describeJsonType(value)}, not a number`;
		case 'Boolean':
			return typeof value === 'boolean' ? undefined : `is ${describeJsonType(value)}, not true or false`;
	}
}

/** "the text \"abc\"", "the number 3.5", "a list", "an object", ... for messages. */
export function describeJsonType(value: unknown): string {
	if (value === null) return 'null';
	if (Array.isArray(value)) return 'a list';
	if (typeof value === 'string') return `the text ${JSON.stringify(shorten(value))}`;
	if (typeof value === 'number') return `the number ${value}`;
	if (typeof value === 'boolean') return `the boolean ${value}`;
	if (value === undefined) return 'nothing';
	return 'an object';
}

/** Keeps messages readable when a name or value is enormous. */
export function shorten(text: string, limit = 80): string {
	return text.length > limit ? `${text.slice(0, limit - 1)}…` : text;
}
