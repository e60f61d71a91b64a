// The keys of the Callback answer form: s or f chooses, then each field is typed (enter moves on), and the last
// enter (or ctrl+s) asks y/N before SendPipelineExecutionStepSuccess/Failure; esc closes the form.
import type {Dispatch, SetStateAction} from 'react';
import {useScreenHost, useSession} from '../../app-context.js';
import {useScreenKeys} from '../../hooks/use-screen-keys.js';
import {useTextEditing} from '../../hooks/use-text-editing.js';
import {callbackChoiceKeymap, callbackFieldKeymap} from '../../keys/callback-keymaps.js';
import {KeyPriority} from '../../keys/key-router.js';
import {sanitizeText} from '../../../pipeline/sanitize.js';
import {type CallbackForm, callbackFormReducer, callbackRequestOf} from './callback-form-state.js';

export function useCallbackForm(input: {
	form: CallbackForm | undefined;
	setForm: Dispatch<SetStateAction<CallbackForm | undefined>>;
	/** After the service took the answer (refresh the execution). */
	after(): void;
	active: boolean;
}): void {
	const {form, setForm, active} = input;
	const {aws} = useSession();
	const shell = useScreenHost();

	const send = (current: CallbackForm) => {
		const built = callbackRequestOf(current);
		if ('problem' in built) {
			shell.notify(sanitizeText(built.problem), 'error');
			return;
		}

		const step = sanitizeText(current.step);
		const question =
			built.answer === 'failure'
				? `Fail step ${step} with "${sanitizeText(built.request.failureReason)}"?`
				: `Send success to step ${step}${
						built.request.outputParameters.length === 0
							? ''
							: ` with ${built.request.outputParameters.map((output) => `${output.name}=${output.value}`).join(', ')}`
					}?`;
		setForm(undefined);
		shell.confirm({
			question: sanitizeText(question),
			busy: `Answering ${step}…`,
			run: async () => {
				const actions = await aws.executionActions();
				if (built.answer === 'failure') await actions.sendStepFailure(built.request);
				else await actions.sendStepSuccess(built.request);
				input.after();
				return `Sent ${built.answer} to ${step}.`;
			},
		});
	};

	useScreenKeys(
		callbackChoiceKeymap,
		(intent) => {
			if (!form) return false;
			if (intent === 'cancel') {
				setForm(undefined);
				return;
			}

			const chosen = callbackFormReducer(form, {type: 'choose', answer: intent});
			if (chosen.texts.length === 0) send(chosen);
			else setForm(chosen);
		},
		{active: active && form !== undefined && form.answer === undefined, priority: KeyPriority.pane},
	);

	useTextEditing({
		active: active && form?.answer !== undefined,
		keymap: callbackFieldKeymap,
		value: form?.texts[form.field] ?? '',
		onChange: (text) => setForm((current) => current && callbackFormReducer(current, {type: 'edit', text})),
		onIntent: (intent) => {
			if (!form) return;
			if (intent === 'leave') setForm(undefined);
			else if (intent === 'submit' || (intent === 'commit' && form.field === form.texts.length - 1))
				send(form);
			else if (intent === 'commit') setForm(callbackFormReducer(form, {type: 'next'}));
		},
	});
}
