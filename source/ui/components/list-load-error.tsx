// What a list screen shows instead of its table when its first page could not be loaded.
import {Box, Text} from 'ink';
import {sanitizeText} from '../../pipeline/sanitize.js';
import {useTheme} from '../theme.js';

export function ListLoadError({what, message}: {what: string; message: string | undefined}) {
	const theme = useTheme();
	return (
		<Box flexDirection="column" paddingX={1}>
			<Text color={theme.colorOf('danger')}>
				Could not list {what}: {sanitizeText(message ?? '')}
			</Text>
			<Text color={theme.colorOf('muted')}>Retrying on its own; r retries now.</Text>
		</Box>
	);
}
