// CloudWatch Logs' unstructured filter patterns: terms that must all appear (`ERROR Traceback`), quoted phrases
// (`"exit code"`), excluded terms (`ERROR -Retrying`) and any-of terms (`?ERROR ?WARN`); case-sensitive, as the
// service matches. JSON (`{ $.x = 1 }`) and space-delimited (`[a, b]`) patterns are refused by name.
import {invalidParameter} from './logs-protocol.js';

export type FilterPattern = (message: string) => boolean;

export function compileFilterPattern(pattern: string | undefined): FilterPattern {
	const text = (pattern ?? '').trim();
	if (text === '') return () => true;
	if (text.startsWith('{') || text.startsWith('[') || text.startsWith('%')) {
		throw invalidParameter(
			'The sagemon emulator matches terms, quoted phrases, -exclusions and ?alternatives; JSON, space-delimited and regular-expression filter patterns are not emulated.',
		);
	}

	const required: string[] = [];
	const excluded: string[] = [];
	const anyOf: string[] = [];
	for (const match of text.matchAll(/([-?]?)(?:"((?:[^"\\]|\\.)*)"|(\S+))/g)) {
		const word = match[2] === undefined ? match[3]! : match[2].replace(/\\(.)/g, '$1');
		if (word === '') continue;
		if (match[1] === '-') excluded.push(word);
		else if (match[1] === '?') anyOf.push(word);
		else required.push(word);
	}

	return (message) =>
		required.every((word) => message.includes(word)) &&
		!excluded.some((word) => message.includes(word)) &&
		(anyOf.length === 0 || anyOf.some((word) => message.includes(word)));
}
