// Seeded randomness for ids, tokens, durations and throttling, so the same seed and inputs give the same run.

export type Random = {
	/** A float in [0, 1). */
	next(): number;
	/** `length` characters drawn from `alphabet`. */
	text(length: number, alphabet: string): string;
};

export const lowerAlphanumeric = 'abcdefghijklmnopqrstuvwxyz0123456789';
export const alphanumeric = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

/** mulberry32: tiny, fast and good enough for simulation (not for secrets). */
export function seededRandom(seed: number): Random {
	let state = seed >>> 0;
	const next = () => {
		state = (state + 0x6d2b79f5) >>> 0;
		let t = state;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
	};

	return {
		next,
		text(length, alphabet) {
			let text = '';
			for (let index = 0; index < length; index++) text += alphabet[Math.floor(next() * alphabet.length)];
			return text;
		},
	};
}

/** A generator derived from a seed and a label, independent of how many draws other generators made. */
export function derivedRandom(seed: number, label: string): Random {
	return seededRandom(hashText(`${seed}:${label}`));
}

/** FNV-1a over UTF-16 code units. */
export function hashText(text: string): number {
	let hash = 0x811c9dc5;
	for (let index = 0; index < text.length; index++) {
		hash ^= text.charCodeAt(index);
		hash = Math.imul(hash, 0x01000193);
	}

	return hash >>> 0;
}
