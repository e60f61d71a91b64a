// Pipeline expressions (`Get`, `Std:Join`, `Std:JsonGet`): their value given an execution's state. What they read is
// found by ./expression-references.ts, re-exported here so callers have one module for expressions.
import {isExpression, isRecord, parseGet, propertyFileOf} from './expression-references.js';
import type {ParameterType, ParameterValue} from './model.js';
import {parsePropertyPath} from './property-path.js';

export {
	type ExpressionProblem,
	findExpressionProblems,
	findReferences,
	isExpression,
	isRecord,
	type LocatedReference,
	locateReferences,
	parseGet,
	type Reference,
} from './expression-references.js';

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
