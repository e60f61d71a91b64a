// Whether the terminal can show Unicode box drawing and icons, from the environment alone: the locale's character
// set (a `C` or Latin-1 locale garbles UTF-8), the terminal type, and SAGEMON_ASCII to force either way.

/**
 * False for `SAGEMON_ASCII=1`, true for `SAGEMON_ASCII=0`; otherwise false when the locale (LC_ALL, then LC_CTYPE,
 * then LANG, as the C library reads them) names no UTF-8 character set, or the terminal is `dumb` or the Linux
 * console. Windows terminals are judged by the programs known to draw Unicode.
 */
export function supportsUnicode(
	env: NodeJS.ProcessEnv,
	platform: NodeJS.Platform = process.platform,
): boolean {
	if (env.SAGEMON_ASCII === '1') return false;
	if (env.SAGEMON_ASCII === '0') return true;
	if (env.TERM === 'dumb' || env.TERM === 'linux') return false;
	if (platform === 'win32') {
		return Boolean(env.WT_SESSION) || env.TERM_PROGRAM === 'vscode' || env.TERM === 'xterm-256color';
	}

	const locale = [env.LC_ALL, env.LC_CTYPE, env.LANG].find((value) => value !== undefined && value !== '');
	// No locale at all is how many containers and ssh sessions start; their terminals are almost always UTF-8.
	if (locale === undefined) return true;
	return /utf-?8/i.test(locale);
}

const asciiLookalikes: Record<string, string> = {'…': '~', '·': '-', '—': '-', '–': '-', '→': '>', '←': '<'};

/**
 * `text` with only printable ASCII, for a terminal that cannot show UTF-8: an ellipsis becomes `~` as in the ASCII
 * DAG, a few punctuation marks their look-alikes, anything else `?`. Never wider than `text`.
 */
export function asciiOnly(text: string): string {
	return text.replaceAll(/[^\x20-\x7e\n]/gu, (character) => asciiLookalikes[character] ?? '?');
}

/**
 * A frame for a terminal that cannot show UTF-8: control sequences (colours, cursor movement) stay; every non-ASCII
 * character becomes its look-alike or `?`, so no UTF-8 byte reaches the terminal.
 */
export function asciiFrame(text: string): string {
	return text.replaceAll(/[^\x00-\x7f]/gu, (character) => asciiLookalikes[character] ?? '?');
}
