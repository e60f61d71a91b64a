// Builds the JSON paths that name where a problem is (`Steps[2].Arguments.IfSteps[0]`, `Metadata["sagemon.emulator"]`).

/** `base.key`, or `base["key"]` when the key is not a plain identifier. */
export function memberPath(base: string, key: string): string {
	if (/^[A-Za-z_][A-Za-z0-9_]*$/.test(key)) return base === '' ? key : `${base}.${key}`;
	return `${base}[${JSON.stringify(key)}]`;
}

/** `base[index]`. */
export function indexPath(base: string, index: number): string {
	return `${base}[${index}]`;
}
