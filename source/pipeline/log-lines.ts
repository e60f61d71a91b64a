// How a step's log events are written out: `--since` durations, the plain line (step, instance, message) and the
// JSON Lines object of `sagemon logs`, and the client-side `--grep` match. Every message is sanitised here, so
// escape sequences inside a log reach a terminal as visible text.
import {sanitizeText, stringifyJson} from './sanitize.js';

export type StepLogEvent = {
	step: string;
	stream: string;
	instance: string;
	timestamp: number;
	message: string;
};

const unitMs: Record<string, number> = {s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000, w: 604_800_000};

/** `90s`, `10m`, `2h`, `1d`, `1w` or a combination (`1h30m`) in milliseconds; undefined when malformed. */
export function parseDuration(text: string): number | undefined {
	const trimmed = text.trim().toLowerCase();
	if (!/^(\d+(\.\d+)?[smhdw])+$/.test(trimmed)) return undefined;
	let total = 0;
	for (const [, amount, unit] of trimmed.matchAll(/(\d+(?:\.\d+)?)([smhdw])/g)) {
		total += Number(amount) * (unitMs[unit!] ?? 0);
	}

	return total > 0 ? Math.round(total) : undefined;
}

/** One plain line: `STEP INSTANCE | message`, every part sanitised, no trailing newline inside. */
export function formatLogLine(event: StepLogEvent): string {
	// sanitizeText hands back a line with nothing to show differently as it is, so a 10 MB line is not copied.
	const message = sanitizeText(event.message.replace(/\r?\n$/, ''));
	return `${sanitizeText(event.step)} ${sanitizeText(event.instance)} | ${message}`;
}

/** One JSON Lines object: step, stream, instance, timestamp (ISO 8601), message. */
export function formatLogJson(event: StepLogEvent): string {
	return stringifyJson({
		step: event.step,
		stream: event.stream,
		instance: event.instance,
		timestamp: new Date(event.timestamp).toISOString(),
		message: event.message,
	});
}

/** `--grep TEXT`: a plain, case-sensitive substring of the message (as `grep -F`). */
export function matchesGrep(message: string, text: string | undefined): boolean {
	return text === undefined || text === '' || message.includes(text);
}
