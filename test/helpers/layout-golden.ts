// The cases of the layout golden test (test/pipeline/layout-golden.test.ts) and the digest each one is compared
// by. Shared with scripts/write-layout-golden.mjs, which writes the expected digests by hand.
import {createHash} from 'node:crypto';
import {generateDag} from '../../bench/layout.js';
import {buildDag} from '../../source/pipeline/dag.js';
import {parseDefinition} from '../../source/pipeline/definition.js';
import {type LayoutOptions, type LayoutResult, layoutDag} from '../../source/pipeline/layout-dag.js';
import type {Dag, DagEdge, EdgeKind} from '../../source/pipeline/model.js';

export type GoldenCase = {key: string; dag: Dag; options: LayoutOptions};

const widths = [24, 40, 60, 80, 100, 120, 160, 200, Number.POSITIVE_INFINITY];
const directions = [undefined, 'down', 'right'] as const;

/** The whole result, key order included, hashed: any change to a box, a point, a size or a reason shows. */
export function layoutDigest(result: LayoutResult): string {
	return createHash('sha256').update(JSON.stringify(result)).digest('hex').slice(0, 24);
}

/**
 * Every case's key and digest. In order, one DAG object is laid out across its widths, as on a resized screen;
 * `shuffled` takes the cases backwards and lays every third out on a fresh copy, which must not matter.
 */
export function goldenDigests(
	definitions: Array<{name: string; text: string}>,
	shuffled = false,
): Record<string, string> {
	const cases = goldenCases(definitions);
	if (shuffled) cases.reverse();
	const digests: Record<string, string> = {};
	cases.forEach(({key, dag, options}, index) => {
		const fresh = shuffled && index % 3 === 0;
		digests[key] = layoutDigest(layoutDag(fresh ? {...dag} : dag, options));
	});
	return digests;
}

export function goldenCases(definitions: Array<{name: string; text: string}>): GoldenCase[] {
	const dags: Array<{label: string; dag: Dag; widths?: number[]}> = [];
	for (const {name, text} of definitions) {
		const parsed = parseDefinition(text);
		if (!parsed.definition) throw new Error(`${name} does not parse`);
		dags.push({label: `fixture ${name}`, dag: buildDag(parsed.definition).dag});
	}
	for (const [steps, seeds] of [
		[10, [1, 2, 3, 4]],
		[25, [5, 6, 7, 127]],
		[50, [7, 8, 9]],
		[150, [3, 7]],
		[300, [7, 11]],
	] as const) {
		for (const seed of seeds)
			dags.push({label: `generated ${steps} seed ${seed}`, dag: generateDag(steps, seed)});
	}
	for (const [steps, seeds] of [
		[12, [1, 2, 3, 4, 5, 6]],
		[30, [7, 8, 9, 10]],
		[60, [11, 12]],
		[120, [13]],
	] as const) {
		for (const seed of seeds)
			dags.push({label: `tangled ${steps} seed ${seed}`, dag: tangledDag(steps, seed)});
	}
	dags.push(...handMadeDags());

	const cases: GoldenCase[] = [];
	for (const {label, dag} of dags) {
		for (const direction of directions) {
			for (const maxWidth of widths) {
				cases.push({
					key: `${label} | ${direction ?? 'auto'} | ${maxWidth}`,
					dag,
					options: {maxWidth, direction},
				});
			}
		}
	}
	// Given box widths, down to the narrowest: boxes drawn in rows then grow to take their arrows too.
	const narrowed = dags.filter(({label}) =>
		/^(fixture abalone-tutorial|generated 150 seed 3$|tangled (12|30) |hand-made)/.test(label),
	);
	for (const {label, dag} of narrowed) {
		for (const direction of directions) {
			for (const boxWidth of [5, 7, 12, 31]) {
				for (const maxWidth of [60, 400]) {
					cases.push({
						key: `${label} | ${direction ?? 'auto'} | box ${boxWidth} | ${maxWidth}`,
						dag,
						options: {maxWidth, boxWidth, direction},
					});
				}
			}
		}
	}
	const abalone = dags.find((entry) => entry.label === 'fixture abalone-tutorial.json')!;
	for (const maxWidth of [0, Number.NaN, -3, 9]) {
		cases.push({key: `${abalone.label} | odd width ${maxWidth}`, dag: abalone.dag, options: {maxWidth}});
	}
	return cases;
}

/** mulberry32: the same sequence for the same seed everywhere. */
function createRandom(seed: number): () => number {
	let state = seed >>> 0;
	return () => {
		state = (state + 0x6d2b79f5) >>> 0;
		let value = state;
		value = Math.imul(value ^ (value >>> 15), value | 1);
		value ^= value + Math.imul(value ^ (value >>> 7), value | 61);
		return ((value ^ (value >>> 14)) >>> 0) / 4294967296;
	};
}

const tangledTypes = ['Processing', 'Condition', 'Training', 'Lambda', 'Callback', 'Fail'];
const kinds: EdgeKind[] = ['dependsOn', 'data', 'condition-if', 'condition-else'];

/**
 * Wider and more tangled than generateDag: parents anywhere before a step (long edges), fan-ins and fan-outs,
 * names of many lengths, branch kinds, now and then a duplicate edge or one to an unknown step.
 */
function tangledDag(steps: number, seed: number): Dag {
	const random = createRandom(seed);
	const nodes = Array.from({length: steps}, (_, index) => ({
		name: `${'s'.repeat(1 + Math.floor(random() * 30))}${index}`,
		type: tangledTypes[Math.floor(random() * tangledTypes.length)]!,
	}));
	const edges: DagEdge[] = [];
	for (let index = 1; index < steps; index++) {
		const parents = random() < 0.15 ? 0 : 1 + Math.floor(random() * random() * 5);
		for (let parent = 0; parent < parents; parent++) {
			const from = nodes[Math.floor(random() * index)]!.name;
			edges.push({from, to: nodes[index]!.name, kind: kinds[Math.floor(random() * kinds.length)]!});
		}
		if (random() < 0.03) edges.push({from: nodes[index]!.name, to: 'missing', kind: 'data'});
	}
	if (steps > 2) edges.push({...edges[0]!, kind: 'condition-if'});
	return {nodes, edges};
}

function dagOf(names: string[], edges: Array<[string, string, EdgeKind?]>, type = 'Processing'): Dag {
	return {
		nodes: names.map((name) => ({name, type})),
		edges: edges.map(([from, to, kind]) => ({from, to, kind: kind ?? 'dependsOn'})),
	};
}

function handMadeDags(): Array<{label: string; dag: Dag}> {
	const leaves = Array.from({length: 12}, (_, index) => `Leaf${index}`);
	const chains = Array.from({length: 20}, (_, chain) =>
		Array.from({length: 5}, (_, step) => `c${chain}s${step}`),
	);
	const sources = ['A', 'B', 'C', 'D'];
	return [
		{label: 'hand-made empty', dag: {nodes: [], edges: []}},
		{label: 'hand-made one step', dag: dagOf(['Only'], [])},
		{
			label: 'hand-made fan-out and fan-in',
			dag: dagOf(
				['Root', ...leaves, 'Sink'],
				[
					...leaves.map((leaf): [string, string] => ['Root', leaf]),
					...leaves.map((leaf): [string, string] => [leaf, 'Sink']),
				],
			),
		},
		{
			label: 'hand-made twenty chains',
			dag: dagOf(
				chains.flat(),
				chains.flatMap((chain) =>
					chain.slice(1).map((step, index): [string, string] => [chain[index]!, step]),
				),
			),
		},
		{
			label: 'hand-made sources feeding three boxes',
			dag: dagOf(
				[...sources, 'Left', 'Right', 'Middle'],
				sources.flatMap(
					(source): Array<[string, string, EdgeKind?]> => [
						[source, 'Left'],
						[source, 'Right'],
						[source, 'Middle', 'condition-else'],
					],
				),
			),
		},
		{
			label: 'hand-made six sources feeding two boxes',
			dag: dagOf(
				['S1', 'S2', 'S3', 'S4', 'S5', 'S6', 'Left', 'Right'],
				['S1', 'S2', 'S3', 'S4', 'S5', 'S6'].flatMap(
					(source): Array<[string, string, EdgeKind?]> => [
						[source, 'Left'],
						[source, 'Right', source === 'S2' ? 'condition-if' : 'data'],
					],
				),
			),
		},
		{
			label: 'hand-made cycles, self-loops, unknown and duplicate steps',
			dag: {
				nodes: dagOf(['A', 'B', 'C', 'A', 'D'], []).nodes,
				edges: [
					{from: 'A', to: 'B', kind: 'dependsOn'},
					{from: 'B', to: 'C', kind: 'dependsOn'},
					{from: 'C', to: 'A', kind: 'dependsOn'},
					{from: 'A', to: 'A', kind: 'data'},
					{from: 'A', to: 'Nowhere', kind: 'data'},
					{from: 'D', to: 'C', kind: 'condition-if'},
					{from: 'D', to: 'C', kind: 'data'},
				],
			},
		},
		{
			label: 'hand-made wide names',
			dag: dagOf(
				['界'.repeat(20), 'A-rather-long-step-name-1', 'x\u001b[31mred', 'short'],
				[
					['界'.repeat(20), 'short'],
					['A-rather-long-step-name-1', 'short', 'condition-if'],
					['x\u001b[31mred', 'short'],
				],
				'A-step-type-longer-than-any-box-could-ever-hold',
			),
		},
	];
}
