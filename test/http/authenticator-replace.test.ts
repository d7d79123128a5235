import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { FormClient } from "../helpers/browserless.ts";
import { databaseKinds } from "../helpers/databases.ts";
import { api, errorCode, type Harness, PASSWORD, passwordStep, signUp, signUpWithTwoFactor, totpCode, uniqueUsername } from "../helpers/harness.ts";
import { aPhone, startLiveHarness } from "../helpers/live.ts";
import { mark } from "../helpers/mailboxes.ts";

const keyOn = (body: string) => /id="totp-key">([A-Z2-7 ]+)</.exec(body)![1]!.replace(/ /g, "");

for (const kind of await databaseKinds()) {
	describe(`moving the authenticator app to a new phone (${kind})`, () => {
		let live: Awaited<ReturnType<typeof startLiveHarness>>;
		let h: Harness;
		before(async () => {
			live = await startLiveHarness(kind);
			h = live.h;
		});
		after(async () => live.close());

		/** Someone with two-factor on through the authenticator, a verified email and phone, signed in on a browser. */
		async function personOnTheirOldPhone() {
			const user = await signUpWithTwoFactor(h, uniqueUsername("mv"));
			const email = `${user.username}@example.org`;
			const phone = aPhone();
			await live.addVerified(user.token, "email", email);
			await live.addVerified(user.token, "phone", phone);
			await live.settle();
			const browser = new FormClient(h.app);
			await browser.get("/sign-in");
			await browser.follow(await browser.post("/sign-in", { username: user.username, password: PASSWORD }));
			await browser.get("/sign-in/verify");
			const signedIn = await browser.post("/sign-in/verify", { method: "totp", code: totpCode(user.secret, h.clock()) });
			assert.equal(signedIn.statusCode, 303, signedIn.body);
			h.clock.advance(30_000);
			return { ...user, email, phone, browser };
		}

		/** A sign-in's second step with the authenticator, by the API. */
		async function signInWith(username: string, secret: string) {
			const { challenge } = await passwordStep(h, username);
			return api(h.app, "/sessions/second-factor", { body: { challenge, method: "totp", code: totpCode(secret, h.clock()) } });
		}

		const eventsOf = async (token: string) =>
			((await api(h.app, "/account/activity", { token })).json() as { events: { kind: string; description: string }[] }).events;

		test("in the pages: the old app keeps working until the new one's first code, then only the new one works, with an alert everywhere", async () => {
			const person = await personOnTheirOldPhone();
			const { browser } = person;

			// The way in: settings, next to the app, and the authenticator's own pages point to it.
			const settings = await browser.get("/settings");
			assert.match(settings.body, /<a class="button secondary" href="\/settings\/authenticator\/replace">Replace<\/a>/);
			const removing = await browser.get("/settings/authenticator/disable");
			assert.match(removing.body, /Moving to a new phone\? <a href="\/settings\/authenticator\/replace">Replace your authenticator app<\/a> instead/);
			const setUpAgain = await browser.post("/settings/authenticator", { password: PASSWORD }, { csrf: browser.csrf() });
			assert.match(setUpAgain.body, /<a href="\/settings\/authenticator\/replace">Moving to a new phone\? Replace your authenticator app<\/a>/, "setting up a second one points to replacing");

			const door = await browser.get("/settings/authenticator/replace");
			assert.equal(door.statusCode, 200);
			assert.match(door.body, /<h1>Replace authenticator app<\/h1>/);
			const wrongPassword = await browser.post("/settings/authenticator/replace", { password: "not the password" });
			assert.equal(wrongPassword.statusCode, 401);
			const page = await browser.post("/settings/authenticator/replace", { password: PASSWORD });
			assert.equal(page.statusCode, 200, page.body);
			assert.match(page.body, /<h1>Replace authenticator app<\/h1>/);
			assert.match(page.body, /keeps giving codes until you type the first code from the new one/);
			assert.match(page.body, /action="\/settings\/authenticator\/replace\/confirm"/);
			assert.match(page.body, /id="open-in-app" href="otpauth:\/\/totp\//);
			const newKey = keyOn(page.body);
			assert.notEqual(newKey, person.secret);

			// Until then, the old phone still signs in, and the new key does not.
			assert.equal((await signInWith(person.username, person.secret)).statusCode, 201, "the old app still works");
			assert.equal((await signInWith(person.username, newKey)).statusCode, 401, "the new app is not in use yet");
			h.clock.advance(30_000);

			// A wrong code: the same key again, the phone's clock advice; nothing changes.
			const wrong = await browser.post("/settings/authenticator/replace/confirm", { code: "000000" });
			assert.equal(wrong.statusCode, 401);
			assert.match(wrong.body, /phone&#39;s clock|phone's clock/);
			assert.equal(keyOn(wrong.body), newKey);
			// Opened again by its address, the key still waits.
			assert.equal(keyOn((await browser.get("/settings/authenticator/replace/confirm")).body), newKey);

			const since = mark();
			const done = await browser.post("/settings/authenticator/replace/confirm", { code: totpCode(newKey, h.clock()) });
			assert.equal(done.statusCode, 303, done.body);
			assert.equal(done.headers.location, "/settings/authenticator/replaced?notice=authenticator_replaced");
			const said = await browser.follow(done);
			assert.match(said.body, /<h1>Your authenticator app is replaced<\/h1>/);
			assert.match(said.body, /codes from the old one no longer work/);
			const again = await browser.get("/settings/authenticator/replaced?notice=authenticator_replaced");
			assert.equal(again.statusCode, 303, "said once");
			h.clock.advance(30_000);

			assert.equal((await signInWith(person.username, person.secret)).statusCode, 401, "the old app no longer works");
			assert.equal((await signInWith(person.username, newKey)).statusCode, 201, "the new one does");

			// Sessions elsewhere stay: this browser and the API token from before.
			assert.equal((await browser.get("/settings")).statusCode, 200);
			assert.equal((await api(h.app, "/account", { token: person.token })).statusCode, 200);

			// One event, and its alert on every channel.
			const replaced = (await eventsOf(person.token)).filter((e) => e.kind === "second_factor_replaced");
			assert.equal(replaced.length, 1);
			assert.match(replaced[0]!.description, /Authenticator app replaced/);
			const email = await live.smtp.nextAlert(person.email, since);
			assert.match(email.body, /Authenticator app replaced/);
			const text = await live.sms.nextAlert(person.phone, since);
			assert.match(text.body, /Authenticator app replaced/);
		});

		test("a replacement left unfinished changes nothing; starting again gives a new key, and an old check never confirms it", async () => {
			const person = await personOnTheirOldPhone();
			const first = await api(h.app, "/account/methods/totp/replace", { token: person.token, body: { password: PASSWORD } });
			assert.equal(first.statusCode, 201, first.body);
			const firstKey = first.json().enrolment.secret as string;
			assert.match(first.json().enrolment.uri, /^otpauth:\/\/totp\//);

			// The first code of the first new key is checked, while another tab starts over.
			const totp = h.tessera.deps.methods.get("totp");
			const context = { accountId: person.id, username: person.username, client: { ip: "127.0.0.1" } };
			const checked = await totp.enrolment!.check(context, { code: totpCode(firstKey, h.clock()) });
			const second = await api(h.app, "/account/methods/totp/replace", { token: person.token, body: { password: PASSWORD } });
			const secondKey = second.json().enrolment.secret as string;
			assert.notEqual(secondKey, firstKey);
			await assert.rejects(
				h.tessera.store.db.transaction().execute((tx) => totp.enrolment!.confirm(tx, context, checked, h.clock())),
				(e: Error & { code?: string }) => e.code === "totp_not_pending",
			);
			const stale = await api(h.app, "/account/methods/totp/confirm", { token: person.token, body: { code: totpCode(firstKey, h.clock()) } });
			assert.equal(stale.statusCode, 401, "the first new key was dropped when the replacement started over");

			// Abandoned: the old app is the account's, as before, and nothing was announced.
			assert.equal((await signInWith(person.username, person.secret)).statusCode, 201);
			assert.equal((await eventsOf(person.token)).filter((e) => e.kind === "second_factor_replaced").length, 0);
			const state = (await api(h.app, "/account", { token: person.token })).json().twoFactor;
			assert.equal(state.enabled, true);
			assert.deepEqual(state.requiredActions, []);
			h.clock.advance(30_000);

			// Through the API, the same confirm finishes it.
			const confirmed = await api(h.app, "/account/methods/totp/confirm", { token: person.token, body: { code: totpCode(secondKey, h.clock()) } });
			assert.equal(confirmed.statusCode, 200, confirmed.body);
			assert.equal(confirmed.json().twoFactor.enabled, true);
			assert.equal(confirmed.json().backupCodes, undefined, "a replacement makes no new codes");
			h.clock.advance(30_000);
			assert.equal((await signInWith(person.username, person.secret)).statusCode, 401);
			assert.equal((await signInWith(person.username, secondKey)).statusCode, 201);
		});

		test("a new phone's key waits half an hour for its first code; after that the replacement starts again, password first", async () => {
			const person = await signUpWithTwoFactor(h);
			const begun = await api(h.app, "/account/methods/totp/replace", { token: person.token, body: { password: PASSWORD } });
			const newKey = begun.json().enrolment.secret as string;
			h.clock.advance(31 * 60_000);
			const late = await api(h.app, "/account/methods/totp/confirm", { token: person.token, body: { code: totpCode(newKey, h.clock()) } });
			assert.equal(errorCode(late), "totp_not_pending");
			assert.equal((await signInWith(person.username, person.secret)).statusCode, 201, "the app in use is untouched");
			h.clock.advance(30_000);
			const again = await api(h.app, "/account/methods/totp/replace", { token: person.token, body: { password: PASSWORD } });
			const fresh = again.json().enrolment.secret as string;
			const confirmed = await api(h.app, "/account/methods/totp/confirm", { token: person.token, body: { code: totpCode(fresh, h.clock()) } });
			assert.equal(confirmed.statusCode, 200, confirmed.body);
		});

		test("only what can be replaced is: not a method with several credentials, nor an authenticator not set up", async () => {
			const person = await signUpWithTwoFactor(h);
			const passkeys = await api(h.app, "/account/methods/passkey/replace", { token: person.token, body: { password: PASSWORD } });
			assert.equal(errorCode(passkeys), "method_not_available");
			assert.deepEqual(passkeys.json().error.details.fields, [{ field: "method", reason: "invalid" }]);
			// Its words follow the reader's language; its details do not.
			const inFrench = await h.app.inject({
				method: "POST",
				url: "/api/v1/account/methods/passkey/replace",
				headers: { authorization: `Bearer ${person.token}`, "accept-language": "fr", "content-type": "application/json" },
				payload: { password: PASSWORD },
			});
			assert.deepEqual(inFrench.json().error.details, passkeys.json().error.details);
			assert.match(inFrench.body, /Seule une méthode à un seul identifiant peut être remplacée/);
			const wrongPassword = await api(h.app, "/account/methods/totp/replace", { token: person.token, body: { password: "nope nope nope" } });
			assert.equal(errorCode(wrongPassword), "invalid_credentials");

			const without = await signUp(h.app);
			const none = await api(h.app, "/account/methods/totp/replace", { token: without.token, body: { password: PASSWORD } });
			assert.equal(errorCode(none), "two_factor_not_enabled");

			// Half set up (the app confirmed, its codes not yet typed back): start over instead.
			const half = await signUp(h.app);
			const begun = await api(h.app, "/account/totp", { token: half.token, body: { password: PASSWORD } });
			await api(h.app, "/account/totp/confirm", { token: half.token, body: { code: totpCode(begun.json().secret, h.clock()) } });
			const halfway = await api(h.app, "/account/methods/totp/replace", { token: half.token, body: { password: PASSWORD } });
			assert.equal(errorCode(halfway), "two_factor_not_enabled");

			// In the pages, with nothing waiting, the confirm page leads back to the start.
			const browser = new FormClient(h.app);
			await browser.get("/sign-up");
			await browser.post("/sign-up", { username: uniqueUsername("mv"), password: PASSWORD, email: "" });
			const nothing = await browser.get("/settings/authenticator/replace/confirm");
			assert.equal(nothing.statusCode, 303);
			assert.equal(nothing.headers.location, "/settings/authenticator/replace");
			const removing = await browser.get("/settings/authenticator/disable");
			assert.doesNotMatch(removing.body, /replace-instead/, "nothing in use, nothing to move");

			// Its forms, like every form, need the page's CSRF token.
			const forms = [["/settings/authenticator/replace", { password: PASSWORD }], ["/settings/authenticator/replace/confirm", { code: "123456" }]] as const;
			for (const [url, fields] of forms) {
				const forged = await browser.post(url, fields, { csrf: null });
				assert.equal(forged.statusCode, 403, url);
			}
		});
	});
}
