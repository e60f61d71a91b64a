// The bottom lines: the last message (an action's outcome or a refusal) and the keys of the current screen.
import {Box, Text} from 'ink';
import {memo} from 'react';
import type {Tone} from '../app-context.js';
import {type Keymap, globalKeymap, hintOf, visibleBindings} from '../keymap.js';
import {useTheme} from '../theme.js';

export type FooterProps = {
	keymap: Keymap;
	readOnly: boolean;
	width: number;
	canGoBack: boolean;
	message?: {text: string; tone: Tone};
};

export const Footer = memo(function Footer({keymap, readOnly, width, canGoBack, message}: FooterProps) {
	const theme = useTheme();
	const hints = [
		...visibleBindings(keymap, readOnly).filter((binding) => binding.footer !== false),
		...globalKeymap
			.filter((binding) => binding.intent !== 'back' || canGoBack)
			.filter((b) => b.intent !== 'command'),
	];
	const messageTone = message?.tone === 'error' ? 'danger' : message?.tone === 'success' ? 'success' : 'info';
	return (
		<Box flexDirection="column" width={width}>
			<Text wrap="truncate-end" color={theme.colorOf(messageTone)}>
				{message ? message.text : ' '}
			</Text>
			<Text wrap="truncate-end">
				{hints.map((binding, index) => (
					<Text key={binding.label + binding.intent}>
						{index > 0 ? '  ' : ''}
						<Text bold color={theme.colorOf('accent')}>
							{binding.label}
						</Text>
						<Text color={theme.colorOf('muted')}> {hintOf(binding)}</Text>
					</Text>
				))}
			</Text>
		</Box>
	);
});
