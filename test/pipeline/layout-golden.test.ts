// Pins every layout layoutDag gives for real definitions, generated and hand-made DAGs at many widths and in each
// direction: a change meant only to make the layout faster must leave every digest as it is.
// The expected digests (layout-golden.json) are written by hand, never by this test: after a change that is meant
// to alter the pictures, run `node scripts/write-layout-golden.mjs` and commit the file with that change.
import {readFileSync} from 'node:fs';
import {describe, expect, it} from 'vitest';
import {fixtureNames, readFixture} from '../helpers/fixtures.js';
import {goldenDigests} from '../helpers/layout-golden.js';

const expected: Record<string, string> = JSON.parse(
	readFileSync(new URL('layout-golden.json', import.meta.url), 'utf8'),
);

const definitions = fixtureNames.map((name) => ({name, text: readFixture(name)}));

describe('layoutDag golden layouts', () => {
	it('gives exactly the layouts it gave when the digests were written', () => {
		const actual = goldenDigests(definitions);
		expect(Object.keys(actual)).toEqual(Object.keys(expected));
		const changed = Object.keys(expected).filter((key) => actual[key] !== expected[key]);
		expect(changed).toEqual([]);
	});

	it('gives the same layouts in another order, some on DAGs never laid out before', () => {
		const actual = goldenDigests(definitions, true);
		const changed = Object.keys(expected).filter((key) => actual[key] !== expected[key]);
		expect(changed).toEqual([]);
	});
});
