// A binary min-heap, so ordering thousands of steps by definition position stays O(n log n).

/** A binary min-heap of numbers (definition positions), so ordering 2,000 steps stays O(n log n). */
export class MinHeap<T extends number> {
	private readonly items: T[] = [];

	get size(): number {
		return this.items.length;
	}

	push(item: T): void {
		const items = this.items;
		items.push(item);
		let index = items.length - 1;
		while (index > 0) {
			const parent = (index - 1) >> 1;
			if ((items[parent] as T) <= item) break;
			items[index] = items[parent] as T;
			index = parent;
		}

		items[index] = item;
	}

	pop(): T | undefined {
		const items = this.items;
		const top = items[0];
		const last = items.pop();
		if (items.length === 0 || last === undefined) return top;
		let index = 0;
		while (true) {
			const left = index * 2 + 1;
			if (left >= items.length) break;
			const right = left + 1;
			const smaller = right < items.length && (items[right] as T) < (items[left] as T) ? right : left;
			if ((items[smaller] as T) >= last) break;
			items[index] = items[smaller] as T;
			index = smaller;
		}

		items[index] = last;
		return top;
	}
}
