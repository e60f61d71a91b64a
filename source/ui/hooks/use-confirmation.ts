// One confirmation dialog at a time: asking again while one is open does nothing, and the confirming key fires
// the action exactly once (state is kept in a ref, so a second key in the same tick sees it already running).
// Only a key pressed after the question is on screen answers it; pasted text never does.
import {useCallback, useRef, useState} from 'react';
import type {Confirmation} from '../confirmation.js';
import {findBinding} from '../keys/bindings.js';
import {KeyPriority, useKeyLayer} from '../keys/key-router.js';
import {confirmKeymap, typeToConfirmKeymap} from '../keys/shell-keymaps.js';

export type DialogState = {
	confirmation: Confirmation;
	typed: string;
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
			update({confirmation, typed: '', phase: 'asking', mismatch: false});
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
				report(error instanceof Error ? error.message : String(error), true);
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

			switch (findBinding(typeToConfirmKeymap, press)?.intent) {
				case 'cancel':
					update(undefined);
					break;
				case 'confirm':
					if (state.typed === state.confirmation.expected) confirm();
					else update({...state, mismatch: true});
					break;
				case 'erase':
					update({...state, typed: [...state.typed].slice(0, -1).join(''), mismatch: false});
					break;
				case 'clear':
					update({...state, typed: '', mismatch: false});
					break;
				default:
					if (press.input && !/[\u0000-\u001f]/.test(press.input)) {
						update({...state, typed: state.typed + press.input, mismatch: false});
					}
			}

			return true;
		},
		{priority: KeyPriority.dialog, active: dialog !== undefined, newInputOnly: true},
	);

	return {dialog, ask};
}
