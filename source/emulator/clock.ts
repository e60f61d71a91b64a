// Where the emulator reads the time: the system clock in service, a manual one in tests that step time by hand.

export type Clock = {now(): number};

export const systemClock: Clock = {now: () => Date.now()};

export type ManualClock = Clock & {set(time: number): void; advance(milliseconds: number): void};

export function manualClock(start: number): ManualClock {
	let time = start;
	return {
		now: () => time,
		set(next) {
			time = next;
		},
		advance(milliseconds) {
			time += milliseconds;
		},
	};
}
