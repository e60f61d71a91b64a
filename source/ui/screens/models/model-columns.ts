// The Models screen's tables: the groups, and one group's versions (approval status with its icon and colour,
// when and by which execution registered, key metrics next to the approved version's).
import type {ModelVersion} from '../../../aws/model-versions.js';
import type {ModelPackageGroupSummary} from '../../../aws/registry-types.js';
import {executionIdOf, isExecutionArn} from '../../../pipeline/arn.js';
import {formatTimestamp} from '../../../pipeline/format.js';
import {describeMetrics} from '../../../pipeline/model-metrics.js';
import {sanitizeText} from '../../../pipeline/sanitize.js';
import {statusCell} from '../../components/status-text.js';
import type {Column} from '../../components/table.js';
import type {Theme} from '../../theme.js';

function when(at: number | undefined): string {
	return at === undefined
		? ''
		: formatTimestamp(at, {timeZoneOffsetMinutes: -new Date(at).getTimezoneOffset()});
}

export function groupColumns(theme: Theme, width: number): Column<ModelPackageGroupSummary>[] {
	const columns: Column<ModelPackageGroupSummary>[] = [
		{title: 'GROUP', cell: (group) => ({text: sanitizeText(group.name), bold: true})},
		{title: 'STATUS', width: 10, cell: (group) => ({text: sanitizeText(group.status), tone: 'muted'})},
	];
	if (width >= 60)
		columns.push({
			title: 'CREATED',
			width: 19,
			cell: (group) => ({text: when(group.createdAt), tone: 'muted'}),
		});
	void theme;
	return columns;
}

export function versionColumns(theme: Theme, width: number, approved?: ModelVersion): Column<ModelVersion>[] {
	const columns: Column<ModelVersion>[] = [
		{
			title: 'VER',
			width: 4,
			align: 'right',
			cell: (version) => ({text: String(version.version ?? '?'), bold: true}),
		},
		{title: 'APPROVAL', width: 24, cell: (version) => statusCell(theme, version.approvalStatus)},
	];
	if (width >= 90)
		columns.push({
			title: 'REGISTERED',
			width: 19,
			cell: (version) => ({text: when(version.createdAt), tone: 'muted'}),
		});
	if (width >= 70)
		columns.push({title: 'BY', width: 14, cell: (version) => ({text: registeredBy(version), tone: 'muted'})});
	columns.push({
		title: 'METRICS',
		cell: (version) => ({
			text:
				sanitizeText(
					describeMetrics(
						version.keyMetrics,
						approved && approved.arn !== version.arn ? approved.keyMetrics : undefined,
					),
				) || (version.metricProblems.length > 0 ? 'metrics unreadable' : '-'),
			tone: version.metricProblems.length > 0 && version.keyMetrics.length === 0 ? 'warning' : 'normal',
		}),
	});
	return columns;
}

/** The id of the execution that registered the version, else whatever GeneratedBy says. */
export function registeredBy(version: ModelVersion): string {
	const by = version.generatedBy;
	if (by === undefined) return '';
	return sanitizeText(isExecutionArn(by) ? executionIdOf(by) : by);
}
