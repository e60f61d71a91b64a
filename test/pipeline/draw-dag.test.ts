import stringWidth from 'string-width';
import {describe, expect, it} from 'vitest';
import {generateDag} from '../../bench/layout.js';
import {distinguishingLabels, distinguishingNames, statusLine} from '../../source/pipeline/box-text.js';
import {buildDag} from '../../source/pipeline/dag.js';
import {parseDefinition} from '../../source/pipeline/definition.js';
import {drawDag, drawDagText} from '../../source/pipeline/draw-dag.js';
import {type DagLayout, type LayoutOptions, layoutDag} from '../../source/pipeline/layout-dag.js';
import type {Dag, DagNode, EdgeKind} from '../../source/pipeline/model.js';
import {readFixture} from '../helpers/fixtures.js';

function fitted(dag: Dag, options: LayoutOptions = {maxWidth: 100}): DagLayout {
	const result = layoutDag(dag, options);
	if (!result.fits) throw new Error(`expected the DAG to fit: ${result.reason}`);
	return result;
}

function fixtureDag(name: string): Dag {
	const parsed = parseDefinition(readFixture(name));
	if (!parsed.definition) throw new Error(`${name} does not parse`);
	return buildDag(parsed.definition).dag;
}

function dag(nodes: DagNode[], edges: Array<[string, string, EdgeKind]>): Dag {
	return {nodes, edges: edges.map(([from, to, kind]) => ({from, to, kind}))};
}

const chain = dag(
	[
		{name: 'Preprocess', type: 'Processing'},
		{name: 'Train', type: 'Training'},
		{name: 'Evaluate', type: 'Processing'},
	],
	[
		['Preprocess', 'Train', 'data'],
		['Train', 'Evaluate', 'dependsOn'],
	],
);

const diamond = dag(
	['A', 'B', 'C', 'D'].map((name) => ({name, type: 'Training'})),
	[
		['A', 'B', 'dependsOn'],
		['A', 'C', 'dependsOn'],
		['B', 'D', 'data'],
		['C', 'D', 'data'],
	],
);

const branches = dag(
	[
		{name: 'Check', type: 'Condition'},
		{name: 'Register', type: 'RegisterModel'},
		{name: 'Fail', type: 'Fail'},
	],
	[
		['Check', 'Register', 'condition-if'],
		['Check', 'Fail', 'condition-else'],
	],
);

describe('drawDagText', () => {
	it('draws a chain as boxes joined by arrows, each box with its name and type', () => {
		expect(drawDagText(fitted(chain))).toBe(
			[
				'┌─────────────┐',
				'│ Preprocess  │',
				'│ Processing  │',
				'└──────┬──────┘',
				'       │',
				'┌──────▼──────┐',
				'│    Train    │',
				'│  Training   │',
				'└──────┬──────┘',
				'       │',
				'┌──────▼──────┐',
				'│  Evaluate   │',
				'│ Processing  │',
				'└─────────────┘',
			].join('\n'),
		);
	});

	it('draws a diamond: one line fans out, the two lines join into one arrow', () => {
		expect(drawDagText(fitted(diamond))).toBe(
			[
				'       ┌───────────┐',
				'       │     A     │',
				'       │ Training  │',
				'       └─────┬─────┘',
				'      ┌──────┴───────┐',
				'┌─────▼─────┐  ┌─────▼─────┐',
				'│     B     │  │     C     │',
				'│ Training  │  │ Training  │',
				'└─────┬─────┘  └─────┬─────┘',
				'      └───────┬──────┘',
				'        ┌─────▼─────┐',
				'        │     D     │',
				'        │ Training  │',
				'        └───────────┘',
			].join('\n'),
		);
	});

	it('labels the branches of a condition', () => {
		expect(drawDagText(fitted(branches))).toBe(
			[
				'         ┌───────────────┐',
				'         │     Check     │',
				'         │   Condition   │',
				'         └───────┬───────┘',
				'        ┌────────┴─────────┐',
				'        │if                │else',
				'┌───────▼───────┐  ┌───────▼───────┐',
				'│   Register    │  │     Fail      │',
				'│ RegisterModel │  │     Fail      │',
				'└───────────────┘  └───────────────┘',
			].join('\n'),
		);
	});

	it('labels the branches when drawn sideways too', () => {
		expect(drawDagText(fitted(branches, {maxWidth: 100, direction: 'right'}))).toBe(
			[
				'                       ┌───────────────┐',
				'                 ┌───if▶   Register    │',
				'┌───────────────┐│     │ RegisterModel │',
				'│     Check     ├┤     └───────────────┘',
				'│   Condition   ││',
				'└───────────────┘│     ┌───────────────┐',
				'                 └─else▶     Fail      │',
				'                       │     Fail      │',
				'                       └───────────────┘',
			].join('\n'),
		);
	});

	it('labels every branch arrow when two conditions feed the same steps', () => {
		const crossed = dag(
			[
				{name: 'CheckA', type: 'Condition'},
				{name: 'CheckB', type: 'Condition'},
				{name: 'Deploy', type: 'Model'},
				{name: 'Alert', type: 'Fail'},
			],
			[
				['CheckA', 'Deploy', 'condition-if'],
				['CheckA', 'Alert', 'condition-else'],
				['CheckB', 'Deploy', 'condition-else'],
				['CheckB', 'Alert', 'condition-if'],
			],
		);
		for (const direction of ['down', 'right'] as const) {
			const text = drawDagText(fitted(crossed, {maxWidth: 100, direction}));
			expect(text.match(/if/g), direction).toHaveLength(2);
			expect(text.match(/else/g), direction).toHaveLength(2);
			expect(text.match(direction === 'down' ? /▼/g : /▶/g), direction).toHaveLength(4);
		}
	});

	it('draws with plain ASCII for terminals without Unicode', () => {
		const text = drawDagText(fitted(branches), {ascii: true});
		expect(text).toBe(
			[
				'         +---------------+',
				'         |     Check     |',
				'         |   Condition   |',
				'         +-------+-------+',
				'        +--------+---------+',
				'        |if                |else',
				'+-------v-------+  +-------v-------+',
				'|   Register    |  |     Fail      |',
				'| RegisterModel |  |     Fail      |',
				'+---------------+  +---------------+',
			].join('\n'),
		);
		expect(
			/^[\x20-\x7e\n]*$/.test(drawDagText(fitted(fixtureDag('abalone-tutorial.json')), {ascii: true})),
		).toBe(true);
	});

	it('shows decorations (status icon and detail) on the second line, the type where there is none', () => {
		const decorations = new Map([
			['Preprocess', {icon: '✔', detail: '12s'}],
			['Train', {icon: '◐', detail: 'running 3m'}],
		]);
		const lines = drawDagText(fitted(chain), {decorations}).split('\n');
		expect(lines[2]).toBe('│    ✔ 12s    │');
		// Too wide, the detail loses its last words rather than being cut in the middle.
		expect(lines[7]).toBe('│  ◐ running  │');
		expect(lines[12]).toBe('│ Processing  │');
	});

	it('shows a time too wide for a box in whole minutes, never cut in its middle', () => {
		expect(statusLine('✔', '4m 27s', 7)).toBe('✔ 4m');
		expect(statusLine('✔', '4m 27s', 8)).toBe('✔ 4m 27s');
		expect(statusLine('◐', '<1m · try 2', 7)).toBe('◐ <1m');
		expect(statusLine('⊘', 'skipped', 5)).toBe('⊘ skipped');
		expect(statusLine(undefined, '1h 02m', 3)).toBe('1h');
		const lines = drawDagText(fitted(chain), {
			decorations: new Map([['Train', {icon: '✔', detail: '12m 34s 567ms'}]]),
		}).split('\n');
		expect(lines[7]).toBe('│  ✔ 12m 34s  │');
	});

	it('cuts long names in the middle so the distinguishing end stays visible', () => {
		const layout = fitted(
			dag(
				[
					{name: 'falcon-text-summarization-preprocess', type: 'Processing'},
					{name: 'falcon-text-summarization-register-RegisterModel', type: 'RegisterModel'},
				],
				[
					[
						'falcon-text-summarization-preprocess',
						'falcon-text-summarization-register-RegisterModel',
						'data',
					],
				],
			),
		);
		const text = drawDagText(layout);
		expect(text).toContain('│ falcon-text…-preprocess │');
		expect(text).toContain('│ falcon-text…gisterModel │');
		expect(drawDagText(layout, {ascii: true})).toContain('| falcon-text~-preprocess |');
	});

	it('fits names into a column as the boxes do: look-alikes by their difference, others cut in the middle', () => {
		expect(
			distinguishingNames(
				['ShardedFeatureStage012', 'ShardedFeatureStage013', 'falcon-text-summarization-preprocess', 'Short'],
				20,
			),
		).toEqual(['ShardedFea…eStage012', 'ShardedFea…eStage013', 'falcon-tex…reprocess', 'Short']);
	});

	it('measures wide characters, so every row is exactly as wide as the picture', () => {
		const layout = fitted(
			dag(
				[
					{name: '前処理ステップ', type: 'Processing'},
					{name: '学習ステップの名前がとても長い', type: 'Training'},
					{name: 'emoji 🚀 step', type: 'Processing'},
				],
				[
					['前処理ステップ', '学習ステップの名前がとても長い', 'data'],
					['前処理ステップ', 'emoji 🚀 step', 'data'],
				],
			),
		);
		const rows = drawDagText(layout).split('\n');
		expect(rows.join('\n')).toContain('前処理ステップ');
		expect(rows.join('\n')).toContain('🚀');
		for (const row of drawDag(layout)) {
			expect(stringWidth(row.map((segment) => segment.text).join(''))).toBe(layout.width);
		}
	});

	it('shows control characters in names as visible text, never as escape sequences', () => {
		const hostile = 'Step\u001b[2J\u001b]52;c;ZXZpbA==\u0007\u009b31m';
		const text = drawDagText(fitted(dag([{name: hostile, type: 'Training\u001b[31m'}], [])));
		expect(text).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/);
		expect(text).toContain('Step^[');
	});

	it('draws the 31-deep nested conditions as one tall column of labelled arrows', () => {
		const layout = fitted(fixtureDag('airflow-31-nested-conditions.json'));
		const text = drawDagText(layout);
		expect(text.match(/│if/g)).toHaveLength(30);
		expect(text.match(/▼/g)).toHaveLength(30);
		expect(text.split('\n').every((row) => stringWidth(row) <= 20)).toBe(true);
	});

	it('draws the abalone pipeline with every step once and its branch labels', () => {
		const tutorial = fitted(fixtureDag('abalone-tutorial.json'));
		const text = drawDagText(tutorial);
		for (const box of tutorial.boxes) expect(text.split(box.name).length - 1, box.name).toBe(1);
		expect(text.match(/│if/g)).toHaveLength(3);

		const notebook = drawDagText(fitted(fixtureDag('abalone-examples-notebook.json')));
		expect(notebook).toContain('│ AbaloneRegi…gisterModel │');
		expect(notebook.match(/│if/g)).toHaveLength(3);
		expect(notebook.match(/│else/g)).toHaveLength(1);
		expect(notebook.split('\n').every((row) => stringWidth(row) <= 100)).toBe(true);
	});
});

describe('drawDag', () => {
	it('gives rows of segments: box cells carry the step name, lines and arrows carry edge', () => {
		const rows = drawDag(fitted(chain));
		expect(rows[1]).toEqual([{text: '│ Preprocess  │', node: 'Preprocess'}]);
		expect(rows[4]).toEqual([{text: '       '}, {text: '│', edge: true}, {text: '       '}]);
		expect(rows[5]).toEqual([
			{text: '┌──────', node: 'Train'},
			{text: '▼', edge: true},
			{text: '──────┐', node: 'Train'},
		]);
		expect(rows[3]).toEqual([
			{text: '└──────', node: 'Preprocess'},
			{text: '┬', edge: true},
			{text: '──────┘', node: 'Preprocess'},
		]);
	});

	it('draws only the rows asked for, the same as the whole picture would show them', () => {
		const layout = fitted(generateDag(300));
		const whole = drawDag(layout);
		const inWindow = layout.boxes.find((box) => box.y >= 210)!;
		const decorations = new Map([[inWindow.name, {icon: '✖', detail: 'failed'}]]);
		const window = drawDag(layout, {rows: {start: 200, end: 240}, decorations});
		expect(window).toHaveLength(40);
		expect(window).toEqual(drawDag(layout, {decorations}).slice(200, 240));
		expect(window).not.toEqual(whole.slice(200, 240));
		expect(
			window.flat().some((segment) => segment.node === inWindow.name && segment.text.includes('✖ failed')),
		).toBe(true);
		expect(drawDag(layout, {rows: {start: layout.height - 5, end: layout.height + 50}})).toHaveLength(5);
		expect(drawDag(layout, {rows: {start: -10, end: 3}})).toEqual(whole.slice(0, 3));
	});

	it('draws only the columns asked for, keeping wide characters whole', () => {
		const layout = fitted(fixtureDag('abalone-tutorial.json'));
		const whole = drawDagText(layout).split('\n');
		const columns = {start: 10, end: 40};
		const window = drawDag(layout, {columns}).map((row) => row.map((segment) => segment.text).join(''));
		window.forEach((row, index) => {
			expect(row).toBe([...whole[index]!.padEnd(layout.width)].slice(10, 40).join(''));
		});

		const wide = fitted(dag([{name: '学習ステップ', type: 'Training'}], []));
		for (let start = 0; start < wide.width; start++) {
			for (const row of drawDag(wide, {columns: {start, end: start + 5}})) {
				expect(stringWidth(row.map((segment) => segment.text).join(''))).toBe(
					Math.min(5, wide.width - start),
				);
			}
		}
	});

	it('gives back the rows a changed status line does not touch as they were, and draws the others again', () => {
		const layout = fitted(generateDag(300));
		const box = layout.boxes.find((candidate) => candidate.y >= 20)!;
		const window = {start: box.y - 2, end: box.y + 10};
		const running = new Map([[box.name, {icon: '◔', detail: '1m'}]]);
		const before = drawDag(layout, {rows: window, decorations: running});
		const same = drawDag(layout, {rows: window, decorations: new Map(running)});
		expect(same.every((row, index) => row === before[index])).toBe(true);

		const done = new Map([[box.name, {icon: '✔', detail: '2m'}]]);
		const after = drawDag(layout, {rows: window, decorations: done});
		const statusRow = box.y + 2 - window.start;
		expect(after[statusRow]).not.toBe(before[statusRow]);
		expect(after[statusRow]!.some((segment) => segment.text.includes('✔ 2m'))).toBe(true);
		expect(before[statusRow]!.some((segment) => segment.text.includes('◔ 1m'))).toBe(true);
		after.forEach((row, index) => {
			if (index !== statusRow) expect(row).toBe(before[index]);
		});
		// Other columns are another drawing.
		expect(drawDag(layout, {rows: window, decorations: done, columns: {start: 1, end: 50}})[0]).not.toBe(
			after[0],
		);
	});

	it('draws a layout the same every time, and independently of earlier calls', () => {
		const layout = fitted(fixtureDag('abalone-tutorial.json'));
		const first = drawDagText(layout);
		drawDag(layout, {decorations: new Map([['AbaloneTrain', {icon: '✔', detail: '9s'}]]), ascii: true});
		expect(drawDagText(layout)).toBe(first);
		expect(drawDagText(fitted(fixtureDag('abalone-tutorial.json')))).toBe(first);
	});
});

describe('box names cut to what tells them apart', () => {
	it('shows the differing part of names that would otherwise look alike', () => {
		const labels = distinguishingLabels(
			['Shard-012-Stage0', 'Shard-013-Stage0', 'Shard-104-Stage0', 'Train'].map((name) => ({name, cells: 8})),
		);
		expect(labels).toEqual(['…-012-S…', '…-013-S…', '…-104-S…', 'Train']);
		expect(new Set(labels).size).toBe(4);
	});

	it('keeps names that fit, and names whose cut labels already differ', () => {
		const boxes = ['PreprocessAbaloneData', 'TrainAbaloneModel', 'Eval'].map((name) => ({name, cells: 10}));
		expect(distinguishingLabels(boxes)).toEqual(['PreprocessAbaloneData', 'TrainAbaloneModel', 'Eval']);
	});

	it('draws a wide fan-out of look-alike names as distinguishable boxes', () => {
		const steps = Array.from({length: 12}, (_, shard) => `Shard-${String(shard).padStart(3, '0')}-Stage0`);
		const parsed = parseDefinition(
			JSON.stringify({
				Version: '2020-12-01',
				Steps: steps.map((Name) => ({Name, Type: 'Processing', Arguments: {}})),
			}),
		);
		const dag = buildDag(parsed.definition!).dag;
		const layout = layoutDag(dag, {maxWidth: 80, boxWidth: 11});
		if (!layout.fits) throw new Error(layout.reason);
		const text = drawDagText(layout);
		for (const shard of ['000', '005', '011']) expect(text).toContain(shard);
	});
});
