// Property paths as pipelines write them: `Outputs['evaluation'].S3Output.S3Uri`, `a.b[0]`, `OutputParameters["x"]`.

export type PropertyPath = Array<string | number>;

/**
 * Splits a property path into its members: dotted names, `[0]` list indexes (numbers) and `['key']` / `["key"]`
 * map keys (strings). Never throws: text that is not valid path syntax is kept as part of a member name.
 */
export function parsePropertyPath(path: string): PropertyPath {
	const members: PropertyPath = [];
	let name = '';
	let index = 0;
	const flush = () => {
		if (name !== '') members.push(name);
		name = '';
	};

	while (index < path.length) {
		const character = path[index];
		if (character === '.') {
			flush();
			index++;
			continue;
		}

		if (character === '[') {
			const bracket = readBracket(path, index);
			if (bracket) {
				flush();
				members.push(bracket.member);
				index = bracket.end;
				continue;
			}
		}

		name += character;
		index++;
	}

	flush();
	return members;
}

function readBracket(path: string, start: number): {member: string | number; end: number} | undefined {
	const quote = path[start + 1];
	if (quote === "'" || quote === '"') {
		const close = path.indexOf(`${quote}]`, start + 2);
		if (close === -1) return undefined;
		return {member: path.slice(start + 2, close), end: close + 2};
	}

	const close = path.indexOf(']', start + 1);
	if (close === -1) return undefined;
	const inside = path.slice(start + 1, close).trim();
	if (/^\d+$/.test(inside)) return {member: Number(inside), end: close + 1};
	if (inside === '' || inside.includes('[')) return undefined;
	return {member: inside, end: close + 1};
}

/** Renders members back to the canonical path text (`a.b[0]['key']` style keys for non-identifier names). */
export function formatPropertyPath(path: PropertyPath): string {
	let text = '';
	for (const member of path) {
		if (typeof member === 'number') text += `[${member}]`;
		else if (/^[A-Za-z0-9_-]+$/.test(member)) text += text === '' ? member : `.${member}`;
		else text += `['${member}']`;
	}

	return text;
}

/**
 * Reads `path` from `value`; `undefined` when any member is absent. A string key on a list picks the element
 * whose `OutputName`, `InputName`, `Name` or `Key` equals it, as the service does for
 * `ProcessingOutputConfig.Outputs['train']`.
 */
export function getByPath(value: unknown, path: string | PropertyPath): unknown {
	const members = typeof path === 'string' ? parsePropertyPath(path) : path;
	let current: unknown = value;
	for (const member of members) {
		if (current === null || typeof current !== 'object') return undefined;
		if (Array.isArray(current)) {
			current = typeof member === 'number' ? current[member] : findNamed(current, member);
			continue;
		}

		const key = String(member);
		if (!Object.hasOwn(current, key)) return undefined;
		current = (current as Record<string, unknown>)[key];
	}

	return current;
}

const nameMembers = ['OutputName', 'InputName', 'Name', 'Key'];

function findNamed(list: unknown[], name: string): unknown {
	return list.find(
		(item) =>
			item !== null &&
			typeof item === 'object' &&
			nameMembers.some((member) => (item as Record<string, unknown>)[member] === name),
	);
}
