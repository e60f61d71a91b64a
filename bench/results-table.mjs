// The one table `npm run bench` prints: figure | value | target | peer value | ratio.

const headings = ['figure', 'value', 'target', 'peer value', 'ratio'];

/**
 * A row is {figure, value, target?, peer?, ratio?, met?, limit?}; `met` (true/false) marks the target as met (✔) or
 * missed (✖); `limit` says what limits a figure that misses (printed below the table by `formatLimits`). A row
 * with `error` says the figure could not be measured.
 */
export function formatTable(rows) {
	const cells = rows.map((row) =>
		row.error
			? [row.figure, 'NOT MEASURED', row.target ?? '', '', '']
			: [
					row.figure,
					row.value,
					row.target ? `${row.target}${row.met === undefined ? '' : row.met ? ' ✔' : ' ✖'}` : '',
					row.peer ?? '',
					row.ratio ?? '',
				],
	);
	const widths = headings.map((heading, column) =>
		Math.max(heading.length, ...cells.map((line) => line[column].length)),
	);
	const line = (values) =>
		values
			.map((value, column) => (column === 0 ? value.padEnd(widths[column]) : value.padStart(widths[column])))
			.join(' | ')
			.trimEnd();
	return [line(headings), widths.map((width) => '-'.repeat(width)).join('-|-'), ...cells.map(line)].join(
		'\n',
	);
}

/** "123 ms" with one decimal below 10 ms. */
export function formatMs(ms) {
	return ms < 10 ? `${ms.toFixed(1)} ms` : `${Math.round(ms)} ms`;
}

export function formatRatio(ratio) {
	return `${ratio.toFixed(2)}×`;
}

/** One line per missed figure that says what limits it. */
export function formatLimits(rows) {
	return rows
		.filter((row) => row.met === false && row.limit)
		.map((row) => `✖ ${row.figure.replace(/:.*$/, '')}: ${row.limit}`)
		.join('\n');
}
