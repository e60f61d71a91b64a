// What the pipelines and executions screens share: a `/` filter over the loaded rows, a selection kept by row key
// (so it stays on its row when rows come and go), the list moves, and the keys every list has (filter, clear the
// filter, refresh, "No X is selected." for a row action with no row).
import {useState} from 'react';
import type {PollStatus} from '../../watch/polling-store.js';
import {sanitizeText} from '../../pipeline/sanitize.js';
import {useScreenHost} from '../app-context.js';
import type {Keymap} from '../keys/bindings.js';
import {listMoveIntents, moveSelection} from '../list-navigation.js';
import {type ListFilter, useListFilter} from './use-list-filter.js';
import {useScreenKeys} from './use-screen-keys.js';

export type ListScreenOptions<Row, Intent extends string> = {
	/** Every row loaded, before the filter. */
	rows: readonly Row[];
	keyOf(row: Row): string;
	/** The texts the filter looks in. */
	searchable(row: Row): Array<string | undefined>;
	/** Sorts or hides the filtered rows. */
	arrange?(rows: Row[]): Row[];
	/** The row selected when the screen opens (remembered from the last visit). */
	initialKey?: string;
	/** The screen's keys; a function of the selected row when the footer offers only what applies to it. */
	keymap: Keymap<Intent> | ((current: Row | undefined) => Keymap<Intent>);
	height: number;
	active: boolean;
	/** The word for one row: `No ${noun} is selected.` */
	noun: string;
	refresh(): void;
	/** Intents that need no row; true when it was one of them. */
	onIntent?(intent: Intent): boolean;
	/** Intents that act on the selected row. */
	onRowIntent(intent: Intent, row: Row): void;
	/** After a move: where the selection went among the rows shown. */
	onMoved?(index: number, shown: readonly Row[]): void;
};

export type ListScreen<Row> = {
	filter: ListFilter;
	/** The rows shown: filtered, then arranged. */
	shown: Row[];
	selected: number;
	current: Row | undefined;
	/** Lines for the table (the caption takes one). */
	tableHeight: number;
};

export function useListScreen<Row, Intent extends string>(
	options: ListScreenOptions<Row, Intent>,
): ListScreen<Row> {
	const {keyOf, height, active} = options;
	const shell = useScreenHost();
	const filter = useListFilter(active);
	const [selectedKey, setSelectedKey] = useState<string | undefined>(options.initialKey);
	const matching = options.rows.filter((row) => filter.matches(...options.searchable(row)));
	const shown = options.arrange ? options.arrange(matching) : matching;
	const found = shown.findIndex((row) => keyOf(row) === selectedKey);
	const selected = found === -1 ? 0 : found;
	const current = shown[selected];
	const tableHeight = Math.max(2, height - 1);

	useScreenKeys(
		typeof options.keymap === 'function' ? options.keymap(current) : options.keymap,
		(intent) => {
			if (listMoveIntents.has(intent)) {
				const index = moveSelection(selected, intent, shown.length, tableHeight - 1);
				const row = shown[index];
				setSelectedKey(row === undefined ? undefined : keyOf(row));
				options.onMoved?.(index, shown);
				return;
			}

			switch (intent) {
				case 'filter':
					filter.start();
					return;
				case 'clear-filter':
					// Nothing to clear: the key falls through to `back`.
					return filter.clear();
				case 'refresh':
					options.refresh();
					return;
			}

			if (options.onIntent?.(intent)) return;
			if (!current) shell.notify(`No ${options.noun} is selected.`, 'error');
			else options.onRowIntent(intent, current);
		},
		{active: active && !filter.editing},
	);

	return {filter, shown, selected, current, tableHeight};
}

/** The caption's parts joined; while the list cannot refresh, why comes first (the line is cut at the width). */
export function listSummary(status: PollStatus, parts: Array<string | undefined>): string {
	const why = status.phase === 'retrying' && status.error ? sanitizeText(status.error.message) : undefined;
	return [why, ...parts].filter(Boolean).join(' · ');
}

/** `3 pipelines`, or `2 of 3 pipelines` while a filter hides some. */
export function countOf(shown: number, total: number, noun: string): string {
	return `${shown}${shown === total ? '' : ` of ${total}`} ${noun}${total === 1 ? '' : 's'}`;
}
