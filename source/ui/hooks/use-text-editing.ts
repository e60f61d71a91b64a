// Typing into a text value: while active, every key is the field's (global shortcuts are off), except the few
// that end or reset the edit, which are reported as intents from the text-edit keymap.
import {KeyPriority, useKeyLayer} from '../key-router.js';
import {useContext, useEffect} from 'react';
import {ShellContext} from '../app-context.js';
import {findBinding, type Keymap, type TextEditIntent, textEditKeymap} from '../keymap.js';

export type TextEditing = {
	active: boolean;
	value: string;
	onChange(value: string): void;
	/** Keys that are not typing: enter, esc, ctrl+s, ctrl+r. `erase` and `clear` are handled here. */
	onIntent(intent: Exclude<TextEditIntent, 'erase' | 'clear'>): void;
	/** Accept only these characters (e.g. digits for a number); everything printable when absent. */
	accept?: (text: string) => boolean;
	/** Shown in the footer while typing (the start form's field keys). */
	keymap?: Keymap;
};

export function useTextEditing({active, value, onChange, onIntent, accept, keymap}: TextEditing): void {
	const shell = useContext(ShellContext);
	useEffect(() => {
		if (active && keymap) shell?.setKeymap(keymap, {typing: true});
	}, [shell, active, keymap]);
	useKeyLayer(
		(press) => {
			const binding = findBinding(textEditKeymap, press);
			if (binding?.intent === 'erase') {
				onChange([...value].slice(0, -1).join(''));
			} else if (binding?.intent === 'clear') {
				onChange('');
			} else if (binding) {
				onIntent(binding.intent);
			} else if (press.name === 'ctrl+w') {
				onChange(value.replace(/\S*\s*$/, ''));
			} else {
				const typed = printable(press.input);
				if (typed && (!accept || accept(typed))) onChange(value + typed);
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
