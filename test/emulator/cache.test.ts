// Cache keys and ExpireAfter durations as the service documents them.
import {describe, expect, it} from 'vitest';
import {cacheKey, parseExpireAfter} from '../../source/emulator/engine/cache.js';

const hour = 3_600_000;
const day = 24 * hour;

describe('parseExpireAfter', () => {
	it.each([
		['30d', 30 * day],
		['P30D', 30 * day],
		['T12H', 12 * hour],
		['PT1H', hour],
		['30dT5h', 30 * day + 5 * hour],
		['T16m', 16 * 60_000],
		['P1M', 30 * day],
		['5y', 5 * 365 * day],
		['P1W', 7 * day],
	])('reads %s', (text, milliseconds) => {
		expect(parseExpireAfter(text)).toBe(milliseconds);
	});

	it.each(['', 'P', 'PT', 'thirty days', '30x', '-1d'])('rejects %j', (text) => {
		expect(parseExpireAfter(text)).toBeUndefined();
	});
});

describe('cacheKey', () => {
	it('depends only on the attributes the service documents for the step type', () => {
		const base = {
			AppSpecification: {ImageUri: 'image'},
			ProcessingInputs: [{InputName: 'a'}],
			ProcessingOutputConfig: {Outputs: [1]},
		};
		const otherOutputs = {...base, ProcessingOutputConfig: {Outputs: [2]}};
		const otherInputs = {...base, ProcessingInputs: [{InputName: 'b'}]};
		expect(cacheKey('Processing', base)).toBe(cacheKey('Processing', otherOutputs));
		expect(cacheKey('Processing', base)).not.toBe(cacheKey('Processing', otherInputs));
		expect(cacheKey('Transform', {ModelName: 'a'})).not.toBe(cacheKey('Transform', {ModelName: 'b'}));
	});

	it('does not depend on key order', () => {
		expect(cacheKey('Training', {HyperParameters: {a: '1', b: '2'}})).toBe(
			cacheKey('Training', {HyperParameters: {b: '2', a: '1'}}),
		);
	});

	it('is undefined for step types that are never cached', () => {
		expect(cacheKey('Condition', {})).toBeUndefined();
		expect(cacheKey('Fail', {})).toBeUndefined();
	});
});
