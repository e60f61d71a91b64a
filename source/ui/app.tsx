// The app: the providers (theme, keyboard router) around the shell, which shows whichever screen is on top.
import {useMemo} from 'react';
import {KeyRouter} from './keys/key-router.js';
import {Shell, type ShellProps} from './shell/shell.js';

export type {Reconnect} from './shell/use-connection.js';
import {createTheme, ThemeContext} from './theme.js';

export type AppProps = ShellProps & {
	unicode: boolean;
	color: boolean;
	/** How long a lone Esc waits for the rest of a key sequence (slow links); 0 acts at once. */
	escapeDelayMs?: number;
};

export function App({unicode, color, escapeDelayMs, ...shell}: AppProps) {
	const theme = useMemo(() => createTheme({unicode, color}), [unicode, color]);
	return (
		<ThemeContext.Provider value={theme}>
			<KeyRouter escapeDelayMs={escapeDelayMs ?? 0}>
				<Shell {...shell} />
			</KeyRouter>
		</ThemeContext.Provider>
	);
}
