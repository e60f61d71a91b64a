// The last lines of a log, in time order, in a ring of fixed capacity: once full, each new line drops the oldest.
// Lines are stored by column (times in a Float64Array, instances as indexes into their few names, messages as
// strings) rather than an object each: a followed log passes tens of thousands of lines through it, and every
// object kept for a while is work for the garbage collector and memory the process holds.

export type LogLine = {timestamp: number; instance: string; message: string};

export class LogRing {
	readonly #capacity: number;
	readonly #times: Float64Array;
	readonly #instances: Uint32Array;
	readonly #messages: string[] = [];
	readonly #names: string[] = [];
	readonly #nameIndexes = new Map<string, number>();
	/** The slot of the oldest line; the lines in time order are the slots from here, modulo the capacity. */
	#first = 0;
	#count = 0;

	constructor(capacity: number) {
		this.#capacity = Math.max(1, Math.floor(capacity));
		this.#times = new Float64Array(this.#capacity);
		this.#instances = new Uint32Array(this.#capacity);
	}

	get length(): number {
		return this.#count;
	}

	/** The line at `index` (0 is the oldest kept). */
	at(index: number): LogLine | undefined {
		if (index < 0 || index >= this.#count) return undefined;
		const slot = this.#slot(index);
		return {
			timestamp: this.#times[slot]!,
			instance: this.#names[this.#instances[slot]!]!,
			message: this.#messages[slot]!,
		};
	}

	/**
	 * Places a line by its timestamp (usually the newest; a late line from a slower stream goes before newer ones).
	 * Returns how many lines were dropped to keep the capacity: the oldest, or this one when older than all.
	 */
	add(line: LogLine): 0 | 1 {
		let position = this.#count;
		while (position > 0 && this.#times[this.#slot(position - 1)]! > line.timestamp) position--;
		if (this.#count < this.#capacity) {
			for (let index = this.#count; index > position; index--) this.#move(index - 1, index);
			this.#count++;
			this.#write(position, line);
			return 0;
		}

		if (position === 0) return 1;
		if (position === this.#count) {
			// The newest line takes the oldest one's slot, and the ring turns by one.
			this.#write(0, line);
			this.#first = (this.#first + 1) % this.#capacity;
			return 1;
		}

		for (let index = 0; index < position - 1; index++) this.#move(index + 1, index);
		this.#write(position - 1, line);
		return 1;
	}

	#slot(index: number): number {
		return (this.#first + index) % this.#capacity;
	}

	#move(from: number, to: number): void {
		const source = this.#slot(from);
		const target = this.#slot(to);
		this.#times[target] = this.#times[source]!;
		this.#instances[target] = this.#instances[source]!;
		this.#messages[target] = this.#messages[source]!;
	}

	#write(index: number, line: LogLine): void {
		const slot = this.#slot(index);
		let name = this.#nameIndexes.get(line.instance);
		if (name === undefined) {
			name = this.#names.length;
			this.#names.push(line.instance);
			this.#nameIndexes.set(line.instance, name);
		}

		this.#times[slot] = line.timestamp;
		this.#instances[slot] = name;
		this.#messages[slot] = line.message;
	}
}
