// Feeds hundreds of mutated real definitions to validation and to the validate/dag commands' bodies: every one must
// end cleanly (exit 0, or exit 2 with a message), never throw, and never print a control character.
// The PRNG is seeded: set SAGEMON_FUZZ_SEED to replay a failing run (the seed is in every failure message).
import {describe, expect, test} from 'vitest';
import {reportDag} from '../../source/commands/dag.js';
import {reportValidation} from '../../source/commands/validate.js';
import {validateDefinition} from '../../source/pipeline/dag.js';
import {createFakeContext} from '../helpers/fake-command-context.js';
import {fixtureNames, readFixture} from '../helpers/fixtures.js';

const seed = Number(process.env.SAGEMON_FUZZ_SEED ?? 20261124);
const cases = 600;

type Random = {
	next(): number;
	int(limit: number): number;
	pick<T>(items: readonly T[]): T;
	chance(probability: number): boolean;
};

/** mulberry32: tiny, fast, and the same sequence for the same seed everywhere. */
function createRandom(start: number): Random {
	let state = start >>> 0;
	const next = () => {
		state = (state + 0x6d2b79f5) >>> 0;
		let value = state;
		value = Math.imul(value ^ (value >>> 15), value | 1);
		value ^= value + Math.imul(value ^ (value >>> 7), value | 61);
		return ((value ^ (value >>> 14)) >>> 0) / 4294967296;
	};

	return {
		next,
		int: (limit) => Math.floor(next() * limit),
		pick: (items) => items[Math.floor(next() * items.length)] as (typeof items)[number],
		chance: (probability) => next() < probability,
	};
}

type Json = unknown;
type Holder = {parent: Record<string, Json> | Json[]; key: string | number};

/** Every place in the tree that holds a value, so a mutation can pick one at random. */
function holders(root: Json): Holder[] {
	const found: Holder[] = [];
	const stack: Json[] = [root];
	while (stack.length > 0) {
		const value = stack.pop();
		if (Array.isArray(value)) {
			value.forEach((item, index) => {
				found.push({parent: value, key: index});
				stack.push(item);
			});
		} else if (value !== null && typeof value === 'object') {
			for (const [key, item] of Object.entries(value)) {
				found.push({parent: value as Record<string, Json>, key});
				stack.push(item);
			}
		}
	}

	return found;
}

/** The step objects of a definition, nested ones included. */
function stepsOf(root: Json): Array<Record<string, Json>> {
	const found: Array<Record<string, Json>> = [];
	const stack: Json[] = [(root as {Steps?: Json})?.Steps];
	while (stack.length > 0) {
		const list = stack.pop();
		if (!Array.isArray(list)) continue;
		for (const step of list) {
			if (step === null || typeof step !== 'object' || Array.isArray(step)) continue;
			found.push(step as Record<string, Json>);
			const args = (step as {Arguments?: {IfSteps?: Json; ElseSteps?: Json}}).Arguments;
			if (args && typeof args === 'object') stack.push(args.IfSteps, args.ElseSteps);
		}
	}

	return found;
}

function randomValue(random: Random): Json {
	switch (random.int(9)) {
		case 0:
			return null;
		case 1:
			return random.int(1000) - 500;
		case 2:
			return random.next();
		case 3:
			return random.chance(0.5);
		case 4:
			return 'x'.repeat(random.int(20));
		case 5:
			return [];
		case 6:
			return {};
		case 7:
			return {
				Get: random.pick([
					'Steps.Nope.X',
					'Parameters.Nope',
					'Execution.PipelineName',
					'Bad',
					'Steps.',
					'Steps.A[0',
				]),
			};
		default:
			return '\u001b[2J\u009b31m\u0007';
	}
}

const mutations: Record<string, (root: Json, random: Random) => Json> = {
	removeField(root, random) {
		const objects = holders(root).filter((holder) => !Array.isArray(holder.parent));
		if (objects.length === 0) return root;
		const {parent, key} = random.pick(objects);
		delete (parent as Record<string, Json>)[key as string];
		return root;
	},
	wrongType(root, random) {
		const all = holders(root);
		if (all.length === 0) return randomValue(random);
		const {parent, key} = random.pick(all);
		(parent as Record<string | number, Json>)[key] = randomValue(random);
		return root;
	},
	wrongTopLevel(root, random) {
		if (root === null || typeof root !== 'object') return root;
		const key = random.pick(['Steps', 'Parameters', 'Metadata', 'Version', 'PipelineExperimentConfig']);
		(root as Record<string, Json>)[key] = randomValue(random);
		return root;
	},
	injectCycle(root, random) {
		const steps = stepsOf(root);
		if (steps.length < 1) return root;
		const a = random.pick(steps);
		const b = random.pick(steps);
		const link = (from: Record<string, Json>, to: Record<string, Json>) => {
			if (random.chance(0.5))
				from.DependsOn = [...(Array.isArray(from.DependsOn) ? from.DependsOn : []), to.Name];
			else from.Arguments = {Ref: {Get: `Steps.${String(to.Name)}.Outcome`}};
		};
		link(a, b);
		link(b, a);
		return root;
	},
	hugeName(root, random) {
		const steps = stepsOf(root);
		if (steps.length === 0) return root;
		const step = random.pick(steps);
		const name = `${random.pick(['N', 'é', '模', '🚀', '\u001b'])}`.repeat(10_000);
		if (random.chance(0.5)) {
			const other = random.pick(steps);
			other.DependsOn = [name];
		}
		step.Name = name;
		return root;
	},
	duplicateName(root, random) {
		const steps = stepsOf(root);
		if (steps.length < 2) return root;
		random.pick(steps).Name = random.pick(steps).Name;
		return root;
	},
	manySteps(root, random) {
		if (root === null || typeof root !== 'object' || Array.isArray(root)) return root;
		const count = 2000;
		const steps = Array.from({length: count}, (_, index) => {
			const step: Record<string, Json> = {
				Name: `Step-${index}`,
				Type: random.pick(['Training', 'Processing', 'Lambda', 'Fail']),
			};
			if (index > 0) {
				const parent = random.int(index);
				step.DependsOn = [`Step-${parent}`];
				if (random.chance(0.1)) step.Arguments = {In: {Get: `Steps.Step-${random.int(index)}.Out`}};
			}
			return step;
		});
		if (random.chance(0.3))
			(steps[random.int(count)] as Record<string, Json>).DependsOn = [`Step-${count - 1}`];
		(root as Record<string, Json>).Steps = steps;
		return root;
	},
	deepNesting(root, random) {
		if (root === null || typeof root !== 'object' || Array.isArray(root)) return root;
		const depth = 50 + random.int(400);
		let inner: Json = [{Name: 'Leaf', Type: 'Training'}];
		for (let level = depth; level > 0; level--) {
			inner = [
				{
					Name: `Cond${level}`,
					Type: 'Condition',
					Arguments: {Conditions: [{Type: 'Equals', LeftValue: 1, RightValue: 1}], IfSteps: inner},
				},
			];
		}
		(root as Record<string, Json>).Steps = inner;
		return root;
	},
	garbageCondition(root, random) {
		const steps = stepsOf(root);
		if (steps.length === 0) return root;
		const step = random.pick(steps);
		step.Type = 'Condition';
		step.Arguments = random.pick([
			null,
			{Conditions: 'x'},
			{Conditions: [{Type: 'Not'}], IfSteps: [null, 3, {Name: 'X'}], ElseSteps: 'y'},
			{
				Conditions: [{Type: 'Or', Conditions: [{Type: 'In', QueryValue: {Get: 'Steps.Nope.Z'}}]}],
				IfSteps: [structuredClone(step)],
			},
		]);
		return root;
	},
	propertyFileReference(root, random) {
		const steps = stepsOf(root);
		if (steps.length === 0) return root;
		const target = random.pick(steps);
		random.pick(steps).Arguments = {
			Value: {
				'Std:JsonGet': {
					PropertyFile: {Get: `Steps.${String(target.Name)}.PropertyFiles.Report`},
					Path: 'a.b',
				},
			},
			Joined: {'Std:Join': {On: random.pick([',', 3, null]), Values: random.pick([[1, true], 'x', null])}},
		};
		return root;
	},
};

const mutationNames = Object.keys(mutations);

type Case = {index: number; description: string; input: string | Json};

function* generateCases(): Generator<Case> {
	const random = createRandom(seed);
	const originals = fixtureNames.map((name) => ({name, text: readFixture(name)}));
	for (let index = 0; index < cases; index++) {
		const original = random.pick(originals);
		let root: Json = JSON.parse(original.text);
		const applied: string[] = [];
		const count = 1 + random.int(3);
		for (let step = 0; step < count; step++) {
			const name = random.pick(mutationNames);
			// 2,000 steps and 10,000-character names are costly to lay out: keep them to a few dozen per run.
			if (name === 'manySteps' && !random.chance(0.15)) continue;
			if (name === 'hugeName' && !random.chance(0.25)) continue;
			applied.push(name);
			root = (mutations[name] as (root: Json, random: Random) => Json)(root, random);
		}

		let input: string | Json = root;
		if (random.chance(0.5)) {
			const text = JSON.stringify(root) ?? 'null';
			if (random.chance(0.3)) {
				input = text.slice(0, random.int(text.length + 1));
				applied.push('truncate');
			} else input = text;
		}

		yield {
			index,
			description: `case ${index} of seed ${seed}: ${original.name} + ${applied.join(', ') || 'unchanged'}`,
			input,
		};
	}
}

const controlCharacters = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/;

describe(`fuzzed definitions (seed ${seed}, ${cases} cases)`, () => {
	test('validateDefinition, validate and dag end cleanly for every mutated definition', () => {
		const random = createRandom(seed ^ 0x5eed);
		const mutationsSeen = new Set<string>();
		let invalid = 0;
		for (const fuzzCase of generateCases()) {
			for (const name of mutationNames) if (fuzzCase.description.includes(name)) mutationsSeen.add(name);
			const where = fuzzCase.description;
			let result: ReturnType<typeof validateDefinition>;
			try {
				result = validateDefinition(fuzzCase.input);
			} catch (error) {
				throw new Error(`validateDefinition threw on ${where}: ${(error as Error).stack}`);
			}

			for (const problem of result.problems) {
				expect(typeof problem.message, where).toBe('string');
				expect(problem.message.length, where).toBeGreaterThan(0);
				expect(
					problem.message.length,
					`${where}: a message stays readable: ${problem.message.slice(0, 300)}`,
				).toBeLessThan(1000);
			}

			if (result.problems.length > 0) invalid++;
			const text =
				typeof fuzzCase.input === 'string' ? fuzzCase.input : (JSON.stringify(fuzzCase.input) ?? '');
			for (const command of ['validate', 'dag'] as const) {
				const json = random.chance(0.5);
				const context = createFakeContext({
					flags: {json},
					isTTY: random.chance(0.5),
					columns: 20 + random.int(200),
					env: random.chance(0.2) ? {TERM: 'dumb'} : {},
				});
				let code: number;
				try {
					const source = {label: `fuzz-${fuzzCase.index}.json`, text};
					code = command === 'validate' ? reportValidation(context, source) : reportDag(context, source);
				} catch (error) {
					throw new Error(`${command} threw on ${where}: ${(error as Error).stack}`);
				}

				const out = context.out();
				const err = context.err();
				expect([0, 2], `${command} exit code on ${where}`).toContain(code);
				expect(
					controlCharacters.test(out) || controlCharacters.test(err),
					`${command} printed a control character on ${where}`,
				).toBe(false);
				if (code === 2) {
					const said = err + (json && command === 'validate' ? out : '');
					expect(said, `${command} exit 2 without a message on ${where}`).toMatch(/problem/);
				} else {
					expect(result.problems, `${command} exit 0 although there are problems, on ${where}`).toEqual([]);
					expect(out.length, `${command} printed nothing on ${where}`).toBeGreaterThan(0);
				}

				if (json) expect(() => JSON.parse(out || '{}'), `${command} --json output on ${where}`).not.toThrow();
			}
		}

		expect(invalid).toBeGreaterThan(cases / 2);
		expect([...mutationsSeen].sort()).toEqual([...mutationNames].sort());
		// 600 layouts of definitions up to hundreds of steps: about 10 s on a quiet 2-core machine, several times
		// that when other test processes share it.
	}, 120_000);
});
