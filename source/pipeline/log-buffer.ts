// A bounded log for a pane or a command: keeps the first `head` and the last `tail` lines of a log of any
// length, counts the lines skipped between them, merges streams by timestamp with an instance tag, and cuts
// single lines longer than `maxLineLength`. The tail is a ring of `tail` slots, so memory stays within
// head + tail lines however long a job runs, and a view reads the kept lines by index without copying them.

export type LogLine = {timestamp: number; instance: string; message: string};

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
	/** The tail's lines in time order are #ring[#first], #ring[#first + 1], … modulo the ring's length. */
	readonly #ring: LogLine[] = [];
	#first = 0;
	#skipped = 0;
	#total = 0;
	readonly #limits: Required<LogBufferLimits>;

	constructor(limits: LogBufferLimits) {
		this.#limits = {
			head: Math.max(0, Math.floor(limits.head)),
			tail: Math.max(1, Math.floor(limits.tail)),
			maxLineLength: limits.maxLineLength ?? defaultMaxLineLength,
		};
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
		for (const line of batch) this.#addOne(this.#keep(line));
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
		return this.#head.length + this.#ring.length;
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

		return rest < this.#ring.length ? this.#tailAt(rest) : undefined;
	}

	/** The kept lines in order, with a `{skipped}` marker between head and tail when lines were dropped. */
	entries(): LogEntry[] {
		return Array.from({length: this.length}, (_, index) => this.at(index)!);
	}

	/** The kept lines without the marker. */
	lines(): LogLine[] {
		return [...this.#head, ...Array.from({length: this.#ring.length}, (_, index) => this.#tailAt(index))];
	}

	#tailAt(index: number): LogLine {
		return this.#ring[(this.#first + index) % this.#ring.length]!;
	}

	#setTail(index: number, line: LogLine): void {
		this.#ring[(this.#first + index) % this.#ring.length] = line;
	}

	#addOne(line: LogLine): void {
		this.#total++;
		const count = this.#ring.length;
		if (this.#head.length < this.#limits.head && count === 0) {
			this.#head.push(line);
			return;
		}

		// Usually the newest line; a late line from a slower stream is placed by its timestamp.
		let position = count;
		while (position > 0 && this.#tailAt(position - 1).timestamp > line.timestamp) position--;
		if (count < this.#limits.tail) {
			// Not full yet: the ring has not wrapped (#first is 0), so it is a plain array.
			if (position === count) this.#ring.push(line);
			else this.#ring.splice(position, 0, line);
			return;
		}

		// Full: the oldest tail line is dropped to make room (or the new one, when it is older than all of them).
		this.#skipped++;
		if (position === 0) return;
		if (position === count) {
			this.#ring[this.#first] = line;
			this.#first = (this.#first + 1) % count;
			return;
		}

		for (let index = 0; index < position - 1; index++) this.#setTail(index, this.#tailAt(index + 1));
		this.#setTail(position - 1, line);
	}

	#keep(line: LogLine): LogLine {
		const limit = this.#limits.maxLineLength;
		const message =
			line.message.length <= limit
				? line.message
				: `${line.message.slice(0, limit)}… (${line.message.length - limit} more characters)`;
		return {timestamp: line.timestamp, instance: line.instance, message};
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
