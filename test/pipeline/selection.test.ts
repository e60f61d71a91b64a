import {describe, expect, test} from 'vitest';
import {validateDefinition, withDownstream} from '../../source/pipeline/dag.js';
import type {Dag} from '../../source/pipeline/model.js';
import {reusedSteps, selectionProblem} from '../../source/pipeline/selection.js';
import {fixtureNames, readFixture} from '../helpers/fixtures.js';

function dagOf(fixture: string): Dag {
	const {dag} = validateDefinition(readFixture(fixture));
	if (!dag) throw new Error(`${fixture} does not validate`);
	return dag;
}

const tutorial = dagOf('abalone-tutorial.json');
const succeeded = {
	arn: 'arn:aws:sagemaker:us-east-1:111122223333:pipeline/p/execution/a',
	status: 'Succeeded',
} as const;

describe('selectionProblem on the tutorial', () => {
	test('Train and Eval, reusing Process from a succeeded execution, is accepted', () => {
		expect(selectionProblem(tutorial, ['AbaloneTrain', 'AbaloneEval'], succeeded)).toBeUndefined();
		expect(reusedSteps(tutorial, ['AbaloneTrain', 'AbaloneEval'])).toEqual(['AbaloneProcess']);
	});

	test('Train and MSECond without Eval, the documented counter-example, names Eval', () => {
		expect(selectionProblem(tutorial, ['AbaloneTrain', 'AbaloneMSECond'], succeeded)).toBe(
			'The steps [AbaloneEval] lie on a path between selected steps, so they must be selected too.',
		);
	});

	test('a selection with upstream steps needs a source execution', () => {
		expect(selectionProblem(tutorial, ['AbaloneEval'])).toBe(
			'The selected steps [AbaloneEval] need the results of [AbaloneProcess, AbaloneTrain]: choose a source execution to reuse them from.',
		);
		expect(selectionProblem(tutorial, ['AbaloneProcess', 'AbaloneTrain'])).toBeUndefined();
	});

	test('the source execution must have ended Succeeded or Failed', () => {
		const source = {arn: succeeded.arn};
		expect(selectionProblem(tutorial, ['AbaloneEval'], {...source, status: 'Failed'})).toBeUndefined();
		expect(selectionProblem(tutorial, ['AbaloneEval'], {...source, status: 'Executing'})).toBe(
			'The source execution is Executing: only an execution that Succeeded or Failed can be the source of a selective execution.',
		);
		expect(selectionProblem(tutorial, ['AbaloneEval'], {...source, status: 'Stopped'})).toMatch(
			/is Stopped:/,
		);
	});

	test('unknown names and an empty selection', () => {
		expect(selectionProblem(tutorial, ['AbaloneEval', 'Nope', 'Other'], succeeded)).toBe(
			'The selected steps [Nope, Other] are not steps of this pipeline.',
		);
		expect(selectionProblem(tutorial, [], succeeded)).toBe('Select at least one step to run.');
	});
});

test('two chains with nothing between them are not connected', () => {
	const dag = dagOf('dynamic-framework-two-chains.json');
	expect(
		selectionProblem(
			dag,
			['calhousing-Training', 'falcon-text-summarization-tuning', 'calhousing-CreateModel-CreateModel'],
			succeeded,
		),
	).toBe(
		'The selected steps are not connected: [falcon-text-summarization-tuning] and [calhousing-Training, calhousing-CreateModel-CreateModel] have no path between them.',
	);
});

test('two sibling branches of a condition are not connected either', () => {
	const dag = dagOf('selective-execution-notebook.json');
	expect(selectionProblem(dag, ['Abalone-CreateModel-CreateModel', 'Abalone-FailNotify'], succeeded)).toMatch(
		/^The selected steps are not connected: \[Abalone-CreateModel-CreateModel\] and \[Abalone-FailNotify\]/,
	);
});

describe('withDownstream', () => {
	test('a step and everything after it, in definition order', () => {
		expect(withDownstream(tutorial, 'AbaloneEval')).toEqual([
			'AbaloneEval',
			'AbaloneMSECond',
			'AbaloneRegisterModel',
			'AbaloneCreateModel',
			'AbaloneTransform',
		]);
		expect(withDownstream(tutorial, 'AbaloneTransform')).toEqual(['AbaloneTransform']);
		expect(withDownstream(tutorial, 'Nope')).toEqual([]);
	});

	test.each(fixtureNames)(
		'%s: every step with its downstream is a selection the service accepts',
		(fixture) => {
			const dag = dagOf(fixture);
			for (const node of dag.nodes) {
				expect(selectionProblem(dag, withDownstream(dag, node.name), succeeded), node.name).toBeUndefined();
			}
		},
	);
});
