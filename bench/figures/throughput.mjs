// Figure 6: how many ListPipelineExecutionSteps requests per second the emulator serves for a 300-step
// execution (first page of 100 steps), over keep-alive connections with a few requests in flight.
import {createSageMakerCaller} from '../sagemaker-json.mjs';

const inFlight = 8;
const maxRequests = 20_000;
const maxSeconds = 5;

export async function measureThroughput({endpointUrl, target, stepCount}) {
	const caller = createSageMakerCaller(endpointUrl, {maxSockets: inFlight});
	try {
		const input = {PipelineExecutionArn: target.executionArn, MaxResults: 100};
		const first = await caller.call('ListPipelineExecutionSteps', input);
		if (first.PipelineExecutionSteps?.length !== 100 || !first.NextToken)
			throw new Error(`expected a full first page of the ${stepCount}-step execution`);
		const run = async (seconds, limit) => {
			let done = 0;
			const deadline = performance.now() + seconds * 1000;
			const started = performance.now();
			await Promise.all(
				Array.from({length: inFlight}, async () => {
					while (done < limit && performance.now() < deadline) {
						done++;
						await caller.call('ListPipelineExecutionSteps', input);
					}
				}),
			);
			return {done, seconds: (performance.now() - started) / 1000};
		};

		await run(0.5, 500);
		const {done, seconds} = await run(maxSeconds, maxRequests);
		return [
			{
				figure: `6. Emulator: ListPipelineExecutionSteps, ${stepCount} steps, page of 100 (${inFlight} in flight)`,
				value: `${Math.round(done / seconds).toLocaleString('en-US')} req/s`,
			},
		];
	} finally {
		caller.close();
	}
}
