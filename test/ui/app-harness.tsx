// Renders the whole TUI with ink-testing-library against an in-process emulator through the real AWS gateway,
// with a fixed terminal size (the fake stdout has no rows, and 100 columns) and a temporary config directory.
import {mkdtempSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {render} from 'ink-testing-library';
import type {ReactElement} from 'react';
import {afterAll, afterEach, beforeAll} from 'vitest';
import {type AwsConnection, connectAws} from '../../source/aws/connect.js';
import type {AwsAccess} from '../../source/aws/types.js';
import type {RunningEmulator} from '../../source/emulator/index.js';
import {startTestEmulator} from '../helpers/emulator.js';
import {App, type AppProps} from '../../source/ui/app.js';
import {readFixture} from '../helpers/fixtures.js';

export type Backend = {emulator: RunningEmulator; aws: AwsConnection; close(): Promise<void>};

/** An emulator on a free loopback port (demo pipelines by default) and a real connection to it. */
export async function startBackend(options: {timeScale?: number; demo?: boolean} = {}): Promise<Backend> {
	// The SDK's default credential chain reads the process environment; the emulator accepts any key.
	process.env.AWS_ACCESS_KEY_ID ??= 'sagemon-test';
	process.env.AWS_SECRET_ACCESS_KEY ??= 'sagemon-test';
	const emulator = await startTestEmulator({timeScale: options.timeScale ?? 600, demo: options.demo ?? true});
	try {
		const aws = await connectAws({endpointUrl: emulator.url, region: 'us-east-1'}, process.env);
		return {
			emulator,
			aws,
			async close() {
				await aws.close();
				await emulator.close();
			},
		};
	} catch (error) {
		await emulator.close();
		throw error;
	}
}

/**
 * The backend of a test file: started before its tests (then `prepare`d) and closed after them, with every app
 * the tests rendered unmounted, and its config directory removed, after each test.
 */
export function backendForFile(
	options: {timeScale?: number; demo?: boolean} = {},
	prepare?: (backend: Backend) => Promise<void>,
): Backend {
	let started: Backend | undefined;
	beforeAll(async () => {
		started = await startBackend(options);
		await prepare?.(started);
	});
	afterEach(unmountRenderedApps);
	afterAll(async () => {
		await started?.close();
	});
	const current = () => {
		if (started === undefined)
			throw new Error('The backend starts in beforeAll: use it in a test or a hook.');
		return started;
	};
	return {
		get emulator() {
			return current().emulator;
		},
		get aws() {
			return current().aws;
		},
		close: () => current().close(),
	};
}

/** The real gateway, with a count of the calls made through it (the calls still go to the emulator). */
export function countCalls(access: AwsAccess): {access: AwsAccess; calls: Map<string, number>} {
	const calls = new Map<string, number>();
	const pipelines = new Proxy(access.pipelines, {
		get(target, property, receiver) {
			const value = Reflect.get(target, property, receiver);
			if (typeof value !== 'function') return value;
			return (...args: unknown[]) => {
				calls.set(String(property), (calls.get(String(property)) ?? 0) + 1);
				return value.apply(target, args);
			};
		},
	});
	return {access: {...access, pipelines}, calls};
}

/**
 * Creates (or updates) a pipeline from a real fixture definition, tuning how the emulator runs its steps through
 * the definition's `Metadata["sagemon.emulator"]` (durations in simulated seconds, failures, property files).
 */
export async function createPipeline(
	access: AwsAccess,
	name: string,
	options: {fixture?: string; steps?: Record<string, unknown>; extraParameters?: unknown[]} = {},
): Promise<void> {
	const definition = JSON.parse(readFixture(options.fixture ?? 'abalone-tutorial.json')) as Record<
		string,
		unknown
	>;
	definition.Metadata = {
		...(definition.Metadata as object | undefined),
		'sagemon.emulator': {steps: options.steps ?? {}},
	};
	definition.Parameters = [
		...((definition.Parameters as unknown[] | undefined) ?? []),
		...(options.extraParameters ?? []),
	];
	await access.pipelines.upsertPipeline({
		name,
		definition: JSON.stringify(definition),
		roleArn: 'arn:aws:iam::000000000000:role/SageMakerPipelinesRole',
	});
}

export type RenderedApp = ReturnType<typeof render> & {
	/** The last frame as plain text. */
	screen(): string;
	/** Types keys, then waits until the screen shows `text` (a string or a pattern). */
	press(keys: string, until?: string | RegExp): Promise<void>;
	waitFor(text: string | RegExp, timeoutMs?: number): Promise<void>;
	/** Waits until the screen no longer shows `text`. */
	waitForGone(text: string | RegExp, timeoutMs?: number): Promise<void>;
	configDirectory: string;
	cleanupConfig(): void;
	/** The app element with some props changed, for `rerender`. */
	element(changes: Partial<AppProps>): ReactElement;
};

export const keys = {
	up: '\u001B[A',
	down: '\u001B[B',
	right: '\u001B[C',
	left: '\u001B[D',
	enter: '\r',
	escape: '\u001B',
	backspace: '\u007F',
	tab: '\t',
	pageUp: '\u001B[5~',
	pageDown: '\u001B[6~',
	home: '\u001B[H',
	end: '\u001B[F',
	ctrlC: '\u0003',
	ctrlS: '\u0013',
	ctrlR: '\u0012',
	ctrlU: '\u0015',
};

const renderedApps = new Set<RenderedApp>();

/** Unmounts every app rendered so far (unmounting twice does nothing), then removes their config directories. */
export function unmountRenderedApps(): void {
	for (const app of renderedApps) app.unmount();
	for (const app of renderedApps) app.cleanupConfig();
	renderedApps.clear();
}

export function renderApp(access: AwsAccess, props: Partial<AppProps> = {}): RenderedApp {
	const configDirectory = mkdtempSync(join(tmpdir(), 'sagemon-ui-'));
	const connect = () => Promise.resolve(access);
	const element = (changes: Partial<AppProps> = {}) => (
		<App
			connect={connect}
			readOnly={false}
			intervalMs={50}
			listIntervalMs={100}
			configDirectory={configDirectory}
			unicode
			color={false}
			size={{columns: 100, rows: 40}}
			{...props}
			{...changes}
		/>
	);
	const rendered = render(element());
	const screen = () => rendered.lastFrame() ?? '';
	const shows = (text: string | RegExp) =>
		typeof text === 'string' ? screen().includes(text) : text.test(screen());
	const poll = async (done: () => boolean, what: string, timeoutMs: number) => {
		const started = Date.now();
		while (!done()) {
			if (Date.now() - started > timeoutMs)
				throw new Error(`Timed out waiting ${what}. The screen shows:\n${screen()}`);
			await new Promise((resolve) => setTimeout(resolve, 10));
		}
	};
	const waitFor = (text: string | RegExp, timeoutMs = 10_000) =>
		poll(() => shows(text), `for ${String(text)}`, timeoutMs);

	let mounted = true;
	const app: RenderedApp = {
		...rendered,
		unmount() {
			if (mounted) rendered.unmount();
			mounted = false;
		},
		screen,
		waitFor,
		waitForGone: (text, timeoutMs = 10_000) =>
			poll(() => !shows(text), `for ${String(text)} to go`, timeoutMs),
		configDirectory,
		cleanupConfig: () => rmSync(configDirectory, {recursive: true, force: true}),
		element,
		async press(sequence, until) {
			rendered.stdin.write(sequence);
			if (until !== undefined) await waitFor(until);
		},
	};
	renderedApps.add(app);
	return app;
}
