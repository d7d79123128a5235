import type { RandomSource } from "./random.ts";

/**
 * Backup codes: 8 characters from Crockford's base32 alphabet (no I, L, O, U),
 * shown as XXXX-XXXX. 8 × 5 = 40 random bits per code.
 */
export const CROCKFORD_ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
export const BACKUP_CODE_LENGTH = 8;
export const BACKUP_CODE_COUNT = 10;

/**
 * 32 symbols divide 256 exactly, so taking the low 5 bits of a uniform byte is
 * uniform over the alphabet: no modulo bias.
 */
export function generateBackupCode(random: RandomSource): string {
	const bytes = random(BACKUP_CODE_LENGTH);
	let code = "";
	for (const byte of bytes) code += CROCKFORD_ALPHABET[byte & 31];
	return code;
}

export function generateBackupCodes(random: RandomSource, count = BACKUP_CODE_COUNT): string[] {
	const codes = new Set<string>();
	while (codes.size < count) codes.add(generateBackupCode(random));
	return [...codes];
}

export function displayBackupCode(code: string): string {
	return `${code.slice(0, 4)}-${code.slice(4)}`;
}

const lookAlikes: Record<string, string> = { O: "0", I: "1", L: "1" };

/**
 * What a person typed, reduced to the canonical code: white space, dashes and
 * zero-width characters dropped, full-width forms folded (NFKC), upper case,
 * and the look-alikes O→0, I/L→1 read as the digits they stand for.
 * Returns undefined when the result cannot be a code at all.
 */
export function normalizeBackupCode(input: string): string | undefined {
	const folded = input
		.normalize("NFKC")
		.replace(/[\s\u200B-\u200D\u2060\uFEFF\u00AD_\-\u2010-\u2015\u2212]/gu, "")
		.toUpperCase();
	let code = "";
	for (const ch of folded) code += lookAlikes[ch] ?? ch;
	if (code.length !== BACKUP_CODE_LENGTH) return undefined;
	for (const ch of code) if (!CROCKFORD_ALPHABET.includes(ch)) return undefined;
	return code;
}
