import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { FormClient } from "../helpers/browserless.ts";
import { databaseKinds } from "../helpers/databases.ts";
import { type Harness, PASSWORD, startHarness, totpCode, uniqueUsername } from "../helpers/harness.ts";

function codesOn(body: string): string[] {
	return [...body.matchAll(/<li><code>([0-9A-Z]{4}[- ][0-9A-Z]{4})<\/code><\/li>/g)].map((m) => m[1]!);
}

/** The fields of the form on a page, as a browser would send them again. */
function formFields(body: string, action: string): Record<string, string> {
	const form = new RegExp(`<form method="post" action="${action.replace(/\//g, "\\/")}"[\\s\\S]*?</form>`).exec(body);
	assert.ok(form, `a form posting to ${action}`);
	return Object.fromEntries([...form[0].matchAll(/<input type="hidden" name="([^"]+)" value="([^"]*)">/g)].map((m) => [m[1]!, m[2]!]));
}

for (const kind of await databaseKinds()) {
	describe(`a later set of backup codes has an address of its own (${kind})`, () => {
		let h: Harness;
		before(async () => {
			h = await startHarness(kind);
		});
		after(() => h.close());

		/** Signed up in the pages, two-factor on with the authenticator and its first set confirmed. */
		async function withTwoFactor() {
			const client = new FormClient(h.app);
			await client.get("/sign-up");
			await client.post("/sign-up", { username: uniqueUsername("set"), password: PASSWORD, email: "" });
			await client.get("/settings/authenticator");
			const enrol = await client.post("/settings/authenticator", { password: PASSWORD });
			const key = /id="totp-key">([A-Z2-7 ]+)</.exec(enrol.body)![1]!.replace(/ /g, "");
			const first = codesOn((await client.post("/settings/authenticator/confirm", { code: totpCode(key, h.clock()) })).body);
			await client.follow(await client.post("/settings/backup-codes/confirm", { code: first[0]! }));
			// A person reads settings a while before asking for a new set.
			h.clock.advance(60_000);
			return client;
		}

		test("reloading or reopening the page of a new set asks for one of its codes; it is never shown or made twice", async () => {
			const client = await withTwoFactor();
			const ask = await client.get("/settings/backup-codes/new");
			assert.equal(ask.statusCode, 200);
			assert.match(ask.body, /<form method="post" action="\/settings\/backup-codes\/save"/, "the new set is shown at its own address");
			const fields = { ...formFields(ask.body, "/settings/backup-codes/save"), password: PASSWORD };

			const shown = await client.post("/settings/backup-codes/save", fields);
			assert.equal(shown.statusCode, 200, shown.body);
			const codes = codesOn(shown.body);
			assert.equal(codes.length, 10);
			assert.match(shown.body, /Show you saved them/);

			// Reload, back button or the address opened again: a GET of the page.
			for (let i = 0; i < 2; i++) {
				const reopened = await client.get("/settings/backup-codes/save");
				assert.equal(reopened.statusCode, 200, "never a 404");
				assert.match(reopened.body, /<h1>Confirm your backup codes<\/h1>/);
				assert.match(reopened.body, /Your new codes then replace the old ones/);
				assert.equal(codesOn(reopened.body).length, 0, "the codes are never shown twice");
			}

			// A reload that sends the form again leads to the same set, not to a second one.
			const resent = await client.post("/settings/backup-codes/save", fields);
			assert.equal(resent.statusCode, 303);
			assert.equal(resent.headers.location, "/settings/backup-codes/confirm");
			assert.equal(codesOn(resent.body).length, 0);
			const settings = await client.get("/settings");
			assert.match(settings.body, /id="codes-pending"/, "one set waits");

			const confirmed = await client.post("/settings/backup-codes/confirm", { code: codes[3]! });
			assert.equal(confirmed.statusCode, 303, "the set shown first is still the one waiting");
			assert.equal(confirmed.headers.location, "/settings?notice=codes_replaced");
			await client.follow(confirmed);

			// With none waiting, settings say so.
			const none = await client.get("/settings/backup-codes/save");
			assert.equal(none.statusCode, 303);
			assert.equal(none.headers.location, "/settings?notice=no_codes_waiting");
			assert.match((await client.follow(none)).body, /No new backup codes are waiting to be confirmed/);
			const resentLate = await client.post("/settings/backup-codes/save", fields);
			assert.equal(resentLate.headers.location, "/settings/backup-codes/confirm");
			const back = await client.follow(await client.follow(resentLate));
			assert.match(back.body, /No new backup codes are waiting to be confirmed/, "the old form sent again makes no set");
			assert.doesNotMatch(back.body, /id="codes-pending"/);

			// Asking again, from the page, does make another set.
			const again = await client.get("/settings/backup-codes/new");
			const another = await client.post("/settings/backup-codes/save", { ...formFields(again.body, "/settings/backup-codes/save"), password: PASSWORD });
			assert.equal(another.statusCode, 200);
			const fresh = codesOn(another.body);
			assert.equal(fresh.length, 10);
			assert.notDeepEqual(fresh, codes);
		});

		test("a wrong password shows the form again, still able to make the set", async () => {
			const client = await withTwoFactor();
			const ask = await client.get("/settings/backup-codes/new");
			const fields = formFields(ask.body, "/settings/backup-codes/save");
			const wrong = await client.post("/settings/backup-codes/save", { ...fields, password: "not the password at all" });
			assert.equal(wrong.statusCode, 401, wrong.body);
			assert.match(wrong.body, /role="alert"/);
			const shown = await client.post("/settings/backup-codes/save", { ...formFields(wrong.body, "/settings/backup-codes/save"), password: PASSWORD });
			assert.equal(shown.statusCode, 200);
			assert.equal(codesOn(shown.body).length, 10);
		});
	});
}
