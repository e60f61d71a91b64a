// Asks a yes/no question on the terminal; anything but y/yes (including Ctrl+D) means no.
import {createInterface} from 'node:readline/promises';

export async function askYesNo(question: string): Promise<boolean> {
	const prompt = createInterface({input: process.stdin, output: process.stderr, terminal: true});
	try {
		const answer = await new Promise<string>((resolve) => {
			prompt.once('close', () => resolve(''));
			prompt.question(question).then(resolve, () => resolve(''));
		});
		return /^\s*y(es)?\s*$/i.test(answer);
	} finally {
		prompt.close();
	}
}
