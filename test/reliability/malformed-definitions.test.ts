// Matrix row: definitions that are not JSON, have unknown step types, cycles, 2,000 steps or 10,000-character
// names are drawn or explained by the built CLI, never a crash. (The fuzzing half of the row, 600 seeded mutated
// definitions per run, is test/pipeline/fuzz.test.ts; the matrix reporter counts it.)
import {mkdtempSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {ensureBuilt, runCli} from '../helpers/built-cli.js';
import {readFixture} from '../helpers/fixtures.js';
import {chainDefinition} from './pipelines.js';

let directory: string;

beforeAll(() => {
	ensureBuilt();
	directory = mkdtempSync(join(tmpdir(), 'sagemon-malformed-'));
});

afterAll(() => {
	if (directory) rmSync(directory, {recursive: true, force: true});
});

function file(name: string, content: unknown): string {
	const path = join(directory, name);
	writeFileSync(path, typeof content === 'string' ? content : JSON.stringify(content));
	return path;
}

const lambda = (name: string, dependsOn?: string[]) => ({
	Name: name,
	Type: 'Lambda',
	Arguments: {},
	FunctionArn: 'arn:aws:lambda:us-east-1:111122223333:function:noop',
	...(dependsOn ? {DependsOn: dependsOn} : {}),
});

/** Ends cleanly: exit 0 or 2, no stack trace, no control character, something said. */
function expectClean(
	result: {code: number | null; stdout: string; stderr: string; signal: string | null},
	what: string,
) {
	expect([0, 2], `${what}: ${result.stderr}`).toContain(result.code);
	expect(result.signal).toBeNull();
	expect(`${result.stdout}${result.stderr}`, what).not.toMatch(
		/\n\s+at |TypeError|RangeError|[\u0000-\u0009\u000B-\u001F\u007F]/,
	);
	expect(`${result.stdout}${result.stderr}`.trim(), what).not.toBe('');
}

describe('malformed definitions', () => {
	it('matrix: definition not JSON, unknown step types, cycles, 2,000 steps, 10,000-character names [validate, dag] — drawn or explained, never a crash', async () => {
		const abalone = JSON.parse(readFixture('abalone-tutorial.json'));
		abalone.Steps[1].Type = 'QuantumCompute';
		const wide = chainDefinition(2000);
		(wide.Steps as Array<{DependsOn?: string[]}>).forEach((step, index) => {
			if (index > 0) step.DependsOn = [`Step${String(Math.floor((index - 1) / 3) + 1).padStart(4, '0')}`];
		});
		const long = 'N'.repeat(10_000);
		const files = {
			notJson: file('not-json.json', '{"Version": "2020-12-01", "Steps": ['),
			unknownType: file('unknown-type.json', abalone),
			cycle: file('cycle.json', {
				Version: '2020-12-01',
				Parameters: [],
				Steps: [lambda('A', ['B']), lambda('B', ['A'])],
			}),
			chain: file('chain-2000.json', chainDefinition(2000)),
			wide: file('wide-2000.json', wide),
			longNames: file('long-names.json', {
				Version: '2020-12-01',
				Parameters: [{Name: 'P'.repeat(10_000), Type: 'String', DefaultValue: 'x'}],
				Steps: [lambda(long), lambda('M'.repeat(10_000), [long])],
			}),
		};
		const run = async (command: string, path: string) => {
			const result = await runCli([command, path]);
			expectClean(result, `${command} ${path}`);
			return {...result, said: `${result.stdout}${result.stderr}`};
		};

		for (const command of ['validate', 'dag']) {
			const notJson = await run(command, files.notJson);
			expect(notJson.code).toBe(2);
			expect(notJson.said).toMatch(/The definition is not valid JSON: .* at line 1, column 37/);

			const cycle = await run(command, files.cycle);
			expect(cycle.code).toBe(2);
			expect(cycle.said).toContain('The steps form a cycle: A -> B -> A');

			const longNames = await run(command, files.longNames);
			expect(longNames.code).toBe(2);
			expect(longNames.said).toContain('Step name is 10000 characters long; the service allows at most 64');
			expect(longNames.said.split('\n').every((line) => line.length <= 200)).toBe(true);
		}

		expect((await run('validate', files.chain)).said).toContain(
			'valid — 2000 steps, 0 parameters, 1999 edges',
		);
		const chain = await run('dag', files.chain);
		expect(chain.stdout).toContain('Step2000');

		const wideDag = await run('dag', files.wide);
		expect(wideDag.code).toBe(0);
		expect(wideDag.stderr).toMatch(/Listing the steps in run order instead\.\n$/);
		expect(wideDag.stdout.trimEnd().split('\n')).toHaveLength(2000);

		const unknown = await run('dag', files.unknownType);
		expect(unknown.code).toBe(0);
		expect(unknown.stdout).toContain('QuantumCompute');
	});
});
