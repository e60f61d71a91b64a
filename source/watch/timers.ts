// The clock and timers a poller uses, injectable so tests can drive time themselves.
export type Timers = {
	setTimeout(callback: () => void, ms: number): unknown;
	clearTimeout(handle: unknown): void;
	now(): number;
};

export const systemTimers: Timers = {
	setTimeout: (callback, ms) => {
		const handle = setTimeout(callback, ms);
		// A poller must never keep a finished command alive on its own.
		handle.unref?.();
		return handle;
	},
	clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
	now: () => Date.now(),
};
