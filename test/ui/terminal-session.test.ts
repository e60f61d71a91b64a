import {expect, test} from 'vitest';
import {enterFullScreen} from '../../source/ui/terminal-session.js';

test('takes the alternate screen with bracketed paste on, and gives both back exactly once', () => {
	const written: string[] = [];
	const stream = {write: (text: string) => written.push(text)} as unknown as NodeJS.WriteStream;
	const session = enterFullScreen(stream);
	expect(written).toEqual(['\u001B[?1049h\u001B[H\u001B[?2004h']);
	session.restore();
	session.restore();
	expect(written).toEqual(['\u001B[?1049h\u001B[H\u001B[?2004h', '\u001B[?2004l\u001B[?25h\u001B[?1049l']);
	expect(process.listeners('exit')).not.toContain(session.restore);
});
