import {describe, expect, test} from 'vitest';
import {locateJsonError, parseJson} from '../../source/pipeline/parse-json.js';

describe('parseJson', () => {
	test('parses valid JSON', () => {
		expect(parseJson('{"a": [1, "b", null, true]}')).toEqual({ok: true, value: {a: [1, 'b', null, true]}});
	});

	test('names the problem and where it is', () => {
		const failure = (text: string) => {
			const result = parseJson(text);
			return result.ok ? 'parsed' : result.message;
		};

		expect(failure('{"a": 1,}')).toBe(
			"expected a property name in double quotes but found '}' at line 1, column 9",
		);
		expect(failure('{"a" 1}')).toBe("expected ':' after a property name but found '1' at line 1, column 6");
		expect(failure('[1 2]')).toBe("expected ',' or ']' but found '2' at line 1, column 4");
		expect(failure('{\n"a": tru}')).toBe("expected a value but found 't' at line 2, column 6");
		expect(failure('[01]')).toBe('invalid number at line 1, column 2');
		expect(failure('["a\\x"]')).toBe('invalid escape in a string at line 1, column 4');
		expect(failure('["a\nb"]')).toBe(
			'a control character (such as a line break) inside a string at line 1, column 4',
		);
		expect(failure('["abc')).toBe('the JSON ends inside a string at line 1, column 6');
		expect(failure("{'a': 1}")).toBe(
			"expected a property name in double quotes but found ''' at line 1, column 2",
		);
	});

	test('agrees with JSON.parse on what is valid', () => {
		for (const text of ['0', '-1.5e+3', '"\\u00e9"', '[]', '{}', ' [ {"a" : [ ] } ] ', 'null']) {
			expect(locateJsonError(text), text).toBeUndefined();
		}
	});
});
