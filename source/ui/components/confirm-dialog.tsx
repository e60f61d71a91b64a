// The confirmation box under the screen: y/N for stops and retries, the exact name for deletes.
import {Box, Text} from 'ink';
import type {DialogState} from '../hooks/use-confirmation.js';
import {useTheme} from '../theme.js';
import {TextField} from './text-field.js';

export function confirmDialogHeight(state: DialogState): number {
	return state.confirmation.expected === undefined ? 3 : 5;
}

export function ConfirmDialog({state, width}: {state: DialogState; width: number}) {
	const theme = useTheme();
	const {confirmation, phase, typed, mismatch} = state;
	const border = theme.colorOf(confirmation.expected === undefined ? 'warning' : 'danger');
	if (phase === 'running') {
		return (
			<Box width={width} borderStyle="round" borderColor={border} paddingX={1} flexDirection="column">
				<Text wrap="truncate-end">{confirmation.busy}</Text>
				{confirmation.expected === undefined ? null : (
					<>
						<Text> </Text>
						<Text> </Text>
					</>
				)}
			</Box>
		);
	}

	if (confirmation.expected === undefined) {
		return (
			<Box width={width} borderStyle="round" borderColor={border} paddingX={1}>
				<Text wrap="truncate-end">
					{confirmation.question} <Text bold>[y/N]</Text>
				</Text>
			</Box>
		);
	}

	return (
		<Box width={width} borderStyle="round" borderColor={border} paddingX={1} flexDirection="column">
			<Text wrap="truncate-end">{confirmation.question}</Text>
			<Text wrap="truncate-end">
				Type <Text bold>{confirmation.expected}</Text> to confirm:{' '}
				<TextField value={typed} editing width={Math.max(8, width - confirmation.expected.length - 24)} />
			</Text>
			<Text wrap="truncate-end" color={theme.colorOf(mismatch ? 'danger' : 'muted')}>
				{mismatch ? 'That is not the name; nothing was deleted. ' : ''}enter confirms · esc cancels
			</Text>
		</Box>
	);
}
