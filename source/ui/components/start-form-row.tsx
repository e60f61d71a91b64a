// One line of the start form: field name, type, value (a text being typed, or a choice), and whether the value
// is overridden (with the default it replaces) or invalid.
import {Text} from 'ink';
import {memo} from 'react';
import {truncateEnd} from '../../pipeline/format.js';
import {sanitizeText} from '../../pipeline/sanitize.js';
import {choicesOf, defaultText, type FormField, isOverridden, problemOf} from '../start-form-model.js';
import {useTheme} from '../theme.js';
import {fitText} from './table.js';
import {TextField} from './text-field.js';

export type StartFormRowProps = {
	field: FormField;
	selected: boolean;
	editing: boolean;
	/** The cursor in the value being typed. */
	cursor?: number;
	nameWidth: number;
	/** Columns for values: the longest value's, within what the terminal leaves. */
	valueWidth: number;
	submitting: boolean;
};

export const StartFormRow = memo(function StartFormRow({
	field,
	selected,
	editing,
	cursor,
	nameWidth,
	valueWidth,
	submitting,
}: StartFormRowProps) {
	const theme = useTheme();
	const marker = selected ? `${theme.glyphs.selected} ` : '  ';
	if (field.kind === 'submit') {
		return (
			<Text>
				{'\n'}
				{marker}
				<Text bold inverse={selected} color={theme.colorOf('success')}>
					{submitting ? ' Starting… ' : ' [ Start ] '}
				</Text>
			</Text>
		);
	}

	const name =
		field.kind === 'parameter'
			? field.parameter.name
			: field.kind === 'display-name'
				? 'Display name'
				: 'Description';
	const type = field.kind === 'parameter' ? field.parameter.type : 'optional';
	const problem = problemOf(field);
	const overridden = isOverridden(field);
	const choices = field.kind === 'parameter' ? choicesOf(field.parameter) : undefined;
	let note = '';
	if (problem && (overridden || field.kind !== 'parameter')) note = 'invalid';
	else if (problem) note = 'required';
	else if (overridden && field.kind === 'parameter') {
		const fallback = defaultText(field.parameter);
		note = `${theme.glyphs.overridden} changed${fallback === '' ? '' : ` (default ${sanitizeText(fallback)})`}`;
	}

	return (
		<Text wrap="truncate-end">
			<Text bold={selected}>{marker}</Text>
			<Text bold={selected} inverse={selected && !editing}>
				{fitText(sanitizeText(name), nameWidth)}
			</Text>{' '}
			<Text color={theme.colorOf('muted')}>{fitText(type, 8)}</Text>{' '}
			{editing ? (
				<TextField
					value={field.text}
					cursor={cursor}
					editing
					width={valueWidth}
					invalid={problem !== undefined}
				/>
			) : choices ? (
				<Text>
					<Text color={theme.colorOf('muted')}>{selected ? `${theme.glyphs.choiceLeft} ` : '  '}</Text>
					<Text color={theme.colorOf(problem ? 'danger' : overridden ? 'accent' : 'normal')}>
						{fitText(
							sanitizeText(field.text),
							Math.max(4, Math.min(valueWidth - 4, Math.max(...choices.map((choice) => choice.length)))),
						)}
					</Text>
					<Text color={theme.colorOf('muted')}>{selected ? ` ${theme.glyphs.choiceRight}` : '  '}</Text>
				</Text>
			) : (
				<Text color={theme.colorOf(problem ? 'danger' : overridden ? 'accent' : 'normal')}>
					{truncateEnd(
						sanitizeText(field.text === '' && field.kind !== 'parameter' ? '—' : field.text),
						valueWidth,
					)}
				</Text>
			)}
			{/* The note follows its own value, so it stays in view whatever the other values' length. */}
			<Text color={theme.colorOf(problem ? 'danger' : 'accent')}>{note === '' ? '' : `  ${note}`}</Text>
		</Text>
	);
});
