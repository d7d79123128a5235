import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { decideRecoveryRequest } from "../../src/flows/identity-checks.ts";
import { databaseKinds } from "../helpers/databases.ts";
import { api, errorCode, PASSWORD, passwordStep, signUpWithTwoFactor, totpCode, uniqueUsername } from "../helpers/harness.ts";
import { aPhone, linkIn, startLiveHarness } from "../helpers/live.ts";
import { codeIn, mark } from "../helpers/mailboxes.ts";

const HOUR = 3_600_000;

for (const kind of await databaseKinds()) {
	describe(`account recovery when every second factor is lost (${kind})`, () => {
		let live: Awaited<ReturnType<typeof startLiveHarness>>;
		before(async () => {
			live = await startLiveHarness(kind);
		});
		after(async () => live.close());

		/** A two-factor account with a verified email and phone, as someone who has lost the phone's app and the codes. */
		async function lockedOutPerson() {
			const username = uniqueUsername("rec");
			const user = await signUpWithTwoFactor(live.h, username);
			const email = `${username}@example.org`;
			const phone = aPhone();
			await live.addVerified(user.token, "email", email);
			await live.addVerified(user.token, "phone", phone);
			await live.settle();
			return { ...user, email, phone };
		}

		/** Proves the email from a sign-in's "Can't use any of these?" and starts the wait. */
		async function startRecoveryByEmail(person: Awaited<ReturnType<typeof lockedOutPerson>>) {
			const { challenge } = await passwordStep(live.h, person.username);
			const since = mark();
			const sent = await api(live.h.app, "/recovery/send", { body: { challenge, kind: "email" } });
			assert.equal(sent.statusCode, 202, sent.body);
			const code = codeIn(await live.smtp.next(person.email, since));
			const started = await api(live.h.app, "/recovery/start", { body: { challenge, kind: "email", code } });
			assert.equal(started.statusCode, 201, started.body);
			return { since, recovery: started.json().recovery as { readyAt: string; status: string } };
		}

		test("proving a verified email starts a 72-hour wait, announced on every channel with a one-click cancel", async () => {
			const person = await lockedOutPerson();
			const { challenge } = await passwordStep(live.h, person.username);
			const options = await api(live.h.app, "/recovery/options", { body: { challenge } });
			assert.deepEqual(
				options.json().contacts.map((c: { kind: string }) => c.kind),
				["email", "phone"],
			);
			assert.ok(!options.body.includes(person.email), "addresses are masked");

			const since = mark();
			await api(live.h.app, "/recovery/send", { body: { challenge, kind: "email" } });
			const code = codeIn(await live.smtp.next(person.email, since));
			const wrong = await api(live.h.app, "/recovery/start", { body: { challenge, kind: "email", code: code === "000000" ? "111111" : "000000" } });
			assert.equal(errorCode(wrong), "invalid_code");
			const started = await api(live.h.app, "/recovery/start", { body: { challenge, kind: "email", code } });
			assert.equal(started.statusCode, 201);
			assert.equal(Date.parse(started.json().recovery.readyAt), live.h.clock() + 72 * HOUR);

			const emailAlert = await live.smtp.nextAlert(person.email, since);
			const textAlert = await live.sms.nextAlert(person.phone, since);
			for (const alert of [emailAlert, textAlert]) {
				assert.match(alert.body, /recovery started/i);
				assert.ok(linkIn(alert, "/recovery/cancel"), "a cancel link");
				assert.ok(linkIn(alert, "/secure-account"), "a “Wasn't you?” link");
				assert.match(alert.body, /never asks for (your )?codes/i);
				assert.ok(!alert.body.includes(code), "no code in an alert");
			}
			// The sign-in that started it is over; another recovery cannot start meanwhile.
			const again = await api(live.h.app, "/recovery/send", { body: { challenge, kind: "phone" } });
			assert.equal(errorCode(again), "challenge_expired");
			const next = await passwordStep(live.h, person.username);
			assert.equal(errorCode(await api(live.h.app, "/recovery/send", { body: { challenge: next.challenge, kind: "phone" } })), "recovery_in_progress");
		});

		test("during the wait the password alone still needs a second step; after it, two-factor is reset and must be set up again first", async () => {
			const person = await lockedOutPerson();
			await startRecoveryByEmail(person);
			await live.settle();
			const since = mark();

			live.h.clock.advance(71 * HOUR);
			const early = await api(live.h.app, "/sessions", { body: { username: person.username, password: PASSWORD } });
			assert.equal(early.statusCode, 200, "still asks for the second step");
			assert.ok(early.json().secondFactor);

			live.h.clock.advance(1 * HOUR + 1000);
			const wrongPassword = await api(live.h.app, "/sessions", { body: { username: person.username, password: "not the password" } });
			assert.equal(errorCode(wrongPassword), "invalid_credentials", "the wait never replaces the password");
			const recovered = await api(live.h.app, "/sessions", { body: { username: person.username, password: PASSWORD } });
			assert.equal(recovered.statusCode, 201, recovered.body);
			const token = recovered.json().session.token as string;
			// Two-factor was reset at this sign-in: the session was signed in with the password alone.
			const current = await api(live.h.app, "/sessions/current", { token });
			assert.deepEqual(current.json().authentication.amr, ["pwd"]);
			assert.equal(current.json().authentication.acr, "urn:tessera:acr:password");

			const account = await api(live.h.app, "/account", { token });
			assert.equal(account.json().twoFactor.enabled, false);
			assert.deepEqual(account.json().twoFactor.requiredActions, ["set_up_two_factor"]);
			assert.equal(errorCode(await api(live.h.app, "/account/contacts", { token })), "two_factor_setup_required");
			assert.equal(errorCode(await api(live.h.app, "/account/devices", { token })), "two_factor_setup_required");
			assert.equal((await api(live.h.app, "/account", { token: person.token })).statusCode, 401, "every older session ended");

			for (const alert of [await live.smtp.nextAlert(person.email, since), await live.sms.nextAlert(person.phone, since)]) {
				assert.match(alert.body, /account recovered: two-factor reset/i);
			}

			// Setting up again: the authenticator, then a new set of backup codes typed back.
			const enroll = await api(live.h.app, "/account/totp", { token, body: { password: PASSWORD } });
			assert.equal(enroll.statusCode, 201, enroll.body);
			const confirm = await api(live.h.app, "/account/totp/confirm", { token, body: { code: totpCode(enroll.json().secret, live.h.clock()) } });
			const codes = confirm.json().backupCodes.codes as string[];
			assert.equal(errorCode(await api(live.h.app, "/account/contacts", { token })), "two_factor_setup_required", "not until the codes are saved");
			const saved = await api(live.h.app, "/account/backup-codes/confirm", { token, body: { code: codes[0] } });
			assert.equal(saved.statusCode, 200, saved.body);
			assert.equal((await api(live.h.app, "/account/contacts", { token })).statusCode, 200);

			// The old factors are gone for good; the new ones are needed at the next sign-in.
			const step = await passwordStep(live.h, person.username);
			const oldCode = await api(live.h.app, "/sessions/second-factor", { body: { challenge: step.challenge, method: "backup_code", code: person.codes[0] } });
			assert.notEqual(oldCode.statusCode, 201);
			const newCode = await api(live.h.app, "/sessions/second-factor", { body: { challenge: step.challenge, method: "backup_code", code: codes[1] } });
			assert.equal(newCode.statusCode, 201, newCode.body);
		});

		test("a sign-in with a working second factor during the wait cancels the recovery", async () => {
			const person = await lockedOutPerson();
			await startRecoveryByEmail(person);
			await live.settle();
			const since = mark();
			live.h.clock.advance(HOUR);
			const step = await passwordStep(live.h, person.username);
			const signedIn = await api(live.h.app, "/sessions/second-factor", {
				body: { challenge: step.challenge, method: "totp", code: totpCode(person.secret, live.h.clock()) },
			});
			assert.equal(signedIn.statusCode, 201);
			const cancelled = await live.sms.nextAlert(person.phone, since);
			assert.match(cancelled.body, /recovery cancelled/i);

			live.h.clock.advance(72 * HOUR);
			const later = await api(live.h.app, "/sessions", { body: { username: person.username, password: PASSWORD } });
			assert.equal(later.statusCode, 200, "two-factor stayed on");
			assert.ok(later.json().secondFactor.methods.includes("totp"));
		});

		test("the cancel link in the alert ends the recovery without signing in, and works once", async () => {
			const person = await lockedOutPerson();
			const { since } = await startRecoveryByEmail(person);
			const alert = await live.smtp.nextAlert(person.email, since);
			const { token } = linkIn(alert, "/recovery/cancel");
			const cancelled = await api(live.h.app, "/recovery/cancel", { body: { token } });
			assert.equal(cancelled.statusCode, 200, cancelled.body);
			assert.equal(errorCode(await api(live.h.app, "/recovery/cancel", { body: { token } })), "invalid_link");

			live.h.clock.advance(73 * HOUR);
			const later = await api(live.h.app, "/sessions", { body: { username: person.username, password: PASSWORD } });
			assert.equal(later.statusCode, 200, "two-factor stayed on");
			const events = (await api(live.h.app, "/account/activity", { token: person.token })).json().events as { kind: string }[];
			assert.ok(events.some((e) => e.kind === "recovery_cancelled"));
		});

		test("an identity check, approved by an operator, starts the same wait and alerts", async () => {
			const person = await lockedOutPerson();
			const { challenge } = await passwordStep(live.h, person.username);
			const filing = mark();
			const short = await api(live.h.app, "/recovery/requests", { body: { challenge, message: "help" } });
			assert.equal(errorCode(short), "invalid_request");
			const filed = await api(live.h.app, "/recovery/requests", {
				body: { challenge, message: "I lost my phone and my printed codes in a move.", contactsUsed: person.email, lastSignIn: "last week" },
			});
			assert.equal(filed.statusCode, 201, filed.body);
			const twice = await api(live.h.app, "/recovery/requests", { body: { challenge, message: "Asking again, about my account." } });
			assert.equal(errorCode(twice), "recovery_request_open");
			// Filing it was announced on every channel too.
			assert.match((await live.smtp.nextAlert(person.email, filing)).body, /Identity check asked for/);
			await live.settle();

			const since = mark();
			const { recovery } = await decideRecoveryRequest(live.h.tessera.deps, {
				id: filed.json().request.id,
				decision: "approve",
				actor: "operator:alice",
				note: "Confirmed by video call",
			});
			assert.ok(recovery);
			assert.equal(recovery.readyAt, live.h.clock() + 72 * HOUR);
			assert.match((await live.smtp.nextAlert(person.email, since)).body, /recovery started/i);
			live.h.clock.advance(72 * HOUR);
			const recovered = await api(live.h.app, "/sessions", { body: { username: person.username, password: PASSWORD } });
			assert.equal(recovered.statusCode, 201);
			const activity = (await api(live.h.app, "/account/activity", { token: recovered.json().session.token })).json().events as {
				kind: string;
				by: string;
			}[];
			assert.ok(activity.some((e) => e.kind === "recovery_approved" && e.by === "operator"));
		});

		test("a password reset during recovery never switches two-factor off", async () => {
			const person = await lockedOutPerson();
			await startRecoveryByEmail(person);
			const since = mark();
			await api(live.h.app, "/password-reset", { body: { identifier: person.email } });
			const link = linkIn(await live.smtp.next(person.email, since), "/reset-password");
			const reset = await api(live.h.app, "/password-reset/complete", { body: { token: link.token, newPassword: "a brand new passphrase 42" } });
			assert.equal(reset.statusCode, 200, reset.body);
			assert.equal(reset.json().status, "second_factor_required", "before its wait is over, a recovery completes nothing");
			const signIn = await api(live.h.app, "/sessions", { body: { username: person.username, password: PASSWORD } });
			assert.equal(signIn.statusCode, 200);
			assert.ok(signIn.json().secondFactor, "the second step is still asked for");
		});
	});
}
