// Moving the selection along a laid-out DAG: across layers to the nearest child or parent (or nearest box of the
// next layer), within a layer to the nearest neighbour; the axes swap when the layout runs sideways.
import type {DagLayout, NodeBox} from '../pipeline/layout-dag.js';
import type {Dag} from '../pipeline/model.js';

export type DagMove = 'up' | 'down' | 'left' | 'right';

export function moveInDag(layout: DagLayout, dag: Dag, selected: string, move: DagMove): string {
	const boxes = new Map(layout.boxes.map((box) => [box.name, box]));
	const current = boxes.get(selected);
	if (!current) return layout.boxes[0]?.name ?? selected;
	const across =
		layout.direction === 'down' ? {back: 'up', forward: 'down'} : {back: 'left', forward: 'right'};
	const center = (box: NodeBox) =>
		layout.direction === 'down' ? box.x + box.width / 2 : box.y + box.height / 2;

	if (move === across.back || move === across.forward) {
		const forward = move === across.forward;
		const linked = dag.edges
			.filter((edge) => (forward ? edge.from === selected : edge.to === selected))
			.map((edge) => boxes.get(forward ? edge.to : edge.from))
			.filter((box): box is NodeBox => box !== undefined);
		let candidates = linked;
		if (candidates.length === 0) {
			const layers = [...new Set(layout.boxes.map((box) => box.layer))].sort((a, b) => a - b);
			const next = forward
				? layers.find((layer) => layer > current.layer)
				: layers.findLast((layer) => layer < current.layer);
			candidates = next === undefined ? [] : layout.boxes.filter((box) => box.layer === next);
		}

		return nearest(candidates, center(current), center)?.name ?? selected;
	}

	const backward = move === (layout.direction === 'down' ? 'left' : 'up');
	const sameLayer = layout.boxes
		.filter((box) => box.layer === current.layer && box.name !== selected)
		.filter((box) => (backward ? center(box) < center(current) : center(box) > center(current)));
	return nearest(sameLayer, center(current), center)?.name ?? selected;
}

function nearest(boxes: NodeBox[], from: number, center: (box: NodeBox) => number): NodeBox | undefined {
	let best: NodeBox | undefined;
	for (const box of boxes) {
		if (!best || Math.abs(center(box) - from) < Math.abs(center(best) - from)) best = box;
	}

	return best;
}

/** The first row to draw so the selected box is fully in view, moving as little as possible from `previous`. */
export function dagScrollRow(
	layout: DagLayout,
	selected: string | undefined,
	previous: number,
	height: number,
): number {
	const box = layout.boxes.find((candidate) => candidate.name === selected);
	const maximum = Math.max(0, layout.height - height);
	let next = Math.min(previous, maximum);
	if (box) {
		if (box.y < next) next = box.y;
		if (box.y + box.height > next + height) next = box.y + box.height - height;
	}

	return Math.max(0, Math.min(next, maximum));
}

/** Boxes in reading order (layer, then position), for Home/End and paging. */
export function boxesInOrder(layout: DagLayout): NodeBox[] {
	return [...layout.boxes].sort((a, b) => a.layer - b.layer || a.y - b.y || a.x - b.x);
}
