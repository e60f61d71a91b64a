// Places a row of items in order, each as near as it can be to where it wants to be, none closer than allowed.

/**
 * Integer positions p[i] >= p[i-1] + (offsets[i] - offsets[i-1]) closest (weighted least squares) to the
 * desired values: isotonic regression by pooling adjacent violators on value - offset. The items of one row are
 * added in order, then placed; the buffers are kept from one row to the next.
 */
export class ClosestOrdered {
	private sum: Float64Array;
	private weight: Float64Array;
	private count: Int32Array;
	private blocks = 0;

	constructor(capacity: number) {
		this.sum = new Float64Array(capacity);
		this.weight = new Float64Array(capacity);
		this.count = new Int32Array(capacity);
	}

	/** Makes room for `capacity` items in the next row. */
	reserve(capacity: number): void {
		if (this.sum.length >= capacity) return;
		this.sum = new Float64Array(capacity);
		this.weight = new Float64Array(capacity);
		this.count = new Int32Array(capacity);
	}

	/** The next item wants `value` with `weight`; `offset` is where it stands in its row packed from 0. */
	add(value: number, weight: number, offset: number): void {
		const {sum, count} = this;
		let top = this.blocks++;
		sum[top] = (value - offset) * weight;
		this.weight[top] = weight;
		count[top] = 1;
		while (top > 0 && !(sum[top - 1]! / this.weight[top - 1]! <= sum[top]! / this.weight[top]!)) {
			sum[top - 1]! += sum[top]!;
			this.weight[top - 1]! += this.weight[top]!;
			count[top - 1]! += count[top]!;
			top = --this.blocks - 1;
		}
	}

	/**
	 * Writes the positions of the items added since the last call: the i-th one added is items[start + i], its
	 * offset offset[start + i], and its position goes to position[items[start + i]].
	 */
	place(items: Int32Array, start: number, offset: Float64Array, position: Float64Array): void {
		let index = start;
		for (let block = 0; block < this.blocks; block++) {
			const value = Math.round(this.sum[block]! / this.weight[block]!);
			for (let member = 0; member < this.count[block]!; member++, index++) {
				position[items[index]!] = value + offset[index]!;
			}
		}
		this.blocks = 0;
	}
}
