// The shape readme.md promises: imports run one way down the layers, no two files import each other (directly or
// round a circle), and no file under source/ passes 300 lines.
import {readdirSync, readFileSync} from 'node:fs';
import {dirname, join, normalize, relative} from 'node:path';
import {fileURLToPath} from 'node:url';
import {describe, expect, it} from 'vitest';

const root = fileURLToPath(new URL('../source/', import.meta.url));

function sourceFiles(directory: string): string[] {
	return readdirSync(directory, {withFileTypes: true}).flatMap((entry) => {
		const path = join(directory, entry.name);
		if (entry.isDirectory()) return sourceFiles(path);
		return /\.tsx?$/.test(entry.name) ? [relative(root, path)] : [];
	});
}

const files = new Map(sourceFiles(root).map((file) => [file, readFileSync(join(root, file), 'utf8')]));
const importPattern = /(?:import|export)[^'"]*?from\s+['"](\.[^'"]+)['"]|import\(\s*['"](\.[^'"]+)['"]\s*\)/g;

function importsOf(file: string): string[] {
	const found: string[] = [];
	for (const match of files.get(file)!.matchAll(importPattern)) {
		const target = normalize(join(dirname(file), match[1] ?? match[2]!));
		const candidates = [target.replace(/\.js$/, '.ts'), target.replace(/\.js$/, '.tsx'), target];
		const resolved = candidates.find((candidate) => files.has(candidate));
		if (resolved) found.push(resolved);
	}

	return found;
}

const edges = new Map([...files.keys()].map((file) => [file, importsOf(file)]));

/** The layer of a file: its top folder under source/, or `entry` for the files beside them. */
function layerOf(file: string): string {
	return file.includes('/') ? file.slice(0, file.indexOf('/')) : 'entry';
}

/** Which layers each layer may import (besides itself). */
const allowed: Record<string, readonly string[]> = {
	pipeline: [],
	aws: ['pipeline'],
	emulator: ['pipeline'],
	watch: ['aws', 'pipeline'],
	// `sagemon emulator` serves the emulator; nothing else above the entry starts it.
	commands: ['watch', 'aws', 'emulator', 'pipeline'],
	ui: ['watch', 'aws', 'pipeline'],
	entry: ['commands', 'ui', 'watch', 'aws', 'emulator', 'pipeline'],
};

describe('the architecture', () => {
	it('finds the source files and their imports', () => {
		expect(files.size).toBeGreaterThan(100);
		expect(edges.get('program.tsx')).toContain('command-table.ts');
	});

	it('imports run one way down the layers', () => {
		const upward = [...edges].flatMap(([file, targets]) =>
			targets
				.filter(
					(target) => layerOf(target) !== layerOf(file) && !allowed[layerOf(file)]!.includes(layerOf(target)),
				)
				.map((target) => `${file} imports ${target}`),
		);
		expect(upward).toEqual([]);
	});

	it('no file imports itself round a circle', () => {
		const circles: string[][] = [];
		const state = new Map<string, 'open' | 'done'>();
		const path: string[] = [];
		const visit = (file: string) => {
			state.set(file, 'open');
			path.push(file);
			for (const target of edges.get(file) ?? []) {
				if (state.get(target) === 'open') circles.push([...path.slice(path.indexOf(target)), target]);
				else if (!state.has(target)) visit(target);
			}

			path.pop();
			state.set(file, 'done');
		};

		for (const file of edges.keys()) if (!state.has(file)) visit(file);
		expect(circles.map((circle) => circle.join(' → '))).toEqual([]);
	});

	it('no file under source/ passes 300 lines', () => {
		const long = [...files]
			.map(([file, text]) => ({file, lines: text.split('\n').length - (text.endsWith('\n') ? 1 : 0)}))
			.filter(({lines}) => lines > 300)
			.map(({file, lines}) => `${file}: ${lines} lines`);
		expect(long).toEqual([]);
	});
});
