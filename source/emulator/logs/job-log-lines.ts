// What a simulated job's container prints, per instance, as lines placed at fractions of its run time: a start
// banner, the data download, progress (for training, epoch lines that carry the metrics), the upload, and for a
// failing job a Python traceback that ends in the error it was tuned to fail with.
import {isRecord} from '../../pipeline/expressions.js';
import type {JobRecord} from '../engine/jobs.js';

export type PlannedLine = {at: number; message: string};

/** Epoch lines a training log writes (a long job does not write more: it only spaces them further). */
const epochs = 10;
const progressSteps = 8;

export function instanceCountOf(job: JobRecord): number {
	const request = job.request;
	const resources = isRecord(request.ResourceConfig) ? request.ResourceConfig : undefined;
	const cluster =
		isRecord(request.ProcessingResources) && isRecord(request.ProcessingResources.ClusterConfig)
			? request.ProcessingResources.ClusterConfig
			: undefined;
	const transform = isRecord(request.TransformResources) ? request.TransformResources : undefined;
	let count: unknown = (resources ?? cluster ?? transform)?.InstanceCount;
	if (resources && Array.isArray(resources.InstanceGroups) && resources.InstanceGroups.length > 0) {
		count = resources.InstanceGroups.reduce(
			(sum: number, group: unknown) =>
				sum + (isRecord(group) && typeof group.InstanceCount === 'number' ? group.InstanceCount : 0),
			0,
		);
	}

	const number = typeof count === 'string' ? Number(count) : count;
	return typeof number === 'number' && Number.isInteger(number) && number >= 1 ? Math.min(number, 50) : 1;
}

/** The lines instance `index` (1-based) of `count` writes; failing jobs stop early and end in their traceback. */
export function jobLogLines(job: JobRecord, index: number, count: number): PlannedLine[] {
	const failure = job.script?.failure;
	const body = job.script?.lines ? scripted(job.script.lines) : generated(job, index, count);
	const lines = [...banner(job, index, count), ...body].sort((a, b) => a.at - b.at);
	if (!failure) return [...lines, ...closing(job)];
	const cut = lines.filter((line) => line.at <= 0.8);
	if (failure.kind === 'internal') return cut;
	if (failure.error === undefined || index !== 1) return cut;
	const trace =
		failure.kind === 'client'
			? [`ERROR: ${failure.error}`]
			: (failure.traceback ?? traceback(job, failure.error));
	return [...cut, ...trace.map((message, offset) => ({at: 0.9 + (offset * 0.09) / trace.length, message}))];
}

function banner(job: JobRecord, index: number, count: number): PlannedLine[] {
	const host = `algo-${index}`;
	switch (job.kind) {
		case 'training':
			return [
				{
					at: 0,
					message: `sagemaker-training-toolkit INFO     Imported framework sagemaker_xgboost_container.training`,
				},
				{
					at: 0.01,
					message: `sagemaker-training-toolkit INFO     No Neurons detected (normal if no neurons installed)`,
				},
				{
					at: 0.02,
					message: `sagemaker-training-toolkit INFO     Invoking user training script on host ${host} (${count} host${count === 1 ? '' : 's'}).`,
				},
			];
		case 'processing':
			return [
				{at: 0, message: `Starting processing job ${job.name} on ${host} (instance ${index} of ${count}).`},
				{at: 0.01, message: `Image: ${imageOf(job) ?? 'sagemaker-scikit-learn:1.2-1-cpu-py3'}`},
			];
		case 'transform':
			return [
				{at: 0, message: 'Starting the inference server with 2 workers.'},
				{at: 0.01, message: 'Listening at: unix:/tmp/gunicorn.sock'},
				{at: 0.03, message: 'Model loaded from /opt/ml/model.'},
			];
		default:
			return [];
	}
}

function generated(job: JobRecord, index: number, count: number): PlannedLine[] {
	const lines: PlannedLine[] = [];
	for (const [name, uri] of inputsOf(job)) lines.push({at: 0.05, message: `Downloading ${name} from ${uri}`});
	if (job.kind === 'training') {
		const metrics = job.script?.metrics ?? [];
		for (let epoch = 1; epoch <= epochs; epoch++) {
			// Values fall towards the final ones, as a converging model's do.
			const values = metrics.map(
				({name, value}) => `${name}=${(value * (1 + (epochs - epoch) * 0.08)).toFixed(4)}`,
			);
			lines.push({
				at: 0.1 + (epoch / epochs) * 0.7,
				message: `[epoch ${epoch}/${epochs}] ${values.join(' ')}`.trim(),
			});
		}

		lines.push(...batchLines(job.script?.lineCount ?? 0));
		if (index === 1 && metrics.length > 0) {
			const final = Object.fromEntries(metrics.map(({name, value}) => [name, value]));
			lines.push({at: 0.81, message: `#metrics ${JSON.stringify(final)}`});
		}

		return lines;
	}

	const unit = job.kind === 'transform' ? 'records' : 'rows';
	const steps = job.script?.lineCount ?? progressSteps;
	for (let step = 1; step <= steps; step++) {
		const done = Math.round((step / steps) * 100);
		lines.push({
			at: 0.1 + (step / steps) * 0.7,
			message: `Processed ${done}% of the ${unit} assigned to instance ${index} of ${count} (${step * 1250} ${unit}).`,
		});
	}

	return lines;
}

/** A tuned training log's bulk: batch lines between the epochs, in time order with them. */
function batchLines(count: number): PlannedLine[] {
	const lines: PlannedLine[] = [];
	for (let batch = 1; batch <= count; batch++)
		lines.push({
			at: 0.1 + (batch / (count + 1)) * 0.7,
			message: `[batch ${batch}/${count}] loss=${(1 / Math.sqrt(batch)).toFixed(5)}`,
		});
	return lines;
}

function scripted(texts: string[]): PlannedLine[] {
	return texts.map((message, offset) => ({at: 0.05 + (offset / Math.max(1, texts.length)) * 0.75, message}));
}

function closing(job: JobRecord): PlannedLine[] {
	switch (job.kind) {
		case 'training':
			return [
				{at: 0.9, message: 'Saving the model to /opt/ml/model.'},
				{at: 0.97, message: 'sagemaker-training-toolkit INFO     Reporting training SUCCESS'},
			];
		case 'processing':
			return [
				...outputsOf(job).map(([name, uri]) => ({at: 0.9, message: `Uploading ${name} to ${uri}`})),
				{at: 0.97, message: 'Processing completed.'},
			];
		case 'transform':
			return [{at: 0.97, message: 'Transform completed: every input object was processed.'}];
		default:
			return [];
	}
}

function traceback(job: JobRecord, error: string): string[] {
	const script = scriptOf(job);
	const lines = [
		'Traceback (most recent call last):',
		`  File "${script}", line 87, in <module>`,
		'    main()',
		`  File "${script}", line 64, in main`,
		'    result = run(arguments)',
		`  File "${script}", line 41, in run`,
		'    frame = frame.astype("float64")',
		...error.split('\n'),
	];
	if (job.kind === 'training') lines.push('sagemaker-training-toolkit ERROR    Reporting training FAILURE');
	return lines;
}

function scriptOf(job: JobRecord): string {
	const request = job.request;
	const app = isRecord(request.AppSpecification) ? request.AppSpecification : {};
	const words = [app.ContainerEntrypoint, app.ContainerArguments].flatMap((value) =>
		Array.isArray(value) ? value.filter((word): word is string => typeof word === 'string') : [],
	);
	const file = words.find((word) => word.endsWith('.py'));
	if (file) return file;
	const program = isRecord(request.HyperParameters) ? request.HyperParameters.sagemaker_program : undefined;
	if (typeof program === 'string') return `/opt/ml/code/${program.replace(/"/g, '')}`;
	return job.kind === 'processing' ? '/opt/ml/processing/input/code/script.py' : '/opt/ml/code/train.py';
}

function imageOf(job: JobRecord): string | undefined {
	const app = job.request.AppSpecification;
	return isRecord(app) && typeof app.ImageUri === 'string' ? app.ImageUri : undefined;
}

function inputsOf(job: JobRecord): Array<[string, string]> {
	const request = job.request;
	const found: Array<[string, string]> = [];
	for (const input of Array.isArray(request.ProcessingInputs) ? request.ProcessingInputs : []) {
		if (isRecord(input) && isRecord(input.S3Input) && typeof input.S3Input.S3Uri === 'string')
			found.push([`input ${String(input.InputName)}`, input.S3Input.S3Uri]);
	}

	for (const channel of Array.isArray(request.InputDataConfig) ? request.InputDataConfig : []) {
		const source =
			isRecord(channel) && isRecord(channel.DataSource) ? channel.DataSource.S3DataSource : undefined;
		if (isRecord(source) && typeof source.S3Uri === 'string')
			found.push([`channel ${String(channel.ChannelName)}`, source.S3Uri]);
	}

	const transform =
		isRecord(request.TransformInput) && isRecord(request.TransformInput.DataSource)
			? request.TransformInput.DataSource.S3DataSource
			: undefined;
	if (isRecord(transform) && typeof transform.S3Uri === 'string')
		found.push(['the transform input', transform.S3Uri]);
	return found;
}

function outputsOf(job: JobRecord): Array<[string, string]> {
	const config = job.request.ProcessingOutputConfig;
	const outputs = isRecord(config) && Array.isArray(config.Outputs) ? config.Outputs : [];
	return outputs.flatMap((output) =>
		isRecord(output) && isRecord(output.S3Output) && typeof output.S3Output.S3Uri === 'string'
			? [[`output ${String(output.OutputName)}`, output.S3Output.S3Uri] as [string, string]]
			: [],
	);
}
