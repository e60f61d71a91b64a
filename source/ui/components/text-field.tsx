// A one-line text value with a block cursor at its end while it is being edited; long values show their tail.
import {Text} from 'ink';
import stringWidth from 'string-width';
import {useTheme} from '../theme.js';

export type TextFieldProps = {
	value: string;
	editing: boolean;
	width: number;
	placeholder?: string;
	invalid?: boolean;
};

export function TextField({value, editing, width, placeholder, invalid}: TextFieldProps) {
	const theme = useTheme();
	if (!editing && value === '') {
		return <Text color={theme.colorOf('muted')}>{placeholder ?? ''}</Text>;
	}

	const shown = tail(value, Math.max(1, width - (editing ? 1 : 0)));
	return (
		<Text color={invalid ? theme.colorOf('danger') : undefined}>
			{shown}
			{editing ? <Text inverse>{theme.unicode ? ' ' : '_'}</Text> : null}
		</Text>
	);
}

function tail(text: string, width: number): string {
	if (stringWidth(text) <= width) return text;
	const characters = [...text];
	let result = '';
	for (let index = characters.length - 1; index >= 0; index--) {
		const next = characters[index] + result;
		if (stringWidth(next) > width - 1) break;
		result = next;
	}

	return `…${result}`;
}
