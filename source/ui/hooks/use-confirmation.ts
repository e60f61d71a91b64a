// One confirmation dialog at a time: asking again while one is open does nothing, and the confirming key fires
// the action exactly once (state is kept in a ref, so a second key in the same tick sees it already running).
// Only a key pressed after the question is on screen answers it; pasted text never does.
import {useCallback, useRef, useState} from 'react';
import {messageOf} from '../../pipeline/message-of.js';
import type {Confirmation} from '../confirmation.js';
import {findBinding} from '../keys/bindings.js';
import {KeyPriority, useKeyLayer} from '../keys/key-router.js';
import {confirmKeymap, typeToConfirmKeymap} from '../keys/shell-keymaps.js';
import {
	type CursorMove,
	eraseBefore,
	eraseWordBefore,
	insertAt,
	moveCursor,
	type TextEdit,
} from '../text-edit.js';

export type DialogState = {
	confirmation: Confirmation;
	typed: string;
	/** Where in `typed` the next key goes (the field moves and edits as in a shell). */
	cursor: number;
	phase: 'asking' | 'running';
	mismatch: boolean;
};

export function useConfirmation(report: (text: string, failed: boolean) => void) {
	const current = useRef<DialogState | undefined>(undefined);
	const [dialog, setDialog] = useState<DialogState | undefined>(undefined);
	const update = useCallback((next: DialogState | undefined) => {
		current.current = next;
		setDialog(next);
	}, []);

	const ask = useCallback(
		(confirmation: Confirmation) => {
			if (current.current) return;
			update({confirmation, typed: '', cursor: 0, phase: 'asking', mismatch: false});
		},
		[update],
	);

	const confirm = () => {
		const state = current.current;
		if (state?.phase !== 'asking') return;
		update({...state, phase: 'running'});
		state.confirmation.run().then(
			(message) => {
				update(undefined);
				report(message, false);
			},
			(error: unknown) => {
				update(undefined);
				report(messageOf(error), true);
			},
		);
	};

	useKeyLayer(
		(press) => {
			const state = current.current;
			if (!state || state.phase === 'running') return true;
			if (state.confirmation.expected === undefined) {
				const intent = findBinding(confirmKeymap, press)?.intent;
				if (intent === 'yes') confirm();
				else if (intent === 'no') update(undefined);
				return true;
			}

			const intent = findBinding(typeToConfirmKeymap, press)?.intent;
			const edit = {text: state.typed, cursor: state.cursor};
			const edited = (next: TextEdit) =>
				update({...state, typed: next.text, cursor: next.cursor, mismatch: false});
			if (intent === 'cancel') update(undefined);
			else if (intent === 'confirm') {
				if (state.typed === state.confirmation.expected) confirm();
				else update({...state, mismatch: true});
			} else if (intent === 'erase') edited(eraseBefore(edit));
			else if (intent === 'erase-word') edited(eraseWordBefore(edit));
			else if (intent === 'clear') edited({text: '', cursor: 0});
			else if (intent?.startsWith('cursor-')) edited(moveCursor(edit, intent.slice(7) as CursorMove));
			else if (press.input && !/[\u0000-\u001f]/.test(press.input)) edited(insertAt(edit, press.input));

			return true;
		},
		{priority: KeyPriority.dialog, active: dialog !== undefined, newInputOnly: true},
	);

	return {dialog, ask};
}
