// Renders one screen on its own, with fake session, navigation and screen-host contexts that record what the
// screen asks for (messages, navigation, confirmations, read-only refusals), over an in-memory PipelinesApi: a
// screen's key handling is tested in milliseconds, with no emulator and no shell around it.
import {mkdtempSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {render} from 'ink-testing-library';
import type {ReactElement} from 'react';
import {afterEach} from 'vitest';
import type {AwsAccess} from '../../source/aws/types.js';
import {
	type MessageKind,
	type Navigation,
	NavigationContext,
	type ScreenHost,
	ScreenHostContext,
	type Session,
	SessionContext,
} from '../../source/ui/app-context.js';
import type {Confirmation} from '../../source/ui/confirmation.js';
import type {Keymap} from '../../source/ui/keys/bindings.js';
import {KeyRouter} from '../../source/ui/keys/key-router.js';
import {createRefreshStore} from '../../source/ui/refresh-store.js';
import type {Route} from '../../source/ui/shell/routes.js';
import {createTheme, ThemeContext} from '../../source/ui/theme.js';
import {type FakePipelines, fakeAccess} from './fake-pipelines.js';

export type ScreenRecord = {
	notices: Array<{text: string; kind: MessageKind}>;
	/** Every navigation call, in order: `push`, `back`, `replace`, `reset`, `remember`. */
	navigation: Array<{call: keyof Omit<Navigation, 'depth'>; route?: Route | Route[] | Partial<Route>}>;
	confirmations: Confirmation[];
	refusals: string[];
	/** The keymap the screen last showed in the footer and help. */
	keymap: Keymap;
};

export type RenderedScreen = ScreenRecord & {
	screen(): string;
	/** Types keys (as one burst), then waits until the screen shows `until`, or for the renders they cause. */
	press(keys: string, until?: string | RegExp): Promise<void>;
	waitFor(text: string | RegExp, timeoutMs?: number): Promise<void>;
	/** Waits until `done` holds (a recorded call, say), with the screen in the error when it never does. */
	until(done: () => boolean, what: string, timeoutMs?: number): Promise<void>;
	unmount(): void;
};

const rendered = new Set<() => void>();
afterEach(() => {
	for (const cleanup of rendered) cleanup();
	rendered.clear();
});

export function renderScreen(
	element: ReactElement,
	options: {
		pipelines: FakePipelines;
		readOnly?: boolean;
		now?: number;
		columns?: number;
		/** S3, Logs, the registry or the execution actions, for screens that use them. */
		services?: Partial<Omit<AwsAccess, 'pipelines'>>;
	},
): RenderedScreen {
	const configDirectory = mkdtempSync(join(tmpdir(), 'sagemon-screen-'));
	const record: ScreenRecord = {notices: [], navigation: [], confirmations: [], refusals: [], keymap: []};
	const aws: AwsAccess = fakeAccess(options.pipelines, options.services);
	const now = options.now ?? Date.UTC(2026, 0, 1);
	const session: Session = {
		aws,
		readOnly: options.readOnly ?? false,
		intervalMs: 50,
		listIntervalMs: 100,
		configDirectory,
		now: () => now,
	};
	let depth = 1;
	const navigation: Navigation = {
		get depth() {
			return depth;
		},
		push: (route) => {
			depth++;
			record.navigation.push({call: 'push', route});
		},
		back: () => {
			depth = Math.max(1, depth - 1);
			record.navigation.push({call: 'back'});
		},
		replace: (route) => record.navigation.push({call: 'replace', route}),
		reset: (routes) => record.navigation.push({call: 'reset', route: routes}),
		remember: (changes) => record.navigation.push({call: 'remember', route: changes}),
	};
	const host: ScreenHost = {
		notify: (text, kind = 'info') => record.notices.push({text, kind}),
		setKeymap: (keymap) => {
			record.keymap = keymap;
		},
		setLeaveWarning: () => undefined,
		refresh: createRefreshStore(),
		confirm: (confirmation) => record.confirmations.push(confirmation),
		refuseReadOnly: (action) => record.refusals.push(action),
	};
	const app = render(
		<ThemeContext.Provider value={createTheme({unicode: true, color: false})}>
			<KeyRouter>
				<SessionContext.Provider value={session}>
					<NavigationContext.Provider value={navigation}>
						<ScreenHostContext.Provider value={host}>{element}</ScreenHostContext.Provider>
					</NavigationContext.Provider>
				</SessionContext.Provider>
			</KeyRouter>
		</ThemeContext.Provider>,
	);
	const screen = () => app.lastFrame() ?? '';
	const until = async (done: () => boolean, what: string, timeoutMs = 5000) => {
		const started = Date.now();
		while (!done()) {
			if (Date.now() - started > timeoutMs)
				throw new Error(`Timed out waiting ${what}. The screen shows:\n${screen()}`);
			await new Promise((resolve) => setTimeout(resolve, 5));
		}
	};
	const shows = (text: string | RegExp) =>
		typeof text === 'string' ? screen().includes(text) : text.test(screen());
	const waitFor = (text: string | RegExp, timeoutMs?: number) =>
		until(() => shows(text), `for ${String(text)}`, timeoutMs);
	let mounted = true;
	const unmount = () => {
		if (mounted) app.unmount();
		mounted = false;
		rmSync(configDirectory, {recursive: true, force: true});
	};
	rendered.add(unmount);
	return Object.assign(record, {
		screen,
		waitFor,
		until,
		unmount,
		async press(keys: string, wanted?: string | RegExp) {
			app.stdin.write(keys);
			if (wanted !== undefined) await waitFor(wanted);
			// Keys are handled one per render: give a burst time to be worked through.
			else await new Promise((resolve) => setTimeout(resolve, 20 * [...keys].length + 20));
		},
	});
}
