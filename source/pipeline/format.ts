// Display formatting shared by the TUI and the commands: durations, relative times, timestamps, truncation.
import stringWidth from 'string-width';

/**
 * How fine a figure on screen may be. A live figure shows no finer unit than it is redrawn at: 'second' for one
 * that ticks each second (or does not move), 'minute' for one redrawn at most once a minute.
 */
export type TimePrecision = 'second' | 'minute';

/**
 * "850ms", "12s", "1m 05s", "2h 03m", "3d 4h". Negative or non-finite input is treated as 0. At 'minute' precision
 * the seconds are dropped: "<1m", "2m", "1h 05m".
 */
export function formatDuration(ms: number, precision: TimePrecision = 'second'): string {
	const safe = Number.isFinite(ms) && ms > 0 ? ms : 0;
	if (precision === 'minute') {
		const minutes = Math.floor(safe / 60_000);
		if (minutes < 1) return '<1m';
		if (minutes < 60) return `${minutes}m`;
		return formatDuration(safe);
	}

	if (safe < 1000) return `${Math.floor(safe)}ms`;
	const seconds = Math.floor(safe / 1000);
	if (seconds < 60) return `${seconds}s`;
	const minutes = Math.floor(seconds / 60);
	if (minutes < 60) return `${minutes}m ${pad(seconds % 60)}s`;
	const hours = Math.floor(minutes / 60);
	if (hours < 24) return `${hours}h ${pad(minutes % 60)}m`;
	const days = Math.floor(hours / 24);
	return `${days}d ${hours % 24}h`;
}

/**
 * "just now" (under 5 s, or in the future), "12s ago", "5m ago", "3h ago", "2d ago". At 'minute' precision
 * everything under a minute is "just now".
 */
export function formatRelativeTime(at: number, now: number, precision: TimePrecision = 'second'): string {
	const seconds = Math.floor((now - at) / 1000);
	if (!Number.isFinite(seconds) || seconds < (precision === 'minute' ? 60 : 5)) return 'just now';
	if (seconds < 60) return `${seconds}s ago`;
	const minutes = Math.floor(seconds / 60);
	if (minutes < 60) return `${minutes}m ago`;
	const hours = Math.floor(minutes / 60);
	if (hours < 24) return `${hours}h ago`;
	return `${Math.floor(hours / 24)}d ago`;
}

/** The unit a figure at `precision` changes by, in ms: how often it needs redrawing to stay true. */
export function unitOf(precision: TimePrecision): number {
	return precision === 'minute' ? 60_000 : 1000;
}

/**
 * "2026-11-24 13:05:12". Uses UTC unless `timeZoneOffsetMinutes` is given (minutes east of UTC, e.g. 60 for CET),
 * so the output never depends on the machine running it; callers that want local time pass
 * `-new Date(at).getTimezoneOffset()`.
 */
export function formatTimestamp(at: number, options: {timeZoneOffsetMinutes?: number} = {}): string {
	if (!Number.isFinite(at)) return '-';
	const date = new Date(at + (options.timeZoneOffsetMinutes ?? 0) * 60_000);
	return (
		`${date.getUTCFullYear()}-${pad(date.getUTCMonth() + 1)}-${pad(date.getUTCDate())} ` +
		`${pad(date.getUTCHours())}:${pad(date.getUTCMinutes())}:${pad(date.getUTCSeconds())}`
	);
}

/** Cuts `text` to at most `width` terminal columns, ending with "…" when something was cut. */
export function truncateEnd(text: string, width: number): string {
	if (width <= 0) return '';
	if (stringWidth(text) <= width) return text;
	if (width === 1) return '…';
	let result = '';
	let used = 0;
	for (const {segment} of graphemesOf(text)) {
		const segmentWidth = stringWidth(segment);
		if (used + segmentWidth > width - 1) break;
		result += segment;
		used += segmentWidth;
	}

	return `${result}…`;
}

// Created on first use: the first Intl.Segmenter of a process loads ICU's break rules, tens of ms at start.
let segmenter: Intl.Segmenter | undefined;
function graphemesOf(text: string): Intl.Segments {
	segmenter ??= new Intl.Segmenter();
	return segmenter.segment(text);
}

function pad(value: number): string {
	return String(value).padStart(2, '0');
}
