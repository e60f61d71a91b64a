// What every screen may reach: the session (AWS access, flags), the navigation stack and the shell around it
// (message line, footer/help keymap, unsaved-edit guard, header refresh state).
import {createContext, useContext} from 'react';
import type {AwsAccess} from '../aws/types.js';
import type {Confirmation} from './confirmation.js';
import type {Keymap} from './keymap.js';
import type {RefreshStore} from './refresh-store.js';

export type Route =
	| {kind: 'pipelines'; selected?: string}
	| {kind: 'executions'; pipelineName: string; selected?: string}
	| {kind: 'execution'; pipelineName: string; executionArn: string; title?: string}
	| {kind: 'start'; pipelineName: string};

export type Session = {
	aws: AwsAccess;
	readOnly: boolean;
	/** Milliseconds between refreshes while something runs (--interval). */
	intervalMs: number;
	/** Milliseconds between refreshes of the pipelines and executions lists. */
	listIntervalMs: number;
	/** Where the remembered start-form values live. */
	configDirectory: string;
	/** The clock; tests may pin it. */
	now(): number;
};

export type Navigation = {
	push(route: Route): void;
	back(): void;
	/** Replaces the top of the stack (the start form becomes the execution it started). */
	replace(route: Route | Route[]): void;
	/** Replaces the whole stack (e.g. back to the list when the pipeline is gone). */
	reset(routes: Route[]): void;
	/** Saves screen state (such as the selected row) in the current stack entry, for when the user comes back. */
	remember(changes: Partial<Route>): void;
	depth: number;
};

export type Tone = 'info' | 'success' | 'error';

export type Shell = {
	notify(text: string, tone?: Tone): void;
	/** The keys the footer and help show; `typing` when a text field has the keyboard (global keys are off). */
	setKeymap(keymap: Keymap, options?: {typing?: boolean}): void;
	/** A question asked before quitting or leaving while there are unsaved edits; undefined when there are none. */
	setGuard(question: string | undefined): void;
	refresh: RefreshStore;
	/** Opens the confirmation dialog, unless one is open already. */
	confirm(confirmation: Confirmation): void;
	/** Explains that a mutating key is disabled by --read-only. */
	refuseReadOnly(what: string): void;
};

export const SessionContext = createContext<Session | undefined>(undefined);
export const NavigationContext = createContext<Navigation | undefined>(undefined);
export const ShellContext = createContext<Shell | undefined>(undefined);

export function useSession(): Session {
	return required(useContext(SessionContext), 'session');
}

export function useNavigation(): Navigation {
	return required(useContext(NavigationContext), 'navigation');
}

export function useShell(): Shell {
	return required(useContext(ShellContext), 'shell');
}

function required<T>(value: T | undefined, name: string): T {
	if (value === undefined) throw new Error(`The ${name} context is missing: render screens inside <App>.`);
	return value;
}
