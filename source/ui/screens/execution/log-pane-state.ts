// What the log pane shows, as plain data: where it is scrolled (or following the end, as `less +F`), wrap and
// timestamps, which instance (all interleaved, or one), and the search. `logPaneReducer` is the only way it
// changes; the rows it scrolls over are computed by the view (log-pane-rows.ts) and passed in with each move.

export type LogPaneState = {
	/** At the end, moving with new lines; false once the user scrolls up (End follows again). */
	following: boolean;
	/** The first shown row while not following. */
	offset: number;
	wrap: boolean;
	timestamps: boolean;
	/** One instance's lines, or all interleaved with a tag when undefined. */
	instance?: string;
	/** The search typed after `/` (kept after enter; n/N move between its matches). */
	query: string;
	searching: boolean;
	/** The row of the match n/N last went to (the next one is counted from it, also on the last page). */
	matchRow?: number;
};

export type LogPaneShape = {rows: number; room: number};

export type LogPaneAction =
	| {type: 'scroll'; move: 'up' | 'down' | 'page-up' | 'page-down' | 'first' | 'last'; shape: LogPaneShape}
	| {type: 'toggle-wrap'}
	| {type: 'toggle-timestamps'}
	| {type: 'cycle-instance'; instances: readonly string[]}
	| {type: 'start-search'}
	| {type: 'edit-search'; query: string}
	| {type: 'end-search'; keep: boolean}
	/** `matches`: the rows holding a match, in order. */
	| {type: 'next-match' | 'previous-match'; matches: readonly number[]; shape: LogPaneShape};

export const initialLogPaneState: LogPaneState = {
	following: true,
	offset: 0,
	wrap: false,
	timestamps: false,
	query: '',
	searching: false,
};

/** The first shown row: the last page while following, else the offset kept within the rows. */
export function topRowOf(state: LogPaneState, shape: LogPaneShape): number {
	const last = Math.max(0, shape.rows - shape.room);
	return state.following ? last : Math.max(0, Math.min(state.offset, last));
}

export function logPaneReducer(state: LogPaneState, action: LogPaneAction): LogPaneState {
	switch (action.type) {
		case 'scroll':
			return scroll(state, action.move, action.shape);
		case 'toggle-wrap':
			return {...state, wrap: !state.wrap};
		case 'toggle-timestamps':
			return {...state, timestamps: !state.timestamps};
		case 'cycle-instance': {
			const order = [undefined, ...action.instances];
			const next = order[(order.indexOf(state.instance) + 1) % order.length];
			return next === undefined ? withoutInstance(state) : {...state, instance: next};
		}

		case 'start-search': {
			const {matchRow: _matchRow, ...rest} = state;
			return {...rest, searching: true, query: ''};
		}
		case 'edit-search':
			return {...state, query: action.query};
		case 'end-search':
			return {...state, searching: false, query: action.keep ? state.query : ''};
		case 'next-match':
		case 'previous-match':
			return jumpToMatch(state, action.type === 'next-match', action.matches, action.shape);
	}
}

function withoutInstance(state: LogPaneState): LogPaneState {
	const {instance: _instance, ...rest} = state;
	return rest;
}

function scroll(state: LogPaneState, move: string, shape: LogPaneShape): LogPaneState {
	const top = topRowOf(state, shape);
	const last = Math.max(0, shape.rows - shape.room);
	const page = Math.max(1, shape.room - 1);
	let next = top;
	if (move === 'up') next = top - 1;
	else if (move === 'down') next = top + 1;
	else if (move === 'page-up') next = top - page;
	else if (move === 'page-down') next = top + page;
	else if (move === 'first') next = 0;
	else if (move === 'last') next = last;
	next = Math.max(0, Math.min(next, last));
	// Reaching the end (End, or scrolling down onto it) follows again, as `less +F` after F.
	const {matchRow: _matchRow, ...rest} = state;
	return {...rest, offset: next, following: next >= last && move !== 'up' && move !== 'page-up'};
}

/** n: the next match after the last one gone to (else from the top row), wrapping around; N: the one before. */
function jumpToMatch(
	state: LogPaneState,
	forward: boolean,
	matches: readonly number[],
	shape: LogPaneShape,
): LogPaneState {
	if (matches.length === 0) return state;
	const top = topRowOf(state, shape);
	const from = state.matchRow ?? (forward ? top - 1 : top);
	const row = forward
		? (matches.find((match) => match > from) ?? matches[0]!)
		: ([...matches].reverse().find((match) => match < from) ?? matches.at(-1)!);
	const last = Math.max(0, shape.rows - shape.room);
	return {...state, following: false, offset: Math.min(row, last), matchRow: row};
}
