import {describe, expect, test} from 'vitest';
import {UsageError} from '../../source/commands/report-error.js';
import validate from '../../source/commands/validate.js';
import {createFakeContext} from '../helpers/fake-command-context.js';
import {scratchDirectory} from '../helpers/scratch-directory.js';
import {fixtureNames, fixturePath} from '../helpers/fixtures.js';

const scratch = scratchDirectory('sagemon-validate-');
const write = scratch.write;

async function run(args: string[], json = false) {
	const context = createFakeContext({args, flags: {json}});
	const code = await validate.run(context);
	return {code, out: context.out(), err: context.err()};
}

describe('sagemon validate', () => {
	test('a valid definition: exit 0 and a one-line summary', async () => {
		const path = fixturePath('abalone-tutorial.json');
		expect(await run([path])).toEqual({
			code: 0,
			out: `${path}: valid — 7 steps, 6 parameters, 11 edges\n`,
			err: '',
		});
	});

	test.each(fixtureNames)('%s is valid', async (name) => {
		const {code, err} = await run([fixturePath(name)]);
		expect(err).toBe('');
		expect(code).toBe(0);
	});

	test('--json for a valid definition', async () => {
		const {code, out} = await run([fixturePath('abalone-examples-notebook.json')], true);
		expect(code).toBe(0);
		expect(JSON.parse(out)).toEqual({
			valid: true,
			steps: 8,
			parameters: 6,
			edges: 11,
			problems: [],
			warnings: [],
		});
	});

	test('a misspelt step type: exit 2, naming the step and the type it was likely meant to be', async () => {
		const path = write(
			'misspelt.json',
			JSON.stringify({Version: '2020-12-01', Steps: [{Name: 'Prep', Type: 'Proccessing', Arguments: {}}]}),
		);
		expect(await run([path])).toEqual({
			code: 2,
			out: '',
			err: `${path}: 1 problem\n  Steps[0].Type: Step 'Prep' has Type "Proccessing"; did you mean "Processing"?\n`,
		});
	});

	test('a step type it cannot place: valid, exit 0, with a warning on stderr (the service adds types over time)', async () => {
		const path = write(
			'banana.json',
			JSON.stringify({Version: '2020-12-01', Steps: [{Name: 'Prep', Type: 'Banana', Arguments: {}}]}),
		);
		const warning =
			'Step \'Prep\' has Type "Banana", which sagemon does not know: the service refuses a type it does not know when the pipeline is created';
		expect(await run([path])).toEqual({
			code: 0,
			out: `${path}: valid — 1 step, 0 parameters, 0 edges\n`,
			err: `${path}: 1 warning\n  Steps[0].Type: ${warning}\n`,
		});
		const json = await run([path], true);
		expect(json.code).toBe(0);
		expect(JSON.parse(json.out)).toMatchObject({
			valid: true,
			problems: [],
			warnings: [{path: 'Steps[0].Type', step: 'Prep', message: warning}],
		});
	});

	test('a bad definition: exit 2 and every problem, one per line with its path', async () => {
		const path = write(
			'bad.json',
			JSON.stringify({
				Parameters: [{Name: 'Epochs', Type: 'Integer', DefaultValue: 'ten'}],
				Steps: [
					{Name: 'Train', Type: 'Training', DependsOn: ['Prepare']},
					{Name: 'Evaluate', Type: 'Processing', Arguments: {Model: {Get: 'Steps.Train.ModelArtifacts'}}},
					{Name: 'Evaluate', Type: 'Processing'},
				],
			}),
		);
		expect(await run([path])).toEqual({
			code: 2,
			out: '',
			err:
				`${path}: 3 problems\n` +
				'  Parameters[0].DefaultValue: Parameter \'Epochs\' is Integer but its DefaultValue is the text "ten", not a whole number\n' +
				"  Steps[2].Name: Step name 'Evaluate' is used twice (also at Steps[1]); step names must be unique, nested steps included\n" +
				"  Steps[0].DependsOn[0]: Step 'Train' depends on 'Prepare', which is not a step of this pipeline\n",
		});
	});

	test('--json for a bad definition lists the problems with their step', async () => {
		const path = write(
			'cycle.json',
			JSON.stringify({
				Steps: [
					{Name: 'A', Type: 'Processing', DependsOn: ['B']},
					{Name: 'B', Type: 'Processing', DependsOn: ['A']},
				],
			}),
		);
		const {code, out, err} = await run([path], true);
		expect(code).toBe(2);
		expect(err).toBe('');
		expect(JSON.parse(out)).toEqual({
			valid: false,
			steps: 2,
			parameters: 0,
			edges: 2,
			problems: [{path: 'Steps[0]', step: 'A', message: 'The steps form a cycle: A -> B -> A'}],
			warnings: [],
		});
	});

	test('not JSON: where it breaks', async () => {
		const path = write('broken.json', '{\n  "Steps": [\n');
		expect(await run([path])).toEqual({
			code: 2,
			out: '',
			err: `${path}: 1 problem\n  definition: The definition is not valid JSON: the JSON ends early: an array is not closed at line 3, column 1\n`,
		});
	});

	test('text from the file cannot drive the terminal', async () => {
		const path = write(
			'escape.json',
			JSON.stringify({Steps: [{Name: 'A\u001b]52;c;ZXZpbA==\u0007', Type: 'T'}]}),
		);
		const {code, err} = await run([path]);
		expect(code).toBe(2);
		expect(err).toContain('^[]52;c;ZXZpbA==^G');
		expect(err).not.toMatch(/[\u001b\u0007]/);
	});

	test('a missing file, a directory, or no argument: one clear sentence as a usage error', async () => {
		await expect(run([scratch.path('nope.json')])).rejects.toThrow(
			new UsageError(`Cannot read ${scratch.path('nope.json')}: there is no such file.`),
		);
		await expect(run([scratch.directory])).rejects.toThrow(
			new UsageError(`${scratch.directory} is a directory, not a definition file.`),
		);
		await expect(run([])).rejects.toThrow(
			new UsageError('validate needs a definition file: sagemon validate DEF.json [--json]'),
		);
		await expect(run(['a.json', 'b.json'])).rejects.toThrow(
			new UsageError('validate takes one definition file, got 2 arguments.'),
		);
	});
});
