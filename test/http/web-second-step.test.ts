import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { FormClient } from "../helpers/browserless.ts";
import { databaseKinds } from "../helpers/databases.ts";
import { api, errorCode, type Harness, PASSWORD, passwordStep, signUpWithTwoFactor, startHarness, totpCode } from "../helpers/harness.ts";

for (const kind of await databaseKinds()) {
	describe(`the second step in the pages answers like the API (${kind})`, () => {
		let h: Harness;
		before(async () => {
			h = await startHarness(kind);
		});
		after(async () => h.close());

		test("a method the account lacks is refused as such, never taken for another, and never counted as a wrong guess", async () => {
			const user = await signUpWithTwoFactor(h);
			const viaApi = await api(h.app, "/sessions/second-factor", { body: { challenge: (await passwordStep(h, user.username)).challenge, method: "sms", code: "123456" } });
			assert.equal(errorCode(viaApi), "method_not_available");

			const browser = new FormClient(h.app);
			await browser.get("/sign-in");
			await browser.follow(await browser.post("/sign-in", { username: user.username, password: PASSWORD }));
			await browser.get("/sign-in/verify");
			// More than the ten wrong codes an hour an account allows: none of these may count.
			for (let i = 0; i < 11; i++) {
				const page = await browser.post("/sign-in/verify", { method: "sms", code: "123456" });
				assert.equal(page.statusCode, 400, page.body);
				assert.match(page.body, /not set up on this account/);
				assert.match(page.body, /name="method" value="totp"/, "the page offers the account's own method again");
			}
			const signedIn = await browser.post("/sign-in/verify", { method: "totp", code: totpCode(user.secret, h.clock()) });
			assert.equal(signedIn.statusCode, 303, signedIn.body);
			assert.equal(signedIn.headers.location, "/settings");
		});
	});
}
