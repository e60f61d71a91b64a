// The compact live view `sagemon watch` redraws on a terminal: a header line and one line per started step,
// rewritten in place (never taller than the window, never wider than a line, so nothing scrolls or wraps).
import {mainSymbols} from 'figures';
import stringWidth from 'string-width';
import {truncateEnd} from '../pipeline/format.js';
import {asciiFrame} from '../pipeline/terminal-charset.js';
import type {StepStatus} from '../pipeline/model.js';
import {sanitizeText} from '../pipeline/sanitize.js';
import type {ExecutionSnapshot} from '../watch/execution-poller.js';
import type {Output} from './context.js';
import {executionElapsed} from './follow-execution.js';
import {inStartOrder, stepDuration} from './print-steps.js';
import {pipelineNameOfExecution} from './step-progress.js';

type Icons = Record<StepStatus | 'ellipsis', string>;

const unicodeIcons: Icons = {
	ellipsis: mainSymbols.ellipsis,
	Starting: mainSymbols.circle,
	Executing: mainSymbols.circleFilled,
	Stopping: mainSymbols.squareSmallFilled,
	Stopped: mainSymbols.squareSmallFilled,
	Failed: mainSymbols.cross,
	Succeeded: mainSymbols.tick,
};
/** Plain ASCII, the TUI's icons, for terminals whose locale is not UTF-8 (figures' own fallbacks still use … and √). */
const asciiIcons: Icons = {
	ellipsis: '...',
	Starting: '>',
	Executing: '*',
	Stopping: '!',
	Stopped: '#',
	Failed: 'x',
	Succeeded: 'v',
};
const colors: Record<StepStatus | 'Executing', number> = {
	Starting: 2,
	Executing: 34,
	Stopping: 33,
	Stopped: 33,
	Failed: 31,
	Succeeded: 32,
};

export function createLiveSteps(
	stdout: Output,
	options: {color: boolean; unicode: boolean; now?: () => number},
) {
	const now = options.now ?? Date.now;
	const icons = options.unicode ? unicodeIcons : asciiIcons;
	let drawn = 0;
	const paint = (status: StepStatus, text: string) =>
		options.color ? `\u001B[${colors[status]}m${text}\u001B[39m` : text;

	return {
		draw(snapshot: ExecutionSnapshot) {
			const width = Math.max(20, (stdout.columns || 80) - 1);
			const height = Math.max(3, (stdout.rows || 24) - 1);
			const drawnLines = renderLines(snapshot, now(), width, height, paint, icons);
			// The lines' text is sanitised already: only the colours are control sequences, and they must stay.
			const lines = options.unicode ? drawnLines : drawnLines.map(asciiFrame);
			// Back to the first line of the previous frame, then each line cleared and rewritten, then the rest of the
			// screen cleared. Never "clear to the end of the screen" from the top-left corner: a full-height frame
			// starts there, and tmux (like some terminals) moves a screen cleared from there into the scrollback.
			const frame = lines.map((line) => `\u001B[2K${line}`).join('\n');
			stdout.write(`${drawn > 0 ? `\u001B[${drawn}F` : ''}${frame}\n\u001B[0J`);
			drawn = lines.length;
		},
	};
}

function renderLines(
	snapshot: ExecutionSnapshot,
	now: number,
	width: number,
	height: number,
	paint: (status: StepStatus, text: string) => string,
	icons: Icons,
): string[] {
	const {execution} = snapshot;
	if (!execution) return [truncateEnd('Loading the execution…', width)];
	const parts = [
		pipelineNameOfExecution(execution),
		execution.displayName,
		execution.status,
		executionElapsed(execution, now),
	].filter((part): part is string => Boolean(part));
	const lines = [truncateEnd(sanitizeText(parts.join(' · ')), width)];
	if (snapshot.phase === 'retrying' && snapshot.error) {
		const seconds =
			snapshot.nextRetryAt === undefined ? 0 : Math.max(0, Math.ceil((snapshot.nextRetryAt - now) / 1000));
		lines.push(truncateEnd(`  retrying in ${seconds}s: ${sanitizeText(snapshot.error.message)}`, width));
	}

	const steps = inStartOrder(snapshot.steps);
	const nameWidth = Math.min(40, Math.max(0, ...steps.map((step) => stringWidth(sanitizeText(step.name)))));
	const room = height - lines.length;
	const hidden = steps.length > room ? steps.length - room + 1 : 0;
	if (hidden > 0) lines.push(`  ${icons.ellipsis} ${hidden} earlier step${hidden === 1 ? '' : 's'}`);
	for (const step of steps.slice(hidden)) {
		const name = truncateEnd(sanitizeText(step.name), nameWidth);
		const text = `${name}${' '.repeat(nameWidth - stringWidth(name))}  ${step.status.padEnd(9)}  ${stepDuration(step, now)}`;
		const reason = step.failureReason ? `  ${sanitizeText(step.failureReason)}` : '';
		lines.push(`  ${paint(step.status, icons[step.status])} ${truncateEnd(text + reason, width - 4)}`);
	}

	return lines;
}
