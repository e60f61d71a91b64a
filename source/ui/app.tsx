// The app: theme, keyboard router and the shell (connection, navigation stack, header, footer, help, command line,
// confirmations) around whichever screen is on top of the stack.
import {Box, Text} from 'ink';
import {useMemo} from 'react';
import type {AwsAccess} from '../aws/types.js';
import {KeyRouter} from './key-router.js';
import type {Route} from './app-context.js';
import {Shell} from './shell.js';
import {createTheme, ThemeContext} from './theme.js';
import type {TerminalSize} from './hooks/use-terminal-size.js';

export type Reconnect = (changes: {region?: string; profile?: string}) => Promise<AwsAccess>;

export type AppProps = {
	/** The AWS access to start with (connecting happens behind the first frame). */
	connect(): Promise<AwsAccess>;
	/** Opens a new connection for `:region` / `:profile`; without it those commands explain they are unavailable. */
	reconnect?: Reconnect;
	readOnly: boolean;
	intervalMs: number;
	/** Lists change slowly: they refresh at this pace (default: --interval, at least 5 s). */
	listIntervalMs?: number;
	configDirectory: string;
	unicode: boolean;
	color: boolean;
	/** A fixed terminal size instead of the real one (tests). */
	size?: TerminalSize;
	/** How long a lone Esc waits for the rest of a key sequence (slow links); 0 acts at once. */
	escapeDelayMs?: number;
	/** Screens to open at start, bottom first (default: the pipelines list). */
	initialRoutes?: Route[];
	now?: () => number;
};

export function App(props: AppProps) {
	const theme = useMemo(
		() => createTheme({unicode: props.unicode, color: props.color}),
		[props.unicode, props.color],
	);
	return (
		<ThemeContext.Provider value={theme}>
			<KeyRouter escapeDelayMs={props.escapeDelayMs ?? 0}>
				<Shell {...props} />
			</KeyRouter>
		</ThemeContext.Provider>
	);
}

/** Shown instead of the app below 40×10. */
export function TooSmall({columns, rows}: TerminalSize) {
	const height = Math.max(1, rows - 1);
	const full = `sagemon needs at least 40×10; this terminal is ${columns}×${rows}. Make it larger (q quits).`;
	const short = `sagemon needs 40×10 (this is ${columns}×${rows}); q quits`;
	// Text taller than the box is centred off the screen and nothing shows: use the short form, from the top.
	const fits = (text: string) => Math.ceil(text.length / Math.max(1, columns - 2)) + 1 <= height;
	const text = fits(full) ? full : short;
	return (
		<Box
			width={columns}
			height={height}
			alignItems="center"
			justifyContent={fits(text) ? 'center' : 'flex-start'}
		>
			<Text wrap="wrap">{text}</Text>
		</Box>
	);
}
