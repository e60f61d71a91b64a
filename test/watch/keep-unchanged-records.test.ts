// The execution poller keeps a step record the service lists again unchanged as the same object, so what is drawn
// from it can be reused.
import {describe, expect, it} from 'vitest';
import type {StepRecord} from '../../source/pipeline/model.js';
import {keepUnchangedRecords} from '../../source/watch/execution-poller.js';

const record = (name: string, status: StepRecord['status'], startedAt = 1000): StepRecord => ({
	name,
	status,
	startedAt,
	metadata: {ProcessingJob: {Arn: `arn:aws:sagemaker:us-east-1:111122223333:processing-job/${name}`}},
});

describe('keepUnchangedRecords', () => {
	it('gives back the last list itself when every record is as it was', () => {
		const previous = [record('Train', 'Executing'), record('Process', 'Succeeded')];
		const next = [record('Train', 'Executing'), record('Process', 'Succeeded')];
		expect(keepUnchangedRecords(previous, next)).toBe(previous);
	});

	it('keeps unchanged records and takes the changed and new ones', () => {
		const previous = [record('Train', 'Executing'), record('Process', 'Succeeded')];
		const next = [record('Eval', 'Starting'), record('Train', 'Succeeded'), record('Process', 'Succeeded')];
		const kept = keepUnchangedRecords(previous, next);
		expect(kept).toEqual(next);
		expect(kept[0]).toBe(next[0]);
		expect(kept[1]).toBe(next[1]);
		expect(kept[2]).toBe(previous[1]);
	});

	it('tells a retried step’s new run from its old one by when it started', () => {
		const previous = [record('Train', 'Failed', 1000)];
		const next = [record('Train', 'Executing', 5000), record('Train', 'Failed', 1000)];
		const kept = keepUnchangedRecords(previous, next);
		expect(kept[0]).toBe(next[0]);
		expect(kept[1]).toBe(previous[0]);
	});

	it('takes the first list as it comes', () => {
		const next = [record('Train', 'Executing')];
		expect(keepUnchangedRecords([], next)).toBe(next);
	});
});
