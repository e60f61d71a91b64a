// Paints the parts of a DAG picture that do not change while it is watched (edges, borders, names) onto a grid.
import {type Glyphs, asciiGlyphs, down, left, right, unicodeGlyphs, up} from './box-glyphs.js';
import {distinguishingLabels, labelCells} from './box-text.js';
import type {DagLayout} from './layout-dag.js';

/** Who a cell belongs to: nobody, an edge, or the box with this index in `layout.boxes`. */
export const blankCell = -1;
export const edgeCell = -2;

export type Canvas = {
	/** One string per cell; '' in the cell a wide character spills into. */
	cells: string[][];
	owners: Int32Array[];
	/** Boxes by the row of their second (status) line, which drawDag fills for every call. */
	detailRows: Map<number, number[]>;
	glyphs: Glyphs;
};

// Layouts are treated as immutable values, so the painted grid is kept for as long as the layout lives.
const painted = new WeakMap<DagLayout, {unicode?: Canvas; ascii?: Canvas}>();

export function paintDag(layout: DagLayout, ascii: boolean): Canvas {
	let entry = painted.get(layout);
	if (!entry) {
		entry = {};
		painted.set(layout, entry);
	}
	const key = ascii ? 'ascii' : 'unicode';
	const canvas = entry[key] ?? paint(layout, ascii);
	entry[key] = canvas;
	return canvas;
}

function paint(layout: DagLayout, ascii: boolean): Canvas {
	const glyphs = ascii ? asciiGlyphs : unicodeGlyphs;
	const {width, height} = layout;
	const masks = new Uint8Array(width * height);
	const inside = (x: number, y: number) => x >= 0 && y >= 0 && x < width && y < height;
	const mark = (x: number, y: number, mask: number) => {
		if (inside(x, y)) masks[y * width + x]! |= mask;
	};
	for (const edge of layout.edges) {
		for (let index = 1; index < edge.points.length; index++) {
			const from = edge.points[index - 1]!;
			const to = edge.points[index]!;
			if (from.x === to.x) {
				const [top, bottom] = from.y < to.y ? [from.y, to.y] : [to.y, from.y];
				for (let y = top; y <= bottom; y++) mark(from.x, y, (y > top ? up : 0) | (y < bottom ? down : 0));
			} else {
				const [start, end] = from.x < to.x ? [from.x, to.x] : [to.x, from.x];
				for (let x = start; x <= end; x++) mark(x, from.y, (x > start ? left : 0) | (x < end ? right : 0));
			}
		}
	}

	const cells: string[][] = [];
	const owners: Int32Array[] = [];
	for (let y = 0; y < height; y++) {
		const row: string[] = [];
		const owner = new Int32Array(width).fill(blankCell);
		for (let x = 0; x < width; x++) {
			const mask = masks[y * width + x]!;
			row.push(glyphs.lines[mask]!);
			if (mask !== 0) owner[x] = edgeCell;
		}
		cells.push(row);
		owners.push(owner);
	}
	const put = (x: number, y: number, text: string, who: number) => {
		if (!inside(x, y)) return;
		cells[y]![x] = text;
		owners[y]![x] = who;
	};

	const detailRows = new Map<number, number[]>();
	const names = distinguishingLabels(layout.boxes.map((box) => ({name: box.name, cells: box.width - 4})));
	layout.boxes.forEach((box, index) => {
		const {x, y, width: w, height: h} = box;
		const right = x + w - 1;
		const bottom = y + h - 1;
		for (let column = x; column <= right; column++) {
			const edgeOfBox = column === x || column === right;
			put(
				column,
				y,
				edgeOfBox ? (column === x ? glyphs.topLeft : glyphs.topRight) : glyphs.horizontal,
				index,
			);
			put(
				column,
				bottom,
				edgeOfBox ? (column === x ? glyphs.bottomLeft : glyphs.bottomRight) : glyphs.horizontal,
				index,
			);
			for (let row = y + 1; row < bottom; row++) put(column, row, edgeOfBox ? glyphs.vertical : ' ', index);
		}
		labelCells(names[index]!, w - 4, ascii).forEach((text, offset) => {
			put(x + 2 + offset, y + 1, text, index);
		});
		if (h > 3) detailRows.set(y + 2, [...(detailRows.get(y + 2) ?? []), index]);
	});

	const sideways = layout.direction === 'right';
	for (const edge of layout.edges) {
		const first = edge.points[0];
		const last = edge.points[edge.points.length - 1];
		if (!first || !last) continue;
		put(first.x, first.y, sideways ? glyphs.portRight : glyphs.portDown, edgeCell);
		put(last.x, last.y, sideways ? glyphs.arrowRight : glyphs.arrowDown, edgeCell);
	}
	for (const {x, y, text} of branchLabels(layout, masks, owners)) {
		[...text].forEach((character, offset) => {
			put(x + offset, y, character, edgeCell);
		});
	}
	return {cells, owners, detailRows, glyphs};
}

/**
 * "if" / "else" beside each arrow a condition's branch ends in: in the row above the arrow (right of the line, or
 * left when that is taken), or sideways in the run just before it. Arrows shared by both kinds get "if/else".
 */
function branchLabels(
	layout: DagLayout,
	masks: Uint8Array,
	owners: Int32Array[],
): Array<{x: number; y: number; text: string}> {
	const {width, height} = layout;
	const byArrow = new Map<string, {x: number; y: number; kinds: string[]}>();
	for (const edge of layout.edges) {
		const last = edge.points[edge.points.length - 1];
		if (!last || (edge.kind !== 'condition-if' && edge.kind !== 'condition-else')) continue;
		const kind = edge.kind === 'condition-if' ? 'if' : 'else';
		const key = `${last.x},${last.y}`;
		const label = byArrow.get(key) ?? {x: last.x, y: last.y, kinds: []};
		if (!label.kinds.includes(kind)) label.kinds.push(kind);
		byArrow.set(key, label);
	}
	const fits = (x: number, y: number, text: string, usable: (x: number) => boolean) =>
		y >= 0 && y < height && x >= 0 && x + text.length <= width && [...text].every((_, at) => usable(x + at));
	const placed: Array<{x: number; y: number; text: string}> = [];
	const taken = new Set<number>();
	for (const label of byArrow.values()) {
		for (const text of [label.kinds.join('/'), label.kinds[0]!]) {
			const spots =
				layout.direction === 'right'
					? [{x: label.x - text.length, y: label.y}]
					: [
							{x: label.x + 1, y: label.y - 1},
							{x: label.x - text.length, y: label.y - 1},
						];
			// Sideways the label replaces part of its own line; in a row it goes only where nothing is drawn.
			const usable = (y: number) => (x: number) =>
				!taken.has(y * width + x) &&
				(layout.direction === 'right'
					? masks[y * width + x] === (left | right)
					: owners[y]![x] === blankCell);
			const spot = spots.find(({x, y}) => fits(x, y, text, usable(y)));
			if (spot) {
				placed.push({...spot, text});
				for (let at = 0; at < text.length; at++) taken.add(spot.y * width + spot.x + at);
				break;
			}
		}
	}
	return placed;
}
