// The confirmation box under the screen: y/N for stops and retries, the exact name for deletes. Questions wrap,
// so the answer keys are always on screen.
import {Box, Text} from 'ink';
import type {DialogState} from '../hooks/use-confirmation.js';
import {useTheme} from '../theme.js';
import {wrapLines} from '../wrap-lines.js';
import {TextField} from './text-field.js';

/** The dialog's lines: the question wraps, and its answer keys always end the last line of it. */
function dialogLines(state: DialogState, width: number): {question: string[]; hint: string[]} {
	const inner = Math.max(8, width - 4);
	const {confirmation, phase, mismatch} = state;
	if (phase === 'running') return {question: wrapLines(confirmation.busy, inner), hint: []};
	if (confirmation.expected === undefined) {
		return {question: wrapLines(`${confirmation.question} ${answerKeys}`, inner), hint: []};
	}

	const hint = `${mismatch ? 'That is not the name; nothing was deleted. ' : ''}enter confirms · esc cancels`;
	return {question: wrapLines(confirmation.question, inner), hint: wrapLines(hint, inner)};
}

const answerKeys = '[y/N]';

export function confirmDialogHeight(state: DialogState, width: number): number {
	const {question, hint} = dialogLines(state, width);
	const typed = state.confirmation.expected === undefined ? 0 : 1;
	return question.length + typed + hint.length + 2;
}

export function ConfirmDialog({state, width}: {state: DialogState; width: number}) {
	const theme = useTheme();
	const {confirmation, phase, typed, mismatch} = state;
	const border = theme.colorOf(confirmation.expected === undefined ? 'warning' : 'danger');
	const lines = dialogLines(state, width);
	if (phase === 'running' || confirmation.expected === undefined) {
		return (
			<Box width={width} borderStyle="round" borderColor={border} paddingX={1} flexDirection="column">
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
		<Box width={width} borderStyle="round" borderColor={border} paddingX={1} flexDirection="column">
			{lines.question.map((line, index) => (
				// biome-ignore lint/suspicious/noArrayIndexKey: lines of one text
				<Text key={index}>{line}</Text>
			))}
			<Text wrap="truncate-end">
				Type <Text bold>{confirmation.expected}</Text> to confirm:{' '}
				<TextField value={typed} editing width={Math.max(8, width - confirmation.expected.length - 24)} />
			</Text>
			{lines.hint.map((line, index) => (
				// biome-ignore lint/suspicious/noArrayIndexKey: lines of one text
				<Text key={index} color={theme.colorOf(mismatch ? 'danger' : 'muted')}>
					{line}
				</Text>
			))}
		</Box>
	);
}
