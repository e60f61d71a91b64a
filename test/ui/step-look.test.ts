// How a step's status reads: a step a selective execution reused reads `reused` (it did not run in this
// execution), a cache hit `cache hit`, and the selection line says which execution either result came from.
import {describe, expect, test} from 'vitest';
import type {StepView} from '../../source/pipeline/execution-state.js';
import {stepDetailLines} from '../../source/ui/step-details.js';
import {stepDetail, stepLook, stepSourceOrDetail} from '../../source/ui/step-look.js';
import {createTheme} from '../../source/ui/theme.js';

const theme = createTheme({unicode: true, color: false});
const source = 'arn:aws:sagemaker:us-east-1:111122223333:pipeline/Abalone/execution/i1floif0uejb';

function succeeded(extra: Partial<NonNullable<StepView['record']>>, state: StepView['state']): StepView {
	return {
		name: 'AbaloneProcess',
		type: 'Processing',
		state,
		inDefinition: true,
		record: {name: 'AbaloneProcess', status: 'Succeeded', startedAt: 0, endedAt: 268_000, ...extra},
	};
}

describe('a step’s look', () => {
	test('reused by a selective execution: ↺ reused, from the source execution', () => {
		const reused = succeeded({reusedFromArn: source}, 'cache-hit');
		expect(stepLook(theme, reused)).toMatchObject({icon: '↺', word: 'reused'});
		expect(stepDetail(reused, 0)).toBe('reused');
		expect(stepSourceOrDetail(reused, 0)).toBe('from i1floif0uejb');
		const lines = stepDetailLines(theme, reused, undefined, undefined, 0, 120);
		const texts = lines.map((line) => line.spans.map((span) => span.text).join(''));
		expect(texts).toContainEqual(expect.stringMatching(/^Status +↺ reused$/));
	});

	test('a cache hit stays a cache hit; a step that ran shows its duration', () => {
		const hit = succeeded({cacheSourceArn: source}, 'cache-hit');
		expect(stepLook(theme, hit)).toMatchObject({icon: '↺', word: 'cache hit'});
		expect(stepSourceOrDetail(hit, 0)).toBe('from i1floif0uejb');
		const ran = succeeded({}, 'succeeded');
		expect(stepLook(theme, ran).word).toBe('succeeded');
		expect(stepSourceOrDetail(ran, 0)).toBe('4m 28s');
	});
});
