// How a step is summarised on screen: its status look, and the short detail under its name (duration or state).
import {executionIdOf} from '../pipeline/arn.js';
import {formatDuration} from '../pipeline/format.js';
import type {StepView} from '../pipeline/execution-state.js';
import type {StatusLook, Theme} from './theme.js';

/** The step's status look; a step a selective execution reused (not run here) reads `reused`, not `cache hit`. */
export function stepLook(theme: Theme, view: StepView): StatusLook {
	const look = theme.status(view.state);
	return view.state === 'cache-hit' && view.record?.reusedFromArn ? {...look, word: 'reused'} : look;
}

/** Before a step's name while steps are marked for a re-run: the mark, or room for it. */
export function markPrefix(theme: Theme, marked: ReadonlySet<string> | undefined, name: string): string {
	return marked && marked.size > 0 ? (marked.has(name) ? `${theme.glyphs.marked} ` : '  ') : '';
}

/** How long the step ran, or has run so far. */
export function stepDuration(view: StepView, now: number): number | undefined {
	const started = view.record?.startedAt;
	if (started === undefined) return undefined;
	const ended = view.record?.endedAt;
	if (ended !== undefined) return ended - started;
	return view.state === 'executing' || view.state === 'starting' || view.state === 'stopping'
		? now - started
		: undefined;
}

/**
 * The step's duration as shown in lists, boxes and the timeline: a running step's in whole minutes (the screen
 * redraws once a minute for time alone), a finished step's to the second.
 */
export function stepDurationText(view: StepView, now: number): string | undefined {
	const duration = stepDuration(view, now);
	if (duration === undefined) return undefined;
	return formatDuration(duration, view.record?.endedAt === undefined ? 'minute' : 'second');
}

export function stepDetail(view: StepView, now: number): string {
	if (view.state === 'cache-hit') return view.record?.reusedFromArn ? 'reused' : 'cache hit';
	return stepDurationOrState(view, now);
}

/** The detail after a step's status on the selection line: where a reused result came from, else as in a box. */
export function stepSourceOrDetail(view: StepView, now: number, {note = true} = {}): string {
	const source =
		view.state === 'cache-hit' ? (view.record?.reusedFromArn ?? view.record?.cacheSourceArn) : undefined;
	return source ? `from ${executionIdOf(source)}` : stepDurationOrState(view, now, note);
}

function stepDurationOrState(view: StepView, now: number, note = true): string {
	const duration = stepDurationText(view, now);
	if (duration !== undefined) return note ? duration + runningNote(view) : duration;
	if (view.state === 'not-started') return 'waiting';
	return view.state;
}

/** While a step runs: ` · try 2` when the service retries it, ` · awaiting` for a Callback waiting for its answer. */
export function runningNote(view: StepView): string {
	if (view.state !== 'executing' && view.state !== 'starting') return '';
	const attempt = view.record?.attemptCount ?? 1;
	if (attempt > 1) return ` · try ${attempt}`;
	return view.type === 'Callback' ? ' · awaiting' : '';
}

/** True while something in the execution can still change on its own. */
export function isLive(views: readonly StepView[]): boolean {
	return views.some(
		(view) => view.state === 'executing' || view.state === 'starting' || view.state === 'stopping',
	);
}
