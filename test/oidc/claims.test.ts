import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { createRemoteJWKSet, jwtVerify } from "jose";
import * as client from "openid-client";
import { ACR_PASSWORD, ACR_PHISHING_RESISTANT, ACR_TWO_FACTOR } from "../../src/core/authentication-strength.ts";
import { databaseKinds } from "../helpers/databases.ts";
import { signUp, uniqueUsername } from "../helpers/harness.ts";
import {
	Agent,
	addPasskey,
	addVerifiedEmail,
	anApp,
	nextTotp,
	type OidcServer,
	type SignInStep,
	signInToApp,
	signUpWithTwoFactorNow,
	startOidcServer,
	type TestApp,
	withPassword,
	withSecondStep,
} from "../helpers/oidc.ts";

/**
 * How strongly the person signed in reaches the app: in the ID token, in a JWT
 * access token for one of the app's APIs, and in introspection, the same three
 * claims (auth_time, amr per RFC 8176, acr) whichever method was used.
 */

const API = "https://api.example.test/orders";

for (const kind of await databaseKinds()) {
	describe(`OpenID Connect: what the tokens say about the sign-in (${kind})`, () => {
		let server: OidcServer;
		let app: TestApp;
		before(async () => {
			server = await startOidcServer(kind, { host: "localhost" });
			app = await anApp(server, { firstParty: true, resources: [API] });
		});
		after(() => server.close());

		/** Signs in to the app with `step`, then once more on the same browser for an opaque token. */
		async function strengthSeenByApp(step: SignInStep) {
			const agent = new Agent();
			const startedAt = Math.floor(Date.now() / 1000);
			const forApi = await signInToApp(agent, server, app, { resource: API }, step, { resource: API });
			const jwks = createRemoteJWKSet(new URL(`${server.base}/oidc/jwks`));
			const access = (await jwtVerify(forApi.tokens.access_token, jwks, { issuer: server.issuer, audience: API, typ: "at+jwt" })).payload;
			// The browser is signed in now: the next request goes straight through, with an opaque token.
			const plain = await signInToApp(agent, server, app);
			assert.ok(!plain.tokens.access_token.includes("."), "without a resource, an opaque access token");
			const introspected = await client.tokenIntrospection(app.config, plain.tokens.access_token);
			assert.equal(introspected.active, true);
			const info = await client.fetchUserInfo(app.config, plain.tokens.access_token, plain.claims.sub);
			assert.equal(info.sub, plain.claims.sub);
			const id = forApi.claims;
			assert.ok(typeof id.auth_time === "number" && id.auth_time >= startedAt - 1 && id.auth_time <= Date.now() / 1000 + 1, `auth_time ${id.auth_time}`);
			for (const [where, seen] of [
				["the JWT access token", access],
				["introspection", introspected],
				["the second ID token", plain.claims],
			] as const) {
				assert.equal(seen["auth_time"], id.auth_time, `${where}: auth_time`);
				assert.deepEqual(seen["amr"], id.amr, `${where}: amr`);
				assert.equal(seen["acr"], id.acr, `${where}: acr`);
			}
			return { amr: id.amr, acr: id.acr, sub: id.sub };
		}

		test("the password alone: pwd, the password level", async () => {
			const user = await signUp(server.tessera.app, uniqueUsername("pwd"));
			const seen = await strengthSeenByApp(withPassword(user.username));
			assert.deepEqual(seen, { amr: ["pwd"], acr: ACR_PASSWORD, sub: user.id });
		});

		test("the authenticator app: pwd, otp, mfa, two factors", async () => {
			const user = await signUpWithTwoFactorNow(server);
			const seen = await strengthSeenByApp(withSecondStep(user.username, { method: "totp", code: nextTotp(user.secret) }));
			assert.deepEqual(seen, { amr: ["pwd", "otp", "mfa"], acr: ACR_TWO_FACTOR, sub: user.id });
		});

		test("a backup code: pwd, otp, mfa, two factors; the app still gets its sign-in", async () => {
			const user = await signUpWithTwoFactorNow(server);
			const seen = await strengthSeenByApp(withSecondStep(user.username, { method: "backup_code", code: user.codes[0]! }));
			assert.deepEqual(seen, { amr: ["pwd", "otp", "mfa"], acr: ACR_TWO_FACTOR, sub: user.id });
		});

		test("a code by email: pwd only, the password level", async () => {
			const user = await signUpWithTwoFactorNow(server);
			const email = `${user.username}@example.org`;
			await addVerifiedEmail(server, user.token, email);
			const seen = await strengthSeenByApp(withSecondStep(user.username, { method: "email", server, email }));
			assert.deepEqual(seen, { amr: ["pwd"], acr: ACR_PASSWORD, sub: user.id });
		});

		test("a passkey: pwd, hwk, user, mfa, phishing-resistant", async () => {
			const user = await signUpWithTwoFactorNow(server);
			const authenticator = await addPasskey(server, user.token);
			const seen = await strengthSeenByApp(withSecondStep(user.username, { method: "passkey", authenticator }));
			assert.deepEqual(seen, { amr: ["pwd", "hwk", "user", "mfa"], acr: ACR_PHISHING_RESISTANT, sub: user.id });
		});

		test("an app learns nothing from introspecting another app's token", async () => {
			const user = await signUp(server.tessera.app, uniqueUsername("intro"));
			const { tokens } = await signInToApp(new Agent(), server, app, {}, withPassword(user.username));
			const other = await anApp(server, { firstParty: true });
			const seen = await client.tokenIntrospection(other.config, tokens.access_token);
			assert.equal(seen.active, false, `another app saw ${JSON.stringify(seen)}`);
			assert.equal(seen.sub, undefined);
		});

		test("a resource the app was not given is refused", async () => {
			const user = await signUp(server.tessera.app, uniqueUsername("res"));
			const agent = new Agent();
			await assert.rejects(signInToApp(agent, server, app, { resource: "https://api.example.test/payroll" }, withPassword(user.username)), /invalid_target|no code/);
		});

		test("the email scope gives the confirmed address, and only with that scope", async () => {
			const user = await signUp(server.tessera.app, uniqueUsername("mail"));
			const email = `${user.username}@example.org`;
			await addVerifiedEmail(server, user.token, email);
			const agent = new Agent();
			const withEmail = await signInToApp(agent, server, app, { scope: "openid email" }, withPassword(user.username));
			const info = await client.fetchUserInfo(app.config, withEmail.tokens.access_token, user.id);
			assert.equal(info.email, email);
			assert.equal(info.email_verified, true);
			const without = await signInToApp(agent, server, app, { scope: "openid" });
			const less = await client.fetchUserInfo(app.config, without.tokens.access_token, user.id);
			assert.equal(less.email, undefined);
			assert.equal(less.preferred_username, undefined);
		});
	});
}
