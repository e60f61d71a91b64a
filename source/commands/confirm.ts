// Asks a yes/no question on the terminal; anything but y/yes (including Ctrl+D, or SIGINT/SIGTERM while asking)
// means no.
import {createInterface} from 'node:readline/promises';

export async function askYesNo(question: string, interrupted?: Promise<void>): Promise<boolean> {
	const prompt = createInterface({input: process.stdin, output: process.stderr, terminal: true});
	// A signal handled elsewhere (e.g. SIGTERM) must end the question, or the open prompt keeps the process alive.
	void interrupted?.then(() => prompt.close());
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
