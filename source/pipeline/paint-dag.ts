// Paints the parts of a DAG picture that do not change while it is watched (edges, borders, names) onto a grid.
import {type Glyphs, asciiGlyphs, down, left, right, unicodeGlyphs, up} from './box-glyphs.js';
import {labelCells} from './box-text.js';
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
		labelCells(box.name, w - 4, ascii).forEach((text, offset) => {
			put(x + 2 + offset, y + 1, text, index);
		});
		if (h > 3) detailRows.set(y + 2, [...(detailRows.get(y + 2) ?? []), index]);
	});

	const sideways = layout.direction === 'right';
	const labels = new Map<string, {x: number; y: number; text: string[]}>();
	for (const edge of layout.edges) {
		const first = edge.points[0];
		const last = edge.points[edge.points.length - 1];
		if (!first || !last) continue;
		put(first.x, first.y, sideways ? glyphs.portRight : glyphs.portDown, edgeCell);
		put(last.x, last.y, sideways ? glyphs.arrowRight : glyphs.arrowDown, edgeCell);
		if (edge.kind === 'condition-if' || edge.kind === 'condition-else') {
			const text = edge.kind === 'condition-if' ? 'if' : 'else';
			const label = labels.get(edge.to) ?? {x: last.x, y: last.y, text: []};
			if (!label.text.includes(text)) label.text.push(text);
			labels.set(edge.to, label);
		}
	}
	for (const label of labels.values()) {
		const options = [label.text.join('/'), label.text[0]!];
		const free = (x: number, y: number, cell: (x: number) => boolean, text: string) =>
			y >= 0 && y < height && x >= 0 && x + text.length <= width && [...text].every((_, at) => cell(x + at));
		for (const text of options) {
			let at: {x: number; y: number} | undefined;
			if (sideways) {
				const lineOnly = (column: number) => masks[label.y * width + column] === (left | right);
				if (free(label.x - text.length, label.y, lineOnly, text)) at = {x: label.x - text.length, y: label.y};
			} else {
				const row = label.y - 1;
				const blank = (column: number) => owners[row]![column] === blankCell;
				if (free(label.x + 1, row, blank, text)) at = {x: label.x + 1, y: row};
				else if (free(label.x - text.length, row, blank, text)) at = {x: label.x - text.length, y: row};
			}
			if (at) {
				const {x, y} = at;
				[...text].forEach((character, offset) => {
					put(x + offset, y, character, edgeCell);
				});
				break;
			}
		}
	}
	return {cells, owners, detailRows, glyphs};
}
