// The start form's data and I/O: the pipeline's parameters and the values remembered from the last start, or
// those a past execution ran with (read once), the form as the user edits it, the unsaved-edit guard, and the
// start itself, selective when steps were marked (then the values are remembered and the execution opens in
// place of the form).
import {useCallback, useEffect, useRef, useState} from 'react';
import {parseDefinition} from '../../../pipeline/definition.js';
import {messageOf} from '../../../pipeline/message-of.js';
import {useNavigation, useSession, useScreenHost} from '../../app-context.js';
import {type Loading, useAsyncResource} from '../../hooks/use-async-resource.js';
import {loadRememberedValues, type RememberedKey, saveRememberedValues} from '../../remembered-values.js';
import type {StartSource} from '../../shell/routes.js';
import {buildRequest, createForm, type FormState, isDirty, problemOf} from '../../start-form-model.js';
import {type LoadedSource, loadStartSource, SelectionRefused, startFromSource} from './start-source.js';

export type OpenedForm = {
	form: FormState;
	/** How many fields hold a value remembered from the last start (or, with `source`, from that execution). */
	rememberedCount: number;
	/** Set when the form was opened from a past execution. */
	source?: LoadedSource;
	/** How many problems the stored definition has. */
	problems: number;
	/** Where the values typed here are remembered: this pipeline, at this endpoint. */
	rememberAs: RememberedKey;
};

export type StartForm = {
	opened: Loading<OpenedForm>;
	form: FormState;
	update(change: (form: FormState) => FormState): void;
	/** The last refusal: a field's problem, or the service's answer. */
	error: string | undefined;
	clearError(): void;
	submitting: boolean;
	submit(): void;
};

const emptyForm = createForm([]);

export function useStartForm(pipelineName: string, from?: StartSource): StartForm {
	const session = useSession();
	const navigation = useNavigation();
	const shell = useScreenHost();
	// The route object may be rebuilt (navigation.remember); what it asks for is what matters.
	const fromKey = from ? JSON.stringify(from) : '';
	const opened = useAsyncResource(async (): Promise<OpenedForm> => {
		const pipeline = await session.aws.pipelines.describePipeline(pipelineName);
		const rememberAs = {pipelineArn: pipeline.arn, endpointUrl: session.aws.settings.endpointUrl};
		const parsed = parseDefinition(pipeline.definition);
		const source = from ? await loadStartSource(session.aws, from, parsed.definition) : undefined;
		const remembered = source
			? source.values
			: await loadRememberedValues(session.configDirectory, rememberAs);
		const form = createForm(parsed.definition?.parameters ?? [], remembered);
		const rememberedCount = form.fields.filter(
			(field) => field.kind === 'parameter' && remembered[field.parameter.name] === field.text,
		).length;
		return {
			form,
			rememberedCount,
			problems: parsed.problems.length,
			rememberAs,
			...(source ? {source} : {}),
		};
	}, [session, pipelineName, fromKey]);
	const initial = opened.state === 'ready' ? opened.value.form : emptyForm;
	// Undefined until the first edit: the form is then what it opened with.
	const [edited, setEdited] = useState<FormState | undefined>(undefined);
	const form = edited ?? initial;
	const update = useCallback(
		(change: (form: FormState) => FormState) => setEdited((current) => change(current ?? initial)),
		[initial],
	);
	const [error, setError] = useState<string | undefined>(undefined);
	const [submitting, setSubmitting] = useState(false);
	// Set at once (state is only seen at the next render), so a second ctrl+s never starts a second execution.
	const submittingNow = useRef(false);

	const dirty = isDirty(form);
	useEffect(() => {
		shell.setLeaveWarning(dirty ? 'The start form has values you typed.' : undefined);
		return () => shell.setLeaveWarning(undefined);
	}, [shell, dirty]);

	const submit = () => {
		if (submittingNow.current || opened.state !== 'ready') return;
		const built = buildRequest(form, pipelineName);
		if (!built.ok) {
			const [first = '', ...rest] = built.problems;
			setError(rest.length > 0 ? `${first} (and ${rest.length} more)` : first);
			const invalid = form.fields.findIndex((candidate) => problemOf(candidate) !== undefined);
			if (invalid !== -1) update((current) => ({...current, selected: invalid, editing: false}));
			return;
		}

		submittingNow.current = true;
		setSubmitting(true);
		setError(undefined);
		startFromSource(session.aws, built.request, opened.value.source).then(
			async (executionArn) => {
				try {
					const key = opened.value.rememberAs;
					await saveRememberedValues(session.configDirectory, key, built.overrides, session.now());
				} catch (failure) {
					shell.notify(`Started, but the values could not be remembered: ${String(failure)}`, 'error');
				}

				shell.setLeaveWarning(undefined);
				const opening = {
					kind: 'execution',
					pipelineName,
					executionArn,
					...(built.request.displayName ? {title: built.request.displayName} : {}),
				} as const;
				// Started from an execution, the new one opens on top of it (esc goes back to the source).
				navigation.replace(from ? [opening] : [{kind: 'executions', pipelineName}, opening]);
			},
			(failure: unknown) => {
				submittingNow.current = false;
				setSubmitting(false);
				setError(
					failure instanceof SelectionRefused
						? failure.message
						: `The service refused to start it: ${messageOf(failure)}`,
				);
			},
		);
	};

	return {
		opened,
		form,
		update,
		error,
		clearError: () => setError(undefined),
		submitting,
		submit,
	};
}
