// An HTTP relay between sagemon and the emulator that records every request as the server sees it (operation,
// SDK attempt, Range, timing, concurrency), so tests count calls at the wire instead of trusting the client.
// It can also rewrite SageMaker JSON both ways, standing in for an endpoint that returns text AWS never would.
import {
	createServer,
	type IncomingHttpHeaders,
	type IncomingMessage,
	request as httpRequest,
	type Server,
} from 'node:http';
import type {AddressInfo} from 'node:net';

export type RecordedRequest = {
	/** `SageMaker.DescribePipelineExecution`, or `S3 GET /bucket/key` for S3. */
	operation: string;
	/** The SDK's `amz-sdk-invocation-id`: the same for every attempt of one call. */
	invocationId?: string;
	/** From `amz-sdk-request: attempt=N; max=M`. */
	attempt?: number;
	maxAttempts?: number;
	range?: string;
	/** The request body as text (SageMaker JSON); empty for S3. */
	body: string;
	startedAt: number;
	endedAt?: number;
	status?: number;
	/** The service's error type (`__type`) of a failed SageMaker answer, e.g. `ThrottlingException`. */
	errorType?: string;
	/** Bytes the server sent back in the body. */
	responseBytes: number;
	/** The server answered, but the proxy dropped the connection instead of passing the answer on. */
	lost?: boolean;
	/** Order of arrival and of completion among all the proxy's events, to tell overlap without clocks. */
	startOrder: number;
	endOrder?: number;
};

export type ProxyOptions = {
	/** Lets the server act on this request, then drops the connection before sagemon gets the answer. */
	loseAnswer?: (request: RecordedRequest) => boolean;
	/** Applied to SageMaker response bodies (JSON text) before sagemon sees them. */
	rewriteResponse?: (body: string, request: RecordedRequest) => string;
	/** Applied to SageMaker request bodies before the emulator sees them. */
	rewriteRequest?: (body: string) => string;
};

export type RecordingProxy = {
	url: string;
	requests: RecordedRequest[];
	/** Requests whose operation matches. */
	calls(operation: string | RegExp): RecordedRequest[];
	/** The most requests matching `filter` that were ever in flight at once. */
	mostInFlight(filter: (request: RecordedRequest) => boolean): number;
	close(): Promise<void>;
};

const mutatingOperations =
	/^SageMaker\.(CreatePipeline|UpdatePipeline|DeletePipeline|StartPipelineExecution|StopPipelineExecution|RetryPipelineExecution|SendPipelineExecutionStep\w+)$|^S3 (PUT|POST|DELETE) /;

export function isMutating(request: RecordedRequest): boolean {
	return mutatingOperations.test(request.operation);
}

export async function startRecordingProxy(
	targetUrl: string,
	options: ProxyOptions = {},
): Promise<RecordingProxy> {
	const target = new URL(targetUrl);
	const requests: RecordedRequest[] = [];
	let events = 0;

	const server: Server = createServer((incoming, outgoing) => {
		void readAll(incoming).then((raw) => {
			const amzTarget = incoming.headers['x-amz-target'];
			const isSageMaker = typeof amzTarget === 'string';
			let body = raw;
			if (isSageMaker && options.rewriteRequest)
				body = Buffer.from(options.rewriteRequest(raw.toString('utf8')));
			const record: RecordedRequest = {
				operation: isSageMaker ? amzTarget : `S3 ${incoming.method} ${(incoming.url ?? '/').split('?')[0]}`,
				...sdkAttempt(incoming.headers),
				body: isSageMaker ? body.toString('utf8') : '',
				startedAt: Date.now(),
				responseBytes: 0,
				startOrder: events++,
			};
			const range = incoming.headers.range;
			if (typeof range === 'string') record.range = range;
			requests.push(record);
			const finish = () => {
				if (record.endOrder !== undefined) return;
				record.endOrder = events++;
				record.endedAt = Date.now();
			};

			const headers = {...incoming.headers, host: target.host, 'content-length': String(body.length)};
			const upstream = httpRequest(
				{
					host: target.hostname,
					port: target.port,
					method: incoming.method,
					path: incoming.url,
					headers,
				},
				(answer) => {
					record.status = answer.statusCode;
					if (isSageMaker) {
						void readAll(answer).then((answerBody) => {
							const original = answerBody.toString('utf8');
							if ((answer.statusCode ?? 500) >= 400) record.errorType = errorTypeOf(original);
							const text = Buffer.from(
								options.rewriteResponse ? options.rewriteResponse(original, record) : original,
							);
							record.responseBytes = text.length;
							if (options.loseAnswer?.(record)) {
								record.lost = true;
								outgoing.destroy();
								finish();
								return;
							}

							outgoing.writeHead(answer.statusCode ?? 500, {
								...answer.headers,
								'content-length': String(text.length),
							});
							outgoing.end(text);
							finish();
						});
						return;
					}

					outgoing.writeHead(answer.statusCode ?? 500, answer.headers);
					answer.on('data', (chunk: Buffer) => {
						record.responseBytes += chunk.length;
					});
					answer.pipe(outgoing);
					answer.once('end', finish);
					answer.once('error', finish);
				},
			);
			upstream.once('error', () => {
				finish();
				outgoing.destroy();
			});
			outgoing.once('close', finish);
			upstream.end(body);
		});
	});
	server.keepAliveTimeout = 5000;
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const {port} = server.address() as AddressInfo;
	return {
		url: `http://127.0.0.1:${port}`,
		requests,
		calls(operation) {
			return requests.filter((request) =>
				typeof operation === 'string' ? request.operation === operation : operation.test(request.operation),
			);
		},
		mostInFlight(filter) {
			const chosen = requests.filter(filter);
			let most = 0;
			for (const request of chosen) {
				const overlapping = chosen.filter(
					(other) =>
						other.startOrder <= request.startOrder &&
						(other.endOrder === undefined || other.endOrder > request.startOrder),
				).length;
				most = Math.max(most, overlapping);
			}

			return most;
		},
		close() {
			return new Promise<void>((resolve) => {
				server.close(() => resolve());
				server.closeAllConnections();
			});
		},
	};
}

function sdkAttempt(headers: IncomingHttpHeaders): Partial<RecordedRequest> {
	const result: Partial<RecordedRequest> = {};
	const id = headers['amz-sdk-invocation-id'];
	if (typeof id === 'string') result.invocationId = id;
	const attempt = /attempt=(\d+); *max=(\d+)/.exec(String(headers['amz-sdk-request'] ?? ''));
	if (attempt) {
		result.attempt = Number(attempt[1]);
		result.maxAttempts = Number(attempt[2]);
	}

	return result;
}

function errorTypeOf(body: string): string | undefined {
	try {
		const type = (JSON.parse(body) as {__type?: unknown}).__type;
		return typeof type === 'string' ? type.replace(/^.*#/, '') : undefined;
	} catch {
		return undefined;
	}
}

function readAll(stream: IncomingMessage): Promise<Buffer> {
	return new Promise((resolve, reject) => {
		const chunks: Buffer[] = [];
		stream.on('data', (chunk: Buffer) => chunks.push(chunk));
		stream.once('end', () => resolve(Buffer.concat(chunks)));
		stream.once('error', reject);
	});
}
