// What the watch tests share: an emulator, connections to it whose SDK calls try once (so the pollers' own
// backoff is what a test sees), and a wait for a store's snapshot to meet a condition.
import {type AwsConnection, connectAws} from '../../source/aws/connect.js';
import type {RunningEmulator} from '../../source/emulator/index.js';
import type {PollingStore} from '../../source/watch/polling-store.js';
import {startTestEmulator, testCredentials} from '../helpers/emulator.js';

/** An emulator without the demo pipelines; the SDK's default credential chain gets the test credentials. */
export function startWatchEmulator(timeScale: number): Promise<RunningEmulator> {
	process.env.AWS_ACCESS_KEY_ID = testCredentials.accessKeyId;
	process.env.AWS_SECRET_ACCESS_KEY = testCredentials.secretAccessKey;
	return startTestEmulator({timeScale, demo: false});
}

export function connectTryingOnce(endpointUrl: string): Promise<AwsConnection> {
	return connectAws({endpointUrl, region: 'us-east-1', retry: {maxAttempts: 1}}, {});
}

/** Resolves with the first snapshot that meets `predicate`, checked on every change and on a short beat. */
export function waitForSnapshot<S>(
	store: PollingStore<S>,
	predicate: (snapshot: S) => boolean,
	timeoutMs = 10_000,
): Promise<S> {
	return new Promise((resolve, reject) => {
		const check = () => {
			if (!predicate(store.getSnapshot())) return;
			stop();
			resolve(store.getSnapshot());
		};
		// Conditions on counters change without a new snapshot, so they are checked on a short beat as well.
		const beat = setInterval(check, 5);
		const timer = setTimeout(() => {
			stop();
			reject(new Error(`condition not met; last snapshot: ${JSON.stringify(store.getSnapshot())}`));
		}, timeoutMs);
		const unsubscribe = store.subscribe(check);
		const stop = () => {
			clearInterval(beat);
			clearTimeout(timer);
			unsubscribe();
		};
		check();
	});
}
