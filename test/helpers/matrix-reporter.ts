// Prints the reliability and security matrix (issue #6) at the end of a run: one line per row with its result.
// A test joins a row by its title: `matrix: <row> [<variant>] — <expected behaviour>`, e.g.
// `matrix: --read-only [commands] — every mutating command refused before any call`.
import type {Reporter, TestModule} from 'vitest/node';

/** The matrix rows in the issues' order (#6, then #11); a title names its row by one of these. */
export const matrixRows = [
	'30% of calls throttled while watching',
	'+2 s latency on every call',
	'emulator killed mid-watch, restarted later',
	'ExpiredTokenException / missing credentials / no region',
	'AccessDenied on S3 when opening a report',
	'pipeline deleted by someone else while open',
	'definition not JSON, unknown step types, cycles, 2,000 steps, 10,000-character names',
	'parameter overrides of the wrong type, empty, huge, unicode',
	'terminal control sequences in remote text',
	'a 50 MB or binary evaluation.json',
	'5,000 pipelines, an execution with 300 steps, 2,000 past executions',
	'terminal resized to 20x5 and back; no TTY; stdin closed',
	'SIGINT/SIGTERM during a form, a confirmation, a watch',
	'stop/delete keys pressed once, twice, during refresh',
	'--read-only',
	'a closed pipe',
	'terminal closed while the TUI runs',
	'pasted text and bursts of keys',
	'logs throttled',
	'logs access denied',
	'a missing log group',
	'a 10 MB single log line',
	// Issue #11's terminals that differ (its paste, closed-pipe and lost-terminal rows are above).
	'a locale that is not UTF-8',
	'TERM=dumb',
] as const;

const titlePattern = /^matrix: (.+?)(?: \[([^\]]+)\])? — /;

/** Tests written before the matrix that cover part of a row (matched on their full name). */
const countedAlso: Array<{fullName: RegExp; row: (typeof matrixRows)[number]; variant: string}> = [
	{
		fullName: /^fuzzed definitions \(seed \d+, \d+ cases\)/,
		row: 'definition not JSON, unknown step types, cycles, 2,000 steps, 10,000-character names',
		variant: 'fuzz',
	},
];

type Outcome = {variant: string; state: string};

export default class MatrixReporter implements Reporter {
	onTestRunEnd(testModules: ReadonlyArray<TestModule>): void {
		const outcomes = new Map<string, Outcome[]>();
		for (const testModule of testModules) {
			for (const test of testModule.children.allTests()) {
				const match = titlePattern.exec(test.name);
				const also = countedAlso.find((entry) => entry.fullName.test(test.fullName));
				if (!match && !also) continue;
				const row = match ? match[1]! : also!.row;
				const list = outcomes.get(row) ?? [];
				list.push({variant: match ? (match[2] ?? '') : also!.variant, state: test.result().state});
				outcomes.set(row, list);
			}
		}

		if (outcomes.size === 0) return;
		const rows = [...matrixRows, ...[...outcomes.keys()].filter((row) => !isKnown(row))];
		const width = Math.max(...rows.map((row) => row.length), 'case'.length);
		const lines = [
			'',
			'Reliability and security matrix (issues #6 and #11)',
			`${'case'.padEnd(width)} | result`,
			`${'-'.repeat(width)}-|-------`,
			...rows.map((row) => `${row.padEnd(width)} | ${describe(outcomes.get(row))}`),
		];
		process.stdout.write(`${lines.join('\n')}\n`);
	}
}

function isKnown(row: string): boolean {
	return (matrixRows as readonly string[]).includes(row);
}

/** `passed (commands, TUI)`, `FAILED (TUI)`, or `not run`. */
function describe(outcomes: Outcome[] | undefined): string {
	if (!outcomes || outcomes.length === 0) return 'not run';
	const failed = outcomes.filter((outcome) => outcome.state === 'failed');
	const passed = outcomes.filter((outcome) => outcome.state === 'passed');
	const variants = (list: Outcome[]) => {
		const names = [...new Set(list.map((outcome) => outcome.variant).filter(Boolean))];
		return names.length > 0 ? ` (${names.join(', ')})` : '';
	};

	if (failed.length > 0) return `FAILED${variants(failed)}`;
	if (passed.length === outcomes.length) return `passed${variants(passed)}`;
	if (passed.length > 0)
		return `partly run: passed${variants(passed)}, not run${variants(outcomes.filter((o) => o.state !== 'passed'))}`;
	return 'not run';
}
