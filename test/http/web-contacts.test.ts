import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { FormClient } from "../helpers/browserless.ts";
import { databaseKinds } from "../helpers/databases.ts";
import { type Harness, PASSWORD, startHarness, totpCode, uniqueUsername } from "../helpers/harness.ts";

function codesOn(body: string): string[] {
	return [...body.matchAll(/<li><code>([0-9A-Z]{4}[- ][0-9A-Z]{4})<\/code><\/li>/g)].map((m) => m[1]!);
}

for (const kind of await databaseKinds()) {
	describe(`web pages: phone number and signing in by text message (${kind})`, () => {
		let h: Harness;
		before(async () => {
			h = await startHarness(kind);
		});
		after(() => h.close());

		/** The code in the newest development-outbox message to `to`. */
		function lastCodeTo(to: string): string {
			const message = h.tessera.deps.outbox!.list().find((m) => m.to === to);
			const code = message?.text.match(/\b\d{6}\b/)?.[0];
			if (!code) throw new Error(`no code sent to ${to}`);
			return code;
		}

		test("add a phone, prove it, then sign in with a text message after “Try another way”", async () => {
			const client = new FormClient(h.app);
			const username = uniqueUsername("sms");
			await client.get("/sign-up");
			await client.post("/sign-up", { username, password: PASSWORD });
			await client.get("/settings/authenticator");
			const enrol = await client.post("/settings/authenticator", { password: PASSWORD });
			const key = /id="totp-key">([A-Z2-7 ]+)</.exec(enrol.body)![1]!.replace(/ /g, "");
			const codes = codesOn((await client.post("/settings/authenticator/confirm", { code: totpCode(key, h.clock()) })).body);
			await client.follow(await client.post("/settings/backup-codes/confirm", { code: codes[0]! }));

			await client.get("/settings/contacts/add?kind=phone");
			const bad = await client.post("/settings/contacts/add", { kind: "phone", value: "12345", password: PASSWORD });
			assert.equal(bad.statusCode, 400);
			assert.match(bad.body, /country code/);
			const phone = "+12025550123";
			const added = await client.post("/settings/contacts/add", { kind: "phone", value: "+1 202-555-0123", password: PASSWORD });
			assert.equal(added.statusCode, 200);
			assert.match(added.body, /We sent a 6-digit code to \+12025550123/);
			assert.equal((await client.get("/dev/outbox")).statusCode, 404, "the outbox is not shown to other machines");
			const outbox = await h.app.inject({ method: "GET", url: "/dev/outbox", remoteAddress: "127.0.0.1" });
			assert.match(outbox.body, /Text message<\/strong> to \+12025550123/);
			await client.get("/settings/contacts/verify?kind=phone");
			const wrong = await client.post("/settings/contacts/verify", { kind: "phone", code: "000000" });
			assert.equal(wrong.statusCode, 401);
			const verified = await client.post("/settings/contacts/verify", { kind: "phone", code: lastCodeTo(phone) });
			assert.equal(verified.headers.location, "/settings?notice=phone_verified");
			const settings = await client.follow(verified);
			assert.match(settings.body, /\+1 202 555 0123 <span class="state on">Verified/, "a number as people write it");
			// Settings agree on the strongest second step: the passkey, as the sign-in offers it first.
			assert.doesNotMatch(settings.body, /authenticator app is the strongest/);
			assert.match(settings.body, /Passkeys and the authenticator app are stronger second steps/);
			assert.match(settings.body, /<h2 id="passkeys-heading">Passkeys<\/h2>\s*<p class="hint">The strongest second step/);
			assert.match(settings.body, /Your strongest second step is your authenticator app\./, "the app, not the texts");

			await client.post("/sign-out", {});
			await client.get("/sign-in");
			await client.follow(await client.post("/sign-in", { username, password: PASSWORD }));
			const choices = await client.get("/sign-in/verify/methods");
			assert.match(choices.body, /Get a code by text message to •••• 0123/);
			const smsPage = await client.get("/sign-in/verify?method=sms");
			assert.match(smsPage.body, /We(?:'|&#39;)ll text a 6-digit code to •••• 0123/);
			const sending = await client.post("/sign-in/verify/send", { method: "sms" });
			assert.equal(sending.statusCode, 303, "back to the page by GET, so a reload sends nothing");
			const sent = await client.follow(sending);
			assert.match(sent.body, /We sent a code to •••• 0123/);
			const tooSoon = await client.post("/sign-in/verify/send", { method: "sms" });
			assert.equal(tooSoon.statusCode, 429);
			assert.match(tooSoon.body, /less than a minute ago/);
			const wrongText = await client.post("/sign-in/verify", { method: "sms", code: lastCodeTo(phone) === "000000" ? "111111" : "000000" });
			assert.equal(wrongText.statusCode, 401);
			assert.match(wrongText.body, /code from the newest message/, "advice for a texted code");
			assert.doesNotMatch(wrongText.body, /clock/, "not the authenticator app's");
			const done = await client.post("/sign-in/verify", { method: "sms", code: lastCodeTo(phone) });
			assert.equal(done.statusCode, 303);
			assert.equal(done.headers.location, "/settings");
		});

		test("the email address given at sign-up waits in settings, not confirmed, with a way to confirm it", async () => {
			const client = new FormClient(h.app);
			const username = uniqueUsername("mail");
			const email = `${username}@example.com`;
			await client.get("/sign-up");
			await client.post("/sign-up", { username, password: PASSWORD, email: email.toUpperCase() });
			const settings = await client.get("/settings");
			assert.match(settings.body, new RegExp(`${email} <span class="state off">Not confirmed yet</span>`));
			assert.match(settings.body, /action="\/settings\/contacts\/resend">.*name="kind" value="email".*Send the code/);
			const sent = await client.post("/settings/contacts/resend", { kind: "email" });
			assert.equal(sent.statusCode, 200);
			assert.match(sent.body, new RegExp(`We sent a 6-digit code to ${email}`));
			const verified = await client.post("/settings/contacts/verify", { kind: "email", code: lastCodeTo(email) });
			assert.equal(verified.headers.location, "/settings?notice=email_verified");
			const after = await client.follow(verified);
			assert.match(after.body, new RegExp(`${email} <span class="state on">Verified`));
			assert.doesNotMatch(after.body, /Not confirmed yet/);
		});

		test("the outbox exists only in development mode", async () => {
			const live = await startHarness(kind, { TESSERA_DELIVERY: "live" });
			try {
				assert.equal((await live.app.inject({ method: "GET", url: "/dev/outbox" })).statusCode, 404);
			} finally {
				await live.close();
			}
			assert.equal((await h.app.inject({ method: "GET", url: "/dev/outbox" })).statusCode, 200);
		});
	});
}
