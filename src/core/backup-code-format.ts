import { base32Scheme, type CheckScheme, checkSymbol, decimalScheme, isValid } from "./check-character.ts";
import type { RandomSource } from "./random.ts";

/**
 * Backup-code formats. The last character of every code is a check character
 * (see check-character.ts), so a mistyped code is recognised as a typo without
 * looking anything up; the others are random.
 *
 * - alphanumeric (default): Crockford's base32 alphabet (no I, L, O, U), shown
 *   XXXX-XXXX; 8 characters give 7 × 5 = 35 random bits.
 * - numeric: digits, shown XXXX XXXX; 8 digits give 7 × log2(10) ≈ 23.3 random bits.
 */
export const formatNames = ["alphanumeric", "numeric"] as const;
export type BackupCodeFormatName = (typeof formatNames)[number];

export interface BackupCodeFormat {
	readonly name: BackupCodeFormatName;
	readonly alphabet: string;
	readonly length: number;
	readonly scheme: CheckScheme;
	readonly separator: string;
}

export const CROCKFORD_ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
export const MIN_RANDOM_BITS = 20;
export const BACKUP_CODE_LENGTH = { default: 8, min: 6, max: 16 } as const;
export const BACKUP_CODE_COUNT = { default: 10, min: 5, max: 20 } as const;

export function backupCodeFormat(name: BackupCodeFormatName, length: number = BACKUP_CODE_LENGTH.default): BackupCodeFormat {
	return name === "numeric"
		? { name, alphabet: "0123456789", length, scheme: decimalScheme, separator: " " }
		: { name, alphabet: CROCKFORD_ALPHABET, length, scheme: base32Scheme, separator: "-" };
}

/** Random bits per code: every character but the check character is random. */
export function randomBitsPerCode(format: BackupCodeFormat): number {
	return (format.length - 1) * Math.log2(format.alphabet.length);
}

/**
 * Uniform symbols without modulo bias: a byte is used only when it falls below
 * the largest multiple of the alphabet size (all 256 for base 32, 250 for digits).
 */
function randomSymbols(format: BackupCodeFormat, count: number, random: RandomSource): number[] {
	const size = format.alphabet.length;
	const limit = 256 - (256 % size);
	const symbols: number[] = [];
	while (symbols.length < count) {
		for (const byte of random(count * 2)) {
			if (byte < limit && symbols.length < count) symbols.push(byte % size);
		}
	}
	return symbols;
}

export function generateBackupCode(format: BackupCodeFormat, random: RandomSource): string {
	const symbols = randomSymbols(format, format.length - 1, random);
	symbols.push(checkSymbol(format.scheme, symbols));
	return symbols.map((s) => format.alphabet[s]).join("");
}

export function generateBackupCodes(format: BackupCodeFormat, random: RandomSource, count: number): string[] {
	const codes = new Set<string>();
	while (codes.size < count) codes.add(generateBackupCode(format, random));
	return [...codes];
}

/** XXXX-XXXX (or XXXX XXXX): two halves up to 10 characters, groups of four beyond. */
export function displayBackupCode(format: BackupCodeFormat, code: string): string {
	if (code.length <= 10) {
		const half = Math.ceil(code.length / 2);
		return `${code.slice(0, half)}${format.separator}${code.slice(half)}`;
	}
	return (code.match(/.{1,4}/g) ?? []).join(format.separator);
}

const lookAlikes: Record<string, string> = { O: "0", I: "1", L: "1" };

/**
 * White space of any kind, zero-width characters, soft hyphens and dashes:
 * everything people paste or type between the characters of a code.
 */
const ignorable = /[\s\u00AD\u180E\u200B-\u200D\u2060\uFEFF_\-\u2010-\u2015\u2212\u30FC\uFE58\uFE63\uFF0D.·]/gu;

/**
 * What a person typed, reduced to a code of this format: separators dropped,
 * full-width forms folded (NFKC), upper case, and for alphanumeric codes the
 * look-alikes O→0 and I, L→1. Undefined when the result cannot be a code of
 * this format, including when its check character does not match: a typo.
 */
export function parseBackupCode(format: BackupCodeFormat, input: string): string | undefined {
	let folded = input.normalize("NFKC").replace(ignorable, "").toUpperCase();
	if (format.name === "alphanumeric") folded = [...folded].map((ch) => lookAlikes[ch] ?? ch).join("");
	if ([...folded].length !== format.length) return undefined;
	const symbols: number[] = [];
	for (const ch of folded) {
		const index = format.alphabet.indexOf(ch);
		if (index < 0) return undefined;
		symbols.push(index);
	}
	return isValid(format.scheme, symbols) ? folded : undefined;
}

/** At most this many codes are left when a sign-in offers a new set ("running low"). */
export const RUNNING_LOW_AT = 3;
