// A screen's keys: its keymap goes to the footer and help, each press becomes that keymap's intent, and mutating
// intents are refused with a message under --read-only. Keys the screen does not bind fall through to the globals.
import {useEffect} from 'react';
import {useSession, useShell} from '../app-context.js';
import {KeyPriority, useKeyLayer} from '../key-router.js';
import {type Binding, findBinding, type KeyPress, type Keymap} from '../keymap.js';

export function useScreenKeys<Intent extends string>(
	keymap: Keymap<Intent>,
	handle: (intent: Intent, press: KeyPress) => unknown,
	options: {active: boolean; priority?: number},
): void {
	const shell = useShell();
	const {readOnly} = useSession();
	useEffect(() => {
		if (options.active) shell.setKeymap(keymap);
	}, [shell, keymap, options.active]);
	useKeyLayer(
		(press) => {
			const binding: Binding<Intent> | undefined = findBinding(keymap, press);
			if (!binding) return false;
			if (binding.mutating && readOnly) {
				shell.refuseReadOnly(binding.description.replace(/\s*\(.*\)$/, ''));
				return true;
			}

			return handle(binding.intent, press) !== false;
		},
		{priority: options.priority ?? KeyPriority.screen, active: options.active},
	);
}
