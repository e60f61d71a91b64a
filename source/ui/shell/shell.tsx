// The frame around the screens: header, the screen on top of the navigation stack (or the help, or the connection
// state), the confirmation dialog, and the footer or the command line, in rows−1 lines. It provides the session,
// navigation and screen-host contexts; the state behind them lives in the hooks beside it.
import {Box, Text, useApp} from 'ink';
import {useCallback, useMemo, useReducer, useState} from 'react';
import type {AwsAccess} from '../../aws/types.js';
import {sanitizeText} from '../../pipeline/sanitize.js';
import {
	type MessageKind,
	type Navigation,
	NavigationContext,
	type ScreenHost,
	ScreenHostContext,
	type Session,
	SessionContext,
} from '../app-context.js';
import {ConfirmDialog, confirmDialogHeight} from '../components/confirm-dialog.js';
import {Footer, footerMessageLines} from '../components/footer.js';
import {Header} from '../components/header.js';
import {HelpOverlay} from '../components/help-overlay.js';
import {TextField} from '../components/text-field.js';
import {useConfirmation} from '../hooks/use-confirmation.js';
import {type TerminalSize, useTerminalSize} from '../hooks/use-terminal-size.js';
import type {Keymap} from '../keys/bindings.js';
import {createRefreshStore} from '../refresh-store.js';
import {useTheme} from '../theme.js';
import {navigationReducer} from './navigation-stack.js';
import {homeRoute, type Route, titleOfRoute} from './routes.js';
import {ScreenForRoute} from './screen-for-route.js';
import {TooSmall, useFittedSize} from './too-small.js';
import {type Reconnect, useConnection} from './use-connection.js';
import {useCommandLine} from './use-command-line.js';
import {useLeaveWarning} from './use-leave-warning.js';
import {useShellKeys} from './use-shell-keys.js';

export type ShellProps = {
	/** The AWS access to start with (connecting happens behind the first frame). */
	connect(): Promise<AwsAccess>;
	/** Opens a new connection for `:region` / `:profile`; without it those commands explain they are unavailable. */
	reconnect?: Reconnect;
	readOnly: boolean;
	intervalMs: number;
	/** Lists change slowly: they refresh at this pace (default: --interval, at least 5 s). */
	listIntervalMs?: number;
	configDirectory: string;
	/** A fixed terminal size instead of the real one (tests). */
	size?: TerminalSize;
	/** Screens to open at start, bottom first (default: the pipelines list). */
	initialRoutes?: Route[];
	now?: () => number;
};

const systemNow = () => Date.now();

export function Shell(props: ShellProps) {
	const {exit} = useApp();
	const theme = useTheme();
	const terminalSize = useTerminalSize(props.size);
	const {size, tooSmall} = useFittedSize(terminalSize);
	const now = props.now ?? systemNow;
	const {connection, reconnect} = useConnection(props.connect, props.reconnect);
	const [stack, dispatch] = useReducer(navigationReducer, props.initialRoutes ?? [homeRoute]);
	const [help, setHelp] = useState<{offset: number} | undefined>(undefined);
	const [message, setMessage] = useState<{text: string; kind: MessageKind} | undefined>(undefined);
	const [keys, setKeys] = useState<{keymap: Keymap; typing: boolean}>({keymap: [], typing: false});
	const refresh = useMemo(() => createRefreshStore(), []);

	const notify = useCallback(
		(text: string, kind: MessageKind = 'info') => setMessage({text: sanitizeText(text), kind}),
		[],
	);
	const {dialog, ask} = useConfirmation((text, failed) => {
		if (text !== '') notify(text, failed ? 'error' : 'success');
	});
	const leaveWarning = useLeaveWarning(ask);

	const navigation = useMemo<Navigation>(
		() => ({
			depth: stack.length,
			push: (route) => dispatch({type: 'push', route}),
			back: () => dispatch({type: 'back'}),
			replace: (route) => dispatch({type: 'replace', routes: Array.isArray(route) ? route : [route]}),
			remember: (changes) => dispatch({type: 'remember', changes}),
			reset: (routes) => dispatch({type: 'reset', routes}),
		}),
		[stack.length],
	);

	const host = useMemo<ScreenHost>(
		() => ({
			notify,
			setKeymap: (next, options) => setKeys({keymap: next, typing: options?.typing === true}),
			setLeaveWarning: leaveWarning.set,
			refresh,
			confirm: ask,
			refuseReadOnly: (action) =>
				notify(`Read-only mode: ${action} is disabled (sagemon was started with --read-only).`, 'error'),
		}),
		[notify, refresh, ask, leaveWarning.set],
	);

	const commandLine = useCommandLine({
		leave: leaveWarning.leave,
		reset: navigation.reset,
		exit,
		notify,
		reconnect,
	});

	useShellKeys({
		tooSmall,
		helpOpen: help !== undefined,
		hasMessage: message !== undefined,
		clearMessage: () => setMessage(undefined),
		openHelp: () => setHelp({offset: 0}),
		closeHelp: () => setHelp(undefined),
		scrollHelp: (by) => setHelp((current) => current && {offset: Math.max(0, current.offset + by)}),
		openCommandLine: commandLine.start,
		back: () => {
			if (stack.length > 1) leaveWarning.leave('Leave it?', navigation.back);
		},
		quit: () => leaveWarning.leave('Quit anyway?', exit),
		exit,
		interrupt: () => exit('interrupt'),
	});

	const {readOnly, intervalMs, configDirectory} = props;
	const listIntervalMs = props.listIntervalMs ?? Math.max(intervalMs, 5000);
	const session = useMemo<Session | undefined>(
		() =>
			connection.state === 'ready'
				? {aws: connection.aws, readOnly, intervalMs, listIntervalMs, configDirectory, now}
				: undefined,
		[connection, readOnly, intervalMs, listIntervalMs, configDirectory, now],
	);
	const settings = connection.state === 'ready' ? connection.aws.settings : undefined;

	const top = stack.at(-1) ?? homeRoute;
	const height = size.rows - 1;
	const roomLeft = (compact: boolean) =>
		height -
		2 -
		footerMessageLines(message?.text, size.columns).length -
		(dialog ? confirmDialogHeight(dialog, size.columns, compact) : 0);
	// A question taller than the rows left for it (40×10, a long name) takes the screen's rows, then the header's,
	// then the blank line above the footer's keys, then its own border: it is never cut, and the screen is hidden
	// rather than drawn over.
	const compactDialog = roomLeft(false) < -1;
	const spare = roomLeft(compactDialog);
	const bodyHeight = Math.max(1, spare);
	const bodyShown = spare > 0;
	const headerShown = spare >= 0;
	const blankLineShown = spare >= -1;
	const crumbs = stack.map((route, index) => titleOfRoute(route, stack[index - 1]));
	return (
		<>
			<Box display={tooSmall ? 'none' : 'flex'} flexDirection="column" width={size.columns} height={height}>
				{headerShown ? (
					<Header
						crumbs={crumbs}
						region={settings?.region}
						label={settings?.label ?? ''}
						readOnly={readOnly}
						refresh={refresh}
						now={now}
						width={size.columns}
					/>
				) : null}
				<Box height={bodyHeight} display={bodyShown ? 'flex' : 'none'} flexDirection="column">
					{help ? (
						<HelpOverlay
							title={crumbs.at(-1) ?? 'sagemon'}
							keymap={keys.keymap}
							readOnly={readOnly}
							width={size.columns}
							height={bodyHeight}
							offset={help.offset}
						/>
					) : null}
					<Box display={help ? 'none' : 'flex'} flexDirection="column" height={bodyHeight}>
						{connection.state === 'ready' && session ? (
							<SessionContext.Provider value={session}>
								<NavigationContext.Provider value={navigation}>
									<ScreenHostContext.Provider value={host}>
										<ScreenForRoute
											key={`${connection.generation}:${stack.length}:${top.kind}`}
											route={top}
											width={size.columns}
											height={bodyHeight}
											active={!tooSmall && !help && !commandLine.open && dialog === undefined}
										/>
									</ScreenHostContext.Provider>
								</NavigationContext.Provider>
							</SessionContext.Provider>
						) : connection.state === 'failed' ? (
							<Box flexDirection="column" paddingX={1}>
								<Text color={theme.colorOf('danger')}>Could not connect: {connection.message}</Text>
								<Text color={theme.colorOf('muted')}>
									Use :region R or :profile P to try other settings, or q to quit.
								</Text>
							</Box>
						) : (
							<Text color={theme.colorOf('muted')}> Connecting…</Text>
						)}
					</Box>
				</Box>
				{dialog ? <ConfirmDialog state={dialog} width={size.columns} compact={compactDialog} /> : null}
				{commandLine.open ? (
					<Box flexDirection="column">
						<Text>
							<Text bold color={theme.colorOf('accent')}>
								:
							</Text>
							<TextField
								value={commandLine.text}
								cursor={commandLine.cursor}
								editing
								width={size.columns - 2}
							/>
						</Text>
						<Text color={theme.colorOf('muted')} wrap="truncate-end">
							:pipeline NAME · :region R · :profile P · :q — enter runs, esc cancels
						</Text>
					</Box>
				) : (
					<Footer
						keymap={keys.keymap}
						readOnly={readOnly}
						width={size.columns}
						canGoBack={stack.length > 1}
						typing={keys.typing}
						message={message}
						blankLine={blankLineShown}
					/>
				)}
			</Box>
			{tooSmall ? <TooSmall {...terminalSize} /> : null}
		</>
	);
}
