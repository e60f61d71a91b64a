// What every screen may reach: the session (AWS access, flags), the navigation stack and the screen host around it
// (message line, footer/help keymap, leave warning, header refresh state, confirmations).
import {createContext, useContext} from 'react';
import type {AwsAccess} from '../aws/types.js';
import type {Confirmation} from './confirmation.js';
import type {Keymap} from './keys/bindings.js';
import type {RefreshStore} from './refresh-store.js';
import type {Route} from './shell/routes.js';

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

/** What a message on the message line reports. */
export type MessageKind = 'info' | 'success' | 'error';

/** What a screen may ask of the frame it is shown in. */
export type ScreenHost = {
	notify(text: string, kind?: MessageKind): void;
	/** The keys the footer and help show; `typing` when a text field has the keyboard (global keys are off). */
	setKeymap(keymap: Keymap, options?: {typing?: boolean}): void;
	/** Asked before quitting or leaving while there are unsaved edits; undefined when there are none. */
	setLeaveWarning(warning: string | undefined): void;
	refresh: RefreshStore;
	/** Opens the confirmation dialog, unless one is open already. */
	confirm(confirmation: Confirmation): void;
	/** Explains that a mutating key is disabled by --read-only. */
	refuseReadOnly(action: string): void;
};

export const SessionContext = createContext<Session | undefined>(undefined);
export const NavigationContext = createContext<Navigation | undefined>(undefined);
export const ScreenHostContext = createContext<ScreenHost | undefined>(undefined);

export function useSession(): Session {
	return required(useContext(SessionContext), 'session');
}

export function useNavigation(): Navigation {
	return required(useContext(NavigationContext), 'navigation');
}

export function useScreenHost(): ScreenHost {
	return required(useContext(ScreenHostContext), 'screen host');
}

function required<T>(value: T | undefined, name: string): T {
	if (value === undefined) throw new Error(`The ${name} context is missing: render screens inside <App>.`);
	return value;
}
