// Moving a selection through a list with the list keys (↑↓, jk, PgUp/PgDn, Home/End).
import type {ListMoveIntent} from './keys/bindings.js';

export const listMoveIntents: ReadonlySet<string> = new Set<ListMoveIntent>([
	'up',
	'down',
	'page-up',
	'page-down',
	'first',
	'last',
]);

export function moveSelection(index: number, intent: string, count: number, pageSize: number): number {
	if (count === 0) return 0;
	const page = Math.max(1, pageSize);
	const next =
		intent === 'up'
			? index - 1
			: intent === 'down'
				? index + 1
				: intent === 'page-up'
					? index - page
					: intent === 'page-down'
						? index + page
						: intent === 'first'
							? 0
							: intent === 'last'
								? count - 1
								: index;
	return Math.max(0, Math.min(count - 1, next));
}
