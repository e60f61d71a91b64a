// Makes text from AWS/S3 safe to print: control characters become visible caret text a terminal never interprets.

/** A character `sanitizeText` changes: controls, DEL, C1, bidi overrides and isolates, or half of a surrogate pair. */
const needsSanitizing = /[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069\ud800-\udfff]/;

/**
 * Every C0 control (except `\n` when `multiline`; `\t` becomes spaces), DEL and every C1 control (0x80–0x9F)
 * is replaced by visible text: ESC -> `^[`, BEL -> `^G`, DEL -> `^?`, CSI (0x9B) -> `<U+009B>`.
 * A lone `\r` would move the cursor, so it is shown as `^M` too (a `\r\n` pair becomes `\n` when multiline).
 * Lone UTF-16 surrogates are dropped (they are not text and break width measurement).
 */
export function sanitizeText(text: string, options: {multiline?: boolean} = {}): string {
	// Most text has nothing to replace: return it as it is rather than copying it character by character.
	if (!needsSanitizing.test(text)) return text;
	const multiline = options.multiline === true;
	let result = '';
	for (let index = 0; index < text.length; index++) {
		const code = text.charCodeAt(index);
		if (code >= 0xd800 && code <= 0xdbff) {
			const next = text.charCodeAt(index + 1);
			if (next >= 0xdc00 && next <= 0xdfff) {
				result += text.slice(index, index + 2);
				index++;
			}

			continue;
		}

		if (code >= 0xdc00 && code <= 0xdfff) continue;
		if (code === 0x0a) {
			result += multiline ? '\n' : ' ';
			continue;
		}

		if (code === 0x0d && multiline && text.charCodeAt(index + 1) === 0x0a) continue;
		if (code === 0x09) {
			result += '  ';
			continue;
		}

		if (code < 0x20) {
			result += `^${String.fromCharCode(code + 0x40)}`;
			continue;
		}

		if (code === 0x7f) {
			result += '^?';
			continue;
		}

		if (code >= 0x80 && code <= 0x9f) {
			result += `<U+${code.toString(16).toUpperCase().padStart(4, '0')}>`;
			continue;
		}

		// Unicode bidi overrides and isolates can reorder what the user sees; show them instead of obeying them.
		if ((code >= 0x202a && code <= 0x202e) || (code >= 0x2066 && code <= 0x2069)) {
			result += `<U+${code.toString(16).toUpperCase()}>`;
			continue;
		}

		result += text[index];
	}

	return result;
}

/**
 * `JSON.stringify` whose output is safe on a terminal too: it already escapes C0 controls, and this also escapes
 * DEL and the C1 range (`\u009b` is CSI on 8-bit terminals), which JSON allows raw, and the bidi overrides and
 * isolates `sanitizeText` shows. Still valid JSON, same value.
 */
export function stringifyJson(value: unknown, indent?: number): string {
	return (JSON.stringify(value, null, indent) ?? 'null').replace(
		/[\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g,
		(character) => `\\u${character.charCodeAt(0).toString(16).padStart(4, '0')}`,
	);
}
