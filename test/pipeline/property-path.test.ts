import {describe, expect, test} from 'vitest';
import {formatPropertyPath, getByPath, parsePropertyPath} from '../../source/pipeline/property-path.js';

describe('parsePropertyPath', () => {
	test('splits dotted members, list indexes and quoted keys', () => {
		expect(parsePropertyPath("ProcessingOutputConfig.Outputs['evaluation'].S3Output.S3Uri")).toEqual([
			'ProcessingOutputConfig',
			'Outputs',
			'evaluation',
			'S3Output',
			'S3Uri',
		]);
		expect(parsePropertyPath('a.b[0]')).toEqual(['a', 'b', 0]);
		expect(parsePropertyPath("OutputParameters['x']")).toEqual(['OutputParameters', 'x']);
		expect(parsePropertyPath('Outputs["with.dot"][2].c')).toEqual(['Outputs', 'with.dot', 2, 'c']);
		expect(parsePropertyPath('')).toEqual([]);
	});

	test('keeps malformed brackets as text instead of failing', () => {
		expect(parsePropertyPath("a['unclosed")).toEqual(["a['unclosed"]);
		expect(parsePropertyPath('a[]')).toEqual(['a[]']);
	});

	test('formats back to canonical text', () => {
		expect(formatPropertyPath(['Outputs', 'evaluation', 'S3Output', 0])).toBe(
			'Outputs.evaluation.S3Output[0]',
		);
		expect(formatPropertyPath(['OutputParameters', 'with space'])).toBe("OutputParameters['with space']");
	});
});

describe('getByPath', () => {
	const description = {
		ProcessingOutputConfig: {Outputs: [{OutputName: 'train', S3Output: {S3Uri: 's3://b/train'}}]},
		OutputParameters: [{Name: 'output1', Value: 'v'}],
		list: [10, 20],
	};

	test('walks members, indexes, and picks list items by their name as the service does', () => {
		expect(getByPath(description, "ProcessingOutputConfig.Outputs['train'].S3Output.S3Uri")).toBe(
			's3://b/train',
		);
		expect(getByPath(description, "OutputParameters['output1'].Value")).toBe('v');
		expect(getByPath(description, 'list[1]')).toBe(20);
		expect(getByPath(description, ['list', 0])).toBe(10);
		expect(getByPath(description, [])).toBe(description);
	});

	test('undefined when anything is absent, never a throw', () => {
		expect(getByPath(description, "ProcessingOutputConfig.Outputs['test'].S3Output")).toBeUndefined();
		expect(getByPath(description, 'list[5]')).toBeUndefined();
		expect(getByPath(description, 'list.length')).toBeUndefined();
		expect(getByPath(null, 'a')).toBeUndefined();
		expect(getByPath({a: 'text'}, 'a.length')).toBeUndefined();
		expect(getByPath({}, 'constructor')).toBeUndefined();
	});
});
