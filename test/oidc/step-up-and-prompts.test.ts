import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { ACR_PASSWORD, ACR_PHISHING_RESISTANT, ACR_TWO_FACTOR } from "../../src/core/authentication-strength.ts";
import { databaseKinds } from "../helpers/databases.ts";
import { signUp, uniqueUsername } from "../helpers/harness.ts";
import {
	Agent,
	addPasskey,
	answerSecondStep,
	anApp,
	authorize,
	nextTotp,
	type OidcServer,
	signInToApp,
	signInToTessera,
	startOidcServer,
	type TestApp,
	turnOnTwoFactor,
	withPassword,
	withSecondStep,
} from "../helpers/oidc.ts";

/**
 * An app that asks for more than the browser's sign-in has: acr_values sends
 * the person to a step-up (or says it cannot be had), max_age and prompt=login
 * ask for the password again, and prompt=none answers at once either way.
 */

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

for (const kind of await databaseKinds()) {
	describe(`OpenID Connect: step-up, max_age and prompt (${kind})`, () => {
		let server: OidcServer;
		let app: TestApp;
		before(async () => {
			server = await startOidcServer(kind, { host: "localhost" });
			app = await anApp(server, { firstParty: true });
		});
		after(() => server.close());

		/** A person signed in on a browser with the password only, whose account then turned two-factor on. */
		async function passwordOnlySessionWithTwoFactor() {
			const user = await signUp(server.tessera.app, uniqueUsername("step"));
			const agent = new Agent();
			const first = await signInToApp(agent, server, app, {}, withPassword(user.username));
			assert.equal(first.claims.acr, ACR_PASSWORD);
			const factors = await turnOnTwoFactor(server, user.token);
			return { ...user, ...factors, agent, first };
		}

		test("two-factor asked of a password-only sign-in: the second step at /sign-in/more, then acr two-factor and a later auth_time", async () => {
			const person = await passwordOnlySessionWithTwoFactor();
			await sleep(1100);
			const done = await authorize(person.agent, server, app, { acr_values: ACR_TWO_FACTOR });
			assert.equal(new URL(done.landing.url).pathname, "/sign-in/more", done.landing.url);
			assert.match(done.landing.body, /asks for a second step/);
			const back = await answerSecondStep(person.agent, server.base, "/sign-in/more", { method: "totp", code: nextTotp(person.secret) });
			assert.ok(back.url.startsWith(app.redirect), back.url);
			const { claims } = await signInToApp(person.agent, server, app, { acr_values: ACR_TWO_FACTOR });
			assert.equal(claims.acr, ACR_TWO_FACTOR);
			assert.deepEqual(claims.amr, ["pwd", "otp", "mfa"]);
			assert.ok((claims.auth_time as number) > (person.first.claims.auth_time as number), "the step-up is the latest factor");
		});

		test("a session already strong enough is sent back at once, with no page", async () => {
			const person = await passwordOnlySessionWithTwoFactor();
			const agent = new Agent();
			await signInToTessera(agent, server, withSecondStep(person.username, { method: "backup_code", code: person.codes[0]! }));
			const done = await authorize(agent, server, app, { acr_values: ACR_TWO_FACTOR });
			assert.ok(done.callback?.get("code"), `straight back to the app: ${done.landing.url}`);
		});

		test("phishing-resistant: /sign-in/stronger, a passkey only", async () => {
			const person = await passwordOnlySessionWithTwoFactor();
			const authenticator = await addPasskey(server, person.token);
			const done = await authorize(person.agent, server, app, { acr_values: ACR_PHISHING_RESISTANT });
			assert.equal(new URL(done.landing.url).pathname, "/sign-in/stronger", done.landing.url);
			// The authenticator app is not enough here.
			const refused = await person.agent.submit(server.base, "/sign-in/stronger", { method: "totp", code: nextTotp(person.secret) });
			assert.ok(!refused.url.startsWith(app.redirect), "a code from the authenticator app does not reach the app");
			const back = await answerSecondStep(person.agent, server.base, "/sign-in/stronger", { method: "passkey", authenticator });
			assert.ok(back.url.startsWith(app.redirect), back.url);
			const { claims } = await signInToApp(person.agent, server, app, { acr_values: ACR_PHISHING_RESISTANT });
			assert.equal(claims.acr, ACR_PHISHING_RESISTANT);
			assert.ok((claims.amr as string[]).includes("hwk"));
		});

		test("an account that cannot step up gets a page, and 'Go back' tells the app unmet_authentication_requirements", async () => {
			const user = await signUp(server.tessera.app, uniqueUsername("weak"));
			const agent = new Agent();
			const done = await authorize(agent, server, app, { acr_values: ACR_TWO_FACTOR }, withPassword(user.username));
			assert.equal(done.callback, undefined, `no code for a password-only account: ${done.landing.url}`);
			assert.match(done.landing.body, /Example app asks for a stronger sign-in/);
			const uid = /\/oidc\/interaction\/([^/"]+)\/abort/.exec(done.landing.body)?.[1];
			assert.ok(uid);
			const back = await agent.submit(server.base, `/oidc/interaction/${uid}/abort`, {});
			assert.ok(back.url.startsWith(app.redirect), back.url);
			const query = new URL(back.url).searchParams;
			assert.equal(query.get("error"), "unmet_authentication_requirements");
			assert.equal(query.get("state"), done.started.state);
			assert.equal(query.get("code"), null);
		});

		test("max_age: an older sign-in means the password again, then a fresh auth_time", async () => {
			const user = await signUp(server.tessera.app, uniqueUsername("age"));
			const agent = new Agent();
			const first = await signInToApp(agent, server, app, {}, withPassword(user.username));
			await sleep(2100);
			const again = await authorize(agent, server, app, { max_age: "1" });
			assert.equal(new URL(again.landing.url).pathname, "/sign-in", again.landing.url);
			assert.match(again.landing.body, /asks you to sign in again/);
			const back = await withPassword(user.username)(agent, again.landing);
			assert.ok(back.url.startsWith(app.redirect), back.url);
			const fresh = await signInToApp(agent, server, app, { max_age: "60" });
			assert.ok((fresh.claims.auth_time as number) > (first.claims.auth_time as number));
			// Within max_age: straight through.
			const within = await authorize(agent, server, app, { max_age: "60" });
			assert.ok(within.callback?.get("code"), within.landing.url);
		});

		test("prompt=login asks for the password even on a signed-in browser", async () => {
			const user = await signUp(server.tessera.app, uniqueUsername("login"));
			const agent = new Agent();
			const first = await signInToApp(agent, server, app, {}, withPassword(user.username));
			await sleep(1100);
			const again = await authorize(agent, server, app, { prompt: "login" });
			assert.equal(new URL(again.landing.url).pathname, "/sign-in", again.landing.url);
			const back = await withPassword(user.username)(agent, again.landing);
			assert.ok(back.url.startsWith(app.redirect), back.url);
			const { claims } = await signInToApp(agent, server, app);
			assert.ok((claims.auth_time as number) > (first.claims.auth_time as number));
		});

		test("prompt=none: no session → login_required at the app", async () => {
			const done = await authorize(new Agent(), server, app, { prompt: "none" });
			assert.ok(done.callback, `answered at the app: ${done.landing.url}`);
			assert.equal(done.callback.get("error"), "login_required");
			assert.equal(done.callback.get("state"), done.started.state);
		});

		test("prompt=none: a sign-in too weak for acr_values → interaction_required; strong enough → a code at once", async () => {
			const person = await passwordOnlySessionWithTwoFactor();
			const weak = await authorize(person.agent, server, app, { prompt: "none", acr_values: ACR_TWO_FACTOR });
			assert.equal(weak.callback?.get("error"), "interaction_required", weak.landing.url);
			const fine = await authorize(person.agent, server, app, { prompt: "none" });
			assert.ok(fine.callback?.get("code"), fine.landing.url);
			const { claims } = await signInToApp(person.agent, server, app, { prompt: "none", acr_values: ACR_PASSWORD });
			assert.equal(claims.acr, ACR_PASSWORD);
		});
	});
}
