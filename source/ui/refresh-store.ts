// The header's refresh state ("updated 3s ago", "paused", "offline, retrying in 8s") as a tiny external store,
// so a screen reporting a new poll re-renders only the header's status, not the whole tree.

export type RefreshPhase = 'idle' | 'loading' | 'live' | 'paused' | 'retrying' | 'done';

export type RefreshState = {
	phase: RefreshPhase;
	updatedAt?: number;
	nextRetryAt?: number;
	/** Why the last refresh failed (shown while retrying). */
	error?: string;
	/** When the last successful poll answered, read each time the age is drawn (polls that change nothing publish nothing). */
	polledAt?: () => number | undefined;
};

export type RefreshStore = {
	get(): RefreshState;
	set(state: RefreshState): void;
	subscribe(listener: () => void): () => void;
};

export function createRefreshStore(): RefreshStore {
	let state: RefreshState = {phase: 'idle'};
	const listeners = new Set<() => void>();
	return {
		get: () => state,
		set(next) {
			if (
				next.phase === state.phase &&
				next.updatedAt === state.updatedAt &&
				next.nextRetryAt === state.nextRetryAt &&
				next.error === state.error &&
				next.polledAt === state.polledAt
			) {
				return;
			}

			state = next;
			for (const listener of listeners) listener();
		},
		subscribe(listener) {
			listeners.add(listener);
			return () => {
				listeners.delete(listener);
			};
		},
	};
}
