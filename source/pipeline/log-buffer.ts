// A bounded log for a pane or a command: keeps the first `head` and the last `tail` lines of a log of any
// length, counts the lines skipped between them, merges streams by timestamp with an instance tag, and cuts
// single lines longer than `maxLineLength`. The tail is a ring of `tail` slots (log-ring.ts), so memory stays
// within head + tail lines however long a job runs, and a view reads the kept lines by index without copying them.
import {type LogLine, LogRing} from './log-ring.js';

export type {LogLine} from './log-ring.js';

/** What a view shows: the kept lines, with one marker where lines were skipped. */
export type LogEntry = LogLine | {skipped: number};

/** The kept entries by index (an array is one too): what a view reads, without copying a long log per frame. */
export type LogEntries = {
	readonly length: number;
	at(index: number): LogEntry | undefined;
};

export type LogBufferLimits = {head: number; tail: number; maxLineLength?: number};

const defaultMaxLineLength = 64 * 1024;

export class LogBuffer implements LogEntries {
	readonly #head: LogLine[] = [];
	readonly #tail: LogRing;
	#skipped = 0;
	#total = 0;
	readonly #limits: Required<LogBufferLimits>;

	constructor(limits: LogBufferLimits) {
		this.#limits = {
			head: Math.max(0, Math.floor(limits.head)),
			tail: Math.max(1, Math.floor(limits.tail)),
			maxLineLength: limits.maxLineLength ?? defaultMaxLineLength,
		};
		this.#tail = new LogRing(this.#limits.tail);
	}

	/**
	 * Adds lines; a batch from several streams is merged by timestamp (ties keep arrival order). Only the
	 * timestamp, instance and message of each are kept (a stream name or ingestion time would be memory unused).
	 */
	add(lines: readonly LogLine[]): void {
		let ordered = true;
		for (let index = 1; index < lines.length && ordered; index++) {
			ordered = lines[index - 1]!.timestamp <= lines[index]!.timestamp;
		}

		const batch = ordered ? lines : [...lines].sort((a, b) => a.timestamp - b.timestamp);
		for (const line of batch) this.#addOne(line);
	}

	/** Every line added so far, kept or skipped. */
	get total(): number {
		return this.#total;
	}

	/** Lines dropped between the head and the tail. */
	get skipped(): number {
		return this.#skipped;
	}

	/** How many lines the buffer holds in memory right now (bounded by head + tail). */
	get retained(): number {
		return this.#head.length + this.#tail.length;
	}

	/** How many entries a view shows: the kept lines, and the marker when lines were skipped. */
	get length(): number {
		return this.retained + (this.#skipped > 0 ? 1 : 0);
	}

	/** The entry at `index` of `entries()`, without building that list. */
	at(index: number): LogEntry | undefined {
		if (index < 0) return undefined;
		if (index < this.#head.length) return this.#head[index];
		let rest = index - this.#head.length;
		if (this.#skipped > 0) {
			if (rest === 0) return {skipped: this.#skipped};
			rest--;
		}

		return this.#tail.at(rest);
	}

	/** The kept lines in order, with a `{skipped}` marker between head and tail when lines were dropped. */
	entries(): LogEntry[] {
		return Array.from({length: this.length}, (_, index) => this.at(index)!);
	}

	/** The kept lines without the marker. */
	lines(): LogLine[] {
		return [...this.#head, ...Array.from({length: this.#tail.length}, (_, index) => this.#tail.at(index)!)];
	}

	#addOne(line: LogLine): void {
		this.#total++;
		const message = this.#cut(line.message);
		if (this.#head.length < this.#limits.head && this.#tail.length === 0) {
			this.#head.push({timestamp: line.timestamp, instance: line.instance, message});
			return;
		}

		this.#skipped += this.#tail.add(message === line.message ? line : {...line, message});
	}

	#cut(message: string): string {
		const limit = this.#limits.maxLineLength;
		if (message.length <= limit) return message;
		return `${message.slice(0, limit)}… (${message.length - limit} more characters)`;
	}
}

/** Merges per-stream lines (each in time order) into one time-ordered list; ties keep stream order. */
export function mergeByTimestamp(streams: ReadonlyArray<readonly LogLine[]>): LogLine[] {
	const positions = streams.map(() => 0);
	const merged: LogLine[] = [];
	for (;;) {
		let best = -1;
		for (let stream = 0; stream < streams.length; stream++) {
			const line = streams[stream]![positions[stream]!];
			if (line && (best === -1 || line.timestamp < streams[best]![positions[best]!]!.timestamp))
				best = stream;
		}

		if (best === -1) return merged;
		merged.push(streams[best]![positions[best]!]!);
		positions[best]!++;
	}
}
