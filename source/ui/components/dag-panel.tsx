// The DAG view: the core's layout drawn through drawDag, only the rows in view, each box coloured by its step's
// state, with an icon and duration inside (whole minutes while a step runs; a mark before them on a step marked
// for a re-run), and the selected box highlighted.
import {Box, Text} from 'ink';
import {memo, useMemo} from 'react';
import {drawDag, type Segment} from '../../pipeline/draw-dag.js';
import type {StepView} from '../../pipeline/execution-state.js';
import type {DagLayout} from '../../pipeline/layout-dag.js';
import {runningNote, stepDetail} from '../step-look.js';
import {type Theme, type Tone, useTheme} from '../theme.js';

export type DagPanelProps = {
	layout: DagLayout;
	views: readonly StepView[];
	selected?: string;
	/** Steps marked for a re-run. */
	marked?: ReadonlySet<string>;
	/** First row of the picture shown. */
	scrollRow: number;
	height: number;
	width: number;
	now: number;
};

type Span = {text: string; tone: Tone; selected: boolean};

export function DagPanel({layout, views, selected, marked, scrollRow, height, width, now}: DagPanelProps) {
	const theme = useTheme();
	// A key press changes only the selection: the steps' looks are kept until the views, the marks or what the clock
	// shows (the running steps' times, the only details that depend on it) change.
	const clockShows = views
		.filter(isLiveView)
		.map((view) => boxDetail(view, now))
		.join('\n');
	// biome-ignore lint/correctness/useExhaustiveDependencies: `now` matters only through `clockShows`
	const {states, decorations} = useMemo(
		() => ({
			states: new Map(views.map((view) => [view.name, view])),
			decorations: new Map(
				views.map((view) => {
					const detail = boxDetail(view, now);
					const icon = theme.status(view.state).icon;
					return [
						view.name,
						{icon, detail: marked?.has(view.name) ? `${theme.glyphs.marked} ${detail}` : detail},
					];
				}),
			),
		}),
		[views, clockShows, theme, marked],
	);
	// The picture does not show the selection (spansOf does), so a key press that does not scroll draws nothing again.
	const rows = useMemo(
		() =>
			drawDag(layout, {
				decorations,
				ascii: !theme.unicode,
				rows: {start: scrollRow, end: scrollRow + height},
				columns: {start: 0, end: width},
			}),
		[layout, decorations, theme.unicode, scrollRow, height, width],
	);
	// Each row as it looks with nothing selected; a key press works out again only the rows the selected box is on,
	// and a poll only the rows drawn again or whose boxes changed colour.
	const plain = useMemo(
		() => rows.map((segments) => plainRow(segments, states, theme)),
		[rows, states, theme],
	);
	const below = layout.height - (scrollRow + height);
	return (
		<Box flexDirection="column" width={width} height={height}>
			{rows.map((segments, index) => {
				const holdsSelected = selected !== undefined && segments.some((segment) => segment.node === selected);
				const spans = holdsSelected ? spansOf(segments, states, selected, theme) : plain[index]!.spans;
				const last = index === rows.length - 1 && below > 0;
				return (
					<DagRow
						// biome-ignore lint/suspicious/noArrayIndexKey: rows are positions in the window
						key={index}
						spans={spans}
						signature={holdsSelected ? signatureOf(spans) : plain[index]!.signature}
						more={last ? `↓ ${below} more rows` : undefined}
					/>
				);
			})}
		</Box>
	);
}

type PlainRow = {theme: Theme; tones: string; spans: Span[]; signature: string};
// By drawDag's row: it returns the same array for a row drawn as before.
const plainRows = new WeakMap<Segment[], PlainRow>();

function plainRow(segments: Segment[], states: ReadonlyMap<string, StepView>, theme: Theme): PlainRow {
	let tones = '';
	for (const segment of segments)
		if (segment.node !== undefined) tones += `${toneOf(segment, states, theme)} `;
	const before = plainRows.get(segments);
	if (before && before.theme === theme && before.tones === tones) return before;
	const spans = spansOf(segments, states, undefined, theme);
	const row = {theme, tones, spans, signature: signatureOf(spans)};
	plainRows.set(segments, row);
	return row;
}

function toneOf(segment: Segment, states: ReadonlyMap<string, StepView>, theme: Theme): Tone {
	const view = segment.node === undefined ? undefined : states.get(segment.node);
	return view ? theme.status(view.state).tone : 'muted';
}

/**
 * A row's segments as coloured spans, neighbours of one look joined: lines, gaps and boxes of one state become
 * one span, so Ink lays out and colours a few text nodes a row rather than one per segment.
 */
function spansOf(
	segments: Segment[],
	states: ReadonlyMap<string, StepView>,
	selected: string | undefined,
	theme: Theme,
): Span[] {
	const spans: Span[] = [];
	for (const segment of segments) {
		const tone = toneOf(segment, states, theme);
		const isSelected = segment.node !== undefined && segment.node === selected;
		// Without colour inverse video is lost too, so the selected box is also drawn in heavy lines.
		const text = isSelected ? heavy(segment.text, theme.unicode) : segment.text;
		const previous = spans[spans.length - 1];
		if (previous && previous.tone === tone && previous.selected === isSelected) previous.text += text;
		else spans.push({text, tone, selected: isSelected});
	}
	return spans;
}

/** A running step's box shows its time so far, which moves with the clock. */
function isLiveView(view: StepView): boolean {
	return view.state === 'executing' || view.state === 'starting' || view.state === 'stopping';
}

/**
 * What a box says under its name: the step's detail (a running step's time in whole minutes, so a row is drawn
 * again for the clock at most once a minute). A box is narrow: a Callback step waiting for its answer says that
 * rather than how long it has waited.
 */
export function boxDetail(view: StepView, now: number): string {
	const detail = stepDetail(view, now);
	return runningNote(view) === ' · awaiting' ? 'awaiting' : detail;
}

const DagRow = memo(
	function DagRow({spans, more}: {spans: Span[]; signature: string; more?: string}) {
		const theme = useTheme();
		return (
			<Text wrap="truncate-end">
				{spans.map((span, index) => (
					<Text
						// biome-ignore lint/suspicious/noArrayIndexKey: spans are positions in the row
						key={index}
						color={theme.colorOf(span.tone)}
						inverse={span.selected}
						bold={span.selected}
					>
						{span.text}
					</Text>
				))}
				{more ? <Text color={theme.colorOf('muted')}> {more}</Text> : null}
			</Text>
		);
	},
	(before, after) => before.signature === after.signature && before.more === after.more,
);

function signatureOf(spans: Span[]): string {
	return spans.map((span) => `${span.tone}${span.selected ? '!' : ''}:${span.text}`).join('\u0000');
}

const heavyLines: Record<string, string> = {
	'─': '━',
	'│': '┃',
	'┌': '┏',
	'┐': '┓',
	'└': '┗',
	'┘': '┛',
	'╭': '┏',
	'╮': '┓',
	'╰': '┗',
	'╯': '┛',
	'├': '┣',
	'┤': '┫',
	'┬': '┳',
	'┴': '┻',
	'┼': '╋',
};
// ASCII names may hold '-', so only the box's corners and sides change.
const heavyAscii: Record<string, string> = {'|': '#', '+': '#'};

function heavy(text: string, unicode: boolean): string {
	const table = unicode ? heavyLines : heavyAscii;
	let result = '';
	for (const character of text) result += table[character] ?? character;
	return result;
}
