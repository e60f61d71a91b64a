// The timeline view: a Gantt bar per step on one time axis from the execution's start to its end (or now, so
// running bars grow as the screen refreshes). Only the rows in view are drawn.
import {Box, Text} from 'ink';
import {memo} from 'react';
import {formatDuration} from '../../pipeline/format.js';
import type {StepView} from '../../pipeline/execution-state.js';
import {useScrollOffset} from '../hooks/use-scroll-offset.js';
import {useStepLabels} from '../hooks/use-step-labels.js';
import {markPrefix, stepDuration, stepDurationText, stepLook} from '../step-look.js';
import {type Tone, useTheme} from '../theme.js';
import {fitText} from './table.js';

export type StepTimelineProps = {
	views: readonly StepView[];
	selected: number;
	/** Steps marked for a re-run: drawn with a mark before the name. */
	marked?: ReadonlySet<string>;
	/** The execution's start and its end (or now while it runs). */
	from: number;
	to: number;
	width: number;
	height: number;
	now: number;
};

export function StepTimeline({views, selected, marked, from, to, width, height, now}: StepTimelineProps) {
	const theme = useTheme();
	const nameWidth = Math.min(24, Math.max(8, Math.floor(width / 4)));
	const durationWidth = 8;
	const barWidth = Math.max(10, width - nameWidth - durationWidth - 6);
	const span = Math.max(1, to - from);
	// When some steps do not fit, the last line says how many are above and below.
	const hidden = views.length > Math.max(1, height - 1);
	const bodyHeight = Math.max(1, height - (hidden ? 2 : 1));
	const offset = useScrollOffset(selected, views.length, bodyHeight);
	const visible = views.slice(offset, offset + bodyHeight);
	// Cut so that names stay distinguishable, as in the DAG's boxes and the list.
	const labels = useStepLabels(views, nameWidth - (marked && marked.size > 0 ? 2 : 0));
	// While the execution runs the axis ends now: in whole minutes, like the running durations.
	const spanText = formatDuration(span, to === now ? 'minute' : 'second');
	const axis = `0${' '.repeat(Math.max(1, barWidth - 1 - spanText.length))}${spanText}`;
	const above = offset;
	const below = Math.max(0, views.length - offset - visible.length);
	return (
		<Box flexDirection="column" width={width} height={height}>
			<Text color={theme.colorOf('muted')} wrap="truncate-end">
				{'  '}
				{fitText('STEP', nameWidth)} {fitText(axis, barWidth)} {fitText('DURATION', durationWidth, 'right')}
			</Text>
			{visible.map((view, index) => {
				const look = stepLook(theme, view);
				const start = view.record?.startedAt;
				const duration = stepDuration(view, now);
				let bar: string;
				if (start === undefined) {
					bar = fitText(`${look.icon} ${look.word}`, barWidth);
				} else {
					const begin = Math.max(0, Math.min(barWidth - 1, Math.floor(((start - from) / span) * barWidth)));
					const length = Math.max(1, Math.round(((duration ?? 0) / span) * barWidth));
					const end = Math.min(barWidth, begin + length);
					bar =
						theme.glyphs.barEmpty.repeat(begin) +
						theme.glyphs.barFull.repeat(end - begin) +
						' '.repeat(Math.max(0, barWidth - end));
				}

				return (
					<TimelineRow
						key={view.name}
						name={fitText(markPrefix(theme, marked, view.name) + (labels.get(view.name) ?? ''), nameWidth)}
						bar={bar}
						icon={look.icon}
						tone={look.tone}
						duration={fitText(stepDurationText(view, now) ?? '', durationWidth, 'right')}
						selected={offset + index === selected}
					/>
				);
			})}
			{hidden ? (
				<Text color={theme.colorOf('muted')} wrap="truncate-end">
					{'  '}
					{[above > 0 ? `${above} more above` : '', below > 0 ? `${below} more below` : '']
						.filter(Boolean)
						.join(' · ')}
					{` (${theme.unicode ? '↑↓' : 'up/down'} scroll)`}
				</Text>
			) : null}
		</Box>
	);
}

type TimelineRowProps = {
	name: string;
	bar: string;
	icon: string;
	tone: Tone;
	duration: string;
	selected: boolean;
};

const TimelineRow = memo(function TimelineRow({name, bar, icon, tone, duration, selected}: TimelineRowProps) {
	const theme = useTheme();
	return (
		<Text wrap="truncate-end">
			<Text bold={selected}>{selected ? `${theme.glyphs.selected} ` : '  '}</Text>
			<Text inverse={selected} bold={selected}>
				{name}
			</Text>{' '}
			<Text color={theme.colorOf(tone)}>{bar}</Text> <Text color={theme.colorOf(tone)}>{icon}</Text>
			<Text>{duration}</Text>
		</Text>
	);
});
