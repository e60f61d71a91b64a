// The lines of the `e` pane: what is being looked for, why a step has no report, or the chosen report pretty-printed
// with numbers highlighted, its S3 time and size, cut at the size limit; missing files and denied access explained.
import type {StepReport} from '../aws/reports.js';
import type {ObjectRead} from '../aws/types.js';
import {formatTimestamp} from '../pipeline/format.js';
import {sanitizeText} from '../pipeline/sanitize.js';
import type {PaneLine} from './components/text-pane.js';
import type {Loading} from './hooks/use-async-resource.js';
import {highlightLines, jsonLines} from './json-lines.js';
import {wrapLines} from './wrap-lines.js';

/** Reports are small JSON summaries; anything bigger is shown cut at this size. */
export const reportByteLimit = 64 * 1024;

/** A report as read: parsed when it is JSON (`value`), else only its text. */
export type ReportContent = {read: ObjectRead; value?: unknown};

/** The pane's lines: what is being looked for, why there is nothing, or the chosen report's content. */
export function reportLines(
	stepName: string,
	reports: Loading<StepReport[]>,
	chosen: StepReport | undefined,
	content: Loading<ReportContent>,
	inner: number,
): PaneLine[] {
	const lines: PaneLine[] = [];
	const say = (text: string, tone?: 'muted' | 'danger' | 'warning' | 'accent') => {
		for (const line of wrapLines(sanitizeText(text, {multiline: true}), inner)) {
			lines.push({key: `m${lines.length}`, spans: [{text: line, ...(tone ? {tone} : {})}]});
		}
	};

	if (reports.state === 'loading') say(`Looking for ${stepName}’s reports…`, 'muted');
	else if (reports.state === 'failed') say(describeFailure(reports), 'danger');
	else if (!chosen) say(`${stepName} has no reports.`, 'muted');
	else {
		if (reports.value.length > 1) {
			say(
				reports.value
					.map((report) => (report === chosen ? `[${report.propertyFile.name}]` : report.propertyFile.name))
					.join('  ') + '   (tab switches)',
				'accent',
			);
		}

		say(`${chosen.propertyFile.name} · ${chosen.propertyFile.filePath}`);
		say(chosen.uri, 'muted');
		if (content.state === 'loading') say('Reading from S3…', 'muted');
		else if (content.state === 'failed') say(describeFailure(content), 'danger');
		else lines.push(...describeContent(content.value, inner));
	}

	return lines;
}

function describeContent(content: ReportContent, width: number): PaneLine[] {
	const {read} = content;
	const facts = [
		read.lastModified === undefined
			? undefined
			: `S3 LastModified ${formatTimestamp(read.lastModified, {timeZoneOffsetMinutes: -new Date(read.lastModified).getTimezoneOffset()})}`,
		read.size === undefined ? undefined : `${formatBytes(read.size)}`,
		read.truncated ? `showing the first ${Math.round(reportByteLimit / 1024)} KB` : undefined,
	].filter(Boolean);
	const head: PaneLine[] = [
		{key: 'facts', spans: [{text: facts.join(' · '), tone: read.truncated ? 'warning' : 'muted'}]},
		{key: 'gap', spans: []},
	];
	const body =
		content.value === undefined ? highlightLines(read.text, width) : jsonLines(content.value, width);
	return [...head, ...body.map((line) => ({...line, key: `j${line.key}`}))];
}

function describeFailure(failure: {message: string; kind?: string}): string {
	// AWS errors already start "Access denied: …"; say it once.
	if (failure.kind === 'AccessDenied' && !/^access denied/i.test(failure.message))
		return `Access denied: ${failure.message}`;
	if (failure.kind === 'NotFound') return `Not found: ${failure.message}`;
	return failure.message;
}

function formatBytes(bytes: number): string {
	if (bytes < 1024) return `${bytes} B`;
	if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
	return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}
