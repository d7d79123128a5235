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

		async function resetByEmail(p: { username: string; email: string }, password = NEW_PASSWORD) {
			const since = mark();
			await api(live.h.app, "/password-reset", { body: { identifier: p.username } });
			const { token } = linkIn(await live.smtp.next(p.email, since), "/reset-password");
			const done = await api(live.h.app, "/password-reset/complete", { body: { token, newPassword: password } });
			assert.equal(done.statusCode, 200, done.body);
		}

		test("after a reset, codes by email and SMS are no second step and cannot start a recovery, until a strong factor is used", async () => {
			const p = await person();
			const before = await passwordStep(live.h, p.username);
			assert.deepEqual(before.methods, ["totp", "sms", "email", "backup_code"]);
			await resetByEmail(p);

			const step = (await api(live.h.app, "/sessions", { body: { username: p.username, password: NEW_PASSWORD } })).json().secondFactor;
			assert.deepEqual(step.methods, ["totp", "backup_code"], "the mailbox that reset the password is not also the second step");
			const sent = await api(live.h.app, "/sessions/second-factor/send", { body: { challenge: step.challenge, method: "email" } });
			assert.equal(errorCode(sent), "method_not_available");
			const recovery = await api(live.h.app, "/recovery/send", { body: { challenge: step.challenge, kind: "email" } });
			assert.equal(errorCode(recovery), "recovery_paused");
			const identity = await api(live.h.app, "/recovery/requests", { body: { challenge: step.challenge, message: "I reset my password and lost my phone." } });
			assert.equal(identity.statusCode, 201, "an identity check is still possible");

			const strong = await api(live.h.app, "/sessions/second-factor", {
				body: { challenge: step.challenge, method: "totp", code: totpCode(p.secret, live.h.clock()) },
			});
			assert.equal(strong.statusCode, 201);
			const later = await passwordStepWith(p.username, NEW_PASSWORD);
			assert.deepEqual(later.methods, ["totp", "sms", "email", "backup_code"], "the authenticator ended the pause");
			const request = await live.h.tessera.store.db.selectFrom("recovery_requests").select("status").where("account_id", "=", p.id).executeTakeFirstOrThrow();
			assert.equal(request.status, "withdrawn", "signing in with a second step withdrew the identity check");
		});

		async function passwordStepWith(username: string, password: string) {
			return (await api(live.h.app, "/sessions", { body: { username, password } })).json().secondFactor as { challenge: string; methods: string[] };
		}

		test("the pause ends by itself after the recovery wait", async () => {
			const p = await person();
			await resetByEmail(p);
			live.h.clock.advance(72 * HOUR + 1000);
			assert.ok((await passwordStepWith(p.username, NEW_PASSWORD)).methods.includes("email"));
		});

		test("a new password ends every “Wasn't you?” link sent before, and removing an address ends those too, and tells that address", async () => {
			const p = await person();
			let since = mark();
			const step = await passwordStep(live.h, p.username);
			await api(live.h.app, "/sessions/second-factor", { body: { challenge: step.challenge, method: "backup_code", code: p.codes[0] } });
			const oldLink = linkIn(await live.smtp.nextAlert(p.email, since), "/secure-account");
			await live.settle();
			await api(live.h.app, "/account/password", { token: p.token, body: { currentPassword: PASSWORD, newPassword: NEW_PASSWORD } });
			assert.equal(errorCode(await api(live.h.app, "/secure-account", { body: { token: oldLink.token, newPassword: "someone else's password 1" } })), "invalid_link");

			await live.settle();
			since = mark();
			const fresh = await passwordStepWith(p.username, NEW_PASSWORD);
			await api(live.h.app, "/sessions/second-factor", { body: { challenge: fresh.challenge, method: "backup_code", code: p.codes[1] } });
			const linkInMailbox = linkIn(await live.smtp.nextAlert(p.email, since), "/secure-account");
			await live.settle();
			since = mark();
			const removed = await api(live.h.app, "/account/contacts/remove", { token: p.token, body: { kind: "email", password: NEW_PASSWORD } });
			assert.equal(removed.statusCode, 200, removed.body);
			assert.match((await live.smtp.nextAlert(p.email, since)).body, /Email address removed/, "the removed address hears of it");
			assert.equal(errorCode(await api(live.h.app, "/secure-account", { body: { token: linkInMailbox.token, newPassword: "someone else's password 2" } })), "invalid_link");
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

		test("several reset links completed at once: one wins, the rest are refused, none fails", async () => {
			const p = await person();
			const links: string[] = [];
			for (let i = 0; i < 3; i++) {
				const since = mark();
				await api(live.h.app, "/password-reset", { body: { identifier: p.email }, ip: `198.18.9.${i}` });
				links.push(linkIn(await live.smtp.next(p.email, since), "/reset-password").token);
			}
			const results = await Promise.all(
				links.map((token, i) => api(live.h.app, "/password-reset/complete", { body: { token, newPassword: `${NEW_PASSWORD} ${i}` } })),
			);
			assert.deepEqual(results.map((r) => r.statusCode).sort(), [200, 410, 410]);
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
