// The execution poller's contract, checked at the wire from what a recording proxy saw: one poll request in
// flight at a time, at most two calls per tick (describe, then one page of steps), never more attempts than the
// SDK allows, and ticks never closer together than the interval.
import {expect} from 'vitest';
import type {RecordedRequest, RecordingProxy} from './recording-proxy.js';

const pollOperations = new Set([
	'SageMaker.DescribePipelineExecution',
	'SageMaker.ListPipelineExecutionSteps',
]);

export type SdkCall = {operation: string; attempts: RecordedRequest[]};

/** The poll requests about one execution since `since`, grouped into SDK calls (attempts share an invocation id). */
export function callsFor(proxy: RecordingProxy, executionArn: string, since = 0): SdkCall[] {
	const calls = new Map<string, SdkCall>();
	for (const request of pollRequests(proxy, executionArn, since)) {
		const key = request.invocationId ?? `${request.startOrder}`;
		const call = calls.get(key) ?? {operation: request.operation, attempts: []};
		call.attempts.push(request);
		calls.set(key, call);
	}

	return [...calls.values()];
}

export function pollRequests(proxy: RecordingProxy, executionArn: string, since = 0): RecordedRequest[] {
	return proxy.requests
		.slice(since)
		.filter((request) => pollOperations.has(request.operation) && request.body.includes(executionArn));
}

export function expectPollerContract(
	proxy: RecordingProxy,
	executionArn: string,
	since: number,
	intervalMs: number,
): void {
	const requests = pollRequests(proxy, executionArn, since);
	expect(requests.length).toBeGreaterThan(0);
	expect(proxy.mostInFlight((request) => requests.includes(request))).toBe(1);
	for (const request of requests) expect(request.attempt!).toBeLessThanOrEqual(request.maxAttempts!);

	let perTick = 0;
	const tickStarts: number[] = [];
	for (const call of callsFor(proxy, executionArn, since)) {
		if (call.operation === 'SageMaker.DescribePipelineExecution') {
			perTick = 0;
			tickStarts.push(call.attempts[0]!.startedAt);
		}

		perTick++;
		expect(perTick).toBeLessThanOrEqual(2);
	}

	// The next tick is scheduled an interval (or a longer backoff) after the previous one ends.
	for (let index = 1; index < tickStarts.length; index++) {
		expect(tickStarts[index]! - tickStarts[index - 1]!).toBeGreaterThanOrEqual(intervalMs * 0.9);
	}
}
