// The start form: a field per pipeline parameter (typed, checked as typed, enum and Boolean choices), display name,
// description and [Start]. Opened from a past execution it holds that execution's values, and with marked steps
// says which steps run and which are reused. Errors stay in the form with every value kept; success opens the
// execution.
import {Box, Text} from 'ink';
import {executionIdOf} from '../../../pipeline/arn.js';
import {sanitizeText} from '../../../pipeline/sanitize.js';
import {StartFormRow} from '../../components/start-form-row.js';
import {useScrollOffset} from '../../hooks/use-scroll-offset.js';
import {useScreenKeys} from '../../hooks/use-screen-keys.js';
import {useTextEditing} from '../../hooks/use-text-editing.js';
import {startFormKeymap} from '../../keys/keymaps.js';
import {textEditKeymap} from '../../keys/text-keymaps.js';
import type {ScreenProps} from '../../shell/routes.js';
import {
	choicesOf,
	cycleChoice,
	type FormState,
	isTyped,
	move,
	problemOf,
	resetAll,
	resetField,
	setText,
} from '../../start-form-model.js';
import {useTheme} from '../../theme.js';
import {useStartForm} from './use-start-form.js';

export function StartFormScreen({route, width, height, active}: ScreenProps<'start'>) {
	const theme = useTheme();
	const {pipelineName} = route;
	const {
		opened,
		form,
		update: setForm,
		error,
		clearError,
		submitting,
		submit,
	} = useStartForm(pipelineName, route.from);
	const field = form.fields[form.selected];

	const {cursor} = useTextEditing({
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
			if (submitting || opened.state !== 'ready' || !field) return;
			clearError();
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

	const source = opened.state === 'ready' ? opened.value.source : undefined;
	const selection = source?.selection;
	const selectionLines = selection
		? [
				`Selective execution of ${selection.steps.length} step(s): ${selection.steps.map((name) => sanitizeText(name)).join(', ')}`,
				selection.reused.length > 0
					? `reusing from execution ${sanitizeText(executionIdOf(source.executionArn))}: ${selection.reused.map((name) => sanitizeText(name)).join(', ')}`
					: 'reusing no step: every step it needs is selected',
			]
		: [];
	const chrome = 6 + selectionLines.length;
	const offset = useScrollOffset(form.selected, form.fields.length, Math.max(1, height - chrome));

	if (opened.state === 'loading') {
		return <Text color={theme.colorOf('muted')}> Reading {sanitizeText(pipelineName)}’s parameters…</Text>;
	}

	if (opened.state === 'failed') {
		return (
			<Box flexDirection="column" paddingX={1}>
				<Text color={theme.colorOf('danger')}>
					Could not read the pipeline: {sanitizeText(opened.message)}
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
	const rows = Math.max(1, height - chrome);
	const visible = form.fields.slice(offset, offset + rows);
	const selectedProblem = field ? problemOf(field) : undefined;
	const intro = [
		`Start ${sanitizeText(pipelineName)}`,
		parameterCount === 0 ? 'no parameters' : `${parameterCount} parameter${parameterCount === 1 ? '' : 's'}`,
		// Before the values' source: the line is cut at the window's width, and a broken definition matters more.
		opened.value.problems > 0 ? `the definition has ${opened.value.problems} problem(s)` : undefined,
		source
			? `values of execution ${sanitizeText(executionIdOf(source.executionArn))} (U resets all to defaults)`
			: opened.value.rememberedCount > 0
				? `${opened.value.rememberedCount} value(s) from your last start (U resets all)`
				: undefined,
	]
		.filter(Boolean)
		.join(' · ');
	return (
		<Box flexDirection="column" width={width} height={height}>
			<Text bold wrap="truncate-end">
				{intro}
			</Text>
			{selectionLines.map((line) => (
				<Text key={line} color={theme.colorOf('accent')} wrap="truncate-end">
					{line}
				</Text>
			))}
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
					cursor={cursor}
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
