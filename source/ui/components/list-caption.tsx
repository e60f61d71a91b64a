// The line above a list: how many rows, how they are sorted, and the filter (being typed or kept).
import {Box, Text} from 'ink';
import type {ListFilter} from '../hooks/use-list-filter.js';
import {useTheme} from '../theme.js';
import {TextField} from './text-field.js';

export function ListCaption({
	summary,
	filter,
	width,
}: {
	summary: string;
	filter: Pick<ListFilter, 'text' | 'editing'> & {cursor?: number};
	width: number;
}) {
	const theme = useTheme();
	if (filter.editing) {
		return (
			<Box width={width}>
				<Text wrap="truncate-end">
					<Text bold color={theme.colorOf('accent')}>
						/{' '}
					</Text>
					<TextField
						value={filter.text}
						cursor={filter.cursor}
						editing
						width={Math.max(8, Math.min(40, width - 40))}
					/>
					<Text color={theme.colorOf('muted')}> enter keeps · esc clears · {summary}</Text>
				</Text>
			</Box>
		);
	}

	return (
		<Box width={width}>
			<Text wrap="truncate-end" color={theme.colorOf('muted')}>
				{summary}
				{filter.text ? (
					<Text color={theme.colorOf('accent')}> · filter “{filter.text}” (esc clears)</Text>
				) : null}
			</Text>
		</Box>
	);
}
