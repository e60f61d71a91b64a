// The connection to AWS behind the screens: connecting after the first frame, and reconnecting for `:region` and
// `:profile`. Each connection has a generation, so the screens of an older one are thrown away, and an answer
// that comes back for an older one is ignored.
import {useCallback, useEffect, useRef, useState} from 'react';
import type {AwsAccess} from '../../aws/types.js';
import {sanitizeText} from '../../pipeline/sanitize.js';

export type Connection =
	| {state: 'connecting'; generation: number}
	| {state: 'ready'; generation: number; aws: AwsAccess}
	| {state: 'failed'; generation: number; message: string};

export type Reconnect = (changes: {region?: string; profile?: string}) => Promise<AwsAccess>;

export type ConnectionControl = {
	connection: Connection;
	/** Opens a new connection (undefined when the app was given no way to); resolves once it is ready. */
	reconnect: ((changes: {region?: string; profile?: string}) => Promise<AwsAccess>) | undefined;
};

export function useConnection(connect: () => Promise<AwsAccess>, reconnect?: Reconnect): ConnectionControl {
	const [connection, setConnection] = useState<Connection>({state: 'connecting', generation: 0});
	const generation = useRef(0);
	const settle = useCallback((promise: Promise<AwsAccess>, mine: number) => {
		const current = () => generation.current === mine;
		return promise.then(
			(aws) => {
				if (current()) setConnection({state: 'ready', generation: mine, aws});
				return aws;
			},
			(error: unknown) => {
				if (current()) setConnection({state: 'failed', generation: mine, message: messageOf(error)});
				throw error;
			},
		);
	}, []);

	useEffect(() => {
		const mine = generation.current;
		settle(connect(), mine).catch(() => undefined);
		return () => {
			// A new `connect` (or unmounting) makes this attempt stale.
			if (generation.current === mine) generation.current++;
		};
	}, [connect, settle]);

	const again = useCallback(
		(changes: {region?: string; profile?: string}) => {
			if (!reconnect) return Promise.reject(new Error('Reconnecting is not available here.'));
			const mine = ++generation.current;
			setConnection({state: 'connecting', generation: mine});
			return settle(reconnect(changes), mine);
		},
		[reconnect, settle],
	);

	return {connection, reconnect: reconnect ? again : undefined};
}

function messageOf(error: unknown): string {
	return sanitizeText(error instanceof Error ? error.message : String(error));
}
