import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { databaseKinds } from "../helpers/databases.ts";
import { api, errorCode, PASSWORD, passwordStep, signUpWithTwoFactor, uniqueUsername } from "../helpers/harness.ts";
import { aPhone, linkIn, startLiveHarness } from "../helpers/live.ts";
import { codeIn, mark } from "../helpers/mailboxes.ts";

const HOUR = 3_600_000;
const ATTACKER_PASSWORD = "the attacker's own passphrase 1";

/**
 * Someone who holds only a mailbox (or a phone) the account had, or has, never
 * gets in, never sets the password past two-factor, and is never handed a session.
 */
for (const kind of await databaseKinds()) {
	describe(`no takeover through a mailbox alone (${kind})`, () => {
		let live: Awaited<ReturnType<typeof startLiveHarness>>;
		before(async () => {
			live = await startLiveHarness(kind);
		});
		after(async () => live.close());

		async function person() {
			const username = uniqueUsername("take");
			const user = await signUpWithTwoFactor(live.h, username);
			const email = `${username}@example.org`;
			await live.addVerified(user.token, "email", email);
			await live.settle();
			return { ...user, email };
		}

		/** An alert to `email` with its "Wasn't you?" link: a backup-code sign-in causes one. */
		async function aSecureLink(p: { username: string; email: string; codes: string[] }, code: string) {
			const since = mark();
			const step = await passwordStep(live.h, p.username);
			const signedIn = await api(live.h.app, "/sessions/second-factor", { body: { challenge: step.challenge, method: "backup_code", code } });
			assert.equal(signedIn.statusCode, 201, signedIn.body);
			const link = linkIn(await live.smtp.nextAlert(p.email, since), "/secure-account");
			await live.settle();
			return { link: link.token, session: signedIn.json().session.token as string };
		}

		async function aResetLink(identifier: string, to: string) {
			const since = mark();
			await api(live.h.app, "/password-reset", { body: { identifier } });
			return linkIn(await live.smtp.next(to, since), "/reset-password").token;
		}

		/** Everything a link's holder could try with it, and what each must answer. */
		async function assertLinksDead(reset: string, secure: string) {
			const setPassword = await api(live.h.app, "/password-reset/complete", { body: { token: reset, newPassword: ATTACKER_PASSWORD } });
			assert.equal(errorCode(setPassword), "invalid_link", "the reset link is dead");
			assert.equal(errorCode(await api(live.h.app, "/secure-account", { body: { token: secure } })), "invalid_link", "so is “Wasn't you?”");
			assert.equal((await live.h.app.inject({ url: `/reset-password?token=${reset}` })).statusCode, 410);
			assert.equal((await live.h.app.inject({ url: `/secure-account?token=${secure}` })).statusCode, 410);
		}

		test("a removed address holds nothing: its links die, and the alert it gets carries none", async () => {
			const p = await person();
			const phone = aPhone();
			await live.addVerified(p.token, "phone", phone);
			const { link: secure } = await aSecureLink(p, p.codes[0]!);
			const reset = await aResetLink(p.email, p.email);
			const since = mark();
			const removed = await api(live.h.app, "/account/contacts/remove", { token: p.token, body: { kind: "email", password: PASSWORD } });
			assert.equal(removed.statusCode, 200, removed.body);
			const told = await live.smtp.nextAlert(p.email, since);
			assert.match(told.body, /Email address removed/);
			assert.match(told.body, /no longer on the account/);
			assert.doesNotMatch(told.body, /token=/, "no link of any kind");
			await assertLinksDead(reset, secure);
			// The phone still on the account got a working link of its own.
			const text = await live.sms.nextAlert(phone, since);
			assert.ok(linkIn(text, "/secure-account"));
			assert.equal((await api(live.h.app, "/account", { token: p.token })).statusCode, 200, "nothing else changed");
		});

		test("a replaced address holds nothing: confirming a new email ends every link sent to the old one, which is told without one", async () => {
			const p = await person();
			const { link: secure } = await aSecureLink(p, p.codes[0]!);
			const reset = await aResetLink(p.username, p.email);
			live.h.clock.advance(61_000); // the account's last code (the reset) was sent under a minute ago
			const since = mark();
			const newEmail = `new-${p.email}`;
			await live.addVerified(p.token, "email", newEmail);
			await live.settle();
			const told = await live.smtp.nextAlert(p.email, since);
			assert.doesNotMatch(told.body, /token=/, "the old address is told, with no link");
			await assertLinksDead(reset, secure);
			const fresh = await live.smtp.nextAlert(newEmail, since);
			assert.ok(linkIn(fresh, "/secure-account"), "the new address gets its own link");
		});

		test("a good reset link waiting for its second step buys only a few password hashes", async () => {
			const p = await person();
			const reset = await aResetLink(p.email, p.email);
			const statuses: number[] = [];
			for (let i = 0; i < 11; i++) {
				statuses.push((await api(live.h.app, "/password-reset/complete", { body: { token: reset, newPassword: `${ATTACKER_PASSWORD} ${i}` } })).statusCode);
			}
			assert.deepEqual(statuses, [...new Array(10).fill(200), 429]);
		});

		test("“Wasn't you?” never sets a password and never signs in; the password stays the owner's", async () => {
			const p = await person();
			const { link, session } = await aSecureLink(p, p.codes[0]!);
			const withPassword = await api(live.h.app, "/secure-account", { body: { token: link, newPassword: ATTACKER_PASSWORD } });
			assert.equal(withPassword.statusCode, 400);
			const page = await live.h.app.inject({ url: `/secure-account?token=${link}` });
			assert.doesNotMatch(page.body, /type="password"/, "the page asks for no password");
			const done = await api(live.h.app, "/secure-account", { body: { token: link } });
			assert.deepEqual(done.json(), { status: "signed_out_everywhere" });
			assert.equal(done.headers["set-cookie"], undefined, "no session cookie");
			assert.equal((await api(live.h.app, "/account", { token: session })).statusCode, 401);
			assert.equal((await api(live.h.app, "/sessions", { body: { username: p.username, password: ATTACKER_PASSWORD } })).statusCode, 401);
			assert.equal((await api(live.h.app, "/sessions", { body: { username: p.username, password: PASSWORD } })).statusCode, 200);
		});

		test("a reset link alone, however long one waits, never beats the authenticator", async () => {
			const p = await person();
			const reset = await aResetLink(p.email, p.email);
			const waiting = await api(live.h.app, "/password-reset/complete", { body: { token: reset, newPassword: ATTACKER_PASSWORD } });
			assert.equal(waiting.json().status, "second_factor_required");
			assert.deepEqual(waiting.json().secondFactor.methods, ["totp", "backup_code"]);
			assert.equal(waiting.json().session, undefined);
			live.h.clock.advance(80 * HOUR);
			assert.equal((await api(live.h.app, "/sessions", { body: { username: p.username, password: ATTACKER_PASSWORD } })).statusCode, 401);
			const again = await aResetLink(p.email, p.email);
			const later = await api(live.h.app, "/password-reset/complete", { body: { token: again, newPassword: ATTACKER_PASSWORD } });
			assert.equal(later.json().status, "second_factor_required", "time lifts nothing");
			const step = await passwordStep(live.h, p.username);
			assert.ok(step.methods.includes("email"), "the owner, who never lost the password, still has every way in");
		});

		test("with every strong factor lost, a reset leads to recovery: a wait, alerts on every channel, a cancel link that needs no password", async () => {
			const p = await person();
			const phone = aPhone();
			await live.addVerified(p.token, "phone", phone);
			const reset = await aResetLink(p.email, p.email);
			const waiting = (await api(live.h.app, "/password-reset/complete", { body: { token: reset, newPassword: ATTACKER_PASSWORD } })).json();
			let since = mark();
			const sent = await api(live.h.app, "/recovery/send", { body: { challenge: waiting.secondFactor.challenge, kind: "email" } });
			assert.equal(sent.statusCode, 202, sent.body);
			const code = codeIn(await live.smtp.next(p.email, since));
			since = mark();
			const started = await api(live.h.app, "/recovery/start", { body: { challenge: waiting.secondFactor.challenge, kind: "email", code } });
			assert.equal(started.statusCode, 201, started.body);
			const textAlert = await live.sms.nextAlert(phone, since);
			const cancel = linkIn(textAlert, "/recovery/cancel");
			// Before the wait is over, a reset still needs the second step.
			const early = await api(live.h.app, "/password-reset/complete", { body: { token: await aResetLink(p.email, p.email), newPassword: ATTACKER_PASSWORD } });
			assert.equal(early.json().status, "second_factor_required");
			// The owner, who holds the phone and is asked for no password, cancels it.
			const cancelled = await api(live.h.app, "/recovery/cancel", { body: { token: cancel.token } });
			assert.equal(cancelled.statusCode, 200, cancelled.body);
			live.h.clock.advance(73 * HOUR);
			const after = await api(live.h.app, "/password-reset/complete", { body: { token: await aResetLink(p.email, p.email), newPassword: ATTACKER_PASSWORD } });
			assert.equal(after.json().status, "second_factor_required", "cancelled: the wait's end completes nothing");
			assert.equal((await api(live.h.app, "/sessions", { body: { username: p.username, password: PASSWORD } })).statusCode, 200, "the owner's password stands");
		});

		test("after a recovery's wait, the reset completes it: two-factor is reset, nothing signs in, and setting it up comes first", async () => {
			const p = await person();
			const reset = await aResetLink(p.email, p.email);
			const waiting = (await api(live.h.app, "/password-reset/complete", { body: { token: reset, newPassword: ATTACKER_PASSWORD } })).json();
			const since = mark();
			await api(live.h.app, "/recovery/send", { body: { challenge: waiting.secondFactor.challenge, kind: "email" } });
			const code = codeIn(await live.smtp.next(p.email, since));
			assert.equal((await api(live.h.app, "/recovery/start", { body: { challenge: waiting.secondFactor.challenge, kind: "email", code } })).statusCode, 201);
			live.h.clock.advance(72 * HOUR + 1000);
			const newPassword = "back in after the wait 3";
			const done = await api(live.h.app, "/password-reset/complete", { body: { token: await aResetLink(p.email, p.email), newPassword } });
			assert.deepEqual(done.json(), { status: "password_changed" });
			await live.settle();
			const signedIn = await api(live.h.app, "/sessions", { body: { username: p.username, password: newPassword } });
			assert.equal(signedIn.statusCode, 201, signedIn.body);
			assert.equal(errorCode(await api(live.h.app, "/account/contacts", { token: signedIn.json().session.token })), "two_factor_setup_required");
		});
	});
}
