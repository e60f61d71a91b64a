// A one-line text value with a block cursor while it is being edited (at its end unless the cursor was moved);
// a long value shows the part around the cursor.
import {Text} from 'ink';
import stringWidth from 'string-width';
import {useTheme} from '../theme.js';

export type TextFieldProps = {
	value: string;
	editing: boolean;
	width: number;
	/** Where the cursor stands, in characters from the start; the end when absent. */
	cursor?: number;
	placeholder?: string;
	invalid?: boolean;
};

export function TextField({value, editing, width, cursor, placeholder, invalid}: TextFieldProps) {
	const theme = useTheme();
	if (!editing && value === '') {
		return <Text color={theme.colorOf('muted')}>{placeholder ?? ''}</Text>;
	}

	const characters = [...value];
	const at = Math.max(0, Math.min(characters.length, cursor ?? characters.length));
	if (!editing || at === characters.length) {
		const shown = tail(value, Math.max(1, width - (editing ? 1 : 0)));
		return (
			<Text color={invalid ? theme.colorOf('danger') : undefined}>
				{shown}
				{editing ? <Text inverse>{theme.unicode ? ' ' : '_'}</Text> : null}
			</Text>
		);
	}

	const before = tail(characters.slice(0, at).join(''), Math.max(1, Math.floor(width / 2)));
	const under = characters[at] ?? ' ';
	const room = Math.max(0, width - stringWidth(before) - stringWidth(under));
	const after = head(characters.slice(at + 1).join(''), room);
	return (
		<Text color={invalid ? theme.colorOf('danger') : undefined}>
			{before}
			<Text inverse>{under}</Text>
			{after}
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

function head(text: string, width: number): string {
	if (stringWidth(text) <= width) return text;
	let result = '';
	for (const character of text) {
		if (stringWidth(result + character) > width - 1) break;
		result += character;
	}

	return width > 0 ? `${result}…` : '';
}
