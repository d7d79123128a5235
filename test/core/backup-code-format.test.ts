import assert from "node:assert/strict";
import { describe, test } from "node:test";
import fc from "fast-check";
import {
	type BackupCodeFormat,
	backupCodeFormat,
	CROCKFORD_ALPHABET,
	displayBackupCode,
	generateBackupCode,
	generateBackupCodes,
	parseBackupCode,
	randomBitsPerCode,
} from "../../src/core/backup-code-format.ts";
import { secureRandom } from "../../src/core/random.ts";

const alphanumeric = backupCodeFormat("alphanumeric");
const numeric = backupCodeFormat("numeric");

/** Valid codes of a format, drawn by fast-check (so failures shrink), check character included. */
function validCode(format: BackupCodeFormat) {
	return fc
		.array(fc.integer({ min: 0, max: 255 }), { minLength: 64, maxLength: 64 })
		.map((bytes) => {
			let i = 0;
			return generateBackupCode(format, (n) => Uint8Array.from({ length: n }, () => bytes[i++ % bytes.length]!));
		});
}

function fullWidth(text: string): string {
	return [...text].map((c) => (/[0-9A-Za-z]/.test(c) ? String.fromCharCode(c.charCodeAt(0) + 0xfee0) : c)).join("");
}

describe("backup code formats", () => {
	test("alphanumeric: 8 Crockford base32 characters shown XXXX-XXXX, 35 random bits", () => {
		const codes = generateBackupCodes(alphanumeric, secureRandom, 10);
		assert.equal(new Set(codes).size, 10);
		for (const code of codes) {
			assert.match(code, /^[0-9A-HJKMNP-TV-Z]{8}$/);
			assert.match(displayBackupCode(alphanumeric, code), /^[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$/);
			assert.equal(parseBackupCode(alphanumeric, code), code, "every generated code carries a valid check character");
		}
		assert.equal(randomBitsPerCode(alphanumeric), 35);
	});

	test("numeric: 8 digits shown XXXX XXXX, about 23 random bits", () => {
		for (const code of generateBackupCodes(numeric, secureRandom, 20)) {
			assert.match(code, /^\d{8}$/);
			assert.match(displayBackupCode(numeric, code), /^\d{4} \d{4}$/);
			assert.equal(parseBackupCode(numeric, code), code);
		}
		assert.ok(randomBitsPerCode(numeric) > 23 && randomBitsPerCode(numeric) < 23.3);
	});

	test("longer codes are shown in groups of four", () => {
		const long = backupCodeFormat("alphanumeric", 12);
		assert.match(displayBackupCode(long, generateBackupCode(long, secureRandom)), /^\w{4}-\w{4}-\w{4}$/);
	});

	for (const format of [alphanumeric, numeric]) {
		const size = format.alphabet.length;
		test(`${format.name}: the random characters are uniform (chi-squared over 30,000 codes, each position)`, () => {
			const n = 30_000;
			const counts = Array.from({ length: format.length - 1 }, () => new Array<number>(size).fill(0));
			for (let i = 0; i < n; i++) {
				const code = generateBackupCode(format, secureRandom);
				for (let p = 0; p < format.length - 1; p++) counts[p]![format.alphabet.indexOf(code[p]!)]!++;
			}
			// Critical values at p = 0.0001: 31 degrees of freedom ≈ 65.0, 9 ≈ 33.7.
			const critical = size === 32 ? 65 : 33.7;
			for (const [p, row] of counts.entries()) {
				const expected = n / size;
				const chi2 = row.reduce((sum, c) => sum + (c - expected) ** 2 / expected, 0);
				assert.ok(chi2 < critical, `position ${p}: chi-squared ${chi2.toFixed(1)}`);
			}
		});

		test(`${format.name}: every single-character substitution, at every position, is a typo`, () => {
			fc.assert(
				fc.property(validCode(format), (code) => {
					for (let i = 0; i < format.length; i++) {
						for (const replacement of format.alphabet) {
							if (replacement === code[i]) continue;
							const changed = code.slice(0, i) + replacement + code.slice(i + 1);
							assert.equal(parseBackupCode(format, changed), undefined, `${code} → ${changed}`);
						}
					}
				}),
			);
		});

		test(`${format.name}: every swap of two adjacent different characters, at every position, is a typo`, () => {
			fc.assert(
				fc.property(validCode(format), (code) => {
					for (let i = 0; i < format.length - 1; i++) {
						if (code[i] === code[i + 1]) continue;
						const swapped = code.slice(0, i) + code[i + 1] + code[i] + code.slice(i + 2);
						assert.equal(parseBackupCode(format, swapped), undefined, `${code} → ${swapped}`);
					}
				}),
			);
		});

		test(`${format.name}: a missing or an extra character is a typo`, () => {
			fc.assert(
				fc.property(validCode(format), fc.nat(), (code, at) => {
					const i = at % format.length;
					assert.equal(parseBackupCode(format, code.slice(0, i) + code.slice(i + 1)), undefined);
					assert.equal(parseBackupCode(format, code.slice(0, i) + code[i] + code.slice(i)), undefined);
				}),
			);
		});

		test(`${format.name}: spaces, dashes, Unicode white space, zero-width characters, full width and case are forgiven`, () => {
			fc.assert(
				fc.property(
					validCode(format),
					fc.constantFrom("", " ", "-", "\u200b", "\u00a0", "\t", "\u2009", "\u2011", "\u3000", "\ufeff", "\u2060", "\u00ad", "  -  "),
					fc.boolean(),
					fc.boolean(),
					(code, separator, lower, wide) => {
						const half = format.length / 2;
						let typed = `${code.slice(0, half)}${separator}${code.slice(half)}`;
						if (lower) typed = typed.toLowerCase();
						if (wide) typed = fullWidth(typed);
						assert.equal(parseBackupCode(format, ` \u200b${typed}\n`), code);
					},
				),
			);
		});
	}

	test("alphanumeric: the look-alikes O→0 and I, L→1 are read as digits", () => {
		fc.assert(
			fc.property(validCode(alphanumeric), fc.boolean(), (code, lower) => {
				let typed = code.replace(/0/g, "O").replace(/1/g, () => (Math.random() < 0.5 ? "I" : "L"));
				if (lower) typed = typed.toLowerCase();
				assert.equal(parseBackupCode(alphanumeric, typed), code);
			}),
		);
	});

	test("strings that cannot be a code are refused", () => {
		for (const junk of ["", "ABC", "ABCD-ABC", "ABCD-ABCDE", "ABCD-ABCU", "ABCD+ABCD", "😀😀😀😀😀😀😀😀"]) {
			assert.equal(parseBackupCode(alphanumeric, junk), undefined, junk);
		}
		assert.equal(parseBackupCode(numeric, "1234 567A"), undefined);
		assert.equal(parseBackupCode(numeric, "OOOO OOOO"), undefined, "look-alikes are for alphanumeric codes only");
		assert.equal(CROCKFORD_ALPHABET.length, 32);
	});
});
