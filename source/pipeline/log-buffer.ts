// A bounded log for a pane or a command: keeps the first `head` and the last `tail` lines of a log of any
// length, counts the lines skipped between them, merges streams by timestamp with an instance tag, and cuts
// single lines longer than `maxLineLength`. Memory stays within head + 2 × tail lines however long a job runs.

export type LogLine = {timestamp: number; instance: string; message: string};

/** What a view shows: the kept lines, with one marker where lines were skipped. */
export type LogEntry = LogLine | {skipped: number};

export type LogBufferLimits = {head: number; tail: number; maxLineLength?: number};

const defaultMaxLineLength = 64 * 1024;

export class LogBuffer {
	readonly #head: LogLine[] = [];
	/** The tail window is #tail[#start…]; the slack before #start is dropped in bulk, not line by line. */
	#tail: LogLine[] = [];
	#start = 0;
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

	/** Adds lines; a batch from several streams is merged by timestamp (ties keep arrival order). */
	add(lines: readonly LogLine[]): void {
		const sorted = [...lines].map((line) => this.#cut(line));
		sorted.sort((a, b) => a.timestamp - b.timestamp);
		for (const line of sorted) this.#addOne(line);
	}

	/** Every line added so far, kept or skipped. */
	get total(): number {
		return this.#total;
	}

	/** Lines dropped between the head and the tail. */
	get skipped(): number {
		return this.#skipped;
	}

	/** How many lines the buffer holds in memory right now (bounded by head + 2 × tail). */
	get retained(): number {
		return this.#head.length + this.#tail.length;
	}

	/** The kept lines in order, with a `{skipped}` marker between head and tail when lines were dropped. */
	entries(): LogEntry[] {
		const tail = this.#tail.slice(this.#start);
		return this.#skipped > 0 ? [...this.#head, {skipped: this.#skipped}, ...tail] : [...this.#head, ...tail];
	}

	/** The kept lines without the marker. */
	lines(): LogLine[] {
		return [...this.#head, ...this.#tail.slice(this.#start)];
	}

	#addOne(line: LogLine): void {
		this.#total++;
		if (this.#head.length < this.#limits.head && this.#tail.length === this.#start) {
			this.#head.push(line);
			return;
		}

		// Usually the newest line; a late line from a slower stream is placed by its timestamp.
		let index = this.#tail.length;
		while (index > this.#start && this.#tail[index - 1]!.timestamp > line.timestamp) index--;
		if (index === this.#tail.length) this.#tail.push(line);
		else this.#tail.splice(index, 0, line);
		if (this.#tail.length - this.#start > this.#limits.tail) {
			this.#start++;
			this.#skipped++;
		}

		if (this.#start >= this.#limits.tail) {
			this.#tail = this.#tail.slice(this.#start);
			this.#start = 0;
		}
	}

	#cut(line: LogLine): LogLine {
		const limit = this.#limits.maxLineLength;
		if (line.message.length <= limit) return line;
		const more = line.message.length - limit;
		return {...line, message: `${line.message.slice(0, limit)}… (${more} more characters)`};
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
