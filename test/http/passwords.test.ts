import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { databaseKinds } from "../helpers/databases.ts";
import { api, confirmReset, errorCode, PASSWORD, passwordStep, signUp, signUpWithTwoFactor, totpCode, uniqueUsername } from "../helpers/harness.ts";
import { aPhone, linkIn, startLiveHarness } from "../helpers/live.ts";
import { codeIn, isAlert, mark } from "../helpers/mailboxes.ts";

const NEW_PASSWORD = "a brand new passphrase 42";
const MINUTE = 60_000;

function median(values: number[]): number {
	const sorted = [...values].sort((a, b) => a - b);
	return sorted[Math.floor(sorted.length / 2)]!;
}

let ipCounter = 0;
/** A fresh client address, so per-address limits do not get in the way of what a test measures. */
const anIp = () => `198.18.${Math.floor(++ipCounter / 250)}.${ipCounter % 250}`;

for (const kind of await databaseKinds()) {
	describe(`forgotten and changed passwords (${kind})`, () => {
		let live: Awaited<ReturnType<typeof startLiveHarness>>;
		before(async () => {
			live = await startLiveHarness(kind);
		});
		after(async () => live.close());

		async function personWithEmail(twoFactor = true) {
			const username = uniqueUsername("pw");
			const user = twoFactor ? await signUpWithTwoFactor(live.h, username) : { ...(await signUp(live.h.app, username)), secret: "", codes: [] as string[] };
			const email = `${username}@example.org`;
			await live.addVerified(user.token, "email", email);
			await live.settle();
			return { ...user, email };
		}

		test("the answer to “forgot password” is the same, and as fast, whether or not the account exists", async () => {
			const person = await personWithEmail();
			const known = await api(live.h.app, "/password-reset", { body: { identifier: person.username }, ip: anIp() });
			const unknown = await api(live.h.app, "/password-reset", { body: { identifier: `${person.username}x` }, ip: anIp() });
			const unknownEmail = await api(live.h.app, "/password-reset", { body: { identifier: "nobody@example.org" }, ip: anIp() });
			for (const response of [known, unknown, unknownEmail]) {
				assert.equal(response.statusCode, 202);
				assert.deepEqual(Object.keys(response.json()).sort(), ["message", "reset"]);
				assert.equal(response.json().message, known.json().message);
			}
			const times: Record<"known" | "unknown", number[]> = { known: [], unknown: [] };
			for (let i = 0; i < 25; i++) {
				for (const which of ["known", "unknown"] as const) {
					const identifier = which === "known" ? person.username : `missing_${i}`;
					const start = performance.now();
					const response = await api(live.h.app, "/password-reset", { body: { identifier }, ip: anIp() });
					times[which].push(performance.now() - start);
					assert.equal(response.statusCode, 202);
				}
			}
			await live.settle();
			const gap = Math.abs(median(times.known) - median(times.unknown));
			assert.ok(gap < 5, `medians ${median(times.known).toFixed(2)} ms and ${median(times.unknown).toFixed(2)} ms`);
		});

		test("by email: a link valid 30 minutes, used once; every session and trusted device ends; two-factor stays on", async () => {
			const person = await personWithEmail();
			// A trusted device, to see it forgotten.
			const step = await passwordStep(live.h, person.username);
			const trusted = await api(live.h.app, "/sessions/second-factor", {
				body: { challenge: step.challenge, method: "totp", code: totpCode(person.secret, live.h.clock()), trustDevice: true },
			});
			const deviceToken = trusted.json().device.token as string;

			const since = mark();
			await api(live.h.app, "/password-reset", { body: { identifier: person.email }, ip: anIp() });
			const email = await live.smtp.next(person.email, since);
			assert.match(email.body, /30 minutes/);
			assert.match(email.body, /never asks for your codes/i);
			const { token } = linkIn(email, "/reset-password");

			const weak = await api(live.h.app, "/password-reset/complete", { body: { token, newPassword: "password123" } });
			assert.equal(errorCode(weak), "weak_password", "a weak password is refused and the link still works");
			const done = await api(live.h.app, "/password-reset/complete", { body: { token, newPassword: NEW_PASSWORD } });
			assert.equal(done.statusCode, 200, done.body);
			const confirmed = await confirmReset(live.h, done, person.codes[0]!);
			assert.equal(confirmed.statusCode, 200, confirmed.body);
			assert.equal(errorCode(await api(live.h.app, "/password-reset/complete", { body: { token, newPassword: `${NEW_PASSWORD}!` } })), "invalid_link");

			assert.equal((await api(live.h.app, "/account", { token: person.token })).statusCode, 401, "sessions ended");
			assert.equal(errorCode(await api(live.h.app, "/sessions", { body: { username: person.username, password: PASSWORD } })), "invalid_credentials");
			const withDevice = await api(live.h.app, "/sessions", { body: { username: person.username, password: NEW_PASSWORD, deviceToken } });
			assert.equal(withDevice.statusCode, 200, "the trusted device was forgotten: the second step is asked for");
			assert.deepEqual(withDevice.json().secondFactor.methods.includes("totp"), true, "two-factor is still on");

			await live.settle();
			const alerts = live.smtp.messages.filter((m) => m.to === person.email && m.at >= since && isAlert(m));
			assert.ok(alerts.some((m) => /Backup code used to confirm a password reset/.test(m.body)), "the backup code that confirmed it is announced");
			const changed = alerts.find((m) => /Subject: .*password/i.test(m.body));
			assert.ok(changed, "and the new password");
			assert.match(changed.body, /password reset/i);
			linkIn(changed, "/secure-account");
		});

		test("a reset link expires after 30 minutes", async () => {
			const person = await personWithEmail();
			const since = mark();
			await api(live.h.app, "/password-reset", { body: { identifier: person.username }, ip: anIp() });
			const { token } = linkIn(await live.smtp.next(person.email, since), "/reset-password");
			live.h.clock.advance(30 * MINUTE + 1000);
			assert.equal(errorCode(await api(live.h.app, "/password-reset/complete", { body: { token, newPassword: NEW_PASSWORD } })), "invalid_link");
			const page = await live.h.app.inject({ url: `/reset-password?token=${token}` });
			assert.equal(page.statusCode, 410);
			assert.match(page.body, /expired/);
		});

		test("by phone: a code valid 10 minutes that goes with the request; wrong codes are limited", async () => {
			const user = await signUpWithTwoFactor(live.h);
			const phone = aPhone();
			await live.addVerified(user.token, "phone", phone);
			const since = mark();
			const requested = await api(live.h.app, "/password-reset", { body: { identifier: phone }, ip: anIp() });
			const reset = requested.json().reset as string;
			const text = await live.sms.next(phone, since);
			const code = codeIn(text);
			assert.match(text.body, /reset your password/);

			const otherRequest = (await api(live.h.app, "/password-reset", { body: { identifier: "nobody" }, ip: anIp() })).json().reset;
			assert.equal(errorCode(await api(live.h.app, "/password-reset/complete", { body: { token: otherRequest, code, newPassword: NEW_PASSWORD } })), "invalid_code", "the code belongs to its own request");
			assert.equal(errorCode(await api(live.h.app, "/password-reset/complete", { body: { token: reset, newPassword: NEW_PASSWORD } })), "invalid_link", "the request token alone is worth nothing");
			const done = await api(live.h.app, "/password-reset/complete", { body: { token: reset, code, newPassword: NEW_PASSWORD } });
			assert.equal(done.statusCode, 200, done.body);
			assert.equal((await confirmReset(live.h, done, user.codes[0]!)).statusCode, 200);
			const again = await api(live.h.app, "/password-reset/complete", { body: { token: reset, code, newPassword: `${NEW_PASSWORD}!` } });
			assert.equal(errorCode(again), "invalid_code", "once");
			const signIn = await api(live.h.app, "/sessions", { body: { username: user.username, password: NEW_PASSWORD } });
			assert.ok(signIn.json().secondFactor, "two-factor stays on");

			// Five wrong codes, and the request is spent; an expired code never works.
			const since2 = mark();
			const second = (await api(live.h.app, "/password-reset", { body: { identifier: user.username }, ip: anIp() })).json().reset;
			const right = codeIn(await live.sms.next(phone, since2));
			const wrong = right === "123456" ? "654321" : "123456";
			const ip = anIp();
			for (let i = 0; i < 5; i++) {
				const r = await api(live.h.app, "/password-reset/complete", { body: { token: second, code: wrong, newPassword: PASSWORD }, ip });
				assert.equal(errorCode(r), "invalid_code");
			}
			const blocked = await api(live.h.app, "/password-reset/complete", { body: { token: second, code: right, newPassword: PASSWORD }, ip });
			assert.equal(errorCode(blocked), "too_many_attempts");

			live.h.clock.advance(61 * MINUTE);
			const since3 = mark();
			const third = (await api(live.h.app, "/password-reset", { body: { identifier: user.username }, ip: anIp() })).json().reset;
			const late = codeIn(await live.sms.next(phone, since3));
			live.h.clock.advance(10 * MINUTE + 1000);
			assert.equal(errorCode(await api(live.h.app, "/password-reset/complete", { body: { token: third, code: late, newPassword: PASSWORD } })), "invalid_code");
		});

		test("changing the password needs the current one, keeps this session and ends the others", async () => {
			const person = await personWithEmail(false);
			const other = (await api(live.h.app, "/sessions", { body: { username: person.username, password: PASSWORD } })).json().session.token;
			const wrong = await api(live.h.app, "/account/password", { token: person.token, body: { currentPassword: "nope nope nope", newPassword: NEW_PASSWORD } });
			assert.equal(errorCode(wrong), "invalid_credentials");
			const weak = await api(live.h.app, "/account/password", { token: person.token, body: { currentPassword: PASSWORD, newPassword: "short" } });
			assert.equal(errorCode(weak), "invalid_request");
			const since = mark();
			const done = await api(live.h.app, "/account/password", { token: person.token, body: { currentPassword: PASSWORD, newPassword: NEW_PASSWORD } });
			assert.equal(done.statusCode, 200, done.body);
			assert.equal((await api(live.h.app, "/account", { token: person.token })).statusCode, 200, "this session stays");
			assert.equal((await api(live.h.app, "/account", { token: other })).statusCode, 401, "the others end");
			assert.match((await live.smtp.nextAlert(person.email, since)).body, /password changed/i);
		});
	});
}
