// Timed engine events in a binary heap ordered by (time, insertion), so equal times run in the order scheduled.

type Entry = {time: number; sequence: number; run: (time: number) => void};

export class EventQueue {
	readonly #heap: Entry[] = [];
	#sequence = 0;

	get size(): number {
		return this.#heap.length;
	}

	schedule(time: number, run: (time: number) => void): void {
		const heap = this.#heap;
		const entry = {time, sequence: this.#sequence++, run};
		heap.push(entry);
		let index = heap.length - 1;
		while (index > 0) {
			const parent = (index - 1) >> 1;
			if (!before(entry, heap[parent]!)) break;
			heap[index] = heap[parent]!;
			index = parent;
		}

		heap[index] = entry;
	}

	/** Runs every event due at or before `now`, including events that those events schedule. */
	runUntil(now: number): void {
		while (this.#heap.length > 0 && this.#heap[0]!.time <= now) {
			const entry = this.#pop();
			entry.run(entry.time);
		}
	}

	#pop(): Entry {
		const heap = this.#heap;
		const top = heap[0]!;
		const last = heap.pop()!;
		if (heap.length === 0) return top;
		let index = 0;
		while (true) {
			const left = index * 2 + 1;
			if (left >= heap.length) break;
			const right = left + 1;
			const smaller = right < heap.length && before(heap[right]!, heap[left]!) ? right : left;
			if (!before(heap[smaller]!, last)) break;
			heap[index] = heap[smaller]!;
			index = smaller;
		}

		heap[index] = last;
		return top;
	}
}

function before(a: Entry, b: Entry): boolean {
	return a.time < b.time || (a.time === b.time && a.sequence < b.sequence);
}
