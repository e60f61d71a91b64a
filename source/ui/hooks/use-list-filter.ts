// `/` on a list: type to narrow it as you go; enter keeps the filter, esc clears it.
import {useState} from 'react';
import {filterKeymap} from '../keys/text-keymaps.js';
import {useTextEditing} from './use-text-editing.js';

export type ListFilter = {
	text: string;
	editing: boolean;
	/** Where the cursor stands in `text` while it is typed. */
	cursor: number;
	start(): void;
	/** Clears a kept filter; false when there was none (so Esc can go back instead). */
	clear(): boolean;
	matches(...fields: Array<string | undefined>): boolean;
};

export function useListFilter(active: boolean): ListFilter {
	const [text, setText] = useState('');
	const [editing, setEditing] = useState(false);
	const {cursor} = useTextEditing({
		keymap: filterKeymap,
		active: active && editing,
		value: text,
		onChange: setText,
		onIntent: (intent) => {
			if (intent === 'commit') setEditing(false);
			else if (intent === 'leave') {
				setText('');
				setEditing(false);
			}
		},
	});
	const needle = text.trim().toLowerCase();
	return {
		text,
		editing,
		cursor,
		start: () => setEditing(true),
		clear: () => {
			if (text === '') return false;
			setText('');
			return true;
		},
		matches: (...fields) => needle === '' || fields.some((field) => field?.toLowerCase().includes(needle)),
	};
}
