// Figure 3: frame cost, measured by bench/frame.tsx in its own process (production bundle) against the seeded
// emulator; also reports benchLayout()'s figures (the DAG layout alone).
import {execFile} from 'node:child_process';
import {formatMs} from '../results-table.mjs';

// Issue #18's targets: a whole frame of the screen (layout and render) in 12 ms, a key press or a poll's changes
// on the screen in 8 ms.
const frameBudgetMs = 12;
const updateBudgetMs = 8;

export async function measureFrameCost({frameScript, root, env, endpointUrl, seeded, live, configDirectory}) {
	const input = {endpointUrl, columns: 160, rows: 50, configDirectory, ...seeded, live};
	const stdout = await new Promise((resolve, reject) => {
		execFile(
			process.execPath,
			[frameScript, JSON.stringify(input)],
			{cwd: root, env: {...env, FORCE_COLOR: '3'}, timeout: 120_000, maxBuffer: 16 * 1024 * 1024},
			(error, out, stderr) => {
				if (error)
					reject(new Error(`the frame benchmark failed: ${(stderr || error.message).trim().slice(-1500)}`));
				else resolve(out);
			},
		);
	});
	const line = stdout.split('\n').find((candidate) => candidate.startsWith('{'));
	if (!line) throw new Error(`the frame benchmark printed no result: ${stdout.slice(0, 500)}`);
	const result = JSON.parse(line);
	const size = `${input.columns}×${input.rows}`;
	const within = (ms, budgetMs) => ({target: `≤ ${budgetMs} ms`, met: ms <= budgetMs});
	// What the profiles (SAGEMON_BENCH_PROFILE) show when these miss.
	const inkRows =
		'Ink (patched) builds again only the rows whose text changed, each written back cell by cell';
	const limits = {
		screen: `the new width lays the 300 boxes out again (from placements kept per DAG: ~0.1 ms once hot, under 1 ms in the few frames a bench run has) and renders the whole tree again (React), then ${inkRows}.`,
		key: `a move changes the 4 rows of the box left and the 4 of the box selected, so ${inkRows}; React's part is about 2 ms.`,
		poll: `each poll redraws the rows of the boxes whose state or time changed, and ${inkRows}.`,
	};
	return [
		{
			figure: `3. Execution screen, 300-step DAG: layout + render (${size})`,
			value: formatMs(result.screen300Ms),
			...within(result.screen300Ms, frameBudgetMs),
			limit: limits.screen,
		},
		{
			figure: '3. Execution screen, 300-step DAG: key press → frame',
			value: formatMs(result.keyPress300Ms),
			...within(result.keyPress300Ms, updateBudgetMs),
			limit: limits.key,
		},
		{
			// On a machine other work keeps busy the elapsed times above vary several-fold; CPU time much less.
			figure: '3. 300-step DAG, CPU time spent: layout + render; key press',
			value: `${formatMs(result.screen300CpuMs)}; ${formatMs(result.keyPress300CpuMs)}`,
		},
		{
			figure: `3. Live update, 300 steps: poll result → frame (${result.liveSamples} polls)`,
			value: formatMs(result.liveUpdate300Ms),
			...within(result.liveUpdate300Ms, updateBudgetMs),
			limit: limits.poll,
		},
		{
			figure: '3. Execution screen, abalone (7 steps): layout + render',
			value: formatMs(result.screenAbaloneMs),
			...within(result.screenAbaloneMs, frameBudgetMs),
		},
		{figure: '3. benchLayout: layoutDag, 300 steps', value: formatMs(result.layout300Ms)},
		{figure: '3. benchLayout: drawDag, 40-row window of 300 steps', value: formatMs(result.draw300WindowMs)},
		{figure: '3. benchLayout: layoutDag, abalone', value: formatMs(result.layoutAbaloneMs)},
	];
}
