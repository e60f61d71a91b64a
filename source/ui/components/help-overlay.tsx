// `?`: every key of the current screen, the global keys, and the keys of a question and of this help, generated
// from the same keymap tables as the footer and the handlers.
import {Box, Text} from 'ink';
import type {ReactNode} from 'react';
import {type Keymap, visibleBindings} from '../keys/bindings.js';
import {confirmKeymap, globalKeymap, helpKeymap, typeToConfirmKeymap} from '../keys/shell-keymaps.js';
import {erasingKeymap} from '../keys/text-keymaps.js';
import {useTheme} from '../theme.js';

export type HelpOverlayProps = {
	title: string;
	keymap: Keymap;
	readOnly: boolean;
	width: number;
	height: number;
	/** First line shown, when the help is taller than the screen. */
	offset: number;
};

export function HelpOverlay({title, keymap, readOnly, width, height, offset}: HelpOverlayProps) {
	const theme = useTheme();
	const sections: Array<{heading: string; keymap: Keymap}> = [
		{heading: title, keymap: visibleBindings(keymap, readOnly)},
		{heading: 'Everywhere', keymap: globalKeymap},
		{
			heading: 'While typing in a field, a filter or the : line (a paste is typed too)',
			keymap: erasingKeymap,
		},
		{heading: 'In a y/N question (only keys pressed after it shows)', keymap: confirmKeymap},
		{heading: 'In a question that asks for a name', keymap: typeToConfirmKeymap},
		{heading: 'In this help', keymap: helpKeymap},
	];
	const labelWidth =
		Math.max(...sections.flatMap((section) => section.keymap.map((binding) => binding.label.length))) + 2;
	const lines: Array<{key: string; node: ReactNode}> = [];
	for (const section of sections) {
		lines.push({
			key: `h-${section.heading}`,
			node: (
				<Text bold color={theme.colorOf('accent')}>
					{section.heading}
				</Text>
			),
		});
		for (const binding of section.keymap) {
			lines.push({
				key: `${section.heading}-${binding.intent}-${binding.label}`,
				node: (
					<Text wrap="truncate-end">
						{'  '}
						<Text bold>{binding.label.padEnd(labelWidth)}</Text>
						{binding.description}
					</Text>
				),
			});
		}

		lines.push({key: `gap-${section.heading}`, node: <Text> </Text>});
	}

	if (readOnly) {
		lines.push({
			key: 'read-only',
			node: (
				<Text color={theme.colorOf('warning')}>Read-only mode: keys that change anything are hidden.</Text>
			),
		});
	}

	const room = Math.max(1, height - 3);
	const first = Math.max(0, Math.min(offset, lines.length - room));
	const visible = lines.slice(first, first + room);
	const more = lines.length > room;
	return (
		<Box flexDirection="column" width={width} height={height} borderStyle="round" paddingX={1}>
			{visible.map((line) => (
				<Box key={line.key}>{line.node}</Box>
			))}
			<Text color={theme.colorOf('muted')} wrap="truncate-end">
				{more ? '↑↓ scroll · ' : ''}esc or ? closes this help
			</Text>
		</Box>
	);
}
