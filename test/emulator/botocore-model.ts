// Loads the SageMaker (and CloudWatch Logs) service models botocore ships on this machine and checks JSON bodies against its shapes:
// unknown members, types, enums, required members, lengths, ranges, patterns, epoch-second timestamps.
import {execFileSync} from 'node:child_process';
import {existsSync, readFileSync} from 'node:fs';
import {gunzipSync} from 'node:zlib';
import {python} from '../helpers/aws-programs.js';

type ShapeReference = {shape: string};
export type ModelShape = {
	type: string;
	members?: Record<string, ShapeReference>;
	required?: string[];
	member?: ShapeReference;
	key?: ShapeReference;
	value?: ShapeReference;
	min?: number;
	max?: number;
	pattern?: string;
	enum?: string[];
	exception?: boolean;
};

export type ServiceModel = {
	operations: Record<string, {input?: ShapeReference; output?: ShapeReference; errors?: ShapeReference[]}>;
	shapes: Record<string, ModelShape>;
};

const botocoreRoot = '/root/.pyenv/versions/3.11.7/lib/python3.11/site-packages/botocore';

function modelPath(service: string): string {
	const relative = `data/${service}/service-2.json.gz`;
	if (existsSync(`${botocoreRoot}/${relative}`)) return `${botocoreRoot}/${relative}`;
	const root = execFileSync(
		python(),
		['-c', 'import botocore, os; print(os.path.dirname(botocore.__file__))'],
		{encoding: 'utf8'},
	).trim();
	return `${root}/${relative}`;
}

const cached = new Map<string, ServiceModel>();

function loadModel(service: string): ServiceModel {
	let model = cached.get(service);
	if (!model) {
		model = JSON.parse(gunzipSync(readFileSync(modelPath(service))).toString('utf8')) as ServiceModel;
		cached.set(service, model);
	}

	return model;
}

export function loadSageMakerModel(): ServiceModel {
	return loadModel('sagemaker/2017-07-24');
}

/** CloudWatch Logs' model (the emulator's `Logs_20140328.*` operations). */
export function loadLogsModel(): ServiceModel {
	return loadModel('logs/2014-03-28');
}

/** Every difference between `value` and the shape named `shapeName`, as `path: problem` lines. */
export function checkShape(model: ServiceModel, shapeName: string, value: unknown, path = '$'): string[] {
	const problems: string[] = [];
	walk(model, shapeName, value, path, problems);
	return problems;
}

/** Checks an operation's 200 response body against its output shape. */
export function checkOutput(model: ServiceModel, operation: string, body: unknown): string[] {
	if (!model.operations[operation]) return [`${operation} is not an operation of the model`];
	const output = model.operations[operation].output?.shape;
	// An operation without an output shape answers with an empty JSON object.
	if (!output)
		return body !== null && typeof body === 'object' && Object.keys(body).length === 0
			? []
			: [`${operation} has no output, but the body is ${JSON.stringify(body)}`];
	return checkShape(model, output, body);
}

const patterns = new Map<string, RegExp | undefined>();

function compiled(pattern: string): RegExp | undefined {
	if (!patterns.has(pattern)) {
		try {
			patterns.set(pattern, new RegExp(`^(?:${pattern})$`, 'u'));
		} catch {
			patterns.set(pattern, undefined);
		}
	}

	return patterns.get(pattern);
}

function walk(
	model: ServiceModel,
	shapeName: string,
	value: unknown,
	path: string,
	problems: string[],
): void {
	const shape = model.shapes[shapeName];
	if (!shape) {
		problems.push(`${path}: shape ${shapeName} is missing from the model`);
		return;
	}

	const fail = (message: string) => problems.push(`${path}: ${message} (shape ${shapeName})`);
	switch (shape.type) {
		case 'structure': {
			if (value === null || typeof value !== 'object' || Array.isArray(value))
				return void fail(`expected an object, got ${JSON.stringify(value)}`);
			const record = value as Record<string, unknown>;
			for (const name of shape.required ?? [])
				if (record[name] === undefined) fail(`required member ${name} is missing`);
			for (const [name, member] of Object.entries(record)) {
				const reference = shape.members?.[name];
				if (!reference) fail(`unknown member ${name}`);
				else if (member === null) fail(`member ${name} is null; unset members must be left out`);
				else walk(model, reference.shape, member, `${path}.${name}`, problems);
			}

			return;
		}

		case 'list': {
			if (!Array.isArray(value)) return void fail(`expected a list, got ${JSON.stringify(value)}`);
			if (shape.min !== undefined && value.length < shape.min)
				fail(`${value.length} items, at least ${shape.min} expected`);
			if (shape.max !== undefined && value.length > shape.max)
				fail(`${value.length} items, at most ${shape.max} allowed`);
			value.forEach((item, index) => {
				walk(model, shape.member!.shape, item, `${path}[${index}]`, problems);
			});
			return;
		}

		case 'map': {
			if (value === null || typeof value !== 'object' || Array.isArray(value))
				return void fail('expected a map');
			const entries = Object.entries(value);
			if (shape.max !== undefined && entries.length > shape.max)
				fail(`${entries.length} entries, at most ${shape.max} allowed`);
			for (const [key, item] of entries) {
				walk(model, shape.key!.shape, key, `${path}{${key}}`, problems);
				walk(model, shape.value!.shape, item, `${path}.${key}`, problems);
			}

			return;
		}

		case 'string': {
			if (typeof value !== 'string') return void fail(`expected a string, got ${JSON.stringify(value)}`);
			const length = [...value].length;
			if (shape.enum && !shape.enum.includes(value))
				fail(`'${value}' is not one of ${shape.enum.join(', ')}`);
			if (shape.min !== undefined && length < shape.min) fail(`length ${length} is below ${shape.min}`);
			if (shape.max !== undefined && length > shape.max) fail(`length ${length} is above ${shape.max}`);
			const pattern = shape.pattern === undefined ? undefined : compiled(shape.pattern);
			if (pattern && !pattern.test(value)) fail(`'${value.slice(0, 120)}' does not match ${shape.pattern}`);
			return;
		}

		case 'integer':
		case 'long': {
			if (typeof value !== 'number' || !Number.isInteger(value))
				return void fail(`expected an integer, got ${JSON.stringify(value)}`);
			if (shape.min !== undefined && value < shape.min) fail(`${value} is below ${shape.min}`);
			if (shape.max !== undefined && value > shape.max) fail(`${value} is above ${shape.max}`);
			return;
		}

		case 'float':
		case 'double':
			if (typeof value !== 'number') fail(`expected a number, got ${JSON.stringify(value)}`);
			return;
		case 'boolean':
			if (typeof value !== 'boolean') fail(`expected a boolean, got ${JSON.stringify(value)}`);
			return;
		case 'timestamp':
			// JSON protocol timestamps are epoch seconds: between 2000 and 2100, not milliseconds.
			if (typeof value !== 'number' || value < 946_684_800 || value > 4_102_444_800) {
				fail(`expected epoch seconds, got ${JSON.stringify(value)}`);
			}

			return;
		default:
			fail(`shape type ${shape.type} is not checked`);
	}
}
