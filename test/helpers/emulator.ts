// Starts the emulator for a test (loopback, free port, fast simulated time) and builds SDK clients aimed at it.
import {S3Client} from '@aws-sdk/client-s3';
import {SageMakerClient} from '@aws-sdk/client-sagemaker';
import {type EmulatorOptions, type RunningEmulator, startEmulator} from '../../source/emulator/index.js';

/** Fake credentials: the emulator accepts any; never real ones. */
export const testCredentials = {accessKeyId: 'AKIDSAGEMONTEST', secretAccessKey: 'sagemon-test-secret'};
export const testRegion = 'us-east-1';

/** 127.0.0.1, port 0 and time scale 500 (a five-minute job takes 0.6 s) unless `options` say otherwise. */
export function startTestEmulator(options: EmulatorOptions = {}): Promise<RunningEmulator> {
	return startEmulator({
		timeScale: 500,
		...options,
		host: options.host ?? '127.0.0.1',
		port: options.port ?? 0,
	});
}

export function sageMakerClientFor(
	emulator: RunningEmulator,
	options: {maxAttempts?: number} = {},
): SageMakerClient {
	return new SageMakerClient({
		endpoint: emulator.url,
		region: testRegion,
		credentials: testCredentials,
		maxAttempts: options.maxAttempts ?? 3,
	});
}

export function s3ClientFor(emulator: RunningEmulator): S3Client {
	return new S3Client({
		endpoint: emulator.url,
		region: testRegion,
		credentials: testCredentials,
		forcePathStyle: true,
	});
}
