// Real pipeline definitions from public projects, kept in test/fixtures/definitions (see its SOURCES.md).
import {readdirSync, readFileSync} from 'node:fs';
import {fileURLToPath} from 'node:url';

export const fixtureDirectory = fileURLToPath(new URL('../fixtures/definitions/', import.meta.url));

export const fixtureNames: string[] = readdirSync(fixtureDirectory)
	.filter((name) => name.endsWith('.json'))
	.sort();

export function fixturePath(name: string): string {
	return fixtureDirectory + name;
}

export function readFixture(name: string): string {
	return readFileSync(fixturePath(name), 'utf8');
}
