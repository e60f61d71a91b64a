// One confirmation dialog at a time: asking again while one is open does nothing, and the confirming key fires
// the action exactly once (state is kept in a ref, so a second key in the same tick sees it already running).
import {useCallback, useRef, useState} from 'react';
import {messageOf} from '../../pipeline/message-of.js';
import type {Confirmation} from '../confirmation.js';
import {KeyPriority, useKeyLayer} from '../key-router.js';

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
				report(messageOf(error), true);
			},
		);
	};

	useKeyLayer(
		(press) => {
			const state = current.current;
			if (!state || state.phase === 'running') return true;
			const {expected} = state.confirmation;
			if (expected === undefined) {
				// y confirms; n, Esc, Enter (the default is No) and q cancel; anything else, such as the key that
				// opened the dialog pressed again, leaves the question open.
				if (press.name === 'y' || press.name === 'Y') confirm();
				else if (['n', 'N', 'escape', 'enter', 'q', 'backspace'].includes(press.name)) update(undefined);
				return true;
			}

			if (press.name === 'escape') update(undefined);
			else if (press.name === 'enter') {
				if (state.typed === expected) confirm();
				else update({...state, mismatch: true});
			} else if (press.name === 'backspace')
				update({...state, typed: [...state.typed].slice(0, -1).join(''), mismatch: false});
			else if (press.name === 'ctrl+u') update({...state, typed: '', mismatch: false});
			else if (press.input && !/[\u0000-\u001f]/.test(press.input)) {
				update({...state, typed: state.typed + press.input, mismatch: false});
			}

			return true;
		},
		{priority: KeyPriority.dialog, active: dialog !== undefined},
	);

	return {dialog, ask};
}
