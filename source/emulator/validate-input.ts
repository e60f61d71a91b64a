// Server-side validation of request members, with the service's Coral-style messages
// ("1 validation error detected: Value '1000' at 'maxResults' failed to satisfy constraint: ...").
import {ServiceError} from './service-error.js';

export type Shape =
	| {type: 'string'; min?: number; max?: number; pattern?: string; enum?: readonly string[]}
	| {type: 'integer' | 'long'; min?: number; max?: number}
	| {type: 'boolean'}
	| {type: 'timestamp'}
	| {type: 'list'; member: Shape; min?: number; max?: number}
	| {type: 'map'; value: Shape; max?: number}
	| {type: 'structure'; members: Record<string, Shape>; required?: readonly string[]};

/** Throws ValidationException (constraint failures) or SerializationException (wrong JSON types). */
export function validateInput(input: Record<string, unknown>, shape: Shape & {type: 'structure'}): void {
	const failures: string[] = [];
	checkStructure(input, shape, '', failures);
	if (failures.length > 0) {
		const count = failures.length === 1 ? '1 validation error' : `${failures.length} validation errors`;
		throw new ServiceError('ValidationException', `${count} detected: ${failures.join('; ')}`);
	}
}

function checkStructure(
	value: Record<string, unknown>,
	shape: Shape & {type: 'structure'},
	path: string,
	failures: string[],
): void {
	for (const name of shape.required ?? []) {
		if (value[name] === undefined || value[name] === null) {
			failures.push(
				`Value null at '${memberPath(path, name)}' failed to satisfy constraint: Member must not be null`,
			);
		}
	}

	for (const [name, member] of Object.entries(shape.members)) {
		const child = value[name];
		if (child === undefined || child === null) continue;
		check(child, member, memberPath(path, name), failures);
	}
}

function check(value: unknown, shape: Shape, path: string, failures: string[]): void {
	switch (shape.type) {
		case 'string': {
			if (typeof value !== 'string') throw typeMismatch(path, 'a string');
			checkRange(quote(value, path), 'length', [...value].length, shape, failures);

			if (shape.pattern !== undefined && !fullMatch(shape.pattern).test(value)) {
				failures.push(
					`${quote(value, path)} failed to satisfy constraint: Member must satisfy regular expression pattern: ${shape.pattern}`,
				);
			}

			if (shape.enum !== undefined && !shape.enum.includes(value)) {
				failures.push(
					`${quote(value, path)} failed to satisfy constraint: Member must satisfy enum value set: [${shape.enum.join(', ')}]`,
				);
			}

			return;
		}

		case 'integer':
		case 'long': {
			if (typeof value !== 'number' || !Number.isInteger(value)) throw typeMismatch(path, 'an integer');
			checkRange(quote(value, path), 'value', value, shape, failures);
			return;
		}

		case 'boolean':
			if (typeof value !== 'boolean') throw typeMismatch(path, 'a boolean');
			return;
		case 'timestamp':
			if (typeof value !== 'number' && typeof value !== 'string') throw typeMismatch(path, 'a timestamp');
			return;
		case 'list': {
			if (!Array.isArray(value)) throw typeMismatch(path, 'a list');
			checkRange(`Value at '${path}'`, 'length', value.length, shape, failures);

			value.forEach((item, index) => {
				if (item === null || item === undefined) {
					failures.push(
						`Value null at '${path}.${index + 1}.member' failed to satisfy constraint: Member must not be null`,
					);
				} else {
					check(item, shape.member, `${path}.${index + 1}.member`, failures);
				}
			});
			return;
		}

		case 'map': {
			if (!isObject(value)) throw typeMismatch(path, 'a map');
			const entries = Object.entries(value);
			checkRange(`Value at '${path}'`, 'length', entries.length, shape, failures);

			for (const [key, item] of entries) check(item, shape.value, `${path}.${key}`, failures);
			return;
		}

		case 'structure':
			if (!isObject(value)) throw typeMismatch(path, 'a structure');
			checkStructure(value, shape, path, failures);
	}
}

/** The min/max failures of a string's or a list's length, or of a number's value. */
function checkRange(
	subject: string,
	measure: 'length' | 'value',
	amount: number,
	limits: {min?: number; max?: number},
	failures: string[],
): void {
	if (limits.min !== undefined && amount < limits.min) {
		failures.push(
			`${subject} failed to satisfy constraint: Member must have ${measure} greater than or equal to ${limits.min}`,
		);
	}

	if (limits.max !== undefined && amount > limits.max) {
		failures.push(
			`${subject} failed to satisfy constraint: Member must have ${measure} less than or equal to ${limits.max}`,
		);
	}
}

function memberPath(path: string, name: string): string {
	const member = name.charAt(0).toLowerCase() + name.slice(1);
	return path === '' ? member : `${path}.${member}`;
}

function quote(value: unknown, path: string): string {
	return `Value '${String(value)}' at '${path}'`;
}

const patternCache = new Map<string, RegExp>();

function fullMatch(pattern: string): RegExp {
	let compiled = patternCache.get(pattern);
	if (!compiled) {
		// Unicode property classes (`\p{L}`) need the u flag; the other model patterns are written without it.
		compiled = new RegExp(`^(?:${pattern})$`, pattern.includes('\\p{') ? 'u' : '');
		patternCache.set(pattern, compiled);
	}

	return compiled;
}

function typeMismatch(path: string, expected: string): ServiceError {
	return new ServiceError('SerializationException', `Expected ${expected} at '${path}'.`);
}

function isObject(value: unknown): value is Record<string, unknown> {
	return value !== null && typeof value === 'object' && !Array.isArray(value);
}
