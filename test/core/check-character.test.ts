import assert from "node:assert/strict";
import { describe, test } from "node:test";
import fc from "fast-check";
import { base32Scheme, type CheckScheme, checkSymbol, decimalScheme, isValid } from "../../src/core/check-character.ts";

for (const [name, scheme] of [
	["decimal (Damm, order 10)", decimalScheme],
	["base 32 (GF(2⁵))", base32Scheme],
] as [string, CheckScheme][]) {
	describe(`check characters: ${name}`, () => {
		const n = scheme.size;
		test("every row and column of the operation is a permutation (single substitutions always caught)", () => {
			for (let a = 0; a < n; a++) {
				const row = new Set(Array.from({ length: n }, (_, b) => scheme.op(a, b)));
				const column = new Set(Array.from({ length: n }, (_, b) => scheme.op(b, a)));
				assert.equal(row.size, n, `row ${a}`);
				assert.equal(column.size, n, `column ${a}`);
			}
		});

		test("the operation is totally anti-symmetric (adjacent swaps always caught)", () => {
			for (let c = 0; c < n; c++)
				for (let x = 0; x < n; x++)
					for (let y = 0; y < n; y++) {
						if (x === y) continue;
						assert.notEqual(scheme.op(scheme.op(c, x), y), scheme.op(scheme.op(c, y), x), `c=${c} x=${x} y=${y}`);
					}
		});

		const word = fc.array(fc.integer({ min: 0, max: n - 1 }), { minLength: 1, maxLength: 15 });
		const withCheck = word.map((w) => [...w, checkSymbol(scheme, w)]);

		test("a word with its check symbol is valid", () => {
			fc.assert(fc.property(withCheck, (w) => isValid(scheme, w)));
		});

		test("any single substitution, at any position, is caught", () => {
			fc.assert(
				fc.property(withCheck, fc.nat(), fc.integer({ min: 1, max: n - 1 }), (w, at, delta) => {
					const i = at % w.length;
					const changed = [...w];
					changed[i] = (w[i]! + delta) % n;
					return !isValid(scheme, changed);
				}),
			);
		});

		test("any swap of two different neighbours, at any position, is caught", () => {
			fc.assert(
				fc.property(withCheck, fc.nat(), (w, at) => {
					const i = at % (w.length - 1);
					fc.pre(w[i] !== w[i + 1]);
					const swapped = [...w];
					[swapped[i], swapped[i + 1]] = [w[i + 1]!, w[i]!];
					return !isValid(scheme, swapped);
				}),
			);
		});
	});
}
