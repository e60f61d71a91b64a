// A screen's keys: its keymap goes to the footer and help, each press becomes that keymap's intent, and mutating
// intents are refused with a message under --read-only. Keys the screen does not bind fall through to the globals.
import {useEffect} from 'react';
import {useScreenHost, useSession} from '../app-context.js';
import {type Binding, findBinding, type Keymap} from '../keys/bindings.js';
import type {KeyPress} from '../keys/key-press.js';
import {KeyPriority, useKeyLayer} from '../keys/key-router.js';

export function useScreenKeys<Intent extends string>(
	keymap: Keymap<Intent>,
	handle: (intent: Intent, press: KeyPress) => unknown,
	options: {active: boolean; priority?: number},
): void {
	const host = useScreenHost();
	const {readOnly} = useSession();
	useEffect(() => {
		if (options.active) host.setKeymap(keymap);
	}, [host, keymap, options.active]);
	useKeyLayer(
		(press) => {
			const binding: Binding<Intent> | undefined = findBinding(keymap, press);
			if (!binding) return false;
			if (binding.mutating && readOnly) {
				host.refuseReadOnly(binding.action);
				return true;
			}

			return handle(binding.intent, press) !== false;
		},
		{priority: options.priority ?? KeyPriority.screen, active: options.active},
	);
}
