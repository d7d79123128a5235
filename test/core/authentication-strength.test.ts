import assert from "node:assert/strict";
import { describe, test } from "node:test";
import fc from "fast-check";
import {
	ACR_PASSWORD,
	ACR_PHISHING_RESISTANT,
	ACR_TWO_FACTOR,
	type AuthenticationFactor,
	acrOf,
	acrValues,
	amrOf,
	authTimeOf,
	levelIndex,
	meetsAcr,
	parseFactor,
	parseFactors,
	passwordFactor,
	serializeFactors,
	withFactor,
} from "../../src/core/authentication-strength.ts";

const T = Date.UTC(2026, 5, 1, 12, 0, 0);
const totp = (at: number): AuthenticationFactor => ({ method: "totp", at, amr: ["otp"], level: "two_factor" });
const email = (at: number): AuthenticationFactor => ({ method: "email", at, amr: [], level: "none" });
const passkey = (at: number, kind: "hwk" | "swk"): AuthenticationFactor => ({ method: "passkey", at, amr: [kind, "user"], level: "phishing_resistant" });

/** Any factor: the password, a method of any level with any registered values. */
const factor: fc.Arbitrary<AuthenticationFactor> = fc.record({
	method: fc.constantFrom("password", "totp", "sms", "email", "backup_code", "passkey", "hardware_token"),
	at: fc.integer({ min: 0, max: 4_102_444_800_000 }),
	amr: fc.uniqueArray(fc.constantFrom("pwd", "otp", "sms", "hwk", "swk", "user"), { maxLength: 3 }),
	level: fc.constantFrom("none" as const, "two_factor" as const, "phishing_resistant" as const),
});
const factors = fc.array(factor, { minLength: 1, maxLength: 6 });

describe("authentication strength", () => {
	test("the levels, weakest first", () => {
		assert.deepEqual(acrValues, ["urn:tessera:acr:password", "urn:tessera:acr:two-factor", "urn:tessera:acr:phishing-resistant"]);
		assert.deepEqual(acrValues.map(levelIndex), [0, 1, 2]);
		assert.equal(levelIndex("urn:other:acr"), -1);
	});

	test("the password alone: pwd, the password level, its own time", () => {
		const alone = [passwordFactor(T)];
		assert.deepEqual(amrOf(alone), ["pwd"]);
		assert.equal(acrOf(alone), ACR_PASSWORD);
		assert.equal(authTimeOf(alone), T);
	});

	test("with a code from an app: otp and mfa, two factors", () => {
		const both = [passwordFactor(T), totp(T + 5_000)];
		assert.deepEqual(amrOf(both), ["pwd", "otp", "mfa"]);
		assert.equal(acrOf(both), ACR_TWO_FACTOR);
		assert.equal(authTimeOf(both), T + 5_000);
	});

	test("with an email code: no level and no mfa", () => {
		const both = [passwordFactor(T), email(T + 5_000)];
		assert.deepEqual(amrOf(both), ["pwd"]);
		assert.equal(acrOf(both), ACR_PASSWORD);
	});

	test("with a passkey: its kind, user and mfa, phishing-resistant", () => {
		assert.deepEqual(amrOf([passwordFactor(T), passkey(T, "hwk")]), ["pwd", "hwk", "user", "mfa"]);
		assert.deepEqual(amrOf([passwordFactor(T), passkey(T, "swk")]), ["pwd", "swk", "user", "mfa"]);
		assert.equal(acrOf([passwordFactor(T), passkey(T, "swk")]), ACR_PHISHING_RESISTANT);
	});

	test("a trusted device's older second factor keeps its time; auth_time is the latest", () => {
		const trusted = [passwordFactor(T + 86_400_000), totp(T)];
		assert.equal(authTimeOf(trusted), T + 86_400_000);
		assert.equal(acrOf(trusted), ACR_TWO_FACTOR);
	});

	test("a level is only reached with another factor: one factor alone is the password level", () => {
		assert.equal(acrOf([passkey(T, "hwk")]), ACR_PASSWORD);
		assert.deepEqual(amrOf([passkey(T, "hwk")]), ["hwk", "user"]);
	});

	test("meetsAcr compares against a requested level; an unknown one is never met", () => {
		const both = [passwordFactor(T), totp(T)];
		assert.equal(meetsAcr(both, ACR_PASSWORD), true);
		assert.equal(meetsAcr(both, ACR_TWO_FACTOR), true);
		assert.equal(meetsAcr(both, ACR_PHISHING_RESISTANT), false);
		assert.equal(meetsAcr(both, "urn:other:acr:gold"), false);
	});

	test("stored lists read back; a missing or unreadable one is the password alone at the session's start", () => {
		const both = [passwordFactor(T), passkey(T + 1, "hwk")];
		assert.deepEqual(parseFactors(serializeFactors(both), 0), both);
		for (const bad of [null, undefined, "", "not json", "[]", "{}", '[{"method":"totp"}]', '[{"method":"x","at":1,"amr":[],"level":"gold"}]']) {
			assert.deepEqual(parseFactors(bad, T), [passwordFactor(T)], String(bad));
		}
		assert.deepEqual(parseFactor(JSON.stringify(totp(T))), totp(T));
		assert.equal(parseFactor(null), undefined);
		assert.equal(parseFactor("[1]"), undefined);
	});

	test("adding a factor never lowers the level, never drops a value, and auth_time is the latest", () => {
		fc.assert(
			fc.property(factors, factor, (before, added) => {
				const after = [...before, added];
				assert.ok(levelIndex(acrOf(after)) >= levelIndex(acrOf(before)));
				const amr = amrOf(after);
				for (const value of amrOf(before)) assert.ok(amr.includes(value), value);
				assert.equal(authTimeOf(after), Math.max(authTimeOf(before), added.at));
			}),
		);
	});

	test("a step-up (withFactor) never lowers the level nor moves auth_time back, and keeps the list short", () => {
		fc.assert(
			fc.property(factors, fc.array(factor, { maxLength: 20 }), (start, added) => {
				let current: AuthenticationFactor[] = start;
				for (const next of added) {
					const after = withFactor(current, next);
					assert.ok(levelIndex(acrOf(after)) >= levelIndex(acrOf(current)));
					assert.equal(authTimeOf(after), Math.max(authTimeOf(current), next.at));
					for (const value of amrOf(current)) assert.ok(amrOf(after).includes(value), value);
					current = after;
				}
				assert.ok(current.length <= start.length + new Set(added.map((f) => JSON.stringify([f.method, f.level, f.amr]))).size);
			}),
		);
	});

	test("the order of the factors changes neither the level nor auth_time", () => {
		fc.assert(
			fc.property(factors, (list) => {
				const reversed = [...list].reverse();
				assert.equal(acrOf(reversed), acrOf(list));
				assert.equal(authTimeOf(reversed), authTimeOf(list));
				assert.deepEqual(new Set(amrOf(reversed)), new Set(amrOf(list)));
			}),
		);
	});
});
