// Describes the condition that sent an execution to a Fail step, with the values it compared:
// `AbaloneMSECond: regression_metrics.mse.value 7.2 > 6.0 (from AbaloneEval's evaluation.json)`.
import {evaluateCondition} from './conditions.js';
import {type EvaluationContext, evaluate, isRecord, joinValue, parseGet} from './expressions.js';
import {propertyFileOf} from './expression-references.js';
import type {PipelineDefinition, StepDefinition} from './model.js';
import {formatNumberPair} from './value-change.js';

export type GateCondition = {
	/** The Condition step's name. */
	step: string;
	/** The branch the Fail step is in. */
	branch: 'if' | 'else';
	/** The condition step's outcome, from its record's `Metadata.Condition.Outcome`, when known. */
	outcome?: boolean;
	/** One line, as in the example above. */
	text: string;
};

/** The relation that holds, for each comparison, as written when it is true and negated when it is false. */
const relations: Record<string, [string, string]> = {
	Equals: ['=', '!='],
	NotEquals: ['!=', '='],
	GreaterThan: ['>', '<='],
	GreaterThanOrEqualTo: ['>=', '<'],
	LessThan: ['<', '>='],
	LessThanOrEqualTo: ['<=', '>'],
};

/**
 * The condition step that is `failStep`'s parent, described with the values of its operands as `context` gives
 * them (the caller's property-file lookup reads what the evaluation step wrote). When the outcome sent the
 * execution to the else branch, only the conditions that did not hold are shown; otherwise all of them.
 * Undefined when the Fail step is not inside a condition's branch.
 */
export function describeGate(
	definition: PipelineDefinition,
	failStep: StepDefinition,
	outcome: boolean | undefined,
	context: EvaluationContext,
): GateCondition | undefined {
	if (!failStep.parent) return undefined;
	const {condition: name, branch} = failStep.parent;
	const conditionStep = definition.steps.find((step) => step.name === name);
	const conditions =
		conditionStep && isRecord(conditionStep.arguments) && Array.isArray(conditionStep.arguments.Conditions)
			? (conditionStep.arguments.Conditions as unknown[])
			: [];
	const sources = new Set<string>();
	const describer = new TermDescriber(definition, context, sources);
	const terms = conditions.map((condition) => ({condition, held: describer.holds(condition)}));
	const led = outcome === false || (outcome === undefined && branch === 'else');
	const shown = led ? terms.filter((term) => term.held === false) : terms;
	const chosen = shown.length > 0 ? shown : terms;
	const described = chosen.map((term) => describer.describe(term.condition, term.held));
	const body = described.length > 0 ? described.join(' and ') : `took the ${branch} branch`;
	const from = sources.size > 0 ? ` (from ${[...sources].join(', ')})` : '';
	const gate: GateCondition = {step: name, branch, text: `${name}: ${body}${from}`};
	if (outcome !== undefined) gate.outcome = outcome;
	return gate;
}

class TermDescriber {
	constructor(
		private readonly definition: PipelineDefinition,
		private readonly context: EvaluationContext,
		private readonly sources: Set<string>,
	) {}

	holds(condition: unknown): boolean | undefined {
		try {
			return evaluateCondition(condition, this.context);
		} catch {
			return undefined;
		}
	}

	describe(condition: unknown, held: boolean | undefined, depth = 0): string {
		if (!isRecord(condition) || typeof condition.Type !== 'string') return '?';
		const type = condition.Type;
		const relation = relations[type];
		if (relation) {
			const [left, right] = this.operands(condition.LeftValue, condition.RightValue);
			return `${left} ${held === false ? relation[1] : relation[0]} ${right}`;
		}

		if ((type === 'In' || type === 'NotIn') && depth < 50) {
			const query = this.operand(condition.QueryValue);
			const values = Array.isArray(condition.Values)
				? condition.Values.map((value) => this.operand(value))
				: [];
			const inside = (type === 'In') === (held !== false);
			return `${query} ${inside ? 'in' : 'not in'} [${values.join(', ')}]`;
		}

		if (type === 'Not' && depth < 50) {
			const inner = condition.Condition;
			return `not (${this.describe(inner, this.holds(inner), depth + 1)})`;
		}

		if (type === 'Or' && depth < 50 && Array.isArray(condition.Conditions)) {
			const inner = condition.Conditions.map((item) => this.describe(item, this.holds(item), depth + 1));
			return `(${inner.join(' or ')})`;
		}

		return `${type} ${held === undefined ? 'could not be evaluated' : held ? 'held' : 'did not hold'}`;
	}

	/** Two operands; two numbers are shown with the same decimals (`7.2 > 6.0`). */
	private operands(left: unknown, right: unknown): [string, string] {
		const leftValue = this.value(left);
		const rightValue = this.value(right);
		if (typeof leftValue === 'number' && typeof rightValue === 'number') {
			const [a, b] = formatNumberPair(leftValue, rightValue);
			return [this.labelled(left, a), this.labelled(right, b)];
		}

		return [this.operand(left, leftValue), this.operand(right, rightValue)];
	}

	private operand(expression: unknown, value = this.value(expression)): string {
		return this.labelled(expression, this.show(expression, value));
	}

	/** Texts quoted, a Float parameter with its decimal point (`6.0`) as the service renders it, `?` when unknown. */
	private show(expression: unknown, value: unknown): string {
		if (value === undefined) return '?';
		if (typeof value === 'string') return JSON.stringify(value);
		if (typeof value === 'number') return joinValue(value, {float: this.isFloatParameter(expression)});
		return JSON.stringify(value) ?? '?';
	}

	private isFloatParameter(expression: unknown): boolean {
		if (!isRecord(expression) || typeof expression.Get !== 'string') return false;
		const reference = parseGet(expression.Get);
		return reference?.kind === 'parameter' && this.context.parameterTypes?.[reference.name] === 'Float';
	}

	private value(expression: unknown): unknown {
		try {
			return evaluate(expression, this.context);
		} catch {
			return undefined;
		}
	}

	/** `regression_metrics.mse.value 7.2`, `MseThreshold 6.0`, or the bare value for a literal. */
	private labelled(expression: unknown, value: string): string {
		const label = this.label(expression);
		return label === undefined ? value : `${label} ${value}`;
	}

	private label(expression: unknown): string | undefined {
		if (!isRecord(expression)) return undefined;
		if (typeof expression.Get === 'string') {
			const reference = parseGet(expression.Get);
			if (reference?.kind === 'parameter') return reference.name;
			if (reference?.kind === 'step') return `${reference.step}.${reference.path}`;
			return expression.Get;
		}

		const jsonGet = expression['Std:JsonGet'];
		if (!isRecord(jsonGet)) return undefined;
		const path = typeof jsonGet.Path === 'string' ? jsonGet.Path : 'a JSON value';
		const file = propertyFileOf(jsonGet.PropertyFile);
		if (file) {
			const declared = this.stepNamed(file.step)?.propertyFiles.find((item) => item.name === file.file);
			this.sources.add(`${file.step}'s ${declared?.filePath ?? file.file}`);
		}

		return path;
	}

	private stepNamed(name: string): StepDefinition | undefined {
		return this.definition.steps.find((step) => step.name === name);
	}
}
