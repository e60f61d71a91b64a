// An in-memory terminal for Ink: a stdout that keeps the last frame and timestamps every write, and a stdin that
// accepts key bytes. Ink writes to it exactly as to a real TTY (non-debug mode, frame diffing, throttling).
import {EventEmitter} from 'node:events';

const ansi = /\u001B\[[0-9;?]*[ -/]*[@-~]|\u001B\][^\u0007\u001B]*(\u0007|\u001B\\)|\u001B[@-Z\\-_]/g;

export class FakeStdout extends EventEmitter {
	readonly isTTY = true;
	writes = 0;
	lastWriteAt = 0;
	/** The last frame Ink drew, without escape sequences. */
	frame = '';
	/** Called on every write, with the time it happened. */
	onWrite: ((at: number) => void) | undefined;

	constructor(
		readonly columns: number,
		readonly rows: number,
	) {
		super();
	}

	write = (data: string): boolean => {
		const at = performance.now();
		this.writes++;
		this.lastWriteAt = at;
		const text = data.replace(ansi, '');
		if (text.trim() !== '') this.frame = text;
		this.onWrite?.(at);
		return true;
	};

	/** Resolves once the last frame satisfies `ready`; rejects after `timeoutMs` with the frame it saw. */
	async waitFor(ready: (frame: string) => boolean, what: string, timeoutMs = 30_000): Promise<void> {
		const started = Date.now();
		while (!ready(this.frame)) {
			if (Date.now() - started > timeoutMs)
				throw new Error(`Timed out waiting for ${what}; the screen showed:\n${this.frame}`);
			await new Promise((resolve) => setTimeout(resolve, 10));
		}
	}
}

export class FakeStdin extends EventEmitter {
	readonly isTTY = true;
	private pending: string | null = null;

	/** Types `data` as if on the keyboard. */
	type(data: string): void {
		this.pending = data;
		this.emit('readable');
		this.emit('data', data);
	}

	read = (): string | null => {
		const data = this.pending;
		this.pending = null;
		return data;
	};

	setEncoding(): void {}
	setRawMode(): void {}
	resume(): void {}
	pause(): void {}
	ref(): void {}
	unref(): void {}
}
