/**
 * Check characters that catch every single-character substitution and every
 * swap of two adjacent characters (Damm's scheme). A code is valid when folding
 * its symbols through a totally anti-symmetric quasigroup ends at 0:
 *
 *   interim = 0; for each symbol s: interim = op(interim, s); valid ⇔ interim = 0
 *
 * - op is a quasigroup (each row and column a permutation), so changing any one
 *   symbol changes the result;
 * - op is totally anti-symmetric, (c∘x)∘y = (c∘y)∘x ⇒ x = y, so swapping two
 *   different neighbours changes it too.
 */
export interface CheckScheme {
	/** Number of symbols; symbols are the integers 0 … size-1. */
	readonly size: number;
	op(interim: number, symbol: number): number;
}

/** Damm's table of order 10 (H. M. Damm, 2004), for decimal codes. */
const DAMM_10 = [
	[0, 3, 1, 7, 5, 9, 8, 6, 4, 2],
	[7, 0, 9, 2, 1, 5, 4, 8, 6, 3],
	[4, 2, 0, 6, 8, 7, 1, 3, 5, 9],
	[1, 7, 5, 0, 9, 8, 3, 4, 2, 6],
	[6, 1, 2, 3, 0, 4, 5, 9, 7, 8],
	[3, 6, 7, 4, 2, 0, 9, 5, 8, 1],
	[5, 8, 6, 9, 7, 2, 0, 1, 3, 4],
	[8, 9, 4, 5, 3, 6, 2, 0, 1, 7],
	[9, 4, 3, 8, 6, 1, 7, 2, 0, 5],
	[2, 5, 8, 1, 4, 3, 6, 7, 9, 0],
] as const;

export const decimalScheme: CheckScheme = {
	size: 10,
	op: (interim, symbol) => DAMM_10[interim]![symbol]!,
};

/**
 * Order 32, from the field GF(2⁵) (modulus x⁵ + x² + 1): x∘y = 2·x + y.
 * With the multiplier a ∉ {0, 1}, (c∘x)∘y − (c∘y)∘x = (a − 1)(x − y), which is
 * zero only when x = y: totally anti-symmetric.
 */
function times2(x: number): number {
	const shifted = x << 1;
	return shifted & 32 ? shifted ^ 0b100101 : shifted;
}

export const base32Scheme: CheckScheme = {
	size: 32,
	op: (interim, symbol) => times2(interim) ^ symbol,
};

export function fold(scheme: CheckScheme, symbols: readonly number[]): number {
	let interim = 0;
	for (const symbol of symbols) interim = scheme.op(interim, symbol);
	return interim;
}

/** The symbol that, appended to `symbols`, makes the whole valid. */
export function checkSymbol(scheme: CheckScheme, symbols: readonly number[]): number {
	const interim = fold(scheme, symbols);
	for (let s = 0; s < scheme.size; s++) if (scheme.op(interim, s) === 0) return s;
	throw new Error("not a quasigroup: no check symbol exists");
}

export function isValid(scheme: CheckScheme, symbols: readonly number[]): boolean {
	return fold(scheme, symbols) === 0;
}
