// s3://bucket/key addresses: parsing them, and joining a prefix with a file path the way the SageMaker SDK does.
import {AwsError} from './types.js';

export type S3Location = {bucket: string; key: string};

/** Parses `s3://bucket/key`; anything else is a Validation AwsError naming the bad address. */
export function parseS3Uri(uri: string): S3Location {
	const match = /^s3:\/\/([^/]+)\/(.+)$/.exec(uri.trim());
	if (!match) {
		throw new AwsError('Validation', `"${uri}" is not an S3 address of the form s3://bucket/key.`);
	}

	return {bucket: match[1]!, key: match[2]!};
}

/** `s3://b/out/` + `evaluation.json` → `s3://b/out/evaluation.json`, without doubled slashes in the key. */
export function joinS3Uri(prefix: string, path: string): string {
	const head = prefix.replace(/\/+$/, '');
	const tail = path.replace(/^\/+/, '');
	return tail === '' ? head : `${head}/${tail}`;
}
