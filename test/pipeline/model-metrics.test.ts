import {describe, expect, it} from 'vitest';
import {describeMetrics, formatMetricValue, keyMetricsOf} from '../../source/pipeline/model-metrics.js';

describe('keyMetricsOf', () => {
	it('reads the value of each metric of a SageMaker model quality report', () => {
		const report = {
			regression_metrics: {mse: {value: 2.5, standard_deviation: 0.4}, r2: {value: 0.81}},
		};
		expect(keyMetricsOf(report)).toEqual([
			{name: 'mse', path: 'regression_metrics.mse.value', value: 2.5},
			{name: 'r2', path: 'regression_metrics.r2.value', value: 0.81},
		]);
	});

	it('falls back to the numeric leaves of a report without values, and ignores what is not a report', () => {
		expect(keyMetricsOf({accuracy: 0.93, details: {loss: 0.2, note: 'x'}})).toEqual([
			{name: 'accuracy', path: 'accuracy', value: 0.93},
			{name: 'loss', path: 'details.loss', value: 0.2},
		]);
		expect(keyMetricsOf('text')).toEqual([]);
		expect(keyMetricsOf([1, 2])).toEqual([]);
		expect(keyMetricsOf({a: {value: Number.NaN}})).toEqual([]);
	});
});

describe('describeMetrics', () => {
	it('puts the approved version’s value of the same metric next to each', () => {
		const mine = keyMetricsOf({regression_metrics: {mse: {value: 2.5}, r2: {value: 0.8123456}}});
		const approved = keyMetricsOf({regression_metrics: {mse: {value: 3.1}}});
		expect(describeMetrics(mine, approved)).toBe('mse 2.5 (approved 3.1), r2 0.8123');
		expect(describeMetrics(mine)).toBe('mse 2.5, r2 0.8123');
		expect(formatMetricValue(0.00001234)).toBe('1.234e-5');
		expect(formatMetricValue(42)).toBe('42');
	});
});
