// The TUI's output for a terminal that cannot show UTF-8 (a C or Latin-1 locale, --ascii): Ink writes its frames
// through this, and every character outside ASCII is transliterated on the way out.
import {asciiFrame} from './pipeline/terminal-charset.js';

export function asciiStdout(stream: NodeJS.WriteStream): NodeJS.WriteStream {
	return new Proxy(stream, {
		get(target, property) {
			if (property === 'write') {
				return (chunk: unknown, ...rest: unknown[]) =>
					(target.write as (...args: unknown[]) => boolean)(
						typeof chunk === 'string' ? asciiFrame(chunk) : chunk,
						...rest,
					);
			}

			const value: unknown = Reflect.get(target, property, target);
			return typeof value === 'function' ? value.bind(target) : value;
		},
	});
}
