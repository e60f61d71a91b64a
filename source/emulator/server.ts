// The emulator's HTTP server: one port for SageMaker (awsJson1_1, `X-Amz-Target`), CloudWatch Logs (the same
// protocol, `Logs_20140328.*`), S3 (path-style REST) and
// the loopback-only control endpoints `/_sagemon/health` and `/_sagemon/faults`. Every request first lets the
// engine catch up with the clock.
import {createServer, type IncomingMessage, type Server, type ServerResponse} from 'node:http';
import {defaultRegion} from './arns.js';
import type {EmulatorState} from './emulator-state.js';
import {checkFaultOptions, type FaultInjector} from './faults.js';
import {handleLogs} from './logs/logs-handler.js';
import {LogStore} from './logs/log-store.js';
import {logsOperationOf} from './logs/logs-protocol.js';
import {localCaller} from './operation.js';
import {handleS3} from './s3.js';
import {runOperation} from './sagemaker-operations.js';
import {
	isJsonRpcRequest,
	operationOf,
	parseInput,
	regionOf,
	writeError,
	writeResult,
} from './sagemaker-protocol.js';
import {ServiceError} from './service-error.js';

/** Request bodies above this size are refused (definitions are at most 1 MiB; evaluation reports are small). */
const maximumBodyBytes = 64 * 1024 * 1024;

export function createEmulatorServer(state: EmulatorState, faults: FaultInjector): Server {
	const logs = new LogStore(state.jobs);
	const server = createServer((request, response) => {
		readBody(request)
			.then(async (body) => {
				if (body === undefined) {
					writeJson(response, 413, {message: `Request bodies are limited to ${maximumBodyBytes} bytes.`});
					return;
				}

				await handle(state, faults, logs, request, response, body);
			})
			.catch((error: unknown) => {
				if (response.headersSent) {
					response.destroy();
					return;
				}

				writeError(
					response,
					new ServiceError(
						'InternalFailure',
						`The emulator failed: ${error instanceof Error ? error.message : String(error)}`,
					),
				);
			});
	});
	server.keepAliveTimeout = 5000;
	return server;
}

async function handle(
	state: EmulatorState,
	faults: FaultInjector,
	logs: LogStore,
	request: IncomingMessage,
	response: ServerResponse,
	body: Buffer,
): Promise<void> {
	const path = (request.url ?? '/').split('?')[0]!;
	if (path.startsWith('/_sagemon/')) {
		control(faults, request, response, path, body);
		return;
	}

	if (faults.latencyMs > 0) await new Promise((resolve) => setTimeout(resolve, faults.latencyMs));
	state.engine.advance();
	if (!isJsonRpcRequest(request)) {
		handleS3(state.storage, request, response, body, {accessDenied: faults.s3AccessDenied});
		return;
	}

	const logsOperation = logsOperationOf(request);
	if (logsOperation !== undefined) {
		handleLogs(logsOperation, {store: logs, faults, now: state.clock.now()}, request, response, body);
		return;
	}

	const operation = operationOf(request);
	try {
		if (operation === undefined) {
			throw new ServiceError(
				'UnknownOperationException',
				`Unknown target ${String(request.headers['x-amz-target'])}.`,
			);
		}

		const failure = faults.sageMakerFailure(operation);
		if (failure) throw failure;
		const input = parseInput(body);
		writeResult(
			response,
			runOperation(state, operation, input, {region: regionOf(request, defaultRegion), caller: localCaller}),
		);
	} catch (error) {
		if (error instanceof ServiceError) writeError(response, error);
		else throw error;
	}
}

function control(
	faults: FaultInjector,
	request: IncomingMessage,
	response: ServerResponse,
	path: string,
	body: Buffer,
): void {
	if (!isLoopback(request.socket.remoteAddress)) {
		writeJson(response, 403, {message: 'The sagemon control endpoints only answer loopback clients.'});
		return;
	}

	if (path === '/_sagemon/health' && request.method === 'GET') {
		writeJson(response, 200, {status: 'ok'});
		return;
	}

	if (path === '/_sagemon/faults' && request.method === 'POST') {
		let value: unknown;
		try {
			value = JSON.parse(body.toString('utf8') || '{}');
		} catch {
			writeJson(response, 400, {message: 'The faults body must be JSON, such as {"throttleRate": 0.5}.'});
			return;
		}

		const {faults: options, problems} = checkFaultOptions(value);
		if (!options) {
			writeJson(response, 400, {message: problems.join(' ')});
			return;
		}

		faults.set(options);
		writeJson(response, 200, {faults: options});
		return;
	}

	writeJson(response, 404, {
		message: `No control endpoint ${request.method} ${path}. Try GET /_sagemon/health or POST /_sagemon/faults.`,
	});
}

function isLoopback(address: string | undefined): boolean {
	return (
		address === '127.0.0.1' ||
		address === '::1' ||
		address === '::ffff:127.0.0.1' ||
		(address?.startsWith('127.') ?? false)
	);
}

function writeJson(response: ServerResponse, status: number, value: unknown): void {
	const body = JSON.stringify(value);
	response.writeHead(status, {'content-type': 'application/json', 'content-length': Buffer.byteLength(body)});
	response.end(body);
}

function readBody(request: IncomingMessage): Promise<Buffer | undefined> {
	return new Promise((resolve, reject) => {
		const chunks: Buffer[] = [];
		let size = 0;
		let tooLarge = false;
		request.on('data', (chunk: Buffer) => {
			size += chunk.length;
			if (size > maximumBodyBytes) tooLarge = true;
			else chunks.push(chunk);
		});
		request.on('end', () => resolve(tooLarge ? undefined : Buffer.concat(chunks)));
		request.on('error', reject);
	});
}
