// The frame around the screens: it owns the connection, the navigation stack, the global keys, the help and
// command-line overlays, the message line and the one confirmation dialog, and lays them out in rows−1 lines.
import {Box, Text, useApp} from 'ink';
import {useCallback, useEffect, useMemo, useRef, useState} from 'react';
import type {AwsAccess} from '../aws/types.js';
import {sanitizeText} from '../pipeline/sanitize.js';
import type {AppProps} from './app.js';
import {TooSmall} from './app.js';
import {
	type Navigation,
	NavigationContext,
	type Route,
	type Session,
	SessionContext,
	type Shell as ShellApi,
	ShellContext,
	type Tone,
} from './app-context.js';
import {parseCommand} from './command-line.js';
import {ConfirmDialog, confirmDialogHeight} from './components/confirm-dialog.js';
import {Footer} from './components/footer.js';
import {Header} from './components/header.js';
import {HelpOverlay} from './components/help-overlay.js';
import {TextField} from './components/text-field.js';
import {useConfirmation} from './hooks/use-confirmation.js';
import {useTerminalSize} from './hooks/use-terminal-size.js';
import {useTextEditing} from './hooks/use-text-editing.js';
import {KeyPriority, useKeyLayer} from './key-router.js';
import {findBinding, globalKeymap, type Keymap} from './keymap.js';
import {createRefreshStore} from './refresh-store.js';
import {ScreenForRoute, titleOfRoute} from './screen-for-route.js';
import {useTheme} from './theme.js';

type Connection =
	| {state: 'connecting'; generation: number}
	| {state: 'ready'; generation: number; aws: AwsAccess}
	| {state: 'failed'; generation: number; message: string};

export const minimumSize = {columns: 40, rows: 10};

const systemNow = () => Date.now();

export function Shell(props: AppProps) {
	const {exit} = useApp();
	const theme = useTheme();
	const terminalSize = useTerminalSize(props.size);
	const tooSmall = terminalSize.columns < minimumSize.columns || terminalSize.rows < minimumSize.rows;
	// While the window is too small the screens stay mounted, hidden and deaf, at the last size that fitted, so
	// they come back as they were (view, selection, scroll) instead of starting over.
	const lastFit = useRef({
		columns: Math.max(terminalSize.columns, minimumSize.columns),
		rows: Math.max(terminalSize.rows, minimumSize.rows),
	});
	if (!tooSmall) lastFit.current = terminalSize;
	const size = tooSmall ? lastFit.current : terminalSize;
	const now = props.now ?? systemNow;
	const [connection, setConnection] = useState<Connection>({state: 'connecting', generation: 0});
	const [stack, setStack] = useState<Route[]>(() => props.initialRoutes ?? [{kind: 'pipelines'}]);
	const [overlay, setOverlay] = useState<'help' | 'command' | undefined>(undefined);
	const [helpOffset, setHelpOffset] = useState(0);
	const [command, setCommand] = useState('');
	const [message, setMessage] = useState<{text: string; tone: Tone} | undefined>(undefined);
	const [keys, setKeys] = useState<{keymap: Keymap; typing: boolean}>({keymap: [], typing: false});
	const {keymap} = keys;
	const guard = useRef<string | undefined>(undefined);
	const refresh = useMemo(() => createRefreshStore(), []);

	const notify = useCallback(
		(text: string, tone: Tone = 'info') => setMessage({text: sanitizeText(text), tone}),
		[],
	);
	const {dialog, ask} = useConfirmation((text, failed) => {
		if (text !== '') notify(text, failed ? 'error' : 'success');
	});

	const {connect} = props;
	useEffect(() => {
		let cancelled = false;
		connect().then(
			(aws) => {
				if (!cancelled) setConnection({state: 'ready', generation: 0, aws});
			},
			(error: unknown) => {
				if (!cancelled) setConnection({state: 'failed', generation: 0, message: messageOf(error)});
			},
		);
		return () => {
			cancelled = true;
		};
	}, [connect]);

	const navigation = useMemo<Navigation>(
		() => ({
			depth: stack.length,
			push: (route) => setStack((current) => [...current, route]),
			back: () => setStack((current) => (current.length > 1 ? current.slice(0, -1) : current)),
			replace: (route) =>
				setStack((current) =>
					withoutRepeats([...current.slice(0, -1), ...(Array.isArray(route) ? route : [route])]),
				),
			remember: (changes) =>
				setStack((current) => {
					const top = current.at(-1);
					if (!top) return current;
					return [...current.slice(0, -1), {...top, ...changes} as Route];
				}),
			reset: (routes) => setStack(routes.length > 0 ? routes : [{kind: 'pipelines'}]),
		}),
		[stack.length],
	);

	const leaveWithGuard = useCallback(
		(question: string, leave: () => void) => {
			if (!guard.current) {
				leave();
				return;
			}

			ask({
				question: `${guard.current} ${question}`,
				busy: '',
				run: async () => {
					guard.current = undefined;
					leave();
					return '';
				},
			});
		},
		[ask],
	);

	const shell = useMemo<ShellApi>(
		() => ({
			notify,
			setKeymap: (next, options) => setKeys({keymap: next, typing: options?.typing === true}),
			setGuard: (question) => {
				guard.current = question;
			},
			refresh,
			confirm: ask,
			refuseReadOnly: (what) =>
				notify(`Read-only mode: ${what} is disabled (sagemon was started with --read-only).`, 'error'),
		}),
		[notify, refresh, ask],
	);

	const {reconnect} = props;
	const runCommand = (text: string) => {
		const parsed = parseCommand(text);
		switch (parsed.kind) {
			case 'empty':
				return;
			case 'quit':
				leaveWithGuard('Quit anyway?', exit);
				return;
			case 'pipelines':
				leaveWithGuard('Leave it?', () => setStack([{kind: 'pipelines'}]));
				return;
			case 'pipeline':
				leaveWithGuard('Leave it?', () =>
					setStack([
						{kind: 'pipelines', selected: parsed.name},
						{kind: 'executions', pipelineName: parsed.name},
					]),
				);
				return;
			case 'region':
			case 'profile': {
				if (!reconnect) {
					notify(`:${parsed.kind} is not available here.`, 'error');
					return;
				}

				const generation = connection.generation + 1;
				setConnection({state: 'connecting', generation});
				setStack([{kind: 'pipelines'}]);
				reconnect(parsed.kind === 'region' ? {region: parsed.value} : {profile: parsed.value}).then(
					(aws) => {
						setConnection({state: 'ready', generation, aws});
						notify(
							`Now using ${[aws.settings.region, aws.settings.label].filter(Boolean).join(' · ')}.`,
							'success',
						);
					},
					(error: unknown) => setConnection({state: 'failed', generation, message: messageOf(error)}),
				);
				return;
			}

			case 'unknown':
				notify(parsed.message, 'error');
		}
	};

	// Ctrl+C always quits, even while typing in a field.
	useKeyLayer(
		(press) => {
			if (press.name !== 'ctrl+c') return false;
			// Tells the entry it was Ctrl+C, which ends with the same exit code as SIGINT (130).
			exit('interrupt');
			return true;
		},
		{priority: 1000},
	);

	// Too small to show anything: only q (quit, as the message says) does something; no key acts unseen.
	useKeyLayer(
		(press) => {
			if (press.name === 'q') exit();
			return true;
		},
		{priority: 998, active: tooSmall},
	);

	// Any key clears the last message; the key still does its job.
	useKeyLayer(
		() => {
			if (message) setMessage(undefined);
			return false;
		},
		{priority: 999},
	);

	useKeyLayer(
		(press) => {
			const binding = findBinding(globalKeymap, press);
			if (!binding) return false;
			switch (binding.intent) {
				case 'help':
					setHelpOffset(0);
					setOverlay('help');
					return true;
				case 'command':
					setCommand('');
					setOverlay('command');
					return true;
				case 'back':
					if (stack.length > 1) leaveWithGuard('Leave it?', navigation.back);
					return true;
				case 'quit':
					leaveWithGuard('Quit anyway?', exit);
					return true;
			}
		},
		{priority: KeyPriority.global},
	);

	useKeyLayer(
		(press) => {
			if (['escape', '?', 'q', 'enter', 'backspace'].includes(press.name)) setOverlay(undefined);
			else if (press.name === 'up' || press.name === 'k') setHelpOffset((offset) => Math.max(0, offset - 1));
			else if (press.name === 'down' || press.name === 'j') setHelpOffset((offset) => offset + 1);
			else if (press.name === 'pageup') setHelpOffset((offset) => Math.max(0, offset - 10));
			else if (press.name === 'pagedown') setHelpOffset((offset) => offset + 10);
			return true;
		},
		{priority: KeyPriority.overlay, active: overlay === 'help'},
	);

	useTextEditing({
		active: overlay === 'command',
		value: command,
		onChange: setCommand,
		onIntent: (intent) => {
			if (intent === 'commit') {
				setOverlay(undefined);
				runCommand(command);
			} else if (intent === 'leave') setOverlay(undefined);
		},
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

	const top = stack.at(-1) ?? {kind: 'pipelines'};
	const height = size.rows - 1;
	const dialogHeight = dialog ? confirmDialogHeight(dialog) : 0;
	const bodyHeight = height - 3 - dialogHeight;
	const crumbs = stack.map((route, index) => titleOfRoute(route, stack[index - 1]));
	return (
		<>
			<Box display={tooSmall ? 'none' : 'flex'} flexDirection="column" width={size.columns} height={height}>
				<Header
					crumbs={crumbs}
					region={settings?.region}
					label={settings?.label ?? ''}
					readOnly={props.readOnly}
					refresh={refresh}
					now={now}
					width={size.columns}
				/>
				<Box height={bodyHeight} flexDirection="column">
					{overlay === 'help' ? (
						<HelpOverlay
							title={crumbs.at(-1) ?? 'sagemon'}
							keymap={keymap}
							readOnly={props.readOnly}
							width={size.columns}
							height={bodyHeight}
							offset={helpOffset}
						/>
					) : null}
					<Box display={overlay === 'help' ? 'none' : 'flex'} flexDirection="column" height={bodyHeight}>
						{connection.state === 'ready' && session ? (
							<SessionContext.Provider value={session}>
								<NavigationContext.Provider value={navigation}>
									<ShellContext.Provider value={shell}>
										<ScreenForRoute
											key={`${connection.generation}:${stack.length}:${top.kind}`}
											route={top}
											width={size.columns}
											height={bodyHeight}
											active={!tooSmall && overlay === undefined && dialog === undefined}
										/>
									</ShellContext.Provider>
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
				{dialog ? <ConfirmDialog state={dialog} width={size.columns} /> : null}
				{overlay === 'command' ? (
					<Box flexDirection="column">
						<Text>
							<Text bold color={theme.colorOf('accent')}>
								:
							</Text>
							<TextField value={command} editing width={size.columns - 2} />
						</Text>
						<Text color={theme.colorOf('muted')} wrap="truncate-end">
							:pipeline NAME · :region R · :profile P · :q — enter runs, esc cancels
						</Text>
					</Box>
				) : (
					<Footer
						keymap={keymap}
						readOnly={props.readOnly}
						width={size.columns}
						canGoBack={stack.length > 1}
						typing={keys.typing}
						message={message}
					/>
				)}
			</Box>
			{tooSmall ? <TooSmall {...terminalSize} /> : null}
		</>
	);
}

/** Two neighbouring entries for the same screen of the same pipeline collapse into one (the later). */
function withoutRepeats(routes: Route[]): Route[] {
	return routes.filter((route, index) => {
		const next = routes[index + 1];
		return !(
			next &&
			next.kind === route.kind &&
			(next.kind === 'pipelines' || ('pipelineName' in route && next.pipelineName === route.pipelineName)) &&
			next.kind !== 'execution'
		);
	});
}

function messageOf(error: unknown): string {
	return sanitizeText(error instanceof Error ? error.message : String(error));
}
