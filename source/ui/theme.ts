// Colours, icons and status words in one place, with ASCII and no-colour fallbacks: status is always carried
// by an icon and a word as well as a colour, so NO_COLOR and monochrome terminals lose nothing.
import {createContext, useContext} from 'react';
import type {NodeState} from '../pipeline/execution-state.js';

export type Tone = 'success' | 'running' | 'warning' | 'danger' | 'muted' | 'accent' | 'info' | 'normal';

/** The approval statuses of a model package version, as statusKeyOf spells them. */
export type ApprovalKey = 'approved' | 'rejected' | 'pending-manual-approval';

/** Every state a step, an execution or a model version can be drawn in (NodeState, approval statuses). */
export type StatusKey = NodeState | ApprovalKey | 'unknown';

export type StatusLook = {icon: string; word: string; tone: Tone};

export type Theme = {
	unicode: boolean;
	color: boolean;
	status(key: StatusKey): StatusLook;
	/** Ink colour name for a tone, or undefined when colour is off. */
	colorOf(tone: Tone): string | undefined;
	glyphs: Glyphs;
};

export type Glyphs = {
	selected: string;
	breadcrumb: string;
	ellipsis: string;
	overridden: string;
	/** A step marked for a selective re-run. */
	marked: string;
	barFull: string;
	barEmpty: string;
	sortAscending: string;
	sortDescending: string;
	dot: string;
	choiceLeft: string;
	choiceRight: string;
};

const toneColors: Record<Tone, string | undefined> = {
	success: 'green',
	running: 'blue',
	warning: 'yellow',
	danger: 'red',
	muted: 'gray',
	accent: 'cyan',
	info: 'magenta',
	normal: undefined,
};

const unicodeStatus: Record<StatusKey, StatusLook> = {
	'not-started': {icon: '○', word: 'not started', tone: 'muted'},
	starting: {icon: '◔', word: 'starting', tone: 'running'},
	executing: {icon: '●', word: 'executing', tone: 'running'},
	stopping: {icon: '◑', word: 'stopping', tone: 'warning'},
	stopped: {icon: '■', word: 'stopped', tone: 'warning'},
	failed: {icon: '✖', word: 'failed', tone: 'danger'},
	succeeded: {icon: '✔', word: 'succeeded', tone: 'success'},
	'cache-hit': {icon: '↺', word: 'cache hit', tone: 'success'},
	skipped: {icon: '⊘', word: 'skipped', tone: 'muted'},
	unknown: {icon: '?', word: 'unknown', tone: 'muted'},
	approved: {icon: '✔', word: 'Approved', tone: 'success'},
	rejected: {icon: '✖', word: 'Rejected', tone: 'danger'},
	'pending-manual-approval': {icon: '◌', word: 'PendingManualApproval', tone: 'warning'},
};

const asciiIcons: Record<StatusKey, string> = {
	'not-started': '.',
	starting: '>',
	executing: '*',
	stopping: '!',
	stopped: '#',
	failed: 'x',
	succeeded: 'v',
	'cache-hit': '=',
	skipped: '-',
	unknown: '?',
	approved: 'v',
	rejected: 'x',
	'pending-manual-approval': 'o',
};

const unicodeGlyphs: Glyphs = {
	selected: '›',
	breadcrumb: ' › ',
	ellipsis: '…',
	overridden: '●',
	marked: '◆',
	barFull: '█',
	barEmpty: '·',
	sortAscending: '↑',
	sortDescending: '↓',
	dot: '·',
	choiceLeft: '◂',
	choiceRight: '▸',
};

const asciiGlyphs: Glyphs = {
	selected: '>',
	breadcrumb: ' > ',
	ellipsis: '~',
	overridden: '*',
	marked: '+',
	barFull: '#',
	barEmpty: '.',
	sortAscending: '^',
	sortDescending: 'v',
	dot: '-',
	choiceLeft: '<',
	choiceRight: '>',
};

export function createTheme(options: {unicode: boolean; color: boolean}): Theme {
	const {unicode, color} = options;
	return {
		unicode,
		color,
		glyphs: unicode ? unicodeGlyphs : asciiGlyphs,
		status(key) {
			const look = unicodeStatus[key] ?? unicodeStatus.unknown;
			return unicode ? look : {...look, icon: asciiIcons[key] ?? '?'};
		},
		colorOf(tone) {
			return color ? toneColors[tone] : undefined;
		},
	};
}

export function detectColor(env: NodeJS.ProcessEnv, colorFlag: boolean): boolean {
	if (!colorFlag) return false;
	if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return false;
	if (env.FORCE_COLOR === '0') return false;
	return env.TERM !== 'dumb';
}

/** Maps a service status (`Executing`, `Succeeded`, ...) or a core NodeState to the key the theme draws. */
export function statusKeyOf(status: string | undefined): StatusKey {
	if (!status) return 'unknown';
	const key = status
		.replace(/([a-z])([A-Z])/g, '$1-$2')
		.toLowerCase()
		.replace(/\s+/g, '-');
	return key in unicodeStatus ? (key as StatusKey) : 'unknown';
}

export const ThemeContext = createContext<Theme>(createTheme({unicode: true, color: true}));

export function useTheme(): Theme {
	return useContext(ThemeContext);
}
