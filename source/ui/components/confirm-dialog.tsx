// The confirmation box under the screen: y/N for stops and retries, the exact name for deletes. Questions wrap,
// so the answer keys are always on screen.
import {Box, Text} from 'ink';
import stringWidth from 'string-width';
import type {DialogState} from '../hooks/use-confirmation.js';
import {useTheme} from '../theme.js';
import {wrapLines} from '../wrap-lines.js';
import {TextField} from './text-field.js';

type DialogLines = {
	question: string[];
	/** For a delete: "Type NAME to confirm:", wrapped, and the field after it (or on a line of its own). */
	prompt: string[];
	fieldWidth: number;
	fieldOnOwnLine: boolean;
	hint: string[];
};

/** The dialog's lines: the question wraps, and its answer keys always end the last line of it. */
function dialogLines(state: DialogState, width: number, compact: boolean): DialogLines {
	const inner = Math.max(8, width - (compact ? 0 : 4));
	const {confirmation, phase, mismatch} = state;
	const none = {prompt: [], fieldWidth: 0, fieldOnOwnLine: false, hint: []};
	if (phase === 'running') return {...none, question: wrapLines(confirmation.busy, inner)};
	if (confirmation.expected === undefined) {
		return {...none, question: wrapLines(`${confirmation.question} ${answerKeys}`, inner)};
	}

	const prompt = wrapLines(`Type ${confirmation.expected} to confirm:`, inner);
	const after = inner - stringWidth(prompt.at(-1) ?? '') - 1;
	const fieldOnOwnLine = after < 8;
	const hint = `${mismatch ? 'That is not the name; nothing was deleted. ' : ''}enter confirms · esc cancels`;
	return {
		question: wrapLines(confirmation.question, inner),
		prompt,
		fieldWidth: fieldOnOwnLine ? inner : after,
		fieldOnOwnLine,
		hint: wrapLines(hint, inner),
	};
}

const answerKeys = '[y/N]';

/** `compact`: no border, for a question that would not fit the screen with one (40×10, a long name). */
export function confirmDialogHeight(state: DialogState, width: number, compact = false): number {
	const {question, prompt, fieldOnOwnLine, hint} = dialogLines(state, width, compact);
	return question.length + prompt.length + (fieldOnOwnLine ? 1 : 0) + hint.length + (compact ? 0 : 2);
}

export function ConfirmDialog({
	state,
	width,
	compact = false,
}: {
	state: DialogState;
	width: number;
	compact?: boolean;
}) {
	const theme = useTheme();
	const {confirmation, phase, typed, cursor, mismatch} = state;
	const border = theme.colorOf(confirmation.expected === undefined ? 'warning' : 'danger');
	const lines = dialogLines(state, width, compact);
	const frame = compact ? ({} as const) : ({borderStyle: 'round', borderColor: border, paddingX: 1} as const);
	if (phase === 'running' || confirmation.expected === undefined) {
		return (
			<Box width={width} {...frame} flexDirection="column">
				{lines.question.map((line, index) =>
					phase !== 'running' && index === lines.question.length - 1 && line.endsWith(answerKeys) ? (
						// biome-ignore lint/suspicious/noArrayIndexKey: lines of one text
						<Text key={index}>
							{line.slice(0, -answerKeys.length)}
							<Text bold>{answerKeys}</Text>
						</Text>
					) : (
						// biome-ignore lint/suspicious/noArrayIndexKey: lines of one text
						<Text key={index}>{line}</Text>
					),
				)}
			</Box>
		);
	}

	return (
		<Box width={width} {...frame} flexDirection="column">
			{lines.question.map((line, index) => (
				// biome-ignore lint/suspicious/noArrayIndexKey: lines of one text
				<Text key={index}>{line}</Text>
			))}
			{lines.prompt.length === 1 && !lines.fieldOnOwnLine ? (
				<Text>
					Type <Text bold>{confirmation.expected}</Text> to confirm:{' '}
					<TextField value={typed} cursor={cursor} editing width={lines.fieldWidth} />
				</Text>
			) : (
				lines.prompt.map((line, index) =>
					index === lines.prompt.length - 1 && !lines.fieldOnOwnLine ? (
						// biome-ignore lint/suspicious/noArrayIndexKey: lines of one text
						<Text key={index}>
							{line} <TextField value={typed} cursor={cursor} editing width={lines.fieldWidth} />
						</Text>
					) : (
						// biome-ignore lint/suspicious/noArrayIndexKey: lines of one text
						<Text key={index}>{line}</Text>
					),
				)
			)}
			{lines.fieldOnOwnLine ? (
				<TextField value={typed} cursor={cursor} editing width={lines.fieldWidth} />
			) : null}
			{lines.hint.map((line, index) => (
				// biome-ignore lint/suspicious/noArrayIndexKey: lines of one text
				<Text key={index} color={theme.colorOf(mismatch ? 'danger' : 'muted')}>
					{line}
				</Text>
			))}
		</Box>
	);
}
