// The question asked before quitting or leaving a screen with unsaved edits (set by the screen that has them).
import {useCallback, useRef} from 'react';
import type {Confirmation} from '../confirmation.js';

export type LeaveWarning = {
	set(warning: string | undefined): void;
	/** Runs `go` at once when nothing would be lost; otherwise asks `<warning> <question>` first. */
	leave(question: string, go: () => void): void;
};

export function useLeaveWarning(ask: (confirmation: Confirmation) => void): LeaveWarning {
	const warning = useRef<string | undefined>(undefined);
	const set = useCallback((next: string | undefined) => {
		warning.current = next;
	}, []);
	const leave = useCallback(
		(question: string, go: () => void) => {
			if (!warning.current) {
				go();
				return;
			}

			ask({
				question: `${warning.current} ${question}`,
				busy: '',
				run: async () => {
					warning.current = undefined;
					go();
					return '';
				},
			});
		},
		[ask],
	);
	return {set, leave};
}
