// The bottom lines: the last message (an action's outcome or a refusal, wrapped) and the current screen's keys.
import {Box, Text} from 'ink';
import {memo} from 'react';
import stringWidth from 'string-width';
import type {MessageKind} from '../app-context.js';
import {type Binding, hintOf, type Keymap, visibleBindings} from '../keys/bindings.js';
import {globalKeymap} from '../keys/shell-keymaps.js';
import {useTheme} from '../theme.js';
import {wrapLines} from '../wrap-lines.js';
import {truncateEnd} from '../../pipeline/format.js';

export type FooterProps = {
	keymap: Keymap;
	readOnly: boolean;
	width: number;
	canGoBack: boolean;
	/** A text field has the keyboard: only its keys work, so the global ones are not offered. */
	typing?: boolean;
	message?: {text: string; kind: MessageKind};
	/** False drops the blank message line there is without a message (a tall question needs the row). */
	blankLine?: boolean;
};

export const Footer = memo(function Footer({
	keymap,
	readOnly,
	width,
	canGoBack,
	typing,
	message,
	blankLine = true,
}: FooterProps) {
	const theme = useTheme();
	const shownKeys = new Set(
		keymap.filter((binding) => binding.footer !== false).flatMap((binding) => binding.keys),
	);
	const globals = (globalKeymap as Keymap).filter(
		(binding) =>
			!typing &&
			binding.role !== 'command' &&
			(binding.role !== 'back' || canGoBack) &&
			!binding.keys.some((key) => key !== 'backspace' && shownKeys.has(key)),
	);
	const hints = fitHints(
		visibleBindings(keymap, readOnly).filter((binding) => binding.footer !== false),
		globals,
		width,
	);
	const messageTone = message?.kind === 'error' ? 'danger' : message?.kind === 'success' ? 'success' : 'info';
	return (
		<Box flexDirection="column" width={width}>
			{(message?.text || blankLine ? footerMessageLines(message?.text, width) : []).map((line, index) => (
				// biome-ignore lint/suspicious/noArrayIndexKey: lines of one message
				<Text key={index} color={theme.colorOf(messageTone)}>
					{line}
				</Text>
			))}
			<Text wrap="truncate-end">
				{hints.map((binding, index) => (
					<Text key={binding.label + binding.intent}>
						{index > 0 ? '  ' : ''}
						<Text bold color={theme.colorOf('accent')}>
							{binding.footerLabel ?? binding.label}
						</Text>
						<Text color={theme.colorOf('muted')}> {hintOf(binding)}</Text>
					</Text>
				))}
			</Text>
		</Box>
	);
});

/** The screen's keys that fit before the global ones (help, back, quit), which always stay. */
function fitHints(screen: Binding[], globals: Binding[], width: number): Binding[] {
	const size = (bindings: Binding[]) =>
		bindings.reduce(
			(sum, binding) =>
				sum + stringWidth(binding.footerLabel ?? binding.label) + 1 + hintOf(binding).length + 2,
			0,
		);
	const kept = [...screen];
	while (kept.length > 0 && size([...kept, ...globals]) > width) kept.pop();
	return [...kept, ...globals];
}

/** The message wraps (up to 4 lines; a longer one ends with "…"); with no message the line stays, blank. */
export function footerMessageLines(text: string | undefined, width: number): string[] {
	if (!text) return [' '];
	const lines = wrapLines(text, Math.max(1, width));
	if (lines.length <= maxMessageLines) return lines;
	const kept = lines.slice(0, maxMessageLines);
	kept[maxMessageLines - 1] = `${truncateEnd(kept[maxMessageLines - 1] ?? '', width - 1)}…`;
	return kept;
}

const maxMessageLines = 4;
