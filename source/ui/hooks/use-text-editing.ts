// Typing into a text value: while active, every key is the field's (global shortcuts are off), except the keys of
// its text keymap, which edit the text or are reported as intents. Pasted text is typed like keys.
import {useContext, useEffect, useLayoutEffect, useRef} from 'react';
import {ScreenHostContext} from '../app-context.js';
import {findBinding, type Keymap} from '../keys/bindings.js';
import {KeyPriority, useKeyLayer} from '../keys/key-router.js';
import {type TextEditIntent, type TextEndIntent, textEditKeymap} from '../keys/text-keymaps.js';

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
}: TextEditing): void {
	const host = useContext(ScreenHostContext);
	// The text as the last key left it: when keys come faster than renders (a burst, a busy machine), the next key
	// edits that, not the value of a render that has not happened yet.
	const latest = useRef(value);
	useLayoutEffect(() => {
		latest.current = value;
	});
	const change = (next: string) => {
		latest.current = next;
		onChange(next);
	};
	useEffect(() => {
		if (active && showKeymap) host?.setKeymap(keymap, {typing: true});
	}, [host, active, keymap, showKeymap]);
	useKeyLayer(
		(press) => {
			const binding = findBinding(keymap, press);
			const text = latest.current;
			if (binding?.intent === 'erase') change([...text].slice(0, -1).join(''));
			else if (binding?.intent === 'erase-word') change(text.replace(/\S*\s*$/, ''));
			else if (binding?.intent === 'clear') change('');
			else if (binding) onIntent(binding.intent);
			else {
				const typed = printable(press.input);
				if (typed && (!accept || accept(typed))) change(text + typed);
			}

			return true;
		},
		{priority: KeyPriority.text, active},
	);
}

/** What a key press adds to a field: printable characters only (a paste may bring several at once). */
function printable(input: string): string {
	return input.replace(/[\u0000-\u001f\u007f-\u009f]/g, '');
}
