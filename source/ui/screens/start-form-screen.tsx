// The start form: a field per pipeline parameter (typed, checked as typed, enum and Boolean choices), display name,
// description and [Start]. Service errors stay in the form with every value kept; success opens the execution.
import {Box, Text} from 'ink';
import {useEffect, useRef, useState} from 'react';
import {parseDefinition} from '../../pipeline/definition.js';
import {sanitizeText} from '../../pipeline/sanitize.js';
import {useNavigation, useScreenHost, useSession} from '../app-context.js';
import {StartFormRow} from '../components/start-form-row.js';
import {useScrollOffset} from '../hooks/use-scroll-offset.js';
import {useScreenKeys} from '../hooks/use-screen-keys.js';
import {useTextEditing} from '../hooks/use-text-editing.js';
import {startFormKeymap} from '../keys/keymaps.js';
import {textEditKeymap} from '../keys/text-keymaps.js';
import {loadRememberedValues, saveRememberedValues} from '../remembered-values.js';
import type {ScreenProps} from '../shell/routes.js';
import {
	buildRequest,
	choicesOf,
	createForm,
	cycleChoice,
	type FormState,
	isDirty,
	isTyped,
	move,
	problemOf,
	resetAll,
	resetField,
	setText,
} from '../start-form-model.js';
import {useTheme} from '../theme.js';

type Loaded =
	| {state: 'loading'}
	| {state: 'failed'; message: string}
	| {state: 'ready'; rememberedCount: number; problems: number};

export function StartFormScreen({route, width, height, active}: ScreenProps<'start'>) {
	const theme = useTheme();
	const session = useSession();
	const navigation = useNavigation();
	const shell = useScreenHost();
	const {pipelineName} = route;
	const [loaded, setLoaded] = useState<Loaded>({state: 'loading'});
	const [form, setForm] = useState<FormState>(() => createForm([]));
	const [error, setError] = useState<string | undefined>(undefined);
	const [submitting, setSubmitting] = useState(false);
	const submittingRef = useRef(false);

	useEffect(() => {
		let cancelled = false;
		Promise.all([
			session.aws.pipelines.describePipeline(pipelineName),
			loadRememberedValues(session.configDirectory, pipelineName),
		]).then(
			([pipeline, remembered]) => {
				if (cancelled) return;
				const parsed = parseDefinition(pipeline.definition);
				const parameters = parsed.definition?.parameters ?? [];
				const next = createForm(parameters, remembered);
				const rememberedCount = next.fields.filter(
					(field) => field.kind === 'parameter' && remembered[field.parameter.name] === field.text,
				).length;
				setForm(next);
				setLoaded({state: 'ready', rememberedCount, problems: parsed.problems.length});
			},
			(failure: unknown) => {
				if (!cancelled)
					setLoaded({state: 'failed', message: failure instanceof Error ? failure.message : String(failure)});
			},
		);
		return () => {
			cancelled = true;
		};
	}, [session, pipelineName]);

	const dirty = isDirty(form);
	useEffect(() => {
		shell.setLeaveWarning(dirty ? 'The start form has values you typed.' : undefined);
		return () => shell.setLeaveWarning(undefined);
	}, [shell, dirty]);

	const field = form.fields[form.selected];

	const submit = () => {
		if (submittingRef.current || loaded.state !== 'ready') return;
		const built = buildRequest(form, pipelineName);
		if (!built.ok) {
			const [first = '', ...rest] = built.problems;
			setError(rest.length > 0 ? `${first} (and ${rest.length} more)` : first);
			const invalid = form.fields.findIndex((candidate) => problemOf(candidate) !== undefined);
			if (invalid !== -1) setForm((current) => ({...current, selected: invalid, editing: false}));
			return;
		}

		submittingRef.current = true;
		setSubmitting(true);
		setError(undefined);
		session.aws.pipelines.startExecution(built.request).then(
			async (executionArn) => {
				try {
					await saveRememberedValues(session.configDirectory, pipelineName, built.overrides, session.now());
				} catch (failure) {
					shell.notify(`Started, but the values could not be remembered: ${String(failure)}`, 'error');
				}

				shell.setLeaveWarning(undefined);
				navigation.replace([
					{kind: 'executions', pipelineName},
					{
						kind: 'execution',
						pipelineName,
						executionArn,
						...(built.request.displayName ? {title: built.request.displayName} : {}),
					},
				]);
			},
			(failure: unknown) => {
				submittingRef.current = false;
				setSubmitting(false);
				setError(
					`The service refused to start it: ${failure instanceof Error ? failure.message : String(failure)}`,
				);
			},
		);
	};

	useTextEditing({
		keymap: textEditKeymap,
		active: active && form.editing && !submitting,
		value: field && field.kind !== 'submit' ? field.text : '',
		onChange: (text) => setForm((current) => setText(current, current.selected, text)),
		onIntent: (intent) => {
			if (intent === 'commit') setForm((current) => move(current, 1));
			else if (intent === 'leave') setForm((current) => ({...current, editing: false}));
			else if (intent === 'reset') setForm((current) => resetField(current, current.selected));
			else if (intent === 'submit') {
				setForm((current) => ({...current, editing: false}));
				submit();
			}
		},
	});

	useScreenKeys(
		startFormKeymap,
		(intent) => {
			if (submitting || loaded.state !== 'ready' || !field) return;
			setError(undefined);
			switch (intent) {
				case 'up':
					setForm((current) => move(current, -1));
					return;
				case 'down':
					setForm((current) => move(current, 1));
					return;
				case 'first':
					setForm((current) => move(current, -current.fields.length));
					return;
				case 'last':
					setForm((current) => move(current, current.fields.length));
					return;
				case 'activate':
					if (field.kind === 'submit') submit();
					else if (isTyped(field)) setForm((current) => ({...current, editing: true}));
					else setForm((current) => cycleChoice(current, current.selected, 1));
					return;
				case 'toggle':
					if (field.kind === 'parameter' && choicesOf(field.parameter)) {
						setForm((current) => cycleChoice(current, current.selected, 1));
					} else if (field.kind === 'submit') submit();
					else return false;
					return;
				case 'previous-choice':
				case 'next-choice':
					setForm((current) => cycleChoice(current, current.selected, intent === 'next-choice' ? 1 : -1));
					return;
				case 'reset':
					setForm((current) => resetField(current, current.selected));
					return;
				case 'reset-all':
					setForm(resetAll);
					return;
				case 'submit':
					submit();
					return;
			}
		},
		{active: active && !form.editing},
	);

	const offset = useScrollOffset(form.selected, form.fields.length, Math.max(1, height - 6));

	if (loaded.state === 'loading') {
		return <Text color={theme.colorOf('muted')}> Reading {sanitizeText(pipelineName)}’s parameters…</Text>;
	}

	if (loaded.state === 'failed') {
		return (
			<Box flexDirection="column" paddingX={1}>
				<Text color={theme.colorOf('danger')}>
					Could not read the pipeline: {sanitizeText(loaded.message)}
				</Text>
				<Text color={theme.colorOf('muted')}>esc goes back</Text>
			</Box>
		);
	}

	const parameterCount = form.fields.filter((candidate) => candidate.kind === 'parameter').length;
	const nameWidth = Math.min(
		28,
		Math.max(
			12,
			...form.fields.map((candidate) =>
				candidate.kind === 'parameter' ? candidate.parameter.name.length : 0,
			),
		),
	);
	const longestValue = Math.max(
		...form.fields.map((candidate) =>
			candidate.kind === 'parameter'
				? Math.max(
						candidate.text.length,
						...(choicesOf(candidate.parameter) ?? []).map((choice) => choice.length + 4),
					)
				: candidate.kind === 'submit'
					? 0
					: candidate.text.length,
		),
	);
	const valueWidth = Math.max(12, Math.min(longestValue + 2, width - nameWidth - 14 - 12));
	const rows = Math.max(1, height - 6);
	const visible = form.fields.slice(offset, offset + rows);
	const selectedProblem = field ? problemOf(field) : undefined;
	const intro = [
		`Start ${sanitizeText(pipelineName)}`,
		parameterCount === 0 ? 'no parameters' : `${parameterCount} parameter${parameterCount === 1 ? '' : 's'}`,
		loaded.rememberedCount > 0
			? `${loaded.rememberedCount} value(s) from your last start (U resets all)`
			: undefined,
		loaded.problems > 0 ? `the definition has ${loaded.problems} problem(s)` : undefined,
	]
		.filter(Boolean)
		.join(' · ');
	return (
		<Box flexDirection="column" width={width} height={height}>
			<Text bold wrap="truncate-end">
				{intro}
			</Text>
			<Text color={theme.colorOf('muted')} wrap="truncate-end">
				{'  '}
				{'FIELD'.padEnd(nameWidth)} {'TYPE'.padEnd(8)} VALUE
			</Text>
			{visible.map((candidate, index) => (
				<StartFormRow
					key={candidate.kind === 'parameter' ? `p:${candidate.parameter.name}` : candidate.kind}
					field={candidate}
					selected={offset + index === form.selected}
					editing={form.editing && offset + index === form.selected}
					nameWidth={nameWidth}
					valueWidth={valueWidth}
					submitting={submitting}
				/>
			))}
			<Box flexGrow={1} />
			<Text wrap="truncate-end" color={theme.colorOf(error || selectedProblem ? 'danger' : 'muted')}>
				{error ?? selectedProblem ?? hintFor(form)}
			</Text>
			<Text color={theme.colorOf('muted')} wrap="truncate-end">
				{form.editing ? 'typing: the value is checked as you type' : submitting ? 'Starting…' : ' '}
			</Text>
		</Box>
	);
}

function hintFor(form: FormState): string {
	const field = form.fields[form.selected];
	if (!field) return '';
	if (field.kind === 'submit') return 'enter starts the execution with these values';
	if (field.kind === 'display-name') return 'optional: a name for this execution (letters, digits, hyphens)';
	if (field.kind === 'description') return 'optional: a description for this execution';
	const choices = choicesOf(field.parameter);
	if (choices) return `choices: ${choices.map((choice) => sanitizeText(choice)).join(', ')}`;
	return field.parameter.defaultValue === undefined
		? `${field.parameter.type}, no default: a value is required`
		: `${field.parameter.type}; enter to edit`;
}
