// ObjectStore over the S3 SDK client: capped Range reads of small text objects such as evaluation.json.
import {GetObjectCommand, type S3Client} from '@aws-sdk/client-s3';
import {type ErrorHints, normalizeAwsError} from './errors.js';
import {parseS3Uri} from './s3-uri.js';
import {sanitizeText} from '../pipeline/sanitize.js';
import {AwsError, type ObjectRead, type ObjectStore} from './types.js';

// connect.ts gets the client class from here, so the bundle keeps only the S3 operations used (see the gateway).
export {S3Client} from '@aws-sdk/client-s3';

/** Reports are small JSON files; anything past this is not meant for a terminal. */
export const defaultMaxBytes = 256 * 1024;

export function createObjectStore(client: S3Client, hints: ErrorHints = {}): ObjectStore {
	return {
		async readObject(uri, options = {}) {
			const maxBytes = Math.max(1, Math.floor(options.maxBytes ?? defaultMaxBytes));
			const {bucket, key} = parseS3Uri(uri);
			try {
				const response = await client.send(
					new GetObjectCommand({Bucket: bucket, Key: key, Range: `bytes=0-${maxBytes - 1}`}),
				);
				const bytes = (await response.Body?.transformToByteArray()) ?? new Uint8Array();
				const size =
					totalSize(response.ContentRange) ?? (response.ContentRange ? undefined : response.ContentLength);
				const read: ObjectRead = {
					uri,
					text: new TextDecoder('utf-8').decode(bytes.subarray(0, maxBytes)),
					truncated: size === undefined ? bytes.length > maxBytes : size > Math.min(bytes.length, maxBytes),
				};
				if (size !== undefined) read.size = size;
				const lastModified = response.LastModified?.getTime();
				if (lastModified !== undefined && Number.isFinite(lastModified)) read.lastModified = lastModified;
				return read;
			} catch (error) {
				// A Range on an empty object is unsatisfiable (416): the object exists and holds nothing.
				if ((error as {name?: unknown})?.name === 'InvalidRange')
					return {uri, text: '', size: 0, truncated: false};
				throw aboutObject(normalizeAwsError(error, hints), uri);
			}
		},
	};
}

/** S3's own messages ("Access Denied", "The specified key does not exist.") do not say which object. */
function aboutObject(error: AwsError, uri: string): AwsError {
	const where = sanitizeText(uri);
	if (error.kind === 'AccessDenied') {
		return new AwsError(
			error.kind,
			error.message.replace(/^Access denied: /, `Access denied: reading ${where} was refused: `),
			error.code,
		);
	}

	if (error.kind === 'NotFound') {
		return new AwsError(
			error.kind,
			`${where} does not exist (${error.message.replace(/\.$/, '')}).`,
			error.code,
		);
	}

	return error;
}

/** `bytes 0-99/1234` → 1234; `bytes 0-99/*` or nothing → undefined. */
function totalSize(contentRange: string | undefined): number | undefined {
	const match = contentRange ? /\/(\d+)\s*$/.exec(contentRange) : null;
	return match ? Number(match[1]) : undefined;
}
