import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { FormClient } from "../helpers/browserless.ts";
import { databaseKinds } from "../helpers/databases.ts";
import { api, aTypo, aWrongCode, type Harness, PASSWORD, signUpWithTwoFactor, startHarness, totpCode } from "../helpers/harness.ts";

/**
 * The activity page: one line per thing that happened, failed tries and trusted
 * devices listed, and "This wasn't me" beside what someone else could have done.
 */

/** The page's event lines, each as its kind and text (tags removed). */
function lines(body: string): { kind: string; text: string; html: string }[] {
	return [...body.matchAll(/<li data-kind="([a-z_]+)"[^>]*>(.*?)<\/li>/g)].map((m) => ({
		kind: m[1]!,
		html: m[2]!,
		text: m[2]!.replace(/<[^>]+>/g, "").replace(/&#39;/g, "'"),
	}));
}

for (const kind of await databaseKinds()) {
	describe(`the activity page lists every try, one line each (${kind})`, () => {
		let h: Harness;
		before(async () => {
			h = await startHarness(kind, { TESSERA_DELIVERY: "outbox" });
		});
		after(async () => h.close());

		async function atSecondStep(username: string, ip: string) {
			const browser = new FormClient(h.app, ip);
			await browser.get("/sign-in");
			const step = await browser.follow(await browser.post("/sign-in", { username, password: PASSWORD }));
			assert.equal(step.statusCode, 200, step.body);
			return browser;
		}

		test("failed tries, a trusted device and a sign-in with a backup code; “This wasn't me” leads to changing the password", async () => {
			const user = await signUpWithTwoFactor(h);
			const email = `${user.username}@example.org`;
			const since = h.clock();
			await api(h.app, "/account/contacts", { token: user.token, body: { kind: "email", value: email, password: PASSWORD } });
			const confirmation = h.tessera.deps.outbox!.list(500).find((m) => m.to === email)!;
			await api(h.app, "/account/contacts/verify", { token: user.token, body: { kind: "email", code: confirmation.text.match(/\b\d{6}\b/)![0] } });
			// A new list: the first one is now an old list.
			const fresh = (await api(h.app, "/account/backup-codes", { token: user.token, body: { password: PASSWORD } })).json().codes as string[];
			await api(h.app, "/account/backup-codes/confirm", { token: user.token, body: { code: fresh[0] } });
			h.clock.advance(60_000);

			// One browser signs in with a backup code and trusts itself.
			const trusting = await atSecondStep(user.username, "198.51.100.20");
			const trusted = await trusting.post("/sign-in/verify", { method: "backup_code", code: fresh[2]!, trust: "yes" });
			assert.equal(trusted.statusCode, 303, trusted.body);
			h.clock.advance(60_000);

			// Another tries five wrong answers, each refused, then gets in with the authenticator.
			const browser = await atSecondStep(user.username, "198.51.100.21");
			const tries: [string, string, string][] = [
				["backup_code", user.codes[1]!, "code_replaced"],
				["backup_code", aTypo(fresh[3]!), "code_typo"],
				["backup_code", aWrongCode(h), "invalid_code"],
				["backup_code", fresh[2]!, "code_already_used"],
				["totp", totpCode(user.secret, h.clock() - 10 * 60_000), "invalid_code"],
			];
			for (const [method, code, error] of tries) {
				const refused = await browser.post("/sign-in/verify", { method, code });
				assert.notEqual(refused.statusCode, 303, `${method} ${code} is refused`);
				assert.match(refused.body, new RegExp(`data-code="${error}"`));
			}
			h.clock.advance(30_000);
			const signedIn = await browser.post("/sign-in/verify", { method: "totp", code: totpCode(user.secret, h.clock()) });
			assert.equal(signedIn.statusCode, 303, signedIn.body);
			await h.tessera.deps.alerts.drain();

			const page = await browser.get("/settings/activity");
			assert.equal(page.statusCode, 200);
			const listed = lines(page.body);
			const failed = listed.filter((l) => l.kind === "code_failed").map((l) => l.text);
			assert.equal(failed.length, 5, "each failed try is its own line");
			for (const words of [
				"Failed try with your authenticator app: wrong code",
				"Failed try with a backup code: already used",
				"Failed try with a backup code: wrong code",
				"Failed try with a backup code: a typo",
				"Failed try with a backup code: from an old list",
			]) {
				assert.ok(
					failed.some((text) => text.startsWith(words)),
					`listed: ${words}`,
				);
			}
			// Newest first: the authenticator's wrong code was the last try.
			assert.ok(failed[0]!.startsWith("Failed try with your authenticator app: wrong code"));

			const device = listed.find((l) => l.kind === "device_trusted");
			assert.ok(device, "the trusted device is listed");
			assert.match(device.text, /^Device trusted: no second step on it for 30 days · [^·]+ · Browser · 198\.51\.100\.20 This wasn't me$/);

			// The sign-in with a backup code is one line, not a sign-in and a code used.
			assert.equal(listed.filter((l) => l.kind === "backup_code_used").length, 0);
			const withCode = listed.filter((l) => l.kind === "signed_in" && /backup code/.test(l.text));
			assert.equal(withCode.length, 1);
			assert.match(withCode[0]!.text, /^Signed in with a backup code from a new device \(\d+ left\) · /);

			// Every line is whole: what, when, where; "This wasn't me" beside what someone else could do, not beside signing up.
			const api_ = await api(h.app, "/account/activity", { token: user.token });
			assert.equal(listed.length, (api_.json().events as unknown[]).length - 1, "one line per event, the backup-code sign-in's two events as one");
			for (const line of listed) {
				assert.doesNotMatch(line.html, /<br|<td|<p|<div/);
				assert.match(line.text, / · /);
				const notMe = /<a class="not-me" href="\/settings\/password" aria-describedby="what-[^"]+">This wasn&#39;t me<\/a>$/.test(line.html);
				assert.equal(notMe, line.kind !== "signed_up" && line.kind !== "sessions_ended", `${line.kind}: ${line.text}`);
			}
			// It leads to the existing journey: a new password, every other session signed out.
			const secure = await browser.get("/settings/password");
			assert.equal(secure.statusCode, 200);
			assert.match(secure.body, /action="\/settings\/password"/);

			// The API lists the new kinds; what was typed is never kept; no alert for a single failure.
			const events = api_.json().events as { kind: string; description: string; method: string | null; reason: string | null }[];
			assert.deepEqual(
				events.filter((e) => e.kind === "code_failed").map((e) => e.method),
				["totp", "backup_code", "backup_code", "backup_code", "backup_code"],
			);
			// Why each was refused, as data an app can act on, whatever the language of its description.
			assert.deepEqual(
				events
					.filter((e) => e.kind === "code_failed")
					.map((e) => e.reason)
					.sort(),
				["already_used", "old_list", "typo", "wrong", "wrong"],
			);
			assert.ok(events.filter((e) => e.kind !== "code_failed").every((e) => e.reason === null));
			assert.ok(events.some((e) => e.kind === "device_trusted"));
			const rows = await h.tessera.store.db.selectFrom("security_events").select(["detail", "alert_state"]).where("account_id", "=", user.id).where("kind", "=", "code_failed").execute();
			assert.equal(rows.length, 5);
			for (const row of rows) {
				assert.equal(row.alert_state, null, "no alert per failed try");
				const detail = JSON.parse(row.detail!) as Record<string, unknown>;
				assert.deepEqual(Object.keys(detail).sort(), ["purpose", "reason"]);
				for (const [, code] of tries) assert.ok(!row.detail!.includes(code.replace(/[\s-]/g, "")) && !row.detail!.includes(code));
			}
			assert.deepEqual(rows.map((r) => JSON.parse(r.detail!).reason).sort(), ["already_used", "old_list", "typo", "wrong", "wrong"]);
			assert.ok(!h.tessera.deps.outbox!.list(500).some((m) => m.to === email && m.sentAt >= since && /Failed try/.test(m.text)));
		});
	});
}
