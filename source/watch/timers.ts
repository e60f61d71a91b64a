// The clock and timers a poller uses, injectable so tests can drive time themselves.
export type Timers = {
	setTimeout(callback: () => void, ms: number): unknown;
	clearTimeout(handle: unknown): void;
	now(): number;
};

export const systemTimers: Timers = {
	// Not unref'd: a command awaiting an execution has nothing else keeping Node alive. Owners call stop().
	setTimeout: (callback, ms) => setTimeout(callback, ms),
	clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
	now: () => Date.now(),
};
