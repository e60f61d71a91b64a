// --ascii and --unicode override what the locale says, for every command that draws (here `dag`).
import {join} from 'node:path';
import {describe, expect, it} from 'vitest';
import {projectRoot, runCli} from '../helpers/built-cli.js';

const definition = join(projectRoot, 'test/fixtures/definitions/abalone-tutorial.json');
const nonAscii = /[^\x00-\x7f]/u;

describe('--ascii and --unicode', () => {
	it('--ascii draws in ASCII in a UTF-8 locale, --unicode draws boxes in a C locale', async () => {
		const ascii = await runCli(['dag', definition, '--ascii'], {env: {LANG: 'en_US.UTF-8'}});
		expect(ascii.code).toBe(0);
		expect(ascii.stdout).toContain('AbaloneTrain');
		expect(ascii.stdout).not.toMatch(nonAscii);

		const unicode = await runCli(['dag', definition, '--unicode'], {env: {LANG: 'C', LC_ALL: 'C'}});
		expect(unicode.code).toBe(0);
		expect(unicode.stdout).toMatch(/[┌┏╭─━]/);

		const locale = await runCli(['dag', definition], {env: {LANG: 'C', LC_ALL: 'C'}});
		expect(locale.stdout).not.toMatch(nonAscii);
	});
});
