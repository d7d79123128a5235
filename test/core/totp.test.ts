import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { matchTotpStep } from "../../src/methods/totp/totp.ts";

// RFC 6238 Appendix B, SHA-1 rows. The key is the ASCII string "12345678901234567890";
// the RFC prints 8 digits, of which a 6-digit code is the last 6 (both are the
// same truncated value modulo a power of ten).
const rfcKey = new TextEncoder().encode("12345678901234567890");
const vectors: [number, string][] = [
	[59, "94287082"],
	[1111111109, "07081804"],
	[1111111111, "14050471"],
	[1234567890, "89005924"],
	[2000000000, "69279037"],
	[20000000000, "65353130"],
];

describe("TOTP (RFC 6238)", () => {
	for (const [seconds, eight] of vectors) {
		test(`T=${seconds}s gives ${eight.slice(2)}`, () => {
			const now = seconds * 1000;
			assert.equal(matchTotpStep(rfcKey, eight.slice(2), now), Math.floor(seconds / 30));
		});
	}

	test("one step of drift either way, not two", () => {
		const now = 1111111111 * 1000;
		const step = Math.floor(1111111111 / 30);
		const code = "14050471".slice(2);
		assert.equal(matchTotpStep(rfcKey, code, now + 30_000), step, "code from the step before");
		assert.equal(matchTotpStep(rfcKey, code, now - 30_000), step, "code from the step after");
		assert.equal(matchTotpStep(rfcKey, code, now + 60_000), undefined);
		assert.equal(matchTotpStep(rfcKey, code, now - 60_000), undefined);
	});

	test("spaces and full-width digits are accepted; anything else is not a code", () => {
		const now = 59_000;
		assert.equal(matchTotpStep(rfcKey, "287 082", now), 1);
		assert.equal(matchTotpStep(rfcKey, "２８７０８２", now), 1);
		for (const junk of ["", "28708", "2870822", "28708a", "287082\u0000", "-287082-x"]) {
			assert.equal(matchTotpStep(rfcKey, junk, now), undefined, junk);
		}
	});
});
