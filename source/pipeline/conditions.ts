// Evaluates a Condition step's conditions (Equals, ordering comparisons, In, Not, Or, NotEquals, NotIn) like the service.
import {type EvaluationContext, EvaluationError, evaluate, isRecord} from './expressions.js';
import {indexPath, memberPath} from './json-path.js';

const comparisons = {
	GreaterThan: (order: number) => order > 0,
	GreaterThanOrEqualTo: (order: number) => order >= 0,
	LessThan: (order: number) => order < 0,
	LessThanOrEqualTo: (order: number) => order <= 0,
} as const;

/** The names of the condition types this module evaluates. */
export const conditionTypes = [
	'Equals',
	'NotEquals',
	'GreaterThan',
	'GreaterThanOrEqualTo',
	'LessThan',
	'LessThanOrEqualTo',
	'In',
	'NotIn',
	'Not',
	'Or',
] as const;

/** Evaluates one condition; throws `EvaluationError` with a service-like message when it cannot. */
export function evaluateCondition(condition: unknown, context: EvaluationContext): boolean {
	return evaluateAt(condition, context, 0);
}

/** The step's `Conditions` list: true when every condition is true (an empty list is true). */
export function evaluateConditions(conditions: unknown[], context: EvaluationContext): boolean {
	if (!Array.isArray(conditions)) throw new EvaluationError('Conditions must be a list of conditions.');
	return conditions.every((condition) => evaluateAt(condition, context, 0));
}

const maximumDepth = 500;

function evaluateAt(condition: unknown, context: EvaluationContext, depth: number): boolean {
	if (depth > maximumDepth) throw new EvaluationError('Conditions are nested too deeply.');
	if (!isRecord(condition)) throw new EvaluationError('A condition must be an object with a Type.');
	const type = condition.Type;
	if (typeof type !== 'string') throw new EvaluationError('A condition needs a Type such as "Equals".');
	switch (type) {
		case 'Equals':
		case 'NotEquals': {
			const [left, right] = operands(condition, context);
			if (kindOf(left) !== kindOf(right)) {
				throw new EvaluationError(
					`LeftValue [${show(left)}] of type [${kindOf(left)}] and RightValue [${show(right)}] of type [${kindOf(right)}] are not of the same type.`,
				);
			}

			const equal = sameValue(left, right);
			return type === 'Equals' ? equal : !equal;
		}

		case 'GreaterThan':
		case 'GreaterThanOrEqualTo':
		case 'LessThan':
		case 'LessThanOrEqualTo': {
			const [left, right] = operands(condition, context);
			return comparisons[type](order(type, left, right));
		}

		case 'In':
		case 'NotIn': {
			if (!('QueryValue' in condition))
				throw new EvaluationError(`Condition of type [${type}] needs a QueryValue.`);
			if (!Array.isArray(condition.Values))
				throw new EvaluationError(`Condition of type [${type}] needs a list of Values.`);
			const query = evaluate(condition.QueryValue, context);
			const values = evaluate(condition.Values, context) as unknown[];
			const found = values.some((value) => kindOf(value) === kindOf(query) && sameValue(value, query));
			return type === 'In' ? found : !found;
		}

		case 'Not': {
			if (!('Condition' in condition)) {
				const hint =
					'Expression' in condition ? ' (the old "Expression" member is not accepted by the service)' : '';
				throw new EvaluationError(`Condition of type [Not] needs a Condition${hint}.`);
			}

			return !evaluateAt(condition.Condition, context, depth + 1);
		}

		case 'Or': {
			if (!Array.isArray(condition.Conditions))
				throw new EvaluationError('Condition of type [Or] needs a list of Conditions.');
			return condition.Conditions.some((inner) => evaluateAt(inner, context, depth + 1));
		}

		default:
			throw new EvaluationError(`Condition of type [${type}] is not supported.`);
	}
}

function operands(condition: Record<string, unknown>, context: EvaluationContext): [unknown, unknown] {
	if (!('LeftValue' in condition) || !('RightValue' in condition)) {
		throw new EvaluationError(
			`Condition of type [${String(condition.Type)}] needs a LeftValue and a RightValue.`,
		);
	}

	return [evaluate(condition.LeftValue, context), evaluate(condition.RightValue, context)];
}

/** Numbers compare with numbers, texts with texts (ISO timestamps order correctly as text); anything else is an error. */
function order(type: string, left: unknown, right: unknown): number {
	if (typeof left === 'number' && typeof right === 'number')
		return left === right ? 0 : left < right ? -1 : 1;
	if (typeof left === 'string' && typeof right === 'string')
		return left === right ? 0 : left < right ? -1 : 1;
	throw new EvaluationError(
		`Condition of type [${type}] not supported between [${show(left)}] of type [${kindOf(left)}] and [${show(right)}] of type [${kindOf(right)}].`,
	);
}

function kindOf(value: unknown): string {
	if (value === null || value === undefined) return 'null';
	if (Array.isArray(value)) return 'list';
	if (typeof value === 'number') return 'number';
	if (typeof value === 'string') return 'string';
	if (typeof value === 'boolean') return 'boolean';
	return 'object';
}

function sameValue(left: unknown, right: unknown): boolean {
	if (typeof left !== 'object' || left === null)
		return left === right || (left === undefined && right === null);
	return JSON.stringify(left) === JSON.stringify(right);
}

function show(value: unknown): string {
	const text = typeof value === 'string' ? value : (JSON.stringify(value) ?? 'null');
	return text.length > 80 ? `${text.slice(0, 79)}…` : text;
}

/** Structural problems in a Conditions list (unknown Type, missing operands), each with its JSON path. */
export function findConditionProblems(
	conditions: unknown,
	path: string,
): Array<{path: string; message: string}> {
	const problems: Array<{path: string; message: string}> = [];
	if (!Array.isArray(conditions)) return [{path, message: 'Conditions must be a list of conditions'}];
	const stack = conditions.map((condition, index) => ({condition, path: indexPath(path, index)})).reverse();
	while (stack.length > 0) {
		const item = stack.pop() as {condition: unknown; path: string};
		const {condition} = item;
		if (!isRecord(condition) || typeof condition.Type !== 'string') {
			problems.push({path: item.path, message: 'A condition must be an object with a Type such as "Equals"'});
			continue;
		}

		const type = condition.Type;
		const need = (member: string, message: string) => {
			if (!(member in condition)) problems.push({path: memberPath(item.path, member), message});
		};

		if (type in comparisons || type === 'Equals' || type === 'NotEquals') {
			need('LeftValue', `A ${type} condition needs a LeftValue`);
			need('RightValue', `A ${type} condition needs a RightValue`);
		} else if (type === 'In' || type === 'NotIn') {
			need('QueryValue', `An ${type} condition needs a QueryValue`);
			if (!Array.isArray(condition.Values)) {
				problems.push({
					path: memberPath(item.path, 'Values'),
					message: `An ${type} condition needs a list of Values`,
				});
			}
		} else if (type === 'Not') {
			if ('Condition' in condition)
				stack.push({condition: condition.Condition, path: memberPath(item.path, 'Condition')});
			else {
				const hint = 'Expression' in condition ? ' (the service rejects the old "Expression" member)' : '';
				problems.push({
					path: memberPath(item.path, 'Condition'),
					message: `A Not condition needs a Condition${hint}`,
				});
			}
		} else if (type === 'Or') {
			if (Array.isArray(condition.Conditions)) {
				const inner = memberPath(item.path, 'Conditions');
				for (let index = condition.Conditions.length - 1; index >= 0; index--) {
					stack.push({condition: condition.Conditions[index], path: indexPath(inner, index)});
				}
			} else
				problems.push({
					path: memberPath(item.path, 'Conditions'),
					message: 'An Or condition needs a list of Conditions',
				});
		} else {
			problems.push({
				path: memberPath(item.path, 'Type'),
				message: `Condition type "${type.length > 60 ? `${type.slice(0, 59)}…` : type}" is not one of ${conditionTypes.join(', ')}`,
			});
		}
	}

	return problems;
}
