// Under the steps of an execution that has a failed step: why it failed at a glance (the failed step, its kind and
// reason, the error its log ends in, the next action), with no key pressed; `w` opens the whole triage.
import {Box, Text} from 'ink';
import type {Loading} from '../../hooks/use-async-resource.js';
import type {ScreenTriage} from '../../hooks/use-triage.js';
import {useTheme} from '../../theme.js';
import {triageGlance} from '../../triage-lines.js';

/** Rows the strip takes (the step panel gives them up while a step has failed). */
export const whyStripHeight = 3;

export type WhyStripProps = {
	triage: Loading<ScreenTriage>;
	/** The selected step when it failed, else the first failed step (its reason from the step list). */
	step: {name: string; reason?: string} | undefined;
	width: number;
};

export function WhyStrip({triage, step, width}: WhyStripProps) {
	const theme = useTheme();
	const lines = triageGlance(triage, step);
	return (
		<Box flexDirection="column" height={whyStripHeight} width={width}>
			{lines.map((text, index) => (
				<Text
					// biome-ignore lint/suspicious/noArrayIndexKey: the strip's lines are positional
					key={index}
					wrap="truncate-end"
					color={theme.colorOf(index === 0 ? 'danger' : text.startsWith('  next:') ? 'accent' : 'normal')}
				>
					{index === 0 ? `${theme.glyphs.selected} why: ${text}` : text}
					{index === 0 ? <Text color={theme.colorOf('muted')}> (w: all)</Text> : null}
				</Text>
			))}
		</Box>
	);
}
