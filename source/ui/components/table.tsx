// A windowed table: only the rows that fit are rendered, each a memoised line of pre-cut cells, so a list of
// hundreds of rows costs what a screenful costs.
import {Box, Text} from 'ink';
import {memo} from 'react';
import stringWidth from 'string-width';
import {truncateEnd} from '../../pipeline/format.js';
import {useScrollOffset} from '../hooks/use-scroll-offset.js';
import {type Tone, useTheme} from '../theme.js';

export type Cell = {text: string; tone?: Tone; bold?: boolean};

export type Column<Row> = {
	title: string;
	/** Columns without a width share what is left. */
	width?: number;
	align?: 'left' | 'right';
	cell(row: Row): Cell;
};

export type TableProps<Row> = {
	rows: readonly Row[];
	columns: readonly Column<Row>[];
	rowKey(row: Row): string;
	selected: number;
	width: number;
	/** Lines for the whole table, title row included. */
	height: number;
	empty?: string;
};

export function Table<Row>({rows, columns, rowKey, selected, width, height, empty}: TableProps<Row>) {
	const theme = useTheme();
	const bodyHeight = Math.max(1, height - 1);
	const offset = useScrollOffset(selected, rows.length, bodyHeight);
	const more = rows.length > bodyHeight;
	const widths = tableColumnWidths(columns, width, rows.length, height);
	const visible = rows.slice(offset, offset + bodyHeight);
	return (
		<Box flexDirection="column" width={width} height={height}>
			<Text bold color={theme.colorOf('muted')} wrap="truncate-end">
				{titleRow(
					columns.map((column, index) => fitText(column.title, widths[index] ?? 0, column.align)).join(' '),
					more ? `${offset + 1}-${offset + visible.length}/${rows.length}` : '',
					width,
				)}
			</Text>
			{rows.length === 0 && empty ? <Text color={theme.colorOf('muted')}>{`  ${empty}`}</Text> : null}
			{visible.map((row, index) => (
				<TableRow
					key={rowKey(row)}
					cells={columns.map((column) => column.cell(row))}
					widths={widths}
					aligns={columns.map((column) => column.align ?? 'left')}
					selected={offset + index === selected}
				/>
			))}
		</Box>
	);
}

type TableRowProps = {
	cells: Cell[];
	widths: number[];
	aligns: Array<'left' | 'right'>;
	selected: boolean;
};

const TableRow = memo(
	function TableRow({cells, widths, aligns, selected}: TableRowProps) {
		const theme = useTheme();
		return (
			<Text wrap="truncate-end" inverse={selected}>
				<Text bold={selected}>{selected ? `${theme.glyphs.selected} ` : '  '}</Text>
				{cells.map((cell, index) => (
					<Text
						// biome-ignore lint/suspicious/noArrayIndexKey: cells are positional columns
						key={index}
						color={selected ? undefined : theme.colorOf(cell.tone ?? 'normal')}
						bold={cell.bold}
					>
						{index > 0 ? ' ' : ''}
						{fitText(cell.text, widths[index] ?? 0, aligns[index])}
					</Text>
				))}
			</Text>
		);
	},
	(before, after) =>
		before.selected === after.selected &&
		sameArray(before.widths, after.widths) &&
		before.cells.length === after.cells.length &&
		before.cells.every(
			(cell, index) =>
				cell.text === after.cells[index]?.text &&
				cell.tone === after.cells[index]?.tone &&
				cell.bold === after.cells[index]?.bold,
		),
);

/**
 * The column titles, with the window's position ("41-60/300") at the right when the list scrolls, in the room the
 * titles leave: shorter ("60/300") when that room is small, and left out rather than written over a title.
 */
export function titleRow(titles: string, position: string, width: number): string {
	const shown = `  ${titles.trimEnd()}`;
	if (position === '') return `  ${titles}`;
	const room = width - stringWidth(shown);
	for (const candidate of [position, position.replace(/^\d+-/, '')]) {
		if (candidate.length + 2 <= room) return `${shown}${' '.repeat(room - candidate.length)}${candidate}`;
	}

	return shown;
}

function sameArray(a: readonly number[], b: readonly number[]): boolean {
	return a.length === b.length && a.every((value, index) => value === b[index]);
}

/** Each column's width in a table of `rowCount` rows, `width` × `height`, as the table draws it. */
export function tableColumnWidths<Row>(
	columns: readonly Column<Row>[],
	width: number,
	rowCount: number,
	height: number,
): number[] {
	// When the list scrolls, the columns leave room at the right for the position, so it never covers a title.
	const reserve = rowCount > Math.max(1, height - 1) ? `${rowCount}-${rowCount}/${rowCount}`.length + 2 : 0;
	return columnWidths(columns, width - 2 - reserve);
}

export function columnWidths<Row>(columns: readonly Column<Row>[], width: number): number[] {
	const gaps = Math.max(0, columns.length - 1);
	const fixed = columns.reduce((sum, column) => sum + (column.width ?? 0), 0);
	const flexible = columns.filter((column) => column.width === undefined).length;
	const left = Math.max(0, width - gaps - fixed);
	const share = flexible > 0 ? Math.floor(left / flexible) : 0;
	return columns.map((column) => column.width ?? Math.max(4, share));
}

export function fitText(text: string, width: number, align: 'left' | 'right' = 'left'): string {
	const cut = truncateEnd(text, width);
	const padding = ' '.repeat(Math.max(0, width - stringWidth(cut)));
	return align === 'right' ? padding + cut : cut + padding;
}
