// A scrollable pane of pre-wrapped lines (step details, a report, parameters): only the lines in view are drawn.
import {Box, Text} from 'ink';
import {memo} from 'react';
import {type Tone, useTheme} from '../theme.js';

export type PaneSpan = {text: string; tone?: Tone; bold?: boolean};
export type PaneLine = {key: string; spans: PaneSpan[]};

export type TextPaneProps = {
	title: string;
	lines: readonly PaneLine[];
	offset: number;
	width: number;
	height: number;
	footer?: string;
};

/** Lines of content that fit in a pane of `height` rows (title and border take the rest). */
export function paneRoom(height: number): number {
	return Math.max(1, height - 3);
}

export function TextPane({title, lines, offset, width, height, footer}: TextPaneProps) {
	const theme = useTheme();
	const room = paneRoom(height);
	const first = Math.max(0, Math.min(offset, lines.length - room));
	const visible = lines.slice(first, first + room);
	const position = lines.length > room ? `  ${first + 1}-${first + visible.length}/${lines.length} ↑↓` : '';
	return (
		<Box
			flexDirection="column"
			width={width}
			height={height}
			borderStyle="round"
			borderColor={theme.colorOf('muted')}
			paddingX={1}
		>
			<Text bold wrap="truncate-end">
				{title}
				<Text color={theme.colorOf('muted')}>{position}</Text>
			</Text>
			{visible.map((line) => (
				<PaneRow key={line.key} spans={line.spans} />
			))}
			{footer && visible.length < room ? (
				<>
					<Box flexGrow={1} />
					<Text color={theme.colorOf('muted')} wrap="truncate-end">
						{footer}
					</Text>
				</>
			) : null}
		</Box>
	);
}

/** One line of a pane; a line of one plain span is drawn as one Text (a followed log redraws every row). */
export const PaneRow = memo(function PaneRow({spans}: {spans: PaneSpan[]}) {
	const theme = useTheme();
	const [only] = spans;
	if (spans.length === 1 && !only!.bold && (only!.tone ?? 'normal') === 'normal') {
		return <Text wrap="truncate-end">{only!.text}</Text>;
	}

	return (
		<Text wrap="truncate-end">
			{spans.map((span, index) => (
				// biome-ignore lint/suspicious/noArrayIndexKey: spans are positions in the line
				<Text key={index} color={theme.colorOf(span.tone ?? 'normal')} bold={span.bold}>
					{span.text}
				</Text>
			))}
			{spans.length === 0 ? ' ' : ''}
		</Text>
	);
});
