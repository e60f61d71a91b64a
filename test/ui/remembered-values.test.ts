import {mkdtempSync, readFileSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {afterEach, beforeEach, expect, test} from 'vitest';
import {
	loadRememberedValues,
	rememberedValuesFile,
	saveRememberedValues,
} from '../../source/ui/remembered-values.js';

const arn = (region: string, account: string, name: string) =>
	`arn:aws:sagemaker:${region}:${account}:pipeline/${name.toLowerCase()}`;
const abalone = {pipelineArn: arn('us-east-1', '111122223333', 'AbalonePipeline')};
const other = {pipelineArn: arn('us-east-1', '111122223333', 'Other')};

let directory = '';
beforeEach(() => {
	directory = mkdtempSync(join(tmpdir(), 'sagemon-remembered-'));
});
afterEach(() => rmSync(directory, {recursive: true, force: true}));

test('remembers the last overrides per pipeline', async () => {
	expect(await loadRememberedValues(directory, abalone)).toEqual({});
	await saveRememberedValues(directory, abalone, {ModelApprovalStatus: 'Approved'}, 1000);
	await saveRememberedValues(directory, other, {Seed: '4'}, 2000);
	await saveRememberedValues(directory, abalone, {ProcessingInstanceCount: '2'}, 3000);
	expect(await loadRememberedValues(directory, abalone)).toEqual({ProcessingInstanceCount: '2'});
	expect(await loadRememberedValues(directory, other)).toEqual({Seed: '4'});
	expect(JSON.parse(readFileSync(join(directory, rememberedValuesFile), 'utf8')).version).toBe(1);
});

test('a damaged file counts as empty and is replaced on the next save', async () => {
	writeFileSync(join(directory, rememberedValuesFile), '{not json');
	expect(await loadRememberedValues(directory, abalone)).toEqual({});
	await saveRememberedValues(directory, abalone, {ModelApprovalStatus: 'Approved'}, 1000);
	expect(await loadRememberedValues(directory, abalone)).toEqual({ModelApprovalStatus: 'Approved'});
});

test('creates the config directory when it does not exist yet', async () => {
	const nested = join(directory, 'sagemon', 'config');
	await saveRememberedValues(nested, other, {A: 'b'}, 1);
	expect(await loadRememberedValues(nested, other)).toEqual({A: 'b'});
});

test('values belong to one pipeline in one account, region and endpoint', async () => {
	const local = {pipelineArn: abalone.pipelineArn, endpointUrl: 'http://127.0.0.1:4566'};
	await saveRememberedValues(directory, local, {Seed: '7'}, 1);
	expect(await loadRememberedValues(directory, local)).toEqual({Seed: '7'});
	expect(await loadRememberedValues(directory, abalone)).toEqual({});
	expect(
		await loadRememberedValues(directory, {pipelineArn: arn('eu-west-1', '111122223333', 'AbalonePipeline')}),
	).toEqual({});
	expect(
		await loadRememberedValues(directory, {pipelineArn: arn('us-east-1', '444455556666', 'AbalonePipeline')}),
	).toEqual({});
});
