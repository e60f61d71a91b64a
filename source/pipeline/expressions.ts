// Pipeline expressions (`Get`, `Std:Join`, `Std:JsonGet`): what they read, and their value given an execution's state.
import type {ParameterType, ParameterValue} from './model.js';
import {indexPath, memberPath} from './json-path.js';
import {parsePropertyPath} from './property-path.js';

export type Reference =
	| {kind: 'parameter'; name: string}
	| {kind: 'execution'; variable: string}
	| {kind: 'experimentConfig'; key: string}
	/** `Get: Steps.S.<path>`; `path` is '' for a bare `Steps.S`. */
	| {kind: 'step'; step: string; path: string}
	/** `Std:JsonGet` with `PropertyFile: {Get: Steps.S.PropertyFiles.F}`. */
	| {kind: 'propertyFile'; step: string; file: string};

/** A reference with the JSON path (relative to the scanned value) of the expression it came from. */
export type LocatedReference = {reference: Reference; path: string};

/** A `Get` text that is not one of the known forms, or a malformed `Std:Join` / `Std:JsonGet`. */
export type ExpressionProblem = {path: string; message: string};

export type EvaluationContext = {
	parameters: Record<string, ParameterValue>;
	/** Declared parameter types, so `Std:Join` renders a Float parameter `6` as `6.0` like the service. */
	parameterTypes?: Record<string, ParameterType>;
	/** PipelineExecutionId, PipelineExecutionArn, PipelineName, PipelineArn, StartDateTime, CurrentDateTime, ... */
	execution: Record<string, string>;
	experimentConfig?: Record<string, string>;
	/** e.g. ('AbaloneEval', ['ProcessingOutputConfig', 'Outputs', 'evaluation', 'S3Output', 'S3Uri']). */
	stepProperty(step: string, path: Array<string | number>): unknown;
	/** Reads a property file a step wrote and returns the value at `jsonPath` (the emulator reads it from its S3). */
	readPropertyFile(step: string, file: string, jsonPath: Array<string | number>): unknown;
	/** For the `Std:JsonGet` form with `S3Uri`: reads the JSON object at `uri`. Absent: that form cannot be evaluated. */
	readJsonObject?(uri: string, jsonPath: Array<string | number>): unknown;
};

export class EvaluationError extends Error {
	override name = 'EvaluationError';
}

const expressionKeys = new Set(['Get', 'Std:Join', 'Std:JsonGet']);

/** True for a dict whose single key is `Get`, `Std:Join` or `Std:JsonGet`. */
export function isExpression(value: unknown): boolean {
	if (!isRecord(value)) return false;
	const keys = Object.keys(value);
	return keys.length === 1 && expressionKeys.has(keys[0] as string);
}

/** Every reference anywhere inside `value`, in document order. */
export function findReferences(value: unknown): Reference[] {
	return locateReferences(value).map((located) => located.reference);
}

/** Like `findReferences`, with the JSON path of each expression below `basePath`. */
export function locateReferences(value: unknown, basePath = ''): LocatedReference[] {
	const found: LocatedReference[] = [];
	walk(
		value,
		basePath,
		(reference, path) => found.push({reference, path}),
		() => {},
	);
	return found;
}

/** Malformed expressions inside `value`: unknown `Get` roots, `Std:Join` without `Values`, `Std:JsonGet` without `Path`. */
export function findExpressionProblems(value: unknown, basePath = ''): ExpressionProblem[] {
	const problems: ExpressionProblem[] = [];
	walk(
		value,
		basePath,
		() => {},
		(path, message) => problems.push({path, message}),
	);
	return problems;
}

/** Parses the text of a `Get` into a reference, or undefined when it is not a known form. */
export function parseGet(text: string): Reference | undefined {
	const dot = text.indexOf('.');
	if (dot <= 0) return undefined;
	const root = text.slice(0, dot);
	const rest = text.slice(dot + 1);
	if (rest === '') return undefined;
	if (root === 'Parameters') return {kind: 'parameter', name: rest};
	if (root === 'Execution') return {kind: 'execution', variable: rest};
	if (root === 'PipelineExperimentConfig') return {kind: 'experimentConfig', key: rest};
	if (root !== 'Steps') return undefined;
	const match = /^([^.[\]]+)(?:$|\.(.+)$|(\[.+)$)/s.exec(rest);
	if (!match) return undefined;
	const step = match[1] as string;
	const path = match[2] ?? match[3] ?? '';
	return {kind: 'step', step, path};
}

type OnReference = (reference: Reference, path: string) => void;
type OnProblem = (path: string, message: string) => void;

function walk(value: unknown, path: string, onReference: OnReference, onProblem: OnProblem): void {
	// An explicit stack: definitions nest deeply (31-level conditions, fuzzed input), recursion could overflow.
	const stack: Array<{value: unknown; path: string}> = [{value, path}];
	while (stack.length > 0) {
		const item = stack.pop() as {value: unknown; path: string};
		const current = item.value;
		if (Array.isArray(current)) {
			for (let index = current.length - 1; index >= 0; index--) {
				stack.push({value: current[index], path: indexPath(item.path, index)});
			}

			continue;
		}

		if (!isRecord(current)) continue;
		if (isExpression(current) && visitExpression(current, item.path, onReference, onProblem, stack)) continue;
		const keys = Object.keys(current);
		for (let index = keys.length - 1; index >= 0; index--) {
			const key = keys[index] as string;
			stack.push({value: current[key], path: memberPath(item.path, key)});
		}
	}
}

/** Handles one expression; returns true when its members were fully handled (or pushed on the stack). */
function visitExpression(
	expression: Record<string, unknown>,
	path: string,
	onReference: OnReference,
	onProblem: OnProblem,
	stack: Array<{value: unknown; path: string}>,
): boolean {
	if ('Get' in expression) {
		const text = expression.Get;
		const getPath = memberPath(path, 'Get');
		if (typeof text !== 'string') {
			onProblem(getPath, 'Get must be a text such as "Parameters.Name" or "Steps.Name.Property"');
			return true;
		}

		const reference = parseGet(text);
		if (reference) onReference(reference, getPath);
		else
			onProblem(
				getPath,
				`"${text}" is not a reference the service knows (Parameters.*, Execution.*, Steps.*, PipelineExperimentConfig.*)`,
			);
		return true;
	}

	if ('Std:Join' in expression) {
		const join = expression['Std:Join'];
		const joinAt = memberPath(path, 'Std:Join');
		if (!isRecord(join) || !Array.isArray(join.Values)) {
			onProblem(joinAt, 'Std:Join needs {"On": text, "Values": [...]}');
			return true;
		}

		if (join.On !== undefined && typeof join.On !== 'string')
			onProblem(memberPath(joinAt, 'On'), 'On must be a text');
		stack.push({value: join.Values, path: memberPath(joinAt, 'Values')});
		return true;
	}

	const jsonGet = expression['Std:JsonGet'];
	const jsonGetPath = memberPath(path, 'Std:JsonGet');
	if (!isRecord(jsonGet)) {
		onProblem(
			jsonGetPath,
			'Std:JsonGet needs {"PropertyFile": ..., "Path": ...} or {"S3Uri": ..., "Path": ...}',
		);
		return true;
	}

	if (typeof jsonGet.Path !== 'string' && !isExpression(jsonGet.Path)) {
		onProblem(
			memberPath(jsonGetPath, 'Path'),
			'Std:JsonGet needs a Path such as "regression_metrics.mse.value"',
		);
	}

	if ('PropertyFile' in jsonGet) {
		const file = propertyFileOf(jsonGet.PropertyFile);
		const filePath = memberPath(jsonGetPath, 'PropertyFile');
		if (file) onReference({kind: 'propertyFile', ...file}, memberPath(filePath, 'Get'));
		else onProblem(filePath, 'PropertyFile must be {"Get": "Steps.<Step>.PropertyFiles.<Name>"}');
	} else if ('S3Uri' in jsonGet) {
		stack.push({value: jsonGet.S3Uri, path: memberPath(jsonGetPath, 'S3Uri')});
	} else {
		onProblem(jsonGetPath, 'Std:JsonGet needs a PropertyFile or an S3Uri');
	}

	if (isExpression(jsonGet.Path)) stack.push({value: jsonGet.Path, path: memberPath(jsonGetPath, 'Path')});
	return true;
}

function propertyFileOf(value: unknown): {step: string; file: string} | undefined {
	if (!isRecord(value) || typeof value.Get !== 'string') return undefined;
	const reference = parseGet(value.Get);
	if (reference?.kind !== 'step') return undefined;
	const members = parsePropertyPath(reference.path);
	if (members.length !== 2 || members[0] !== 'PropertyFiles' || typeof members[1] !== 'string')
		return undefined;
	return {step: reference.step, file: members[1]};
}

/** Resolves every expression inside `value` (objects and arrays are copied, literals kept). */
export function evaluate(value: unknown, context: EvaluationContext): unknown {
	return evaluateAt(value, context, 0);
}

const maximumDepth = 2000;

function evaluateAt(value: unknown, context: EvaluationContext, depth: number): unknown {
	if (depth > maximumDepth) throw new EvaluationError('The value is nested too deeply to evaluate');
	if (Array.isArray(value)) return value.map((item) => evaluateAt(item, context, depth + 1));
	if (!isRecord(value)) return value;
	if (!isExpression(value)) {
		const result: Record<string, unknown> = {};
		for (const [key, member] of Object.entries(value)) result[key] = evaluateAt(member, context, depth + 1);
		return result;
	}

	if ('Get' in value) return evaluateGet(value.Get, context);
	if ('Std:Join' in value) return evaluateJoin(value['Std:Join'], context, depth);
	return evaluateJsonGet(value['Std:JsonGet'], context, depth);
}

function evaluateGet(text: unknown, context: EvaluationContext): unknown {
	if (typeof text !== 'string') throw new EvaluationError('Get must be a text such as "Parameters.Name"');
	const reference = parseGet(text);
	if (!reference) throw new EvaluationError(`Cannot resolve "${text}": not a known reference`);
	switch (reference.kind) {
		case 'parameter': {
			if (!Object.hasOwn(context.parameters, reference.name)) {
				throw new EvaluationError(`Parameter '${reference.name}' is undefined.`);
			}

			return context.parameters[reference.name];
		}

		case 'execution': {
			if (!Object.hasOwn(context.execution, reference.variable)) {
				throw new EvaluationError(`Execution variable '${reference.variable}' is not available here.`);
			}

			return context.execution[reference.variable];
		}

		case 'experimentConfig': {
			const config = context.experimentConfig;
			if (!config || !Object.hasOwn(config, reference.key)) {
				throw new EvaluationError(`PipelineExperimentConfig.${reference.key} is not set for this pipeline.`);
			}

			return config[reference.key];
		}

		case 'step': {
			const result = context.stepProperty(reference.step, parsePropertyPath(reference.path));
			if (result === undefined) {
				throw new EvaluationError(`Step '${reference.step}' has no property '${reference.path}'.`);
			}

			return result;
		}

		default:
			throw new EvaluationError(`Cannot resolve "${text}"`);
	}
}

function evaluateJoin(join: unknown, context: EvaluationContext, depth: number): string {
	if (!isRecord(join) || !Array.isArray(join.Values)) {
		throw new EvaluationError('Std:Join needs {"On": text, "Values": [...]}');
	}

	const separator = join.On === undefined ? '' : join.On;
	if (typeof separator !== 'string') throw new EvaluationError('Std:Join On must be a text');
	return join.Values.map((item) => {
		const resolved = evaluateAt(item, context, depth + 1);
		return joinValue(resolved, {float: isFloatParameter(item, context)});
	}).join(separator);
}

function isFloatParameter(item: unknown, context: EvaluationContext): boolean {
	if (!isRecord(item) || typeof item.Get !== 'string') return false;
	const reference = parseGet(item.Get);
	return reference?.kind === 'parameter' && context.parameterTypes?.[reference.name] === 'Float';
}

function evaluateJsonGet(jsonGet: unknown, context: EvaluationContext, depth: number): unknown {
	if (!isRecord(jsonGet)) throw new EvaluationError('Std:JsonGet needs {"PropertyFile": ..., "Path": ...}');
	const pathValue = evaluateAt(jsonGet.Path, context, depth + 1);
	if (typeof pathValue !== 'string') throw new EvaluationError('Std:JsonGet needs a Path text');
	const jsonPath = parsePropertyPath(pathValue);
	let result: unknown;
	if ('PropertyFile' in jsonGet) {
		const file = propertyFileOf(jsonGet.PropertyFile);
		if (!file) throw new EvaluationError('PropertyFile must be {"Get": "Steps.<Step>.PropertyFiles.<Name>"}');
		result = context.readPropertyFile(file.step, file.file, jsonPath);
		if (result === undefined) {
			throw new EvaluationError(
				`Property file '${file.file}' of step '${file.step}' has no value at '${pathValue}'.`,
			);
		}

		return result;
	}

	if (!('S3Uri' in jsonGet)) throw new EvaluationError('Std:JsonGet needs a PropertyFile or an S3Uri');
	const uri = evaluateAt(jsonGet.S3Uri, context, depth + 1);
	if (typeof uri !== 'string') throw new EvaluationError('Std:JsonGet S3Uri must evaluate to a text');
	if (!context.readJsonObject) throw new EvaluationError(`Cannot read ${uri}: no S3 access here.`);
	result = context.readJsonObject(uri, jsonPath);
	if (result === undefined) throw new EvaluationError(`${uri} has no value at '${pathValue}'.`);
	return result;
}

/**
 * How `Std:Join` renders one value: booleans lowercase `true`/`false` (as the service does), a Float (when `float`
 * is set, or any non-integer number) keeps its decimal point (`3.0`), lists and objects as JSON.
 */
export function joinValue(value: unknown, options: {float?: boolean} = {}): string {
	if (value === undefined) return '';
	if (value === null) return 'null';
	if (typeof value === 'boolean') return value ? 'true' : 'false';
	if (typeof value === 'number') {
		if (options.float && Number.isInteger(value) && Math.abs(value) < 1e16) return `${value}.0`;
		return String(value);
	}

	if (typeof value === 'string') return value;
	return JSON.stringify(value) ?? '';
}

export function isRecord(value: unknown): value is Record<string, unknown> {
	return value !== null && typeof value === 'object' && !Array.isArray(value);
}
