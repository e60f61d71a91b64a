// Draws a laid-out DAG as rows of segments (for Ink) or plain text, optionally only a window of it.
import {labelCells, statusLine} from './box-text.js';
import type {DagLayout} from './layout-dag.js';
import {blankCell, edgeCell, paintDag} from './paint-dag.js';

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

/** Rows of segments; cells of a box carry `node`, lines, arrows and branch labels carry `edge`. */
export function drawDag(layout: DagLayout, options: DrawOptions = {}): Segment[][] {
	const ascii = options.ascii === true;
	const canvas = paintDag(layout, ascii);
	const [rowStart, rowEnd] = clampRange(options.rows, layout.height);
	const [columnStart, columnEnd] = clampRange(options.columns, layout.width);
	const result: Segment[][] = [];
	for (let y = rowStart; y < rowEnd; y++) {
		const painted = canvas.row(y);
		const cells = painted.cells.slice(columnStart, columnEnd);
		const owners = painted.owners;
		for (const index of canvas.detailRows.get(y) ?? []) {
			const box = layout.boxes[index]!;
			const decoration = options.decorations?.get(box.name);
			const width = box.width - 4;
			const text = decoration ? statusLine(decoration.icon, decoration.detail, width) : box.type;
			labelCells(text, width, ascii).forEach((cell, offset) => {
				const at = box.x + 2 + offset - columnStart;
				if (at >= 0 && at < cells.length) cells[at] = cell;
			});
		}
		if (cells[0] === '') cells[0] = ' ';
		if (columnEnd < layout.width && cells.length > 0 && painted.cells[columnEnd] === '') {
			cells[cells.length - 1] = ' ';
		}
		result.push(segmentsOf(cells, owners, columnStart, layout));
	}
	return result;
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
		let text = cells[start]!;
		let end = start + 1;
		for (; end < cells.length && owners[end + offset] === owner; end++) text += cells[end]!;
		start = end;
		if (text === '') continue;
		if (owner === edgeCell) segments.push({text, edge: true});
		else if (owner === blankCell) segments.push({text});
		else segments.push({text, node: layout.boxes[owner]!.name});
	}
	return segments;
}
