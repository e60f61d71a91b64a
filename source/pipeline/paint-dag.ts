// Paints the parts of a DAG picture that do not change while it is watched (edges, borders, names) onto a grid.
import {type Glyphs, asciiGlyphs, down, left, right, unicodeGlyphs, up} from './box-glyphs.js';
import {distinguishingLabels, labelCells} from './box-text.js';
import type {DagLayout} from './layout-dag.js';

/** Who a cell belongs to: nobody, an edge, or the box with this index in `layout.boxes`. */
export const blankCell = -1;
export const edgeCell = -2;

export type Canvas = {
	/** Row `y`: one string per cell ('' in the cell a wide character spills into) and who owns each cell. */
	row(y: number): {cells: string[]; owners: Int32Array};
	/** Boxes by the row of their second (status) line, which drawDag fills for every call. */
	detailRows: Map<number, number[]>;
	glyphs: Glyphs;
};

// Rows are painted a band at a time, the first time a row of the band is drawn: a tall picture seen through a
// window costs its window's bands, not every row (a 300-step DAG is ~800 rows, a terminal shows ~45).
const bandRows = 16;

// Layouts are treated as immutable values, so the painted rows are kept for as long as the layout lives.
const painted = new WeakMap<DagLayout, {unicode?: Canvas; ascii?: Canvas}>();

export function paintDag(layout: DagLayout, ascii: boolean): Canvas {
	let entry = painted.get(layout);
	if (!entry) {
		entry = {};
		painted.set(layout, entry);
	}
	const key = ascii ? 'ascii' : 'unicode';
	const canvas = entry[key] ?? lazyCanvas(layout, ascii);
	entry[key] = canvas;
	return canvas;
}

function lazyCanvas(layout: DagLayout, ascii: boolean): Canvas {
	const glyphs = ascii ? asciiGlyphs : unicodeGlyphs;
	const names = distinguishingLabels(layout.boxes.map((box) => ({name: box.name, cells: box.width - 4})));
	const detailRows = new Map<number, number[]>();
	layout.boxes.forEach((box, index) => {
		if (box.height > 3) detailRows.set(box.y + 2, [...(detailRows.get(box.y + 2) ?? []), index]);
	});
	const bands: Array<{cells: string[][]; owners: Int32Array[]}> = [];
	return {
		row(y) {
			const band = Math.floor(y / bandRows);
			bands[band] ??= paintBand(layout, glyphs, ascii, names, band * bandRows);
			const at = y - band * bandRows;
			return {cells: bands[band]!.cells[at]!, owners: bands[band]!.owners[at]!};
		},
		detailRows,
		glyphs,
	};
}

/** Rows `top` to `top + bandRows` (or the bottom), painted exactly as they would be in a whole-picture pass. */
function paintBand(
	layout: DagLayout,
	glyphs: Glyphs,
	ascii: boolean,
	names: string[],
	top: number,
): {cells: string[][]; owners: Int32Array[]} {
	const {width} = layout;
	const bottomRow = Math.min(layout.height, top + bandRows);
	const rows = bottomRow - top;
	const masks = new Uint8Array(width * rows);
	const inBand = (y: number) => y >= top && y < bottomRow;
	const mark = (x: number, y: number, mask: number) => {
		if (x >= 0 && x < width && inBand(y)) masks[(y - top) * width + x]! |= mask;
	};
	for (const edge of layout.edges) {
		for (let index = 1; index < edge.points.length; index++) {
			const from = edge.points[index - 1]!;
			const to = edge.points[index]!;
			if (from.x === to.x) {
				const [first, last] = from.y < to.y ? [from.y, to.y] : [to.y, from.y];
				const end = Math.min(last, bottomRow - 1);
				for (let y = Math.max(first, top); y <= end; y++)
					mark(from.x, y, (y > first ? up : 0) | (y < last ? down : 0));
			} else if (inBand(from.y)) {
				const [start, end] = from.x < to.x ? [from.x, to.x] : [to.x, from.x];
				for (let x = start; x <= end; x++) mark(x, from.y, (x > start ? left : 0) | (x < end ? right : 0));
			}
		}
	}

	const cells: string[][] = [];
	const owners: Int32Array[] = [];
	for (let y = 0; y < rows; y++) {
		const row = new Array<string>(width);
		const owner = new Int32Array(width).fill(blankCell);
		for (let x = 0; x < width; x++) {
			const mask = masks[y * width + x]!;
			row[x] = glyphs.lines[mask]!;
			if (mask !== 0) owner[x] = edgeCell;
		}
		cells.push(row);
		owners.push(owner);
	}
	const put = (x: number, y: number, text: string, who: number) => {
		if (x < 0 || x >= width || !inBand(y)) return;
		cells[y - top]![x] = text;
		owners[y - top]![x] = who;
	};

	layout.boxes.forEach((box, index) => {
		const {x, y, width: w, height: h} = box;
		const right = x + w - 1;
		const bottom = y + h - 1;
		if (bottom < top || y >= bottomRow) return;
		const firstInside = Math.max(y + 1, top);
		const lastInside = Math.min(bottom - 1, bottomRow - 1);
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
			for (let row = firstInside; row <= lastInside; row++)
				put(column, row, edgeOfBox ? glyphs.vertical : ' ', index);
		}
		if (inBand(y + 1)) {
			labelCells(names[index]!, w - 4, ascii).forEach((text, offset) => {
				put(x + 2 + offset, y + 1, text, index);
			});
		}
	});

	const sideways = layout.direction === 'right';
	for (const edge of layout.edges) {
		const first = edge.points[0];
		const last = edge.points[edge.points.length - 1];
		if (!first || !last) continue;
		put(first.x, first.y, sideways ? glyphs.portRight : glyphs.portDown, edgeCell);
		put(last.x, last.y, sideways ? glyphs.arrowRight : glyphs.arrowDown, edgeCell);
	}
	for (const {x, y, text} of branchLabels(layout, {top, bottom: bottomRow, masks, owners})) {
		[...text].forEach((character, offset) => {
			put(x + offset, y, character, edgeCell);
		});
	}
	return {cells, owners};
}

/**
 * "if" / "else" beside each arrow a condition's branch ends in: in the row above the arrow (right of the line, or
 * left when that is taken), or sideways in the run just before it. Arrows shared by both kinds get "if/else".
 */
function branchLabels(
	layout: DagLayout,
	band: {top: number; bottom: number; masks: Uint8Array; owners: Int32Array[]},
): Array<{x: number; y: number; text: string}> {
	const {width, height} = layout;
	const {top, masks, owners} = band;
	// A label stays in one row (above its arrow, or beside it sideways), and labels compete only within a row.
	const labelRow = (arrowY: number) => (layout.direction === 'right' ? arrowY : arrowY - 1);
	const byArrow = new Map<string, {x: number; y: number; kinds: string[]}>();
	for (const edge of layout.edges) {
		const last = edge.points[edge.points.length - 1];
		if (!last || (edge.kind !== 'condition-if' && edge.kind !== 'condition-else')) continue;
		const row = labelRow(last.y);
		if (row < top || row >= band.bottom) continue;
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
					? masks[(y - top) * width + x] === (left | right)
					: owners[y - top]![x] === blankCell);
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
