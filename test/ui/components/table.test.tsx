import {renderToString} from 'ink';
import {expect, test} from 'vitest';
import {type Column, Table} from '../../../source/ui/components/table.js';

const rows = Array.from({length: 300}, (_, index) => `step-${String(index).padStart(3, '0')}`);
const columns: Column<string>[] = [
	{title: 'NAME', cell: (row) => ({text: row})},
	{title: 'N', width: 4, align: 'right', cell: (row) => ({text: String(Number(row.slice(5)))})},
];

test('draws only the rows that fit, with the selection in view and marked', () => {
	const text = renderToString(
		<Table rows={rows} columns={columns} rowKey={(row) => row} selected={150} width={40} height={6} />,
		{columns: 40},
	);
	const lines = text.split('\n');
	expect(lines).toHaveLength(6);
	expect(lines[0]).toContain('147-151/300');
	expect(lines.at(-1)).toMatch(/^› step-150\s+150$/);
	expect(text).not.toContain('step-145');
});

test('cuts long cells with an ellipsis and says when there is nothing to show', () => {
	const text = renderToString(
		<Table
			rows={['a-very-long-pipeline-name-that-does-not-fit']}
			columns={columns.slice(0, 1)}
			rowKey={(row) => row}
			selected={0}
			width={20}
			height={3}
		/>,
		{columns: 20},
	);
	expect(text).toContain('› a-very-long-pipel…');
	const empty = renderToString(
		<Table
			rows={[]}
			columns={columns}
			rowKey={(row) => row}
			selected={0}
			width={40}
			height={3}
			empty="No rows."
		/>,
		{columns: 40},
	);
	expect(empty).toContain('No rows.');
});

test('the scroll position never covers a column title', () => {
	const wide: Column<string>[] = [
		{title: 'NAME', cell: (row) => ({text: row})},
		{title: 'STATUS', width: 10, cell: () => ({text: 'succeeded'})},
		{title: 'DURATION', width: 8, align: 'right', cell: () => ({text: '2m'})},
	];
	for (const width of [40, 60, 80]) {
		const text = renderToString(
			<Table rows={rows} columns={wide} rowKey={(row) => row} selected={150} width={width} height={6} />,
			{columns: width},
		);
		const [titles = ''] = text.split('\n');
		expect(titles).toMatch(/NAME\s+STATUS\s+DURATION\s+147-151\/300$/);
	}
});
