// The Ink patch (patches/ink+6.8.0.patch, frame-to-frame caches) only caches: the same app bundled with the
// installed, patched Ink and with Ink as published writes exactly the same frames, through colour changes, wide
// characters, clipping, borders and rows that move, and plain ASCII rows (drawn without tokenising) that scroll
// like a followed log, beside styled text in the same row, and styled rows of box drawing and symbols (tokenised
// without Intl.Segmenter), inside and across a clip's edge. The bundles use dist/'s esbuild settings.
import {mkdtempSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {pathToFileURL} from 'node:url';
import {build, type Plugin} from 'esbuild';
import {afterAll, describe, expect, it} from 'vitest';
import {nodeBundleOptions} from '../../scripts/bundle-options.mjs';
import {root, unpatchedPlugin} from './unpatched.js';

const directory = mkdtempSync(join(tmpdir(), 'sagemon-ink-patch-'));
afterAll(() => rmSync(directory, {recursive: true, force: true}));

// Renders a sequence of screens to an in-memory terminal and returns every write Ink made.
const app = `
import {EventEmitter} from 'node:events';
import {render, Box, Text} from 'ink';

class Stdout extends EventEmitter {
	columns = 60;
	rows = 30;
	isTTY = true;
	writes = [];
	write = (data) => { this.writes.push(data); return true; };
}

function Screen({step}) {
	const rows = Array.from({length: 12}, (_, index) => (index * 7 + step) % 13);
	return (
		<Box flexDirection="column" width={60} height={29}>
			<Box borderStyle="round" paddingX={1}>
				<Text bold color={step % 2 ? 'green' : 'red'}>step {step} ✔ 漢字 ok</Text>
			</Box>
			{rows.map((value, index) => (
				<Text key={index} wrap="truncate-end">
					<Text color={value % 3 === 0 ? 'blue' : 'yellow'} inverse={value === step % 13}>row {value} </Text>
					<Text dimColor>{'─'.repeat(value)}┐ {'x'.repeat(80)}</Text>
				</Text>
			))}
			<Box borderStyle="single" width={40} height={6} flexDirection="column" overflow="hidden">
				{Array.from({length: 3}, (_, index) => (
					<Text key={index} wrap="truncate-end">{'[algo-1] line ' + (step * 3 + index) + ' loss=0.' + step + ' ' + '#'.repeat(step)}</Text>
				))}
				<Text><Text color="green" bold>✔ inside ◔</Text> the clip {step} <Text inverse>›</Text></Text>
			</Box>
			<Text>plain {step} <Text color="cyan">styled</Text> plain again ~!@{'{'}{'}'}</Text>
			<Text wrap="truncate-end">
				<Text bold color={step % 2 ? 'green' : 'yellow'}>┌─ ✔ {step} ─</Text>
				<Text inverse dimColor> ◔ ↺ reused… </Text>
				<Text color="red" bold underline>✖ ✅ é{'•'.repeat(step % 5)}</Text>
				{' ─┘ '}
				<Text backgroundColor="blue">{'│'.repeat(step % 3)}</Text>
			</Text>
			<Box width={20} height={3} overflow="hidden" flexDirection="column">
				<Text>{'clipped '.repeat(step + 2)}</Text>
				<Text color="magenta">{step % 3 === 0 ? 'same line' : 'other line ' + step}</Text>
			</Box>
		</Box>
	);
}

export async function frames() {
	const stdout = new Stdout();
	const instance = render(<Screen step={0} />, {stdout, stderr: stdout, debug: false, patchConsole: false, exitOnCtrlC: false});
	for (let step = 1; step < 25; step++) {
		await new Promise((resolve) => setTimeout(resolve, 40));
		instance.rerender(<Screen step={step % 4 === 3 ? step - 2 : step} />);
	}
	instance.unmount();
	return stdout.writes;
}
`;

async function bundleApp(name: string, plugins: Plugin[]): Promise<{frames(): Promise<string[]>}> {
	const outfile = join(directory, `${name}.mjs`);
	await build({
		stdin: {contents: app, loader: 'jsx', resolveDir: root, sourcefile: 'app.jsx'},
		...nodeBundleOptions,
		outfile,
		jsx: 'automatic',
		plugins: [...(nodeBundleOptions.plugins ?? []), ...plugins],
		logLevel: 'error',
	});
	return import(pathToFileURL(outfile).href);
}

describe('ink frame caches', () => {
	it('writes the same frames as Ink as published', async () => {
		// Colours on (chalk reads this when each bundle loads), so the frames carry styles to cache.
		const colour = process.env.FORCE_COLOR;
		process.env.FORCE_COLOR = '3';
		try {
			const plain = await (await bundleApp('plain', [unpatchedPlugin('ink+6.8.0.patch')])).frames();
			const patched = await (await bundleApp('patched', [])).frames();
			expect(plain.length).toBeGreaterThan(20);
			expect(plain.join('')).toContain('\u001B[32m');
			expect(plain.join('')).toContain('[algo-1] line 7 loss=0.2 ##');
			expect(patched).toEqual(plain);
		} finally {
			process.env.FORCE_COLOR = colour;
		}
	});
});
