import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { setRole } from "../../src/flows/operator.ts";
import { FormClient } from "../helpers/browserless.ts";
import { databaseKinds } from "../helpers/databases.ts";
import { api, PASSWORD, passwordStep, signUpWithTwoFactor, totpCode, uniqueUsername } from "../helpers/harness.ts";
import { aPhone, linkIn, startLiveHarness } from "../helpers/live.ts";
import { codeIn, mark } from "../helpers/mailboxes.ts";

const helpPages = ["/help", "/help/backup-codes", "/help/saving-codes", "/help/lost-phone", "/help/phishing"];

for (const kind of await databaseKinds()) {
	describe(`locked out, with plain forms (${kind})`, () => {
		let live: Awaited<ReturnType<typeof startLiveHarness>>;
		before(async () => {
			live = await startLiveHarness(kind);
		});
		after(async () => live.close());

		test("forgot password by text message: the same page whoever asks, then a code and a new password", async () => {
			const user = await signUpWithTwoFactor(live.h);
			const phone = aPhone();
			await live.addVerified(user.token, "phone", phone);
			const browser = new FormClient(live.h.app, "198.51.100.31");
			const signIn = await browser.get("/sign-in");
			assert.match(signIn.body, /href="\/forgot-password"/);
			await browser.get("/forgot-password");
			const since = mark();
			const asked = await browser.follow(await browser.post("/forgot-password", { identifier: phone }));
			const stranger = new FormClient(live.h.app, "198.51.100.32");
			await stranger.get("/forgot-password");
			const unknown = await stranger.follow(await stranger.post("/forgot-password", { identifier: "+12025550000" }));
			const strip = (body: string) => body.replace(/value="[^"]+"/g, "");
			assert.equal(strip(asked.body), strip(unknown.body), "the page says the same whether or not an account matched");

			const code = codeIn(await live.sms.next(phone, since));
			const wrong = await browser.post("/forgot-password/code", { code: code === "000000" ? "111111" : "000000", password: "a brand new passphrase 42" });
			assert.equal(wrong.statusCode, 401);
			assert.match(wrong.body, /didn&#39;t work, or it has expired/);
			const step = await browser.follow(await browser.post("/forgot-password/code", { code, password: "a brand new passphrase 42" }));
			assert.match(step.body, /Confirm your new password/, "with two-factor on, the reset asks for a strong second step");
			assert.doesNotMatch(step.body, /value="sms"|value="email"/, "never a code by text or email");
			const done = await browser.post("/reset-password/verify", { method: "backup_code", code: user.codes[0]! });
			assert.equal(done.statusCode, 200, done.body);
			assert.match(done.body, /still need your second step/);
			assert.equal((await api(live.h.app, "/sessions", { body: { username: user.username, password: "a brand new passphrase 42" } })).statusCode, 200);
		});

		test("the emailed reset link opens a form for a new password, once", async () => {
			const user = await signUpWithTwoFactor(live.h);
			const email = `${user.username}@example.org`;
			await live.addVerified(user.token, "email", email);
			const browser = new FormClient(live.h.app);
			await browser.get("/forgot-password");
			const since = mark();
			await browser.post("/forgot-password", { identifier: user.username });
			const link = linkIn(await live.smtp.next(email, since), "/reset-password");
			const form = await browser.get(link.path);
			assert.equal(form.statusCode, 200);
			assert.match(form.body, /Choose a new password/);
			const step = await browser.follow(await browser.post("/reset-password", { token: link.token, password: "another passphrase entirely 3" }));
			assert.match(step.body, /Confirm your new password/);
			assert.match(step.body, /Can&#39;t use any of these\?|Can't use any of these\?/, "recovery is offered from there");
			const wrong = await browser.post("/reset-password/verify", { method: "backup_code", code: "ZZZZ-ZZZZ" });
			assert.ok(wrong.statusCode >= 400 && wrong.statusCode < 500);
			const saved = await browser.post("/reset-password/verify", { method: "totp", code: totpCode(user.secret, live.h.clock() + 30_000) });
			assert.equal(saved.statusCode, 200, saved.body);
			assert.match(saved.body, /Password changed/);
			const again = await browser.get(link.path);
			assert.equal(again.statusCode, 410);
			assert.match(again.body, /Ask for a new link/);
		});

		test("“Can't use any of these?” leads from the sign-in to recovery by email", async () => {
			const user = await signUpWithTwoFactor(live.h);
			const email = `${user.username}@example.org`;
			await live.addVerified(user.token, "email", email);
			const browser = new FormClient(live.h.app);
			await browser.get("/sign-in");
			const verify = await browser.follow(await browser.post("/sign-in", { username: user.username, password: PASSWORD }));
			assert.match(verify.body, /href="\/sign-in\/recover">Can(?:'|&#39;)t use any of these\?/);
			const methods = await browser.get("/sign-in/verify/methods");
			assert.match(methods.body, /href="\/sign-in\/recover"/);
			const recover = await browser.get("/sign-in/recover");
			assert.match(recover.body, /Email a code to/);
			assert.match(recover.body, /72 hours/);
			const since = mark();
			const codePage = await browser.post("/sign-in/recover/send", { kind: "email" });
			assert.match(codePage.body, /We sent a code to/);
			// The browser said where it is (app.js sets this): times are in its zone, never bare UTC.
			browser.cookies.set("tessera_tz", "Asia/Tokyo");
			const started = await browser.post("/sign-in/recover/code", { kind: "email", code: codeIn(await live.smtp.next(email, since)) });
			assert.equal(started.statusCode, 201);
			const notice = /id="recovery-started">([^<]*)</.exec(started.body)?.[1] ?? "";
			const readyAt = live.h.clock() + live.h.config.recoveryWaitMs;
			const tokyo = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "short", year: "numeric", timeZone: "Asia/Tokyo" }).format(readyAt);
			const tokyoTime = new Intl.DateTimeFormat("en-GB", { hour: "2-digit", minute: "2-digit", timeZone: "Asia/Tokyo" }).format(readyAt);
			assert.ok(notice.startsWith(`After ${tokyo}, ${tokyoTime}, sign in`), `when the wait ends, in Tokyo time: ${notice}`);
			assert.doesNotMatch(started.body, /UTC/);
			const alert = await live.smtp.nextAlert(email, since);
			const cancel = linkIn(alert, "/recovery/cancel");
			const stranger = new FormClient(live.h.app, "198.51.100.99");
			const page = await stranger.get(cancel.path);
			assert.match(page.body, /Cancel the recovery/);
			const cancelled = await stranger.post("/recovery/cancel", { token: cancel.token });
			assert.match(cancelled.body, /id="recovery-cancelled"/);
		});

		test("with no working contact: an identity check, reviewed by an admin on the admin page", async () => {
			const user = await signUpWithTwoFactor(live.h);
			const browser = new FormClient(live.h.app);
			await browser.get("/sign-in");
			await browser.post("/sign-in", { username: user.username, password: PASSWORD });
			const recover = await browser.get("/sign-in/recover");
			assert.match(recover.body, /no confirmed email address or phone number/);
			await browser.get("/sign-in/recover/identity");
			const sent = await browser.post("/sign-in/recover/identity", {
				message: "My phone was stolen with the authenticator on it.",
				contactsUsed: "",
				lastSignIn: "Monday",
			});
			assert.equal(sent.statusCode, 201);
			assert.match(sent.body, /id="request-sent"/);

			const adminName = uniqueUsername("admin");
			const admin = await signUpWithTwoFactor(live.h, adminName);
			const adminBrowser = new FormClient(live.h.app, "203.0.113.7");
			await adminBrowser.get("/sign-in");
			const step = await adminBrowser.post("/sign-in", { username: adminName, password: PASSWORD });
			assert.equal(step.headers.location, "/sign-in/verify");
			await adminBrowser.get("/sign-in/verify?method=backup_code");
			await adminBrowser.post("/sign-in/verify", { method: "backup_code", code: admin.codes[0]! });
			assert.equal((await adminBrowser.get("/admin/recovery")).statusCode, 404, "not an admin yet");
			await setRole(live.h.tessera.deps, adminName, "admin", "operator:test");
			const list = await adminBrowser.get("/admin/recovery");
			assert.equal(list.statusCode, 200);
			assert.ok(list.body.includes(user.username));
			const id = /request\?id=([A-Za-z0-9_-]+)/.exec(list.body)![1]!;
			const detail = await adminBrowser.get(`/admin/recovery/request?id=${id}`);
			assert.match(detail.body, /stolen with the authenticator/);
			const noNote = await adminBrowser.post("/admin/recovery/decide", { id, decision: "approve", note: "" });
			assert.equal(noNote.statusCode, 400);
			const approved = await adminBrowser.post("/admin/recovery/decide", { id, decision: "approve", note: "Checked their ID" });
			assert.equal(approved.headers.location, "/admin/recovery?notice=approved");
			const audit = await live.h.tessera.store.db.selectFrom("security_events").selectAll().where("kind", "=", "recovery_approved").execute();
			assert.ok(audit.some((e) => e.actor === `admin:${adminName}` && (e.detail ?? "").includes("Checked their ID")));
			const second = await passwordStep(live.h, user.username);
			assert.ok(second.challenge, "during the wait, the second step is still asked for");
		});

		test("help pages exist, and every error links to the help that answers it", async () => {
			const browser = new FormClient(live.h.app);
			for (const path of helpPages) {
				const page = await browser.get(path);
				assert.equal(page.statusCode, 200, path);
				assert.match(page.body, /never asks/i, path);
			}
			const index = await browser.get("/help");
			for (const path of helpPages.slice(1)) assert.ok(index.body.includes(`href="${path}"`), path);
			await browser.get("/sign-in");
			const wrong = await browser.post("/sign-in", { username: "nobody_here", password: "wrong wrong wrong" });
			assert.match(wrong.body, /<p class="help-link"><a href="\/forgot-password">/);
			const user = await signUpWithTwoFactor(live.h);
			await browser.post("/sign-in", { username: user.username, password: PASSWORD });
			await browser.get("/sign-in/verify?method=backup_code");
			const typo = await browser.post("/sign-in/verify", { method: "backup_code", code: "ABCD" });
			assert.match(typo.body, /<p class="help-link"><a href="\/help\/backup-codes/);
			const missing = await browser.get("/no-such-page");
			assert.match(missing.body, /class="help-link"/);
		});
	});
}
