// CloudWatch's unstructured filter patterns as the emulator matches them: all terms, quoted phrases,
// -exclusions, ?alternatives, case-sensitive; structured patterns refused with a sentence.
import {describe, expect, it} from 'vitest';
import {compileFilterPattern} from '../../../source/emulator/logs/filter-pattern.js';
import {LogsError} from '../../../source/emulator/logs/logs-protocol.js';

const lines = [
	'ERROR ValueError: bad input',
	'WARN retrying the download',
	'INFO [epoch 3/10] train:rmse=4.1',
	'error in lower case',
];
const matching = (pattern: string) => lines.filter(compileFilterPattern(pattern));

describe('compileFilterPattern', () => {
	it('matches everything for an empty pattern', () => {
		expect(matching('')).toEqual(lines);
		expect(matching('   ')).toEqual(lines);
	});

	it('needs every term, case-sensitively', () => {
		expect(matching('ERROR ValueError')).toEqual(['ERROR ValueError: bad input']);
		expect(matching('ERROR epoch')).toEqual([]);
	});

	it('reads quoted phrases and excluded terms', () => {
		expect(matching('"the download"')).toEqual(['WARN retrying the download']);
		expect(matching('"train:rmse=4.1"')).toEqual(['INFO [epoch 3/10] train:rmse=4.1']);
		expect(matching('e -ERROR -WARN')).toEqual(['INFO [epoch 3/10] train:rmse=4.1', 'error in lower case']);
	});

	it('takes any of the ?alternatives', () => {
		expect(matching('?ERROR ?WARN')).toEqual(['ERROR ValueError: bad input', 'WARN retrying the download']);
	});

	it('refuses JSON and space-delimited patterns by name', () => {
		expect(() => compileFilterPattern('{ $.level = "error" }')).toThrow(LogsError);
		expect(() => compileFilterPattern('[ip, user, status=500]')).toThrow(/JSON, space-delimited/);
	});
});
