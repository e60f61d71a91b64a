import {describe, expect, test} from 'vitest';
import type {StepReport} from '../../source/aws/reports.js';
import type {PaneLine} from '../../source/ui/components/text-pane.js';
import {type ReportContent, reportLines} from '../../source/ui/report-lines.js';

const evaluation: StepReport = {
	step: 'AbaloneEval',
	propertyFile: {name: 'EvaluationReport', outputName: 'evaluation', filePath: 'evaluation.json'},
	uri: 's3://bucket/run/evaluation/evaluation.json',
};
const drift: StepReport = {
	step: 'AbaloneEval',
	propertyFile: {name: 'DriftReport', outputName: 'evaluation', filePath: 'drift.json'},
	uri: 's3://bucket/run/evaluation/drift.json',
};

const text = (lines: PaneLine[]) => lines.map((line) => line.spans.map((span) => span.text).join(''));

describe('reportLines', () => {
	test('while the reports are looked for, and when a step has none', () => {
		expect(text(reportLines('AbaloneEval', {state: 'loading'}, undefined, {state: 'loading'}, 80))).toEqual([
			'Looking for AbaloneEval’s reports…',
		]);
		expect(
			text(reportLines('AbaloneEval', {state: 'ready', value: []}, undefined, {state: 'loading'}, 80)),
		).toEqual(['AbaloneEval has no reports.']);
	});

	test('access denied is said once, whether or not the message already says it', () => {
		const said = (message: string) =>
			text(
				reportLines('S', {state: 'failed', message, kind: 'AccessDenied'}, undefined, {state: 'loading'}, 80),
			);
		expect(said('no s3:GetObject on the bucket.')).toEqual(['Access denied: no s3:GetObject on the bucket.']);
		expect(said('Access denied: no s3:GetObject.')).toEqual(['Access denied: no s3:GetObject.']);
	});

	test('several reports show as tabs, the chosen one in brackets, then its JSON with size and time', () => {
		const content: ReportContent = {
			read: {
				uri: drift.uri,
				text: '{"mse": 4.5}',
				size: 2048,
				truncated: false,
				lastModified: Date.UTC(2026, 0, 2, 3, 4, 5),
			},
			value: {mse: 4.5},
		};
		const lines = text(
			reportLines(
				'AbaloneEval',
				{state: 'ready', value: [evaluation, drift]},
				drift,
				{state: 'ready', value: content},
				80,
			),
		);
		expect(lines[0]).toBe('EvaluationReport  [DriftReport]   (tab switches)');
		expect(lines[1]).toBe('DriftReport · drift.json');
		expect(lines[2]).toBe('s3://bucket/run/evaluation/drift.json');
		expect(lines[3]).toMatch(/^S3 LastModified 2026-01-0\d \d\d:\d\d:05 · 2\.0 KB$/);
		expect(lines.slice(5)).toEqual(['{', '  "mse": 4.5', '}']);
	});

	test('a report cut at the limit says how much is shown', () => {
		const content: ReportContent = {
			read: {uri: evaluation.uri, text: 'not json at all', size: 10_000_000, truncated: true},
		};
		const lines = text(
			reportLines(
				'S',
				{state: 'ready', value: [evaluation]},
				evaluation,
				{state: 'ready', value: content},
				80,
			),
		);
		expect(lines).toContain('9.5 MB · showing the first 64 KB');
		expect(lines.at(-1)).toBe('not json at all');
	});
});
