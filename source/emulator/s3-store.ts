// The emulator's object storage: buckets of keys, shared by the S3 REST endpoint and the execution engine
// (processing outputs, property files, model artifacts).
import {createHash} from 'node:crypto';

export type StoredObject = {
	key: string;
	body: Buffer;
	contentType: string;
	lastModified: number;
	/** The quoted MD5 of the body, computed on first use (the engine writes many objects nobody reads). */
	readonly etag: string;
	metadata: Record<string, string>;
	/** The object's tag set (PutObjectTagging, `x-amz-tagging`), in the order given. */
	tags: Record<string, string>;
};

type Bucket = {name: string; createdAt: number; objects: Map<string, StoredObject>; sortedKeys?: string[]};

export type ListResult = {
	objects: StoredObject[];
	commonPrefixes: string[];
	truncated: boolean;
	nextKey?: string;
};

export class ObjectStorage {
	readonly #buckets = new Map<string, Bucket>();

	constructor(private readonly now: () => number) {}

	hasBucket(name: string): boolean {
		return this.#buckets.has(name);
	}

	/** Creates the bucket (at `time`, default now); false when it already existed. */
	createBucket(name: string, time = this.now()): boolean {
		if (this.#buckets.has(name)) return false;
		this.#buckets.set(name, {name, createdAt: time, objects: new Map()});
		return true;
	}

	buckets(): Array<{name: string; createdAt: number}> {
		return [...this.#buckets.values()]
			.map(({name, createdAt}) => ({name, createdAt}))
			.sort((a, b) => a.name.localeCompare(b.name));
	}

	/** Writes an object, creating the bucket when the engine writes to one that does not exist yet. */
	put(
		bucketName: string,
		key: string,
		body: Buffer | string,
		options: {
			contentType?: string;
			metadata?: Record<string, string>;
			createBucket?: boolean;
			time?: number;
			/** Given for multipart uploads, whose ETag is not the MD5 of the whole body. */
			etag?: string;
			tags?: Record<string, string>;
		} = {},
	): StoredObject | undefined {
		let bucket = this.#buckets.get(bucketName);
		if (!bucket) {
			if (!options.createBucket) return undefined;
			this.createBucket(bucketName, options.time);
			bucket = this.#buckets.get(bucketName)!;
		}

		const bytes = typeof body === 'string' ? Buffer.from(body, 'utf8') : body;
		let etag = options.etag;
		const object: StoredObject = {
			key,
			body: bytes,
			contentType: options.contentType ?? 'application/octet-stream',
			lastModified: options.time ?? this.now(),
			get etag() {
				etag ??= `"${createHash('md5').update(bytes).digest('hex')}"`;
				return etag;
			},
			metadata: options.metadata ?? {},
			tags: options.tags ?? {},
		};
		if (!bucket.objects.has(key)) bucket.sortedKeys = undefined;
		bucket.objects.set(key, object);
		return object;
	}

	get(bucketName: string, key: string): StoredObject | undefined {
		return this.#buckets.get(bucketName)?.objects.get(key);
	}

	delete(bucketName: string, key: string): void {
		const bucket = this.#buckets.get(bucketName);
		if (bucket?.objects.delete(key)) bucket.sortedKeys = undefined;
	}

	/** Deletes an empty bucket; says why not otherwise. */
	deleteBucket(name: string): 'deleted' | 'missing' | 'not-empty' {
		const bucket = this.#buckets.get(name);
		if (!bucket) return 'missing';
		if (bucket.objects.size > 0) return 'not-empty';
		this.#buckets.delete(name);
		return 'deleted';
	}

	/** Reads `s3://bucket/key`; undefined when the URI is malformed or nothing is stored there. */
	getUri(uri: string): StoredObject | undefined {
		const location = parseS3Uri(uri);
		return location ? this.get(location.bucket, location.key) : undefined;
	}

	/** Writes `s3://bucket/key` as the engine does: the bucket is created when missing; `time` is when it was written. */
	putUri(uri: string, body: Buffer | string, contentType: string, time: number): boolean {
		const location = parseS3Uri(uri);
		if (!location || location.key === '') return false;
		return (
			this.put(location.bucket, location.key, body, {contentType, createBucket: true, time}) !== undefined
		);
	}

	list(
		bucketName: string,
		options: {prefix?: string; delimiter?: string; startAfter?: string; maxKeys: number},
	): ListResult | undefined {
		const bucket = this.#buckets.get(bucketName);
		if (!bucket) return undefined;
		bucket.sortedKeys ??= [...bucket.objects.keys()].sort();
		const prefix = options.prefix ?? '';
		const objects: StoredObject[] = [];
		const commonPrefixes: string[] = [];
		let lastKey: string | undefined;
		for (const key of bucket.sortedKeys) {
			if (!key.startsWith(prefix)) continue;
			if (options.startAfter !== undefined && key <= options.startAfter) continue;
			let rolledUp: string | undefined;
			if (options.delimiter) {
				const cut = key.indexOf(options.delimiter, prefix.length);
				if (cut !== -1) rolledUp = key.slice(0, cut + options.delimiter.length);
			}

			if (rolledUp !== undefined && commonPrefixes.at(-1) === rolledUp) {
				lastKey = key;
				continue;
			}

			if (objects.length + commonPrefixes.length >= options.maxKeys) {
				return {objects, commonPrefixes, truncated: true, nextKey: lastKey};
			}

			if (rolledUp === undefined) objects.push(bucket.objects.get(key)!);
			else commonPrefixes.push(rolledUp);
			lastKey = key;
		}

		return {objects, commonPrefixes, truncated: false};
	}
}

/** `s3://bucket/key` → its parts; undefined for anything else. */
export function parseS3Uri(uri: string): {bucket: string; key: string} | undefined {
	const match = /^s3:\/\/([^/]+)\/?(.*)$/.exec(uri);
	if (!match) return undefined;
	return {bucket: match[1]!, key: match[2]!};
}

/** Joins an S3 prefix and a relative path the way the SDK does (`s3_path_join`): one slash between parts. */
export function joinS3Path(prefix: string, path: string): string {
	const base = prefix.replace(/\/+$/, '');
	const rest = path.replace(/^\/+/, '');
	return rest === '' ? base : `${base}/${rest}`;
}
