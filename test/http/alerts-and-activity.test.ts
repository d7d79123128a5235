import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { recordEvent } from "../../src/flows/events.ts";
import { databaseKinds } from "../helpers/databases.ts";
import {
	api,
	aWrongCode,
	errorCode,
	PASSWORD,
	passwordStep,
	signUp,
	signUpWithTwoFactor,
	totpCode,
	uniqueUsername,
} from "../helpers/harness.ts";
import { aPhone, linkIn, startLiveHarness } from "../helpers/live.ts";
import { FormClient } from "../helpers/browserless.ts";
import { codeIn, isAlert, mark, type Received } from "../helpers/mailboxes.ts";

const DAY = 86_400_000;

/** What every alert must say and must never do. */
function assertSafeAlert(alert: Received, secrets: string[]): void {
	linkIn(alert, "/secure-account");
	assert.match(alert.body, /Wasn't you\?/);
	assert.match(alert.body, /never asks for (your )?codes/i);
	for (const secret of secrets) assert.ok(!alert.body.includes(secret), "an alert never carries a code or password");
	assert.doesNotMatch(alert.body, /(enter|type|reply with|send us) (this|the|your) code/i);
}

for (const kind of await databaseKinds()) {
	describe(`security alerts and account activity (${kind})`, () => {
		let live: Awaited<ReturnType<typeof startLiveHarness>>;
		before(async () => {
			live = await startLiveHarness(kind);
		});
		after(async () => live.close());

		async function personWithEmail() {
			const username = uniqueUsername("al");
			const user = await signUpWithTwoFactor(live.h, username);
			const email = `${username}@example.org`;
			await live.addVerified(user.token, "email", email);
			await live.settle();
			return { ...user, email };
		}

		const alertsTo = (to: string, since: number) => live.smtp.messages.filter((m) => m.to === to && m.at >= since && isAlert(m));

		test("a sign-in from a new device is announced; one from a known device is not", async () => {
			const person = await personWithEmail();
			const since = mark();
			const known = await passwordStep(live.h, person.username);
			await api(live.h.app, "/sessions/second-factor", {
				body: { challenge: known.challenge, method: "totp", code: totpCode(person.secret, live.h.clock()) },
			});
			await live.settle();
			assert.equal(alertsTo(person.email, since).length, 0, "same browser and network as at sign-up");

			live.h.clock.advance(30_000);
			const elsewhere = await passwordStep(live.h, person.username, "192.0.2.200");
			await api(live.h.app, "/sessions/second-factor", {
				body: { challenge: elsewhere.challenge, method: "totp", code: totpCode(person.secret, live.h.clock()) },
				ip: "192.0.2.200",
			});
			const alert = await live.smtp.nextAlert(person.email, since);
			assert.match(alert.body, /Signed in with your authenticator app from a new device/);
			assert.match(alert.body, /192\.0\.2\.200/);
			assertSafeAlert(alert, [PASSWORD, ...person.codes]);
		});

		test("a backup code used says how many remain; replaced codes and removed factors are announced", async () => {
			const person = await personWithEmail();
			let since = mark();
			const step = await passwordStep(live.h, person.username);
			await api(live.h.app, "/sessions/second-factor", { body: { challenge: step.challenge, method: "backup_code", code: person.codes[0] } });
			const used = await live.smtp.nextAlert(person.email, since);
			assert.match(used.body, /Backup code used/);
			assert.match(used.body, /Backup codes left: 9/, "ten codes, one used (the one typed back to confirm them stays usable)");
			assertSafeAlert(used, [PASSWORD, ...person.codes]);
			await live.settle();

			since = mark();
			const fresh = await api(live.h.app, "/account/backup-codes", { token: person.token, body: { password: PASSWORD } });
			const codes = fresh.json().codes as string[];
			await api(live.h.app, "/account/backup-codes/confirm", { token: person.token, body: { code: codes[0] } });
			const replaced = await live.smtp.nextAlert(person.email, since);
			assert.match(replaced.body, /Backup codes replaced/);
			assertSafeAlert(replaced, [PASSWORD, ...codes]);
			await live.settle();

			since = mark();
			const phone = aPhone();
			await live.addVerified(person.token, "phone", phone);
			assert.match((await live.smtp.nextAlert(person.email, since)).body, /Phone number added/);
			await live.settle();
			since = mark();
			await api(live.h.app, "/account/contacts/remove", { token: person.token, body: { kind: "phone", password: PASSWORD } });
			assert.match((await live.smtp.nextAlert(person.email, since)).body, /Phone number removed/);
		});

		test("too many wrong codes are announced once", async () => {
			const person = await personWithEmail();
			const since = mark();
			const step = await passwordStep(live.h, person.username, "192.0.2.77");
			for (let i = 0; i < 12; i++) {
				await api(live.h.app, "/sessions/second-factor", {
					body: { challenge: step.challenge, method: "backup_code", code: aWrongCode(live.h) },
					ip: "192.0.2.77",
				});
			}
			const alert = await live.smtp.nextAlert(person.email, since);
			assert.match(alert.body, /Too many wrong codes/);
			await live.settle();
			assert.equal(alertsTo(person.email, since).filter((m) => /Too many wrong codes/.test(m.body)).length, 1);
		});

		test("with only a phone, alerts come by text message", async () => {
			const user = await signUpWithTwoFactor(live.h);
			const phone = aPhone();
			await live.addVerified(user.token, "phone", phone);
			await live.settle();
			const since = mark();
			await api(live.h.app, "/account/password", { token: user.token, body: { currentPassword: PASSWORD, newPassword: "another fine passphrase 9" } });
			const text = await live.sms.nextAlert(phone, since);
			assert.match(text.body, /Password changed/);
			assertSafeAlert(text, [PASSWORD, "another fine passphrase 9"]);
		});

		test("“Wasn't you?” ends every session and cancels a recovery, once; it sets no password and two-factor stays on", async () => {
			const person = await personWithEmail();
			const other = await api(live.h.app, "/sessions/second-factor", {
				body: { challenge: (await passwordStep(live.h, person.username)).challenge, method: "backup_code", code: person.codes[1] },
			});
			const alert = await live.smtp.nextAlert(person.email, mark() - 5);
			const { token } = linkIn(alert, "/secure-account");
			// Someone with the password and the mailbox starts a recovery meanwhile.
			const { challenge } = await passwordStep(live.h, person.username);
			const since = mark();
			await api(live.h.app, "/recovery/send", { body: { challenge, kind: "email" } });
			const started = await api(live.h.app, "/recovery/start", { body: { challenge, kind: "email", code: codeIn(await live.smtp.next(person.email, since)) } });
			assert.equal(started.statusCode, 201);
			const page = await live.h.app.inject({ url: `/secure-account?token=${token}` });
			assert.equal(page.statusCode, 200);
			assert.match(page.body, /Sign out everywhere/);

			const setting = await api(live.h.app, "/secure-account", { body: { token, newPassword: "my account is mine again 7" } });
			assert.equal(errorCode(setting), "invalid_request", "the link cannot set a password");
			const done = await api(live.h.app, "/secure-account", { body: { token } });
			assert.equal(done.statusCode, 200, done.body);
			assert.deepEqual(done.json(), { status: "signed_out_everywhere" }, "no session, no password");
			assert.equal(errorCode(await api(live.h.app, "/secure-account", { body: { token } })), "invalid_link");
			for (const session of [person.token, other.json().session.token]) {
				assert.equal((await api(live.h.app, "/account", { token: session })).statusCode, 401);
			}
			live.h.clock.advance(73 * 3_600_000);
			const signIn = await api(live.h.app, "/sessions", { body: { username: person.username, password: PASSWORD } });
			assert.equal(signIn.statusCode, 200, "the recovery was cancelled: the second step is still asked for");
			assert.ok(signIn.json().secondFactor.methods.includes("totp"));
		});

		test("the activity list shows 90 days of events with time, method, browser and address", async () => {
			const user = await signUp(live.h.app);
			live.h.clock.advance(1000);
			const step = await api(live.h.app, "/sessions", { body: { username: user.username, password: PASSWORD }, ip: "192.0.2.9" });
			assert.equal(step.statusCode, 201);
			const response = await api(live.h.app, "/account/activity", { token: user.token });
			assert.equal(response.statusCode, 200);
			const events = response.json().events as { kind: string; at: string; method: string; device: string; ip: string; description: string }[];
			assert.deepEqual(
				events.map((e) => e.kind),
				["signed_in", "signed_up"],
			);
			assert.equal(events[0]!.ip, "192.0.2.9");
			assert.equal(events[0]!.method, "password");
			assert.equal(events[0]!.at, new Date(live.h.clock()).toISOString());
			assert.ok(events[0]!.device.length > 0);
			assert.match(events[0]!.description, /Signed in with your password from a new device/);

			const browser = new FormClient(live.h.app, "192.0.2.10");
			await browser.get("/sign-in");
			await browser.follow(await browser.post("/sign-in", { username: user.username, password: PASSWORD }));
			const page = await browser.get("/settings/activity");
			assert.equal(page.statusCode, 200);
			assert.match(page.body, /<span class="what" id="what-[^"]+">Signed in with your password from a new device<\/span> <span class="hint">· [^<]+ · <bdi>[^<]+<\/bdi> · <bdi>192\.0\.2\.9<\/bdi><\/span>/);
			assert.match(page.body, /Account created/);

			live.h.clock.advance(91 * DAY);
			const fresh = await api(live.h.app, "/sessions", { body: { username: user.username, password: PASSWORD }, ip: "192.0.2.9" });
			const later = await api(live.h.app, "/account/activity", { token: fresh.json().session.token });
			assert.deepEqual(
				(later.json().events as { kind: string }[]).map((e) => e.kind),
				["signed_in"],
				"events older than 90 days are not listed",
			);
			assert.equal((await api(live.h.app, "/account/activity")).statusCode, 401);
		});
	});
}

for (const kind of await databaseKinds()) {
	describe(`alerts survive a crash and a failing provider (${kind})`, () => {
		let live: Awaited<ReturnType<typeof startLiveHarness>>;
		before(async () => {
			live = await startLiveHarness(kind);
		});
		after(async () => live.close());

		test("an alert recorded with its change, but never sent (its instance died), is sent by the next sweep, once", async () => {
			const user = await signUpWithTwoFactor(live.h);
			const email = `${user.username}@example.org`;
			await live.addVerified(user.token, "email", email);
			await live.settle();
			const since = mark();
			// The change and its event commit; the process dies before announcing it.
			await recordEvent(live.h.tessera.deps, live.h.tessera.store.db, { accountId: user.id, kind: "password_changed", detail: { via: "change" } });
			await live.h.tessera.deps.alerts.sweep();
			assert.match((await live.smtp.nextAlert(email, since)).body, /Password changed/);
			await live.h.tessera.deps.alerts.sweep();
			await live.settle();
			assert.equal(live.smtp.messages.filter((m) => m.to === email && m.at >= since && isAlert(m)).length, 1, "sent once");
		});

		test("when the provider fails, the alert is tried again later, not lost", async () => {
			const user = await signUpWithTwoFactor(live.h);
			const phone = aPhone();
			await live.addVerified(user.token, "phone", phone);
			await live.settle();
			live.sms.state.mode = "error500";
			const since = mark();
			await api(live.h.app, "/account/password", { token: user.token, body: { currentPassword: PASSWORD, newPassword: "another fine passphrase 8" } });
			await live.settle();
			const owed = await live.h.tessera.store.db.selectFrom("security_events").select(["alert_state", "alert_attempts"]).where("account_id", "=", user.id).where("kind", "=", "password_changed").executeTakeFirstOrThrow();
			assert.equal(owed.alert_state, "pending");
			assert.equal(Number(owed.alert_attempts), 1);
			live.sms.state.mode = "ok";
			await live.h.tessera.deps.alerts.sweep();
			assert.equal(live.sms.messages.filter((m) => m.to === phone && m.at >= since).length, 0, "not due yet");
			live.h.clock.advance(61_000);
			await live.h.tessera.deps.alerts.sweep();
			assert.match((await live.sms.nextAlert(phone, since)).body, /Password changed/);
		});
	});
}
