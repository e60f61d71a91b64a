// The log pane's rows from the buffer's entries and the pane's state: the instance chosen, an instance tag and a
// timestamp in front when asked, long lines cut or wrapped, search matches highlighted. Only the rows in view
// are built, and the entries are read by index (not copied), so a frame while following costs the same with
// 20,000 kept lines as with 20; every message is sanitised here.
import type {LogEntries, LogEntry, LogLine} from '../../../pipeline/log-buffer.js';
import {sanitizeText} from '../../../pipeline/sanitize.js';
import type {PaneLine, PaneSpan} from '../../components/text-pane.js';
import type {LogPaneState} from './log-pane-state.js';

export type LogRows = {
	count: number;
	/** Rows holding a match of the search, in order. */
	matches: number[];
	/** The rows from `top`, keyed by their place in the window (a row that scrolls keeps its key's slot). */
	rows(top: number, room: number): PaneLine[];
	/** The shown log as plain text (the instance chosen, tags and timestamps as shown, unwrapped). */
	text(): string;
};

type Options = Pick<LogPaneState, 'instance' | 'timestamps' | 'wrap' | 'query'> & {width: number};

export function logRows(entries: LogEntries, options: Options): LogRows {
	const shown = options.instance ? onlyInstance(entries, options.instance) : entries;
	const entryAt = (index: number) => shown.at(index)!;
	const width = Math.max(10, options.width);
	const textOf = (entry: LogEntry): string => {
		if ('skipped' in entry) return `… ${entry.skipped.toLocaleString('en-US')} lines skipped …`;
		return prefixOf(entry, options) + sanitizeText(entry.message.replace(/\r?\n$/, ''));
	};
	// With wrap, a line takes ceil(length / width) rows and `starts[i]` is line i's first row; without, row = line.
	const starts: number[] | undefined = options.wrap ? [] : undefined;
	let count = options.wrap ? 0 : shown.length;
	if (starts) {
		for (let index = 0; index < shown.length; index++) {
			starts.push(count);
			count += Math.max(1, Math.ceil(approximateLength(entryAt(index), options) / width));
		}
	}

	const startOf = (index: number) => (starts ? (starts[index] ?? count) : Math.min(index, count));

	const query = options.query;
	const matches: number[] = [];
	if (query !== '') {
		for (let index = 0; index < shown.length; index++) {
			const entry = entryAt(index);
			if (!('skipped' in entry) && entry.message.includes(query)) matches.push(startOf(index));
		}
	}

	return {
		count,
		matches,
		rows(top, room) {
			const result: PaneLine[] = [];
			let index = starts ? lineAtRow(starts, top) : Math.max(0, top);
			let row = startOf(index);
			while (index < shown.length && row < top + room) {
				const entry = entryAt(index);
				const text = textOf(entry);
				const span = startOf(index + 1) - startOf(index);
				const pieces = options.wrap ? chop(text, width, span) : [text];
				pieces.forEach((piece, part) => {
					if (row + part >= top && row + part < top + room) {
						result.push({key: String(row + part - top), spans: spansOf(piece, entry, query)});
					}
				});
				row += pieces.length;
				index++;
			}

			return result;
		},
		text: () => `${Array.from({length: shown.length}, (_, index) => textOf(entryAt(index))).join('\n')}\n`,
	};
}

/** One instance's lines (and the skipped marker), as a list: only built while an instance is chosen. */
function onlyInstance(entries: LogEntries, instance: string): LogEntry[] {
	const kept: LogEntry[] = [];
	for (let index = 0; index < entries.length; index++) {
		const entry = entries.at(index)!;
		if ('skipped' in entry || entry.instance === instance) kept.push(entry);
	}

	return kept;
}

function prefixOf(line: LogLine, options: Options): string {
	const time = options.timestamps ? `${new Date(line.timestamp).toISOString().slice(11, 23)} ` : '';
	const tag = options.instance ? '' : `[${sanitizeText(line.instance)}] `;
	return time + tag;
}

function approximateLength(entry: LogEntry, options: Options): number {
	if ('skipped' in entry) return 30;
	return prefixOf(entry, options).length + entry.message.length;
}

/** The line holding `row` (binary search over the first rows). */
function lineAtRow(starts: readonly number[], row: number): number {
	let low = 0;
	let high = starts.length - 1;
	while (low < high) {
		const middle = Math.ceil((low + high) / 2);
		if (starts[middle]! <= row) low = middle;
		else high = middle - 1;
	}

	return Math.max(0, low);
}

/** Exactly `rows` pieces of `width` (the row count came from the raw length; the last piece takes any rest). */
function chop(text: string, width: number, rows: number): string[] {
	const pieces: string[] = [];
	for (let row = 0; row < rows; row++) {
		const start = row * width;
		pieces.push(row === rows - 1 ? text.slice(start) : text.slice(start, start + width));
	}

	return pieces;
}

function spansOf(text: string, entry: LogEntry, query: string): PaneSpan[] {
	if ('skipped' in entry) return [{text, tone: 'muted'}];
	const shownQuery = sanitizeText(query);
	if (shownQuery === '' || !text.includes(shownQuery)) return [{text}];
	const spans: PaneSpan[] = [];
	let from = 0;
	for (let at = text.indexOf(shownQuery); at !== -1; at = text.indexOf(shownQuery, from)) {
		if (at > from) spans.push({text: text.slice(from, at)});
		spans.push({text: shownQuery, tone: 'warning', bold: true});
		from = at + shownQuery.length;
	}

	if (from < text.length) spans.push({text: text.slice(from)});
	return spans;
}
