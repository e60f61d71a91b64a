// Measures the terminal DAG layout: a generated 300-step DAG (layout, and drawing a 40-row window) and the abalone pipeline.
import {readFileSync} from 'node:fs';
import {join} from 'node:path';
import {buildDag} from '../source/pipeline/dag.js';
import {parseDefinition} from '../source/pipeline/definition.js';
import {drawDag} from '../source/pipeline/draw-dag.js';
import {type DagLayout, layoutDag} from '../source/pipeline/layout-dag.js';
import type {Dag, DagEdge} from '../source/pipeline/model.js';

const stepTypes = [
	'Processing',
	'Training',
	'Processing',
	'Model',
	'Transform',
	'Condition',
	'RegisterModel',
];

/**
 * A pipeline-shaped DAG of `steps` steps: each step reads one or two of the few steps before it, so the picture
 * is tall and a few boxes wide, like a long real pipeline. The same `steps` and `seed` always give the same DAG.
 */
export function generateDag(steps: number, seed = 7): Dag {
	let state = seed;
	const random = () => {
		state = (state * 1_103_515_245 + 12_345) % 2_147_483_648;
		return state / 2_147_483_648;
	};
	const name = (index: number) => `step-${String(index).padStart(3, '0')}`;
	const nodes = Array.from({length: steps}, (_, index) => ({
		name: name(index),
		type: stepTypes[index % stepTypes.length]!,
	}));
	const edges: DagEdge[] = [];
	for (let index = 1; index < steps; index++) {
		const parents = new Set([index - 1 - Math.floor(random() * Math.min(index, 3))]);
		if (index > 4 && random() < 0.35) parents.add(Math.max(0, index - 2 - Math.floor(random() * 5)));
		for (const parent of [...parents].sort((a, b) => a - b)) {
			const kind =
				nodes[parent]!.type === 'Condition'
					? random() < 0.7
						? 'condition-if'
						: 'condition-else'
					: random() < 0.5
						? 'data'
						: 'dependsOn';
			edges.push({from: name(parent), to: name(index), kind});
		}
	}
	return {nodes, edges};
}

function medianMs(runs: number, work: () => void): number {
	// Warm-up runs first, so the median measures optimised code rather than the JIT compiling it.
	for (let run = 0; run < 20; run++) work();
	const times: number[] = [];
	for (let run = 0; run < runs; run++) {
		const start = performance.now();
		work();
		times.push(performance.now() - start);
	}
	times.sort((a, b) => a - b);
	return times[Math.floor(times.length / 2)]!;
}

function fitted(dag: Dag, maxWidth: number): DagLayout {
	const result = layoutDag(dag, {maxWidth});
	if (!result.fits) throw new Error(`The benchmark DAG does not fit ${maxWidth} columns: ${result.reason}`);
	return result;
}

/** Median milliseconds: layoutDag of 300 steps, drawDag of a 40-row window of it, layoutDag of the abalone pipeline. */
export function benchLayout(): {layout300Ms: number; draw300WindowMs: number; layoutAbaloneMs: number} {
	const large = generateDag(300);
	const layout300Ms = medianMs(21, () => layoutDag(large, {maxWidth: 160}));

	const layout = fitted(large, 160);
	const decorations = new Map(layout.boxes.map((box, index) => [box.name, {icon: '✔', detail: `${index}s`}]));
	let top = 0;
	const draw300WindowMs = medianMs(101, () => {
		// A fresh window each run, as when the user scrolls; the layout itself stays the same object.
		top = (top + 37) % Math.max(1, layout.height - 40);
		drawDag(layout, {decorations, rows: {start: top, end: top + 40}});
	});

	// From the project folder (the frame script's working directory): bundled, this module lives in a temporary one.
	const definitionPath = join(process.cwd(), 'test/fixtures/definitions/abalone-tutorial.json');
	const parsed = parseDefinition(readFileSync(definitionPath, 'utf8'));
	if (!parsed.definition) throw new Error(`Cannot parse ${definitionPath}`);
	const abalone = buildDag(parsed.definition).dag;
	const layoutAbaloneMs = medianMs(51, () => layoutDag(abalone, {maxWidth: 100}));
	return {layout300Ms, draw300WindowMs, layoutAbaloneMs};
}
