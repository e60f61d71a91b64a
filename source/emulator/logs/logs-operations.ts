// The emulated CloudWatch Logs operations sagemon and the AWS tools read job logs with: DescribeLogGroups,
// DescribeLogStreams, GetLogEvents (forward/backward tokens; the same token back means the end) and
// FilterLogEvents (stream names or prefix, term patterns, interleaved across streams, paging).
import {accountId} from '../arns.js';
import {compileFilterPattern} from './filter-pattern.js';
import type {LogStore, LogStreamView} from './log-store.js';
import {offsetToken, readOffsetToken, readStreamToken, streamToken} from './log-tokens.js';
import {invalidParameter, LogsError, missingGroup, missingStream} from './logs-protocol.js';

export type LogsRequest = {input: Record<string, unknown>; region: string; now: number; store: LogStore};

/** The service caps a GetLogEvents/FilterLogEvents page at 10,000 events or 1 MB. */
const maximumEvents = 10_000;
const maximumPageBytes = 1_048_576;

export function runLogsOperation(operation: string, request: LogsRequest): Record<string, unknown> {
	switch (operation) {
		case 'DescribeLogGroups':
			return describeLogGroups(request);
		case 'DescribeLogStreams':
			return describeLogStreams(request);
		case 'GetLogEvents':
			return getLogEvents(request);
		case 'FilterLogEvents':
			return filterLogEvents(request);
		default:
			throw new LogsError(
				'UnknownOperationException',
				`The sagemon emulator does not implement CloudWatch Logs ${operation}; it serves DescribeLogGroups, DescribeLogStreams, GetLogEvents and FilterLogEvents.`,
			);
	}
}

function describeLogGroups({input, region, now, store}: LogsRequest): Record<string, unknown> {
	const prefix = optionalText(input.logGroupNamePrefix, 'logGroupNamePrefix');
	const pattern = optionalText(input.logGroupNamePattern, 'logGroupNamePattern');
	if (prefix !== undefined && pattern !== undefined)
		throw invalidParameter('LogGroupNamePrefix and LogGroupNamePattern are mutually exclusive.');
	const groups = store
		.groups(region, now)
		.filter(
			({name}) =>
				(prefix === undefined || name.startsWith(prefix)) &&
				(pattern === undefined || name.includes(pattern)),
		);
	const limit = limitOf(input.limit, 50, 50);
	const offset = readOffsetToken(input.nextToken);
	const slice = groups.slice(offset, offset + limit);
	return withToken(
		{
			logGroups: slice.map(({name, creationTime}) => ({
				logGroupName: name,
				creationTime,
				metricFilterCount: 0,
				arn: `${groupArn(region, name)}:*`,
				storedBytes: 0,
				logGroupClass: 'STANDARD',
				logGroupArn: groupArn(region, name),
			})),
		},
		offset + limit < groups.length ? offsetToken(offset + limit) : undefined,
	);
}

function describeLogStreams({input, region, now, store}: LogsRequest): Record<string, unknown> {
	const group = groupName(input);
	const prefix = optionalText(input.logStreamNamePrefix, 'logStreamNamePrefix');
	const orderBy = input.orderBy ?? 'LogStreamName';
	if (orderBy !== 'LogStreamName' && orderBy !== 'LastEventTime')
		throw invalidParameter(
			`1 validation error detected: Value '${String(orderBy)}' at 'orderBy' failed to satisfy constraint: Member must satisfy enum value set: [LogStreamName, LastEventTime]`,
		);
	if (orderBy === 'LastEventTime' && prefix !== undefined)
		throw invalidParameter('Cannot order by LastEventTime with a logStreamNamePrefix.');
	const streams = (store.streams(region, group, now) ?? throwMissingGroup()).filter(
		({name}) => prefix === undefined || name.startsWith(prefix),
	);
	const key = (stream: LogStreamView) =>
		orderBy === 'LastEventTime' ? lastEvent(stream).timestamp : stream.name;
	streams.sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : a.name < b.name ? -1 : 1));
	if (input.descending === true) streams.reverse();
	const limit = limitOf(input.limit, 50, 50);
	const offset = readOffsetToken(input.nextToken);
	return withToken(
		{
			logStreams: streams.slice(offset, offset + limit).map((stream) => ({
				logStreamName: stream.name,
				creationTime: stream.creationTime,
				firstEventTimestamp: stream.first.timestamp,
				lastEventTimestamp: lastEvent(stream).timestamp,
				lastIngestionTime: lastEvent(stream).ingestionTime,
				uploadSequenceToken: String(stream.count).padStart(56, '0'),
				arn: `${groupArn(region, group)}:log-stream:${stream.name}`,
				storedBytes: 0,
			})),
		},
		offset + limit < streams.length ? offsetToken(offset + limit) : undefined,
	);
}

function getLogEvents({input, region, now, store}: LogsRequest): Record<string, unknown> {
	const group = groupName(input);
	const streamName = optionalText(input.logStreamName, 'logStreamName');
	if (streamName === undefined)
		throw invalidParameter(
			"1 validation error detected: Value null at 'logStreamName' failed to satisfy constraint: Member must not be null",
		);
	const streams = store.streams(region, group, now) ?? throwMissingGroup();
	const stream = streams.find(({name}) => name === streamName);
	if (!stream) throw missingStream();
	const events = inWindow(stream.events, input);
	const limit = limitOf(input.limit, maximumEvents, maximumEvents);
	const position = readStreamToken(input.nextToken);
	let from: number;
	let to: number;
	if (position?.direction === 'f' || (position === undefined && input.startFromHead === true)) {
		from = Math.min(position?.index ?? 0, events.length);
		to = fitPage(events, from, Math.min(events.length, from + limit), 'forward');
	} else {
		to = Math.min(position?.index ?? events.length, events.length);
		from = fitPage(events, Math.max(0, to - limit), to, 'backward');
	}

	return {
		events: events
			.slice(from, to)
			.map(({timestamp, message, ingestionTime}) => ({timestamp, message, ingestionTime})),
		nextForwardToken: streamToken('f', to),
		nextBackwardToken: streamToken('b', from),
	};
}

function filterLogEvents({input, region, now, store}: LogsRequest): Record<string, unknown> {
	const group = groupName(input);
	const prefix = optionalText(input.logStreamNamePrefix, 'logStreamNamePrefix');
	const names = input.logStreamNames;
	if (prefix !== undefined && names !== undefined)
		throw invalidParameter('logStreamNames and logStreamNamePrefix are mutually exclusive');
	if (names !== undefined && (!Array.isArray(names) || names.length === 0 || names.length > 100))
		throw invalidParameter('logStreamNames must list 1 to 100 stream names.');
	const wanted = Array.isArray(names) ? new Set(names.map(String)) : undefined;
	const matches = compileFilterPattern(optionalText(input.filterPattern, 'filterPattern'));
	const streams = (store.streams(region, group, now) ?? throwMissingGroup())
		.filter(
			({name}) =>
				(prefix === undefined || name.startsWith(prefix)) && (wanted === undefined || wanted.has(name)),
		)
		.sort((a, b) => (a.name < b.name ? -1 : 1));
	const found: Array<{
		streamIndex: number;
		index: number;
		stream: string;
		timestamp: number;
		ingestionTime: number;
		message: string;
	}> = [];
	streams.forEach((stream, streamIndex) => {
		stream.events.forEach((event, index) => {
			if (!inTime(event.timestamp, input) || !matches(event.message)) return;
			found.push({streamIndex, index, stream: stream.name, ...event});
		});
	});
	// Interleaved: by time across streams (the service always interleaves now; `interleaved` is accepted).
	found.sort((a, b) => a.timestamp - b.timestamp || a.streamIndex - b.streamIndex || a.index - b.index);
	const offset = readOffsetToken(input.nextToken);
	const limit = limitOf(input.limit, maximumEvents, maximumEvents);
	const to = fitPage(found, offset, Math.min(found.length, offset + limit), 'forward');
	return withToken(
		{
			events: found.slice(offset, to).map((event) => ({
				logStreamName: event.stream,
				timestamp: event.timestamp,
				message: event.message,
				ingestionTime: event.ingestionTime,
				eventId: eventId(event.timestamp, event.stream, event.index),
			})),
			searchedLogStreams: streams.map(({name}) => ({logStreamName: name, searchedCompletely: true})),
		},
		to < found.length ? offsetToken(to) : undefined,
	);
}

function groupName(input: Record<string, unknown>): string {
	const name = optionalText(input.logGroupName, 'logGroupName');
	const identifier = optionalText(input.logGroupIdentifier, 'logGroupIdentifier');
	if (name !== undefined && identifier !== undefined)
		throw invalidParameter('LogGroup name and LogGroup ARN are mutually exclusive parameters.');
	const group =
		name ?? identifier?.replace(/^arn:aws[\w-]*:logs:[^:]*:\d*:log-group:/, '').replace(/:\*$/, '');
	if (group === undefined)
		throw invalidParameter('Either logGroupName or logGroupIdentifier must be specified.');
	return group;
}

function throwMissingGroup(): never {
	throw missingGroup();
}

function optionalText(value: unknown, member: string): string | undefined {
	if (value === undefined || value === null) return undefined;
	if (typeof value !== 'string') throw invalidParameter(`${member} must be a string.`);
	return value;
}

function limitOf(value: unknown, fallback: number, maximum: number): number {
	if (value === undefined || value === null) return fallback;
	if (typeof value !== 'number' || !Number.isInteger(value) || value < 1 || value > maximum) {
		throw invalidParameter(
			`1 validation error detected: Value '${String(value)}' at 'limit' failed to satisfy constraint: Member must have value less than or equal to ${maximum}`,
		);
	}

	return value;
}

function inTime(timestamp: number, input: Record<string, unknown>): boolean {
	const start = typeof input.startTime === 'number' ? input.startTime : undefined;
	const end = typeof input.endTime === 'number' ? input.endTime : undefined;
	return (start === undefined || timestamp >= start) && (end === undefined || timestamp <= end);
}

function inWindow<T extends {timestamp: number}>(events: T[], input: Record<string, unknown>): T[] {
	return input.startTime === undefined && input.endTime === undefined
		? events
		: events.filter((event) => inTime(event.timestamp, input));
}

/** Shrinks [from, to) from the far end until the page's messages fit the service's 1 MB. */
function fitPage(
	events: Array<{message: string}>,
	from: number,
	to: number,
	direction: 'forward' | 'backward',
): number {
	let bytes = 0;
	if (direction === 'forward') {
		for (let index = from; index < to; index++) {
			bytes += Buffer.byteLength(events[index]!.message) + 26;
			if (bytes > maximumPageBytes && index > from) return index;
		}

		return to;
	}

	for (let index = to - 1; index >= from; index--) {
		bytes += Buffer.byteLength(events[index]!.message) + 26;
		if (bytes > maximumPageBytes && index < to - 1) return index + 1;
	}

	return from;
}

function lastEvent(stream: LogStreamView) {
	return stream.last;
}

function groupArn(region: string, group: string): string {
	return `arn:aws:logs:${region}:${accountId}:log-group:${group}`;
}

/** 56 digits like the service's event ids: the timestamp, the stream's hash and the event's position. */
function eventId(timestamp: number, stream: string, index: number): string {
	let hash = 0;
	for (const character of stream) hash = (Math.imul(hash, 31) + character.charCodeAt(0)) >>> 0;
	return `${String(timestamp).padStart(20, '0')}${String(hash).padStart(12, '0')}${String(index).padStart(24, '0')}`;
}

function withToken(result: Record<string, unknown>, nextToken: string | undefined): Record<string, unknown> {
	return nextToken === undefined ? result : {...result, nextToken};
}
