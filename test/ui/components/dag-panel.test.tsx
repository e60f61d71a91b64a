import {renderToString} from 'ink';
import {render} from 'ink-testing-library';
import {expect, test} from 'vitest';
import {validateDefinition} from '../../../source/pipeline/dag.js';
import {mergeExecutionState} from '../../../source/pipeline/execution-state.js';
import {layoutDag} from '../../../source/pipeline/layout-dag.js';
import {DagPanel} from '../../../source/ui/components/dag-panel.js';
import {createTheme, ThemeContext} from '../../../source/ui/theme.js';
import {readFixture} from '../../helpers/fixtures.js';

const {definition, dag} = validateDefinition(readFixture('abalone-tutorial.json'));
if (!definition || !dag) throw new Error('the abalone fixture does not parse');
const views = mergeExecutionState(definition, dag, undefined, []);
const result = layoutDag(dag, {maxWidth: 100});
if (!result.fits) throw new Error(result.reason);
const layout = result;

function draw(options: {unicode: boolean; selected: string; scrollRow?: number; height?: number}) {
	return renderToString(
		<ThemeContext.Provider value={createTheme({unicode: options.unicode, color: false})}>
			<DagPanel
				layout={layout}
				views={views}
				selected={options.selected}
				scrollRow={options.scrollRow ?? 0}
				height={options.height ?? layout.height}
				width={100}
				now={0}
			/>
		</ThemeContext.Provider>,
		{columns: 100},
	);
}

test('every step of the definition is drawn, not started yet, with its icon', () => {
	const text = draw({unicode: true, selected: 'AbaloneProcess'});
	for (const view of views) expect(text).toContain(view.name);
	expect(text.match(/○ waiting/g)).toHaveLength(views.length);
});

test('the selected box is drawn in heavy lines, so it shows without colour', () => {
	const text = draw({unicode: true, selected: 'AbaloneEval'});
	const lines = text.split('\n');
	const nameLine = lines.findIndex((line) => line.includes('AbaloneEval'));
	expect(lines[nameLine - 1]).toContain('┏');
	expect(lines[nameLine]).toMatch(/┃\s+AbaloneEval\s+┃/);
	expect(text.match(/┏/g)).toHaveLength(1);
});

test('ASCII terminals get ASCII boxes and icons', () => {
	const text = draw({unicode: false, selected: 'AbaloneEval'});
	expect(text).not.toMatch(/[┌│○]/);
	expect(text).toContain('. waiting');
	expect(text).toMatch(/#\s+AbaloneEval\s+#/);
});

test('only the rows of the window are drawn, with a hint of what is below', () => {
	const text = draw({unicode: true, selected: 'AbaloneProcess', height: 6});
	const lines = text.split('\n');
	expect(lines).toHaveLength(6);
	expect(lines.at(-1)).toMatch(/↓ \d+ more rows/);
});

test('a running step shows whole minutes, so its box changes at most once a minute; a finished one its exact time', () => {
	const running = mergeExecutionState(definition, dag, {status: 'Executing'}, [
		{name: 'AbaloneProcess', status: 'Succeeded', startedAt: 0, endedAt: 42_000},
		{name: 'AbaloneTrain', status: 'Executing', startedAt: 42_000},
	]);
	const at = (now: number) =>
		renderToString(
			<ThemeContext.Provider value={createTheme({unicode: true, color: false})}>
				<DagPanel
					layout={layout}
					views={running}
					selected="AbaloneEval"
					scrollRow={0}
					height={layout.height}
					width={100}
					now={now}
				/>
			</ThemeContext.Provider>,
			{columns: 100},
		);
	const trainLine = (text: string) => {
		const lines = text.split('\n');
		const name = lines.findIndex((line) => line.includes('AbaloneTrain'));
		const column = lines[name]!.indexOf('AbaloneTrain');
		return lines[name + 1]!.slice(column - 4, column + 16).trim();
	};
	expect(at(42_000 + 30_000)).toContain('42s');
	expect(trainLine(at(42_000 + 30_000))).toMatch(/<1m/);
	expect(trainLine(at(42_000 + 125_000))).toMatch(/ 2m$/);
	expect(at(42_000 + 170_000)).toBe(at(42_000 + 125_000));
	expect(trainLine(at(42_000 + 3_900_000))).toMatch(/ 1h 05m$/);
});

test('redrawn with a later clock, a running step’s box shows its new time, and a selection move keeps the others', () => {
	const running = mergeExecutionState(definition, dag, {status: 'Executing'}, [
		{name: 'AbaloneProcess', status: 'Succeeded', startedAt: 0, endedAt: 42_000},
		{name: 'AbaloneTrain', status: 'Executing', startedAt: 42_000},
	]);
	const theme = createTheme({unicode: true, color: false});
	const panel = (now: number, selected: string) => (
		<ThemeContext.Provider value={theme}>
			<DagPanel
				layout={layout}
				views={running}
				selected={selected}
				scrollRow={0}
				height={layout.height}
				width={100}
				now={now}
			/>
		</ThemeContext.Provider>
	);
	const view = render(panel(42_000 + 30_000, 'AbaloneEval'));
	expect(view.lastFrame()).toContain('<1m');
	view.rerender(panel(42_000 + 125_000, 'AbaloneEval'));
	expect(view.lastFrame()).toContain('2m');
	expect(view.lastFrame()).not.toContain('<1m');
	view.rerender(panel(42_000 + 125_000, 'AbaloneProcess'));
	expect(view.lastFrame()).toBe(renderToString(panel(42_000 + 125_000, 'AbaloneProcess'), {columns: 100}));
	view.unmount();
});
