import {mkdtempSync, readFileSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {afterEach, beforeEach, expect, test} from 'vitest';
import {
	loadRememberedValues,
	rememberedValuesFile,
	saveRememberedValues,
} from '../../source/ui/remembered-values.js';

let directory = '';
beforeEach(() => {
	directory = mkdtempSync(join(tmpdir(), 'sagemon-remembered-'));
});
afterEach(() => rmSync(directory, {recursive: true, force: true}));

test('remembers the last overrides per pipeline', async () => {
	expect(await loadRememberedValues(directory, 'AbalonePipeline')).toEqual({});
	await saveRememberedValues(directory, 'AbalonePipeline', {ModelApprovalStatus: 'Approved'}, 1000);
	await saveRememberedValues(directory, 'Other', {Seed: '4'}, 2000);
	await saveRememberedValues(directory, 'AbalonePipeline', {ProcessingInstanceCount: '2'}, 3000);
	expect(await loadRememberedValues(directory, 'AbalonePipeline')).toEqual({ProcessingInstanceCount: '2'});
	expect(await loadRememberedValues(directory, 'Other')).toEqual({Seed: '4'});
	expect(JSON.parse(readFileSync(join(directory, rememberedValuesFile), 'utf8')).version).toBe(1);
});

test('a damaged file counts as empty and is replaced on the next save', async () => {
	writeFileSync(join(directory, rememberedValuesFile), '{not json');
	expect(await loadRememberedValues(directory, 'AbalonePipeline')).toEqual({});
	await saveRememberedValues(directory, 'AbalonePipeline', {ModelApprovalStatus: 'Approved'}, 1000);
	expect(await loadRememberedValues(directory, 'AbalonePipeline')).toEqual({ModelApprovalStatus: 'Approved'});
});

test('creates the config directory when it does not exist yet', async () => {
	const nested = join(directory, 'sagemon', 'config');
	await saveRememberedValues(nested, 'P', {A: 'b'}, 1);
	expect(await loadRememberedValues(nested, 'P')).toEqual({A: 'b'});
});
