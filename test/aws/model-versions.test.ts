import {describe, expect, it} from 'vitest';
import {withMetrics} from '../../source/aws/model-versions.js';
import type {ModelPackageDetails} from '../../source/aws/registry-types.js';
import {AwsError, type ObjectStore} from '../../source/aws/types.js';

/** An S3 stand-in holding a few objects; anything else is NoSuchKey as the gateway reports it. */
function objectsWith(contents: Record<string, string>): ObjectStore {
	return {
		async readObject(uri) {
			const text = contents[uri];
			if (text === undefined) throw new AwsError('NotFound', `${uri} does not exist.`, 'NoSuchKey');
			return {uri, text, truncated: false};
		},
	};
}

const version: ModelPackageDetails = {
	arn: 'arn:aws:sagemaker:us-east-1:111122223333:model-package/abalone/1',
	groupName: 'Abalone',
	version: 1,
	approvalStatus: 'PendingManualApproval',
	status: 'Completed',
	metrics: [
		{name: 'ModelQuality.Statistics', s3Uri: 's3://b/evaluation.json', contentType: 'application/json'},
		{name: 'Bias.Report', s3Uri: 's3://b/bias.json'},
	],
	containers: [],
};

describe('withMetrics', () => {
	it('reads the key metrics of each report, and names the reports it could not read', async () => {
		const read = await withMetrics(
			objectsWith({'s3://b/evaluation.json': '{"regression_metrics": {"mse": {"value": 2.5}}}'}),
			version,
		);
		expect(read.keyMetrics).toEqual([{name: 'mse', path: 'regression_metrics.mse.value', value: 2.5}]);
		expect(read.metricProblems).toEqual(['Bias.Report: s3://b/bias.json does not exist.']);
	});

	it('says so when a report is not JSON', async () => {
		const read = await withMetrics(objectsWith({'s3://b/evaluation.json': 'mse=2.5'}), {
			...version,
			metrics: version.metrics.slice(0, 1),
		});
		expect(read.keyMetrics).toEqual([]);
		expect(read.metricProblems).toEqual([
			expect.stringMatching(/^ModelQuality\.Statistics: .*is not valid JSON/),
		]);
	});
});
