import assert from "node:assert/strict";
import { setRole } from "../../src/flows/operator.ts";
import { FormClient } from "./browserless.ts";
import { type Harness, PASSWORD, signUpWithTwoFactor, uniqueUsername } from "./harness.ts";

/** An operator of the console, signed in through the pages. */
export type Operator = { username: string; id: string; codes: string[]; browser: FormClient };

/**
 * Signs in through the pages from `ip`, as a person would: with the n-th backup code when
 * the account has codes (its second factor is then fresh from now), with the password alone
 * when it has none.
 */
export async function signInThroughPages(h: Harness, user: { username: string; codes?: string[] }, ip: string, code = 0): Promise<FormClient> {
	const browser = new FormClient(h.app, ip);
	await browser.get("/sign-in");
	const first = await browser.post("/sign-in", { username: user.username, password: PASSWORD });
	if (user.codes) {
		assert.equal(first.headers.location, "/sign-in/verify");
		await browser.get("/sign-in/verify?method=backup_code");
		const second = await browser.post("/sign-in/verify", { method: "backup_code", code: user.codes[code]! });
		assert.equal(second.statusCode, 303, second.body);
	} else {
		assert.equal(first.statusCode, 303, first.body);
	}
	await browser.get("/settings");
	return browser;
}

/** A new account with two-factor, given `role`, signed in from `ip`. */
export async function operator(h: Harness, role: "admin" | "support", ip: string): Promise<Operator> {
	const user = await signUpWithTwoFactor(h, uniqueUsername(role));
	await setRole(h.tessera.deps, user.username, role, "operator:test");
	return { ...user, browser: await signInThroughPages(h, user, ip) };
}
