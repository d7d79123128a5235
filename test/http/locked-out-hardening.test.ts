import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { lockUser, unlockUser } from "../../src/flows/operator.ts";
import { databaseKinds } from "../helpers/databases.ts";
import { api, errorCode, PASSWORD, passwordStep, signUpWithTwoFactor, totpCode, uniqueUsername } from "../helpers/harness.ts";
import { aPhone, linkIn, startLiveHarness } from "../helpers/live.ts";
import { codeIn, isAlert, mark } from "../helpers/mailboxes.ts";

const HOUR = 3_600_000;
const NEW_PASSWORD = "a brand new passphrase 42";

for (const kind of await databaseKinds()) {
	describe(`locked out, against someone holding the mailbox or the phone (${kind})`, () => {
		let live: Awaited<ReturnType<typeof startLiveHarness>>;
		before(async () => {
			live = await startLiveHarness(kind);
		});
		after(async () => live.close());

		async function person() {
			const username = uniqueUsername("hard");
			const user = await signUpWithTwoFactor(live.h, username);
			const email = `${username}@example.org`;
			const phone = aPhone();
			await live.addVerified(user.token, "email", email);
			await live.addVerified(user.token, "phone", phone);
			await live.settle();
			return { ...user, email, phone };
		}

		/** A reset by the emailed link: on an account with two-factor it stops at its second step. */
		async function resetByEmail(p: { username: string; email: string }, password = NEW_PASSWORD) {
			const since = mark();
			await api(live.h.app, "/password-reset", { body: { identifier: p.username } });
			const { token } = linkIn(await live.smtp.next(p.email, since), "/reset-password");
			const done = await api(live.h.app, "/password-reset/complete", { body: { token, newPassword: password } });
			assert.equal(done.statusCode, 200, done.body);
			return done.json() as { status: string; secondFactor: { challenge: string; methods: string[] } };
		}

		test("with two-factor on, a reset link changes nothing until a factor no reset can reach confirms it", async () => {
			const p = await person();
			const waiting = await resetByEmail(p);
			assert.equal(waiting.status, "second_factor_required");
			assert.deepEqual(waiting.secondFactor.methods, ["totp", "backup_code"], "neither the mailbox nor the phone confirms a reset");
			const sent = await api(live.h.app, "/sessions/second-factor/send", { body: { challenge: waiting.secondFactor.challenge, method: "email" } });
			assert.equal(errorCode(sent), "method_not_available");
			const byEmail = await api(live.h.app, "/password-reset/second-factor", { body: { challenge: waiting.secondFactor.challenge, method: "email", code: "123456" } });
			assert.equal(errorCode(byEmail), "method_not_available");
			assert.ok(await passwordStepWith(p.username, PASSWORD), "the old password still works meanwhile");
			assert.equal((await api(live.h.app, "/sessions", { body: { username: p.username, password: NEW_PASSWORD } })).statusCode, 401);

			const confirmed = await api(live.h.app, "/password-reset/second-factor", {
				body: { challenge: waiting.secondFactor.challenge, method: "totp", code: totpCode(p.secret, live.h.clock()) },
			});
			assert.equal(confirmed.statusCode, 200, confirmed.body);
			assert.deepEqual(confirmed.json(), { status: "password_changed" }, "a reset never hands out a session");
			assert.equal((await api(live.h.app, "/account", { token: p.token })).statusCode, 401, "every session ended");
			assert.equal((await api(live.h.app, "/sessions", { body: { username: p.username, password: PASSWORD } })).statusCode, 401);
			const after = await passwordStepWith(p.username, NEW_PASSWORD);
			assert.deepEqual(after.methods, ["totp", "sms", "email", "backup_code"], "confirmed by the authenticator: nothing is paused");
		});

		async function passwordStepWith(username: string, password: string) {
			const response = await api(live.h.app, "/sessions", { body: { username, password } });
			assert.equal(response.statusCode, 200, response.body);
			return response.json().secondFactor as { challenge: string; methods: string[] };
		}

		test("a pause on codes by email and SMS never ends by itself: only a strong factor lifts it", async () => {
			const p = await person();
			// As a reset that no strong factor confirmed leaves it (an account reset before it turned two-factor on).
			await live.h.tessera.store.db.updateTable("accounts").set({ codes_paused_at: live.h.clock() }).where("id", "=", p.id).execute();
			live.h.clock.advance(400 * 24 * HOUR);
			const step = await passwordStepWith(p.username, PASSWORD);
			assert.deepEqual(step.methods, ["totp", "backup_code"], "a year later, still paused");
			const recovery = await api(live.h.app, "/recovery/send", { body: { challenge: step.challenge, kind: "email" } });
			assert.equal(errorCode(recovery), "recovery_paused");
			const identity = await api(live.h.app, "/recovery/requests", { body: { challenge: step.challenge, message: "I reset my password and lost my phone." } });
			assert.equal(identity.statusCode, 201, "an identity check is still possible");
			const strong = await api(live.h.app, "/sessions/second-factor", {
				body: { challenge: step.challenge, method: "totp", code: totpCode(p.secret, live.h.clock()) },
			});
			assert.equal(strong.statusCode, 201);
			assert.deepEqual((await passwordStepWith(p.username, PASSWORD)).methods, ["totp", "sms", "email", "backup_code"], "the authenticator ended the pause");
			const request = await live.h.tessera.store.db.selectFrom("recovery_requests").select("status").where("account_id", "=", p.id).executeTakeFirstOrThrow();
			assert.equal(request.status, "withdrawn", "signing in with a second step withdrew the identity check");
		});

		test("a new password ends every “Wasn't you?” link sent before, and removing an address ends those too, and tells that address", async () => {
			const p = await person();
			let since = mark();
			const step = await passwordStep(live.h, p.username);
			await api(live.h.app, "/sessions/second-factor", { body: { challenge: step.challenge, method: "backup_code", code: p.codes[0] } });
			const oldLink = linkIn(await live.smtp.nextAlert(p.email, since), "/secure-account");
			await live.settle();
			await api(live.h.app, "/account/password", { token: p.token, body: { currentPassword: PASSWORD, newPassword: NEW_PASSWORD } });
			assert.equal(errorCode(await api(live.h.app, "/secure-account", { body: { token: oldLink.token } })), "invalid_link");

			await live.settle();
			since = mark();
			const fresh = await passwordStepWith(p.username, NEW_PASSWORD);
			await api(live.h.app, "/sessions/second-factor", { body: { challenge: fresh.challenge, method: "backup_code", code: p.codes[1] } });
			const linkInMailbox = linkIn(await live.smtp.nextAlert(p.email, since), "/secure-account");
			await live.settle();
			since = mark();
			const removed = await api(live.h.app, "/account/contacts/remove", { token: p.token, body: { kind: "email", password: NEW_PASSWORD } });
			assert.equal(removed.statusCode, 200, removed.body);
			const told = await live.smtp.nextAlert(p.email, since);
			assert.match(told.body, /Email address removed/, "the removed address hears of it");
			assert.doesNotMatch(told.body, /token=/, "with no link in it");
			assert.equal(errorCode(await api(live.h.app, "/secure-account", { body: { token: linkInMailbox.token } })), "invalid_link");
		});

		test("a reset code's guesses count per account, across requests; a wrong code never reveals whose number it is", async () => {
			const p = await person();
			const wrong = async (reset: string, password = NEW_PASSWORD) =>
				api(live.h.app, "/password-reset/complete", { body: { token: reset, code: "000000", newPassword: password }, ip: `192.0.2.${Math.floor(Math.random() * 200)}` });
			const since = mark();
			const first = (await api(live.h.app, "/password-reset", { body: { identifier: p.phone }, ip: "192.0.2.201" })).json().reset;
			const code = codeIn(await live.sms.next(p.phone, since));
			assert.notEqual(code, "000000");
			const probe = await wrong(first, `${p.username} is my name`);
			assert.equal(errorCode(probe), "invalid_code", "the username in the new password is judged only after the code");
			const statuses: string[] = [];
			for (let r = 0; r < 3; r++) {
				live.h.clock.advance(61_000);
				const reset = (await api(live.h.app, "/password-reset", { body: { identifier: p.phone }, ip: `192.0.2.${210 + r}` })).json().reset;
				await live.settle(); // the request's code exists once its text is sent
				for (let i = 0; i < 4; i++) statuses.push(errorCode(await wrong(reset)) ?? "");
			}
			assert.equal(statuses.filter((s) => s === "invalid_code").length, 9, "ten wrong codes an hour per account, across requests");
			assert.ok(statuses.slice(9).every((s) => s === "too_many_attempts"));
			await live.settle();
			assert.ok(live.smtp.messages.some((m) => m.to === p.email && isAlert(m) && /Too many wrong codes/.test(m.body)));
		});

		test("several reset links confirmed at once: one wins, the rest are refused, none fails, and no code is burned for nothing", async () => {
			const p = await person();
			const challenges: string[] = [];
			for (let i = 0; i < 3; i++) {
				const since = mark();
				await api(live.h.app, "/password-reset", { body: { identifier: p.email }, ip: `198.18.9.${i}` });
				const { token } = linkIn(await live.smtp.next(p.email, since), "/reset-password");
				const waiting = await api(live.h.app, "/password-reset/complete", { body: { token, newPassword: `${NEW_PASSWORD} ${i}` } });
				challenges.push(waiting.json().secondFactor.challenge);
			}
			const results = await Promise.all(
				challenges.map((challenge, i) => api(live.h.app, "/password-reset/second-factor", { body: { challenge, method: "backup_code", code: p.codes[i] } })),
			);
			assert.deepEqual(results.map((r) => r.statusCode).sort(), [200, 410, 410]);
			const status = await live.h.tessera.deps.methods.fallback.status(live.h.tessera.store.db, p.id);
			assert.equal(status?.remaining, 9, "only the winner's code was used");
			const used = await live.h.tessera.store.db.selectFrom("security_events").select("detail").where("account_id", "=", p.id).where("kind", "=", "backup_code_used").execute();
			assert.equal(used.length, 1, "and its use is recorded, with its alert, like a sign-in's");
		});

		test("a locked account gets no reset, and its waiting recovery ends; so does one when two-factor is turned off", async () => {
			const p = await person();
			// A recovery by phone, then the operator locks the account.
			const step = await passwordStep(live.h, p.username);
			let since = mark();
			await api(live.h.app, "/recovery/send", { body: { challenge: step.challenge, kind: "phone" } });
			await api(live.h.app, "/recovery/start", { body: { challenge: step.challenge, kind: "phone", code: codeIn(await live.sms.next(p.phone, since)) } });
			await lockUser(live.h.tessera.deps, p.username, "operator:test", "reported stolen");
			since = mark();
			await api(live.h.app, "/password-reset", { body: { identifier: p.email }, ip: "198.18.8.1" });
			await live.settle();
			assert.ok(!live.smtp.messages.some((m) => m.to === p.email && m.at >= since && !isAlert(m)), "no reset link for a locked account");
			await unlockUser(live.h.tessera.deps, p.username, "operator:test", "owner confirmed");
			live.h.clock.advance(73 * HOUR);
			const after = await api(live.h.app, "/sessions", { body: { username: p.username, password: PASSWORD } });
			assert.equal(after.statusCode, 200, "the lock ended the recovery: two-factor still asked for");

			// Turning two-factor off (which takes a second step) ends a recovery too; it never springs later.
			const other = await person();
			const s2 = await passwordStep(live.h, other.username);
			since = mark();
			await api(live.h.app, "/recovery/send", { body: { challenge: s2.challenge, kind: "email" } });
			await api(live.h.app, "/recovery/start", { body: { challenge: s2.challenge, kind: "email", code: codeIn(await live.smtp.next(other.email, since)) } });
			const off = await api(live.h.app, "/account/two-factor/disable", { token: other.token, body: { password: PASSWORD } });
			const offChallenge = off.json().secondFactor.challenge;
			const confirmed = await api(live.h.app, "/account/two-factor/disable/confirm", {
				token: other.token,
				body: { challenge: offChallenge, method: "backup_code", code: other.codes[0] },
			});
			assert.equal(confirmed.statusCode, 200, confirmed.body);
			const status = await live.h.tessera.store.db.selectFrom("account_recoveries").select("status").where("account_id", "=", other.id).executeTakeFirstOrThrow();
			assert.equal(status.status, "cancelled");
		});

		test("a recovery not completed within a week of its wait lapses", async () => {
			const p = await person();
			const step = await passwordStep(live.h, p.username);
			const since = mark();
			await api(live.h.app, "/recovery/send", { body: { challenge: step.challenge, kind: "email" } });
			await api(live.h.app, "/recovery/start", { body: { challenge: step.challenge, kind: "email", code: codeIn(await live.smtp.next(p.email, since)) } });
			live.h.clock.advance(72 * HOUR + 8 * 24 * HOUR);
			const later = await api(live.h.app, "/sessions", { body: { username: p.username, password: PASSWORD } });
			assert.equal(later.statusCode, 200, "the lapsed recovery does not reset two-factor");
			const again = await api(live.h.app, "/recovery/send", { body: { challenge: later.json().secondFactor.challenge, kind: "email" } });
			assert.equal(again.statusCode, 202, "a new recovery can start");
		});
	});
}
