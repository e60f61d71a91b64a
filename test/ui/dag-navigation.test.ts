import {expect, test} from 'vitest';
import {validateDefinition} from '../../source/pipeline/dag.js';
import {layoutDag} from '../../source/pipeline/layout-dag.js';
import {dagScrollRow, moveInDag} from '../../source/ui/dag-navigation.js';
import {readFixture} from '../helpers/fixtures.js';

const {dag} = validateDefinition(readFixture('abalone-tutorial.json'));
if (!dag) throw new Error('the abalone fixture has no DAG');
const layout = layoutDag(dag, {maxWidth: 120, direction: 'down'});
if (!layout.fits) throw new Error(layout.reason);

test('down and up follow the edges to a child or a parent', () => {
	const first = layout.boxes.find((box) => box.layer === 0)!.name;
	const child = moveInDag(layout, dag, first, 'down');
	expect(dag.edges.some((edge) => edge.from === first && edge.to === child)).toBe(true);
	const back = moveInDag(layout, dag, child, 'up');
	expect(dag.edges.some((edge) => edge.from === back && edge.to === child)).toBe(true);
	expect(moveInDag(layout, dag, first, 'up')).toBe(first);
});

test('left and right move within a layer to the nearest box', () => {
	const layer = [...new Set(layout.boxes.map((box) => box.layer))].find(
		(candidate) => layout.boxes.filter((box) => box.layer === candidate).length > 1,
	);
	const row = layout.boxes.filter((box) => box.layer === layer).sort((a, b) => a.x - b.x);
	expect(row.length).toBeGreaterThan(1);
	expect(moveInDag(layout, dag, row[0]!.name, 'right')).toBe(row[1]!.name);
	expect(moveInDag(layout, dag, row[1]!.name, 'left')).toBe(row[0]!.name);
	expect(moveInDag(layout, dag, row[0]!.name, 'left')).toBe(row[0]!.name);
});

test('the window scrolls just enough to show the whole selected box', () => {
	const last = [...layout.boxes].sort((a, b) => b.y - a.y)[0]!;
	const top = dagScrollRow(layout, last.name, 0, 10);
	expect(top).toBe(last.y + last.height - 10);
	expect(dagScrollRow(layout, layout.boxes[0]!.name, top, 10)).toBe(layout.boxes[0]!.y);
});
