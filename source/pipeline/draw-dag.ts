// Draws a laid-out DAG as rows of segments (for Ink) or plain text, optionally only a window of it.
import {labelCells, statusLine} from './box-text.js';
import type {DagLayout} from './layout-dag.js';
import {blankCell, type Canvas, edgeCell, paintDag} from './paint-dag.js';

export type Segment = {text: string; node?: string; edge?: boolean};
export type DrawOptions = {
	/** Each box's second line: a status icon and a short detail ("12s", "cache"); the step type when absent. */
	decorations?: ReadonlyMap<string, {icon?: string; detail?: string}>;
	/** `+-|` instead of box drawing, for terminals without Unicode. */
	ascii?: boolean;
	/** Only these rows (end excluded): a window of a tall picture costs only its own rows. */
	rows?: {start: number; end: number};
	/** Only these columns (end excluded), for horizontal scrolling. */
	columns?: {start: number; end: number};
};

/**
 * Rows of segments; cells of a box carry `node`, lines, arrows and branch labels carry `edge`. A row drawn before
 * for the same layout, columns and status lines is returned as the same array, so a poll that changes a few boxes
 * builds only their status rows again, and a caller can tell the other rows did not change by identity.
 */
export function drawDag(layout: DagLayout, options: DrawOptions = {}): Segment[][] {
	const ascii = options.ascii === true;
	const canvas = paintDag(layout, ascii);
	const [rowStart, rowEnd] = clampRange(options.rows, layout.height);
	const [columnStart, columnEnd] = clampRange(options.columns, layout.width);
	const drawn = drawnRowsOf(canvas);
	const result: Segment[][] = [];
	for (let y = rowStart; y < rowEnd; y++) {
		const details = (canvas.detailRows.get(y) ?? noBoxes).map((index) => {
			const box = layout.boxes[index]!;
			const decoration = options.decorations?.get(box.name);
			return decoration ? statusLine(decoration.icon, decoration.detail, box.width - 4) : box.type;
		});
		const before = drawn.get(y);
		if (
			before &&
			before.columnStart === columnStart &&
			before.columnEnd === columnEnd &&
			sameTexts(before.details, details)
		) {
			result.push(before.segments);
			continue;
		}
		const segments = drawRow(layout, canvas, y, details, columnStart, columnEnd, ascii);
		drawn.set(y, {columnStart, columnEnd, details, segments});
		result.push(segments);
	}
	return result;
}

const noBoxes: readonly number[] = [];
type DrawnRow = {columnStart: number; columnEnd: number; details: string[]; segments: Segment[]};
// Kept per painted canvas, so for as long as the layout lives (see paint-dag).
const drawnRows = new WeakMap<Canvas, Map<number, DrawnRow>>();

function drawnRowsOf(canvas: Canvas): Map<number, DrawnRow> {
	let rows = drawnRows.get(canvas);
	if (!rows) {
		rows = new Map();
		drawnRows.set(canvas, rows);
	}
	return rows;
}

function sameTexts(before: readonly string[], now: readonly string[]): boolean {
	return before.length === now.length && before.every((text, index) => text === now[index]);
}

function drawRow(
	layout: DagLayout,
	canvas: Canvas,
	y: number,
	details: readonly string[],
	columnStart: number,
	columnEnd: number,
	ascii: boolean,
): Segment[] {
	const painted = canvas.row(y);
	const cells = painted.cells.slice(columnStart, columnEnd);
	(canvas.detailRows.get(y) ?? noBoxes).forEach((index, detail) => {
		const box = layout.boxes[index]!;
		labelCells(details[detail]!, box.width - 4, ascii).forEach((cell, offset) => {
			const at = box.x + 2 + offset - columnStart;
			if (at >= 0 && at < cells.length) cells[at] = cell;
		});
	});
	if (cells[0] === '') cells[0] = ' ';
	if (columnEnd < layout.width && cells.length > 0 && painted.cells[columnEnd] === '') {
		cells[cells.length - 1] = ' ';
	}
	return segmentsOf(cells, painted.owners, columnStart, layout);
}

/** The picture as plain text, one line per row without trailing spaces: for `sagemon dag` and tests. */
export function drawDagText(layout: DagLayout, options: DrawOptions = {}): string {
	return drawDag(layout, options)
		.map((row) =>
			row
				.map((segment) => segment.text)
				.join('')
				.trimEnd(),
		)
		.join('\n');
}

function clampRange(range: {start: number; end: number} | undefined, size: number): [number, number] {
	if (!range) return [0, size];
	const start = Math.min(size, Math.max(0, Math.floor(range.start)));
	return [start, Math.min(size, Math.max(start, Math.floor(range.end)))];
}

function segmentsOf(cells: string[], owners: Int32Array, offset: number, layout: DagLayout): Segment[] {
	const segments: Segment[] = [];
	for (let start = 0; start < cells.length; ) {
		const owner = owners[start + offset]!;
		let end = start + 1;
		while (end < cells.length && owners[end + offset] === owner) end++;
		const text = cells.slice(start, end).join('');
		start = end;
		if (text === '') continue;
		if (owner === edgeCell) segments.push({text, edge: true});
		else if (owner === blankCell) segments.push({text});
		else segments.push({text, node: layout.boxes[owner]!.name});
	}
	return segments;
}
