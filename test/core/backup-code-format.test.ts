import assert from "node:assert/strict";
import { describe, test } from "node:test";
import fc from "fast-check";
import {
	BACKUP_CODE_LENGTH,
	CROCKFORD_ALPHABET,
	displayBackupCode,
	generateBackupCode,
	generateBackupCodes,
	normalizeBackupCode,
} from "../../src/core/backup-code-format.ts";
import { secureRandom } from "../../src/core/random.ts";

const codeArb = fc
	.array(fc.constantFrom(...CROCKFORD_ALPHABET), { minLength: BACKUP_CODE_LENGTH, maxLength: BACKUP_CODE_LENGTH })
	.map((chars) => chars.join(""));

describe("backup code format", () => {
	test("codes are 8 Crockford base32 characters, shown XXXX-XXXX, ten distinct per set", () => {
		const codes = generateBackupCodes(secureRandom);
		assert.equal(codes.length, 10);
		assert.equal(new Set(codes).size, 10);
		for (const code of codes) {
			assert.match(code, /^[0-9A-HJKMNP-TV-Z]{8}$/);
			assert.match(displayBackupCode(code), /^[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$/);
		}
	});

	test("every symbol is equally likely (chi-squared over 40,000 codes)", () => {
		const counts = new Map<string, number>();
		const n = 40_000;
		for (let i = 0; i < n; i++) for (const ch of generateBackupCode(secureRandom)) counts.set(ch, (counts.get(ch) ?? 0) + 1);
		const expected = (n * BACKUP_CODE_LENGTH) / 32;
		let chi2 = 0;
		for (const ch of CROCKFORD_ALPHABET) chi2 += ((counts.get(ch) ?? 0) - expected) ** 2 / expected;
		// 31 degrees of freedom: p = 0.0001 at about 65.
		assert.ok(chi2 < 65, `chi-squared ${chi2.toFixed(1)}`);
		assert.equal(counts.size, 32);
	});

	test("every way of writing a code reads back as the same code", () => {
		fc.assert(
			fc.property(
				codeArb,
				fc.constantFrom("", " ", "-", "\u200b", "\u00a0", "\t", "\u2009", "\u2011"),
				fc.boolean(),
				fc.boolean(),
				fc.boolean(),
				(code, separator, lower, fullWidth, lookAlike) => {
					let typed = `${code.slice(0, 4)}${separator}${code.slice(4)}`;
					if (lookAlike) typed = typed.replace(/0/g, "O").replace(/1/g, "I");
					if (lower) typed = typed.toLowerCase();
					if (fullWidth) typed = [...typed].map((c) => (/[0-9A-Za-z]/.test(c) ? String.fromCharCode(c.charCodeAt(0) + 0xfee0) : c)).join("");
					assert.equal(normalizeBackupCode(` ${typed} `), code);
				},
			),
		);
	});

	test("l reads as 1 and o as 0", () => {
		assert.equal(normalizeBackupCode("lo1O-ABCD"), "1010ABCD");
	});

	test("strings that cannot be a code are refused", () => {
		for (const junk of ["", "ABC", "ABCD-ABC", "ABCD-ABCDE", "ABCD-ABCU", "ABCD+ABCD", "😀😀😀😀😀😀😀😀"]) {
			assert.equal(normalizeBackupCode(junk), undefined, junk);
		}
	});
});
