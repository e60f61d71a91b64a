// What pipeline expressions (`Get`, `Std:Join`, `Std:JsonGet`) read: parameters, execution variables, steps, property files.
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

export function propertyFileOf(value: unknown): {step: string; file: string} | undefined {
	if (!isRecord(value) || typeof value.Get !== 'string') return undefined;
	const reference = parseGet(value.Get);
	if (reference?.kind !== 'step') return undefined;
	const members = parsePropertyPath(reference.path);
	if (members.length !== 2 || members[0] !== 'PropertyFiles' || typeof members[1] !== 'string')
		return undefined;
	return {step: reference.step, file: members[1]};
}

export function isRecord(value: unknown): value is Record<string, unknown> {
	return value !== null && typeof value === 'object' && !Array.isArray(value);
}
