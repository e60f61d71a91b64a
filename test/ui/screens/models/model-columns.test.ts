// The Models screen's approval cell: each approval status with its icon and colour, as execution statuses have.
import {describe, expect, it} from 'vitest';
import type {ModelVersion} from '../../../../source/aws/model-versions.js';
import {versionColumns} from '../../../../source/ui/screens/models/model-columns.js';
import {createTheme} from '../../../../source/ui/theme.js';

const theme = createTheme({color: true, unicode: true});

function approvalCell(approvalStatus: ModelVersion['approvalStatus']) {
	const version = {approvalStatus, keyMetrics: [], metricProblems: []} as unknown as ModelVersion;
	const approval = versionColumns(theme, 120).find((column) => column.title === 'APPROVAL')!;
	return approval.cell(version);
}

describe('the approval column', () => {
	it('draws Approved green with ✔, Rejected red with ✖ and PendingManualApproval amber with ◌', () => {
		expect(approvalCell('Approved')).toMatchObject({text: '✔ Approved', tone: 'success'});
		expect(approvalCell('Rejected')).toMatchObject({text: '✖ Rejected', tone: 'danger'});
		expect(approvalCell('PendingManualApproval')).toMatchObject({
			text: '◌ PendingManualApproval',
			tone: 'warning',
		});
	});
});
