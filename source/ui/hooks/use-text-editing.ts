// Typing into a text value: while active, every key is the field's (global shortcuts are off), except the keys of
// its text keymap, which edit the text (at a cursor that moves as in a shell) or are reported as intents. Pasted
// text is typed like keys.
import {useContext, useEffect, useLayoutEffect, useRef, useState} from 'react';
import {ScreenHostContext} from '../app-context.js';
import {findBinding, type Keymap} from '../keys/bindings.js';
import {KeyPriority, useKeyLayer} from '../keys/key-router.js';
import {type TextEditIntent, type TextEndIntent, textEditKeymap} from '../keys/text-keymaps.js';
import {
	type CursorMove,
	eraseBefore,
	eraseWordBefore,
	insertAt,
	moveCursor,
	type TextEdit,
} from '../text-edit.js';

export type TextEditing = {
	active: boolean;
	value: string;
	onChange(value: string): void;
	/** Keys that are not typing: enter, esc, ctrl+s, ctrl+r (erasing is handled here). */
	onIntent(intent: TextEndIntent): void;
	/** Accept only these characters (e.g. digits for a number); everything printable when absent. */
	accept?: (text: string) => boolean;
	/** The keys that edit or end the text, also shown in the footer while typing (the text-edit keymap by default). */
	keymap?: Keymap<TextEditIntent>;
	/** Shown in the footer and help (the command line has its own hint line instead). */
	showKeymap?: boolean;
};

export function useTextEditing({
	active,
	value,
	onChange,
	onIntent,
	accept,
	keymap = textEditKeymap,
	showKeymap = true,
}: TextEditing): {cursor: number} {
	const host = useContext(ScreenHostContext);
	// The text as the last key left it: when keys come faster than renders (a burst, a busy machine), the next key
	// edits that, not the value of a render that has not happened yet.
	const latest = useRef<TextEdit>({text: value, cursor: [...value].length});
	const [cursor, setCursor] = useState(latest.current.cursor);
	// The texts this hook handed to onChange that a render has not shown yet: a value among them is an edit
	// catching up; any other is a value set from outside (a reset, a cleared filter), and the cursor goes to its end.
	const pending = useRef<string[]>([]);
	useLayoutEffect(() => {
		const index = pending.current.indexOf(value);
		if (index !== -1) pending.current = pending.current.slice(index + 1);
		else if (value !== latest.current.text) {
			pending.current = [];
			latest.current = {text: value, cursor: [...value].length};
			setCursor(latest.current.cursor);
		}
	}, [value]);
	const change = (next: TextEdit) => {
		const changed = next.text !== latest.current.text;
		latest.current = next;
		setCursor(next.cursor);
		if (changed) {
			pending.current.push(next.text);
			onChange(next.text);
		}
	};
	useEffect(() => {
		if (active && showKeymap) host?.setKeymap(keymap, {typing: true});
	}, [host, active, keymap, showKeymap]);
	useKeyLayer(
		(press) => {
			const binding = findBinding(keymap, press);
			const edit = latest.current;
			const intent = binding?.intent;
			if (intent === 'erase') change(eraseBefore(edit));
			else if (intent === 'erase-word') change(eraseWordBefore(edit));
			else if (intent === 'clear') change({text: '', cursor: 0});
			else if (intent?.startsWith('cursor-')) change(moveCursor(edit, intent.slice(7) as CursorMove));
			else if (binding) onIntent(binding.intent as TextEndIntent);
			else {
				const typed = printable(press.input);
				if (typed && (!accept || accept(typed))) change(insertAt(edit, typed));
			}

			return true;
		},
		{priority: KeyPriority.text, active},
	);
	return {cursor: latest.current.text === value ? cursor : [...value].length};
}

/** What a key press adds to a field: printable characters only (a paste may bring several at once). */
function printable(input: string): string {
	return input.replace(/[\u0000-\u001f\u007f-\u009f]/g, '');
}
