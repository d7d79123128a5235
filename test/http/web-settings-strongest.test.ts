import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { resetUserTwoFactor } from "../../src/flows/operator.ts";
import { FormClient } from "../helpers/browserless.ts";
import { databaseKinds } from "../helpers/databases.ts";
import { api, PASSWORD, signUp, signUpWithTwoFactor, uniqueUsername } from "../helpers/harness.ts";
import { aPhone, startLiveHarness } from "../helpers/live.ts";
import { SoftwareAuthenticator } from "../helpers/software-authenticator.ts";

// inject() sends Host: localhost:80: the page's origin is http://localhost:80.
const ORIGIN = "http://localhost:80";

/**
 * Settings name and order second steps by one rule: a primary method before backup
 * codes, then the level each adds (a passkey, then an app, a text message, then an
 * email code), as the registry lists them and the API's methods say.
 */
for (const kind of await databaseKinds()) {
	describe(`settings agree on which second step is strongest (${kind})`, () => {
		let live: Awaited<ReturnType<typeof startLiveHarness>>;
		before(async () => {
			live = await startLiveHarness(kind);
		});
		after(() => live.close());

		function browserOf(token: string) {
			const browser = new FormClient(live.h.app);
			browser.cookies.set("__Host-tessera_session", token);
			return browser;
		}

		async function addPasskey(token: string) {
			const options = await api(live.h.app, "/account/passkeys/options", { token, body: { password: PASSWORD } });
			assert.equal(options.statusCode, 200, options.body);
			const added = await api(live.h.app, "/account/passkeys", {
				token,
				body: { name: "Laptop", response: new SoftwareAuthenticator().register(options.json().options, ORIGIN) },
			});
			assert.equal(added.statusCode, 201, added.body);
		}

		/** The first method the API lists as set up and primary: "strongest first" there too. */
		async function apiStrongest(token: string): Promise<string> {
			const methods = (await api(live.h.app, "/account/methods", { token })).json().methods as { name: string; role: string; enrolled: boolean }[];
			return methods.find((m) => m.enrolled && m.role === "primary")!.name;
		}

		const strongestOn = (body: string) => /<p id="strongest">([^<]*)<\/p>/.exec(body)?.[1];

		test("with an email code and an authenticator app, the app; the email code is never called the strongest", async () => {
			const user = await signUpWithTwoFactor(live.h);
			await live.addVerified(user.token, "email", `${user.username}@example.net`);
			const page = await browserOf(user.token).get("/settings");
			assert.equal(page.statusCode, 200);
			assert.equal(strongestOn(page.body), "Your strongest second step is your authenticator app.");
			assert.equal(await apiStrongest(user.token), "totp");
		});

		test("with a passkey and an authenticator app, the passkey, and nothing on the page says otherwise", async () => {
			const user = await signUpWithTwoFactor(live.h);
			await addPasskey(user.token);
			const page = await browserOf(user.token).get("/settings");
			assert.equal(strongestOn(page.body), "Your strongest second step is your passkey.");
			assert.equal(await apiStrongest(user.token), "passkey");
			const claims = [...page.body.matchAll(/[^.>]*\bstrongest\b[^.<]*/gi)].map((m) => m[0]);
			for (const claim of claims) assert.doesNotMatch(claim, /authenticator/i, `a part of the page calls another method the strongest: ${claim}`);
		});

		test("with two-factor off, the ways to turn it on and the page after a reset list them strongest first", async () => {
			const user = await signUp(live.h.app, uniqueUsername("order"));
			await live.addVerified(user.token, "email", `${user.username}@example.net`);
			await live.addVerified(user.token, "phone", aPhone());
			await addPasskey(user.token);
			const settings = await browserOf(user.token).get("/settings");
			assert.match(settings.body, /<p id="turn-on-with">You can turn it on with your passkey, a text message or an email:/);

			// On again, then reset by an operator: the page that asks to set it up again uses the same order.
			const set = await api(live.h.app, "/account/backup-codes", { token: user.token, body: { password: PASSWORD } });
			await api(live.h.app, "/account/backup-codes/confirm", { token: user.token, body: { code: set.json().codes[0] } });
			await resetUserTwoFactor(live.h.tessera.deps, user.username, "operator:sam", "identity checked by phone");
			const signedIn = await api(live.h.app, "/sessions", { body: { username: user.username, password: PASSWORD } });
			assert.equal(signedIn.statusCode, 201, signedIn.body);
			const token = signedIn.json().session.token as string;
			await addPasskey(token);
			const required = await browserOf(token).get("/settings/two-factor/required");
			assert.equal(required.statusCode, 200, required.body);
			const ready = /<p id="ready-with">([^<]*)<\/p>/.exec(required.body)?.[1];
			assert.match(ready ?? "", /^Or turn it on with your passkey\b/, ready);
		});
	});
}
