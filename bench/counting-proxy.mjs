// An HTTP proxy on a free loopback port that forwards everything to the emulator and records each call
// (operation, when it started and ended, and an execution's status when the call describes one), so the watching
// figure counts exactly the calls the TUI makes.
import http from 'node:http';

/**
 * `calls` fills as requests complete; each is {operation, startedAt, endedAt (epoch ms), status, executionArn?
 * (the execution the request names), executionStatus? (what a DescribePipelineExecution answered)}.
 */
export async function startCountingProxy(targetUrl) {
	const target = new URL(targetUrl);
	const agent = new http.Agent({keepAlive: true, maxSockets: 16});
	const calls = [];
	const server = http.createServer((request, response) => {
		const startedAt = Date.now();
		const amzTarget = request.headers['x-amz-target'];
		const operation =
			typeof amzTarget === 'string' ? amzTarget.replace(/^SageMaker\./, '') : `S3 ${request.method}`;
		const requestChunks = [];
		request.on('data', (chunk) => requestChunks.push(chunk));
		request.on('end', () => {
			const requestBody = Buffer.concat(requestChunks);
			const call = {operation, startedAt, executionArn: executionArnOf(requestBody)};
			const upstream = http.request(
				{
					agent,
					host: target.hostname,
					port: target.port,
					method: request.method,
					path: request.url,
					headers: {...request.headers, host: target.host},
				},
				(answer) => {
					const chunks = [];
					answer.on('data', (chunk) => chunks.push(chunk));
					answer.on('end', () => {
						const body = Buffer.concat(chunks);
						call.endedAt = Date.now();
						call.status = answer.statusCode;
						if (operation === 'DescribePipelineExecution') {
							try {
								call.executionStatus = JSON.parse(body.toString('utf8')).PipelineExecutionStatus;
							} catch {
								// An error page: no status to record.
							}
						}

						calls.push(call);
						response.writeHead(answer.statusCode ?? 502, answer.headers);
						response.end(body);
					});
				},
			);
			upstream.on('error', (error) => {
				calls.push({...call, endedAt: Date.now(), status: 502});
				response.writeHead(502, {'content-type': 'text/plain'});
				response.end(`proxy: ${error.message}`);
			});
			upstream.end(requestBody);
		});
	});
	await new Promise((resolve, reject) => {
		server.once('error', reject);
		server.listen(0, '127.0.0.1', resolve);
	});
	const {port} = server.address();
	return {
		url: `http://127.0.0.1:${port}`,
		calls,
		close: () =>
			new Promise((resolve) => {
				server.close(() => resolve());
				server.closeAllConnections();
				agent.destroy();
			}),
	};
}

function executionArnOf(body) {
	try {
		const arn = JSON.parse(body.toString('utf8')).PipelineExecutionArn;
		return typeof arn === 'string' ? arn : undefined;
	} catch {
		return undefined;
	}
}
