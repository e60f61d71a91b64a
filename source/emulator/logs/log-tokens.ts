// The paging tokens of the emulated CloudWatch Logs. GetLogEvents' look like the service's (`f/<56 digits>/s`,
// `b/<56 digits>/s`) and hold a position in the stream; DescribeLogStreams/FilterLogEvents' are opaque offsets.
import {invalidParameter} from './logs-protocol.js';

export type StreamPosition = {direction: 'f' | 'b'; index: number};

export function streamToken(direction: 'f' | 'b', index: number): string {
	return `${direction}/${String(index).padStart(56, '0')}/s`;
}

export function readStreamToken(token: unknown): StreamPosition | undefined {
	if (token === undefined || token === null) return undefined;
	const match = /^([fb])\/(\d{1,56})\/s$/.exec(String(token));
	if (!match) throw invalidParameter('The specified nextToken is invalid.');
	return {direction: match[1] as 'f' | 'b', index: Number(match[2])};
}

export function offsetToken(offset: number): string {
	return Buffer.from(JSON.stringify({o: offset}), 'utf8').toString('base64url');
}

export function readOffsetToken(token: unknown): number {
	if (token === undefined || token === null) return 0;
	try {
		const value = JSON.parse(Buffer.from(String(token), 'base64url').toString('utf8')) as {o?: unknown};
		if (typeof value.o === 'number' && Number.isInteger(value.o) && value.o >= 0) return value.o;
	} catch {}

	throw invalidParameter('The specified nextToken is invalid.');
}
