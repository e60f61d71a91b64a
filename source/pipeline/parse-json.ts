// Parses JSON text; when it is not valid, says where (line and column) and what is wrong, in words.

export type JsonParseResult =
	| {ok: true; value: unknown}
	| {ok: false; message: string; line: number; column: number};

export function parseJson(text: string): JsonParseResult {
	try {
		return {ok: true, value: JSON.parse(text)};
	} catch (error) {
		const found = locateJsonError(text) ?? {offset: text.length, message: (error as Error).message};
		const {line, column} = lineAndColumn(text, found.offset);
		return {ok: false, message: `${found.message} at line ${line}, column ${column}`, line, column};
	}
}

type State = 'value' | 'valueOrEnd' | 'afterValue' | 'key' | 'keyOrEnd' | 'colon';

/** A scanner that only checks syntax, to find the first error's offset (Node's own messages often omit it). */
export function locateJsonError(text: string): {offset: number; message: string} | undefined {
	const stack: Array<'array' | 'object'> = [];
	let state: State = 'value';
	let position = 0;
	const fail = (message: string, at = position) => ({offset: at, message});
	const end = () =>
		fail(stack.length > 0 ? `the JSON ends early: an ${stack.at(-1)} is not closed` : 'the JSON ends early');
	while (true) {
		while (position < text.length && ' \t\n\r'.includes(text[position] as string)) position++;
		const character = text[position];
		if (state === 'afterValue' && stack.length === 0) {
			return character === undefined
				? undefined
				: fail(`unexpected ${describe(character)} after the end of the JSON value`);
		}

		if (character === undefined) return end();
		switch (state) {
			case 'value':
			case 'valueOrEnd': {
				if (state === 'valueOrEnd' && character === ']') {
					stack.pop();
					position++;
					state = 'afterValue';
					break;
				}

				if (character === '{') {
					stack.push('object');
					position++;
					state = 'keyOrEnd';
				} else if (character === '[') {
					stack.push('array');
					position++;
					state = 'valueOrEnd';
				} else {
					const scanned = scanScalar(text, position);
					if (typeof scanned !== 'number') return scanned;
					position = scanned;
					state = 'afterValue';
				}

				break;
			}

			case 'afterValue': {
				const top = stack.at(-1);
				const close = top === 'array' ? ']' : '}';
				if (character === ',') {
					position++;
					state = top === 'array' ? 'value' : 'key';
				} else if (character === close) {
					stack.pop();
					position++;
				} else {
					return fail(`expected ',' or '${close}' but found ${describe(character)}`);
				}

				break;
			}

			case 'keyOrEnd':
			case 'key': {
				if (state === 'keyOrEnd' && character === '}') {
					stack.pop();
					position++;
					state = 'afterValue';
					break;
				}

				if (character !== '"')
					return fail(`expected a property name in double quotes but found ${describe(character)}`);
				const scanned = scanString(text, position);
				if (typeof scanned !== 'number') return scanned;
				position = scanned;
				state = 'colon';
				break;
			}

			case 'colon': {
				if (character !== ':')
					return fail(`expected ':' after a property name but found ${describe(character)}`);
				position++;
				state = 'value';
				break;
			}
		}
	}
}

function scanScalar(text: string, start: number): number | {offset: number; message: string} {
	const character = text[start] as string;
	if (character === '"') return scanString(text, start);
	for (const literal of ['true', 'false', 'null']) {
		if (text.startsWith(literal, start)) return start + literal.length;
	}

	const number = /^-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/.exec(text.slice(start, start + 400));
	if (number && number[0] !== '-' && number[0] !== '') {
		const after = text[start + number[0].length];
		if (after === undefined || !/[\w.]/.test(after)) return start + number[0].length;
	}

	if (/[-\d]/.test(character)) return {offset: start, message: 'invalid number'};
	return {offset: start, message: `expected a value but found ${describe(character)}`};
}

function scanString(text: string, start: number): number | {offset: number; message: string} {
	let position = start + 1;
	while (position < text.length) {
		const character = text[position] as string;
		if (character === '"') return position + 1;
		if (character === '\\') {
			const escaped = text[position + 1];
			if (escaped === 'u') {
				if (!/^[0-9a-fA-F]{4}$/.test(text.slice(position + 2, position + 6))) {
					return {offset: position, message: 'invalid \\u escape in a string'};
				}

				position += 6;
				continue;
			}

			if (escaped === undefined || !'"\\/bfnrt'.includes(escaped)) {
				return {offset: position, message: 'invalid escape in a string'};
			}

			position += 2;
			continue;
		}

		if (character.charCodeAt(0) < 0x20) {
			return {offset: position, message: 'a control character (such as a line break) inside a string'};
		}

		position++;
	}

	return {offset: text.length, message: 'the JSON ends inside a string'};
}

function describe(character: string): string {
	const code = character.charCodeAt(0);
	if (code < 0x20 || code === 0x7f)
		return `the control character U+${code.toString(16).padStart(4, '0').toUpperCase()}`;
	return `'${character}'`;
}

function lineAndColumn(text: string, offset: number): {line: number; column: number} {
	let line = 1;
	let lineStart = 0;
	const limit = Math.min(offset, text.length);
	for (let index = 0; index < limit; index++) {
		if (text.charCodeAt(index) === 0x0a) {
			line++;
			lineStart = index + 1;
		}
	}

	return {line, column: limit - lineStart + 1};
}
