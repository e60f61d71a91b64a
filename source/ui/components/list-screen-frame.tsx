// How a list screen looks: the caption (count, order, filter) over the table, or, when the first page could not
// be loaded, why not.
import {Box} from 'ink';
import type {ListFilter} from '../hooks/use-list-filter.js';
import {ListCaption} from './list-caption.js';
import {ListLoadError} from './list-load-error.js';
import {type Column, Table} from './table.js';

export type ListScreenFrameProps<Row> = {
	/** `pipelines` → "Could not list pipelines: …". */
	what: string;
	/** Set when nothing could be listed: the message replaces the table. */
	loadError: {message: string | undefined} | undefined;
	summary: string;
	filter: Pick<ListFilter, 'text' | 'editing'>;
	shown: readonly Row[];
	columns: readonly Column<Row>[];
	rowKey(row: Row): string;
	selected: number;
	width: number;
	height: number;
	tableHeight: number;
	/** What an empty table says. */
	empty: string;
};

export function ListScreenFrame<Row>(props: ListScreenFrameProps<Row>) {
	if (props.loadError) return <ListLoadError what={props.what} message={props.loadError.message} />;
	return (
		<Box flexDirection="column" width={props.width} height={props.height}>
			<ListCaption summary={props.summary} filter={props.filter} width={props.width} />
			<Table
				rows={props.shown}
				columns={props.columns}
				rowKey={props.rowKey}
				selected={props.selected}
				width={props.width}
				height={props.tableHeight}
				empty={props.empty}
			/>
		</Box>
	);
}
