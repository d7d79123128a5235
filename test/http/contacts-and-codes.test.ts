import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { databaseKinds } from "../helpers/databases.ts";
import {
	api,
	errorCode,
	type Harness,
	PASSWORD,
	passwordStep,
	signUp,
	signUpWithTwoFactor,
	startHarness,
	uniqueUsername,
} from "../helpers/harness.ts";
import { codeIn, mark, startSmsProvider, startSmtpServer } from "../helpers/mailboxes.ts";

let phoneCounter = 0;
/** A distinct, valid US mobile-capable number per call. */
function aPhone(): string {
	phoneCounter++;
	return `+1 202 555 ${String(1000 + ((process.pid * 7 + phoneCounter) % 9000)).padStart(4, "0")}`;
}
const e164 = (phone: string) => phone.replace(/\s/g, "");

for (const kind of await databaseKinds()) {
	describe(`email and phone, and codes sent to them (${kind})`, () => {
		let h: Harness;
		let smtp: Awaited<ReturnType<typeof startSmtpServer>>;
		let sms: Awaited<ReturnType<typeof startSmsProvider>>;
		before(async () => {
			smtp = await startSmtpServer();
			sms = await startSmsProvider();
			h = await startHarness(kind, { TESSERA_DELIVERY: "live", TESSERA_SMTP_URL: smtp.url, ...sms.env });
		});
		after(async () => {
			await h.close();
			await smtp.close();
			await sms.close();
		});

		async function addVerified(token: string, contactKind: "email" | "phone", value: string) {
			const since = mark();
			const added = await api(h.app, "/account/contacts", { token, body: { kind: contactKind, value, password: PASSWORD } });
			assert.equal(added.statusCode, 201, added.body);
			const message = contactKind === "email" ? await smtp.next(value, since) : await sms.next(e164(value), since);
			const verified = await api(h.app, "/account/contacts/verify", { token, body: { kind: contactKind, code: codeIn(message) } });
			assert.equal(verified.statusCode, 200, verified.body);
			return verified.json().contact;
		}

		test("a phone number is added with the password and proved with a code sent by SMS", async () => {
			const user = await signUp(h.app);
			const phone = aPhone();
			const noPassword = await api(h.app, "/account/contacts", {
				token: user.token,
				body: { kind: "phone", value: phone, password: "wrong password" },
			});
			assert.equal(errorCode(noPassword), "invalid_credentials");
			const bad = await api(h.app, "/account/contacts", { token: user.token, body: { kind: "phone", value: "555-0100", password: PASSWORD } });
			assert.equal(errorCode(bad), "invalid_request");
			assert.equal(bad.json().error.fields[0].field, "value");

			const since = mark();
			const added = await api(h.app, "/account/contacts", { token: user.token, body: { kind: "phone", value: phone, password: PASSWORD } });
			assert.equal(added.statusCode, 201);
			assert.deepEqual(
				{ kind: added.json().contact.kind, value: added.json().contact.value, verified: added.json().contact.verified },
				{ kind: "phone", value: e164(phone), verified: false },
			);
			assert.equal(added.json().code.status, "sent");
			const text = await sms.next(e164(phone), since);
			assert.match(text.body, /never asks for it/);
			const wrong = await api(h.app, "/account/contacts/verify", { token: user.token, body: { kind: "phone", code: "000000" } });
			assert.equal(errorCode(wrong), "invalid_code");
			const right = await api(h.app, "/account/contacts/verify", { token: user.token, body: { kind: "phone", code: codeIn(text) } });
			assert.equal(right.statusCode, 200);
			assert.equal(right.json().contact.verified, true);
			assert.equal(right.json().contact.masked, `•••• ${e164(phone).slice(-4)}`);
			const again = await api(h.app, "/account/contacts/verify", { token: user.token, body: { kind: "phone", code: codeIn(text) } });
			assert.equal(errorCode(again), "no_contact", "nothing is waiting for a code any more");
			const list = await api(h.app, "/account/contacts", { token: user.token });
			assert.equal(list.json().contacts.length, 1);
		});

		test("a verified email arrives by real SMTP, in text and HTML, and then works as a sign-in name", async () => {
			const user = await signUp(h.app);
			const email = `${user.username}@example.com`;
			const since = mark();
			await api(h.app, "/account/contacts", { token: user.token, body: { kind: "email", value: email.toUpperCase(), password: PASSWORD } });
			const mail = await smtp.next(email, since);
			assert.match(mail.body, /Content-Type: text\/plain/i);
			assert.match(mail.body, /Content-Type: text\/html/i);
			assert.match(mail.body, /never asks for this code/);
			const before = await api(h.app, "/sessions", { body: { username: email, password: PASSWORD } });
			assert.equal(before.statusCode, 401, "an unverified email does not sign in");
			await api(h.app, "/account/contacts/verify", { token: user.token, body: { kind: "email", code: codeIn(mail) } });
			const byEmail = await api(h.app, "/sessions", { body: { username: email.toUpperCase(), password: PASSWORD } });
			assert.equal(byEmail.statusCode, 201);
			for (let i = 0; i < 10; i++) {
				await api(h.app, "/sessions", { body: { username: user.username, password: "wrong password" }, ip: `192.0.2.${i}` });
			}
			const shared = await api(h.app, "/sessions", { body: { username: email, password: "wrong again" }, ip: "192.0.2.99" });
			assert.equal(shared.statusCode, 401, "the email has a budget of its own: a throttled username does not tell which email is its");
			h.clock.advance(15 * 60_000);
		});

		test("a phone number protects one account at a time; a verified email belongs to one account; nobody else learns which", async () => {
			const first = await signUp(h.app);
			const second = await signUp(h.app);
			const phone = aPhone();
			await addVerified(first.token, "phone", phone);
			let since = mark();
			const added = await api(h.app, "/account/contacts", { token: second.token, body: { kind: "phone", value: phone, password: PASSWORD } });
			assert.equal(added.statusCode, 201, "adding says nothing about other accounts");
			const taken = await api(h.app, "/account/contacts/verify", {
				token: second.token,
				body: { kind: "phone", code: codeIn(await sms.next(e164(phone), since)) },
			});
			assert.equal(errorCode(taken), "phone_in_use", "only the number's owner, holding its code, is told");
			const email = `${first.username}@example.org`;
			await addVerified(first.token, "email", email);
			since = mark();
			await api(h.app, "/account/contacts", { token: second.token, body: { kind: "email", value: email, password: PASSWORD } });
			const emailTaken = await api(h.app, "/account/contacts/verify", {
				token: second.token,
				body: { kind: "email", code: codeIn(await smtp.next(email, since)) },
			});
			assert.equal(errorCode(emailTaken), "email_in_use");
		});

		test("two accounts proving one phone number at once: one wins", async () => {
			const a = await signUp(h.app);
			const b = await signUp(h.app);
			const phone = aPhone();
			const codes: string[] = [];
			for (const user of [a, b]) {
				const since = mark();
				await api(h.app, "/account/contacts", { token: user.token, body: { kind: "phone", value: phone, password: PASSWORD } });
				codes.push(codeIn(await sms.next(e164(phone), since)));
			}
			const results = await Promise.all(
				[a, b].map((user, i) => api(h.app, "/account/contacts/verify", { token: user.token, body: { kind: "phone", code: codes[i] } })),
			);
			assert.deepEqual(results.map((r) => r.statusCode).sort(), [200, 409]);
		});

		test("parallel sends for one account wait their minute: one code goes out", async () => {
			const user = await signUpWithTwoFactor(h);
			await addVerified(user.token, "phone", aPhone());
			h.clock.advance(61_000);
			const step = await passwordStep(h, user.username);
			const sends = await Promise.all(
				Array.from({ length: 10 }, () => api(h.app, "/sessions/second-factor/send", { body: { challenge: step.challenge, method: "sms" } })),
			);
			assert.deepEqual(
				sends.map((r) => r.statusCode).sort(),
				[202, ...Array(9).fill(429)],
			);
			const another = await passwordStep(h, user.username);
			const other = await api(h.app, "/sessions/second-factor/send", { body: { challenge: another.challenge, method: "sms" } });
			assert.equal(errorCode(other), "resend_too_soon", "a new sign-in does not reset the minute");
		});

		test("sign-in offers SMS and email with masked destinations; a code sent for the sign-in finishes it", async () => {
			const user = await signUpWithTwoFactor(h);
			const phone = aPhone();
			await addVerified(user.token, "phone", phone);
			const email = `${user.username}@example.net`;
			await addVerified(user.token, "email", email);
			const step = await passwordStep(h, user.username);
			assert.deepEqual(step.methods, ["totp", "sms", "email", "backup_code"]);
			const { destinations } = (step as unknown as { destinations: Record<string, string> });
			assert.deepEqual(destinations, { sms: `•••• ${e164(phone).slice(-4)}`, email: `${email[0]}•••@example.net` });

			const since = mark();
			const sent = await api(h.app, "/sessions/second-factor/send", { body: { challenge: step.challenge, method: "sms" } });
			assert.equal(sent.statusCode, 202);
			assert.equal(sent.json().sentTo, destinations["sms"]);
			assert.equal(sent.json().status, "sent");
			assert.equal(Date.parse(sent.json().expiresAt), h.clock() + 10 * 60_000);
			const text = await sms.next(e164(phone), since);
			const done = await api(h.app, "/sessions/second-factor", { body: { challenge: step.challenge, method: "sms", code: codeIn(text) } });
			assert.equal(done.statusCode, 201);
			const next = await passwordStep(h, user.username);
			assert.equal(next.preferred, "totp", "a text message used last does not outrank the authenticator: the next sign-in opens on the stronger");

			const mailSince = mark();
			await api(h.app, "/sessions/second-factor/send", { body: { challenge: next.challenge, method: "email" } });
			const mail = await smtp.next(email, mailSince);
			const byEmail = await api(h.app, "/sessions/second-factor", { body: { challenge: next.challenge, method: "email", code: codeIn(mail) } });
			assert.equal(byEmail.statusCode, 201);
		});

		test("a code works once, for its own sign-in, for ten minutes; a resend replaces it", async () => {
			const user = await signUpWithTwoFactor(h);
			const phone = aPhone();
			await addVerified(user.token, "phone", phone);
			const a = await passwordStep(h, user.username);
			const b = await passwordStep(h, user.username);
			let since = mark();
			await api(h.app, "/sessions/second-factor/send", { body: { challenge: a.challenge, method: "sms" } });
			const codeA = codeIn(await sms.next(e164(phone), since));
			const elsewhere = await api(h.app, "/sessions/second-factor", { body: { challenge: b.challenge, method: "sms", code: codeA } });
			assert.equal(errorCode(elsewhere), "invalid_code", "a code is bound to the sign-in it was sent for");

			const tooSoon = await api(h.app, "/sessions/second-factor/send", { body: { challenge: a.challenge, method: "sms" } });
			assert.equal(tooSoon.statusCode, 429);
			assert.equal(errorCode(tooSoon), "resend_too_soon");
			assert.equal(tooSoon.headers["retry-after"], "60");
			h.clock.advance(60_000);
			since = mark();
			await api(h.app, "/sessions/second-factor/send", { body: { challenge: a.challenge, method: "sms" } });
			const codeA2 = codeIn(await sms.next(e164(phone), since));
			if (codeA2 !== codeA) {
				const old = await api(h.app, "/sessions/second-factor", { body: { challenge: a.challenge, method: "sms", code: codeA } });
				assert.equal(errorCode(old), "invalid_code", "the resent code replaced the first");
			}
			h.clock.advance(10 * 60_000 - 60_000);
			const late = await api(h.app, "/sessions/second-factor", { body: { challenge: a.challenge, method: "sms", code: codeA2 } });
			assert.ok(["invalid_code", "challenge_expired"].includes(errorCode(late)!), "ten minutes later nothing works");

			const c = await passwordStep(h, user.username);
			since = mark();
			await api(h.app, "/sessions/second-factor/send", { body: { challenge: c.challenge, method: "sms" } });
			const codeC = codeIn(await sms.next(e164(phone), since));
			const ok = await api(h.app, "/sessions/second-factor", { body: { challenge: c.challenge, method: "sms", code: codeC } });
			assert.equal(ok.statusCode, 201);
		});

		test("at most five sends an hour per account, and a resend does not forgive wrong guesses", async () => {
			const user = await signUpWithTwoFactor(h);
			const phone = aPhone();
			await addVerified(user.token, "phone", phone);
			h.clock.advance(60 * 60_000);
			const step = await passwordStep(h, user.username);
			const statuses: number[] = [];
			for (let i = 0; i < 6; i++) {
				statuses.push((await api(h.app, "/sessions/second-factor/send", { body: { challenge: step.challenge, method: "sms" } })).statusCode);
				h.clock.advance(61_000);
			}
			assert.deepEqual(statuses, [202, 202, 202, 202, 202, 429]);
			h.clock.advance(60 * 60_000);
			const fresh = await passwordStep(h, user.username);
			for (let i = 0; i < 10; i++) {
				await api(h.app, "/sessions/second-factor", { body: { challenge: fresh.challenge, method: "sms", code: "111111" } });
			}
			await api(h.app, "/sessions/second-factor/send", { body: { challenge: fresh.challenge, method: "sms" } });
			const blocked = await api(h.app, "/sessions/second-factor", { body: { challenge: fresh.challenge, method: "sms", code: "222222" } });
			assert.equal(blocked.statusCode, 429, "the ten wrong codes still count after a resend");
		});

		test("a dead SMS provider never holds the page beyond 2 s; a refusal says it could not be sent", async () => {
			const user = await signUpWithTwoFactor(h);
			const phone = aPhone();
			await addVerified(user.token, "phone", phone);
			const step = await passwordStep(h, user.username);
			sms.state.mode = "hang";
			try {
				const t0 = performance.now();
				const response = await api(h.app, "/sessions/second-factor/send", { body: { challenge: step.challenge, method: "sms" } });
				const elapsed = performance.now() - t0;
				assert.equal(response.statusCode, 202);
				assert.equal(response.json().status, "delayed");
				assert.ok(elapsed < 2000, `${elapsed.toFixed(0)} ms`);
				sms.state.mode = "refuse400";
				h.clock.advance(61_000);
				const refused = await api(h.app, "/sessions/second-factor/send", { body: { challenge: step.challenge, method: "sms" } });
				assert.equal(refused.statusCode, 502);
				assert.equal(errorCode(refused), "delivery_failed");
			} finally {
				sms.state.mode = "ok";
			}
		});

		test("removing an address needs the password", async () => {
			const user = await signUp(h.app);
			await addVerified(user.token, "phone", aPhone());
			const wrong = await api(h.app, "/account/contacts/remove", { token: user.token, body: { kind: "phone", password: "nope nope" } });
			assert.equal(errorCode(wrong), "invalid_credentials");
			const removed = await api(h.app, "/account/contacts/remove", { token: user.token, body: { kind: "phone", password: PASSWORD } });
			assert.equal(removed.statusCode, 200);
			assert.deepEqual(removed.json().contacts, []);
		});
	});

	describe(`email codes switched off, and SMS under concurrency (${kind})`, () => {
		let h: Harness;
		let sms: Awaited<ReturnType<typeof startSmsProvider>>;
		let smtp: Awaited<ReturnType<typeof startSmtpServer>>;
		before(async () => {
			smtp = await startSmtpServer();
			sms = await startSmsProvider();
			h = await startHarness(kind, {
				TESSERA_DELIVERY: "live",
				TESSERA_SMTP_URL: smtp.url,
				TESSERA_EMAIL_SECOND_FACTOR: "false",
				TESSERA_LIMIT_CODE_ACCOUNT: "1000/1h",
				TESSERA_LIMIT_CODE_ADDRESS: "1000/1h",
				...sms.env,
			});
		});
		after(async () => {
			await h.close();
			await smtp.close();
			await sms.close();
		});

		test("50 parallel uses of one SMS code give exactly one session; email is not offered", async () => {
			const user = await signUpWithTwoFactor(h);
			const phone = `+1 202 555 ${String(5000 + (process.pid % 4000)).padStart(4, "0")}`;
			let since = mark();
			await api(h.app, "/account/contacts", { token: user.token, body: { kind: "phone", value: phone, password: PASSWORD } });
			await api(h.app, "/account/contacts/verify", { token: user.token, body: { kind: "phone", code: codeIn(await sms.next(e164(phone), since)) } });
			const email = `${uniqueUsername("e")}@example.com`;
			since = mark();
			await api(h.app, "/account/contacts", { token: user.token, body: { kind: "email", value: email, password: PASSWORD } });
			await api(h.app, "/account/contacts/verify", { token: user.token, body: { kind: "email", code: codeIn(await smtp.next(email, since)) } });
			const step = await passwordStep(h, user.username);
			assert.deepEqual(step.methods, ["totp", "sms", "backup_code"]);
			since = mark();
			await api(h.app, "/sessions/second-factor/send", { body: { challenge: step.challenge, method: "sms" } });
			const code = codeIn(await sms.next(e164(phone), since));
			const responses = await Promise.all(
				Array.from({ length: 50 }, () =>
					api(h.app, "/sessions/second-factor", { body: { challenge: step.challenge, method: "sms", code } }),
				),
			);
			assert.equal(responses.filter((r) => r.statusCode === 201).length, 1);
			assert.ok(responses.every((r) => r.statusCode === 201 || r.statusCode === 410 || r.statusCode === 401));
		});
	});
}
