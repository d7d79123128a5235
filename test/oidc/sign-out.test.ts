import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import * as client from "openid-client";
import { lockUser, resetUserTwoFactor } from "../../src/flows/operator.ts";
import { databaseKinds } from "../helpers/databases.ts";
import { api, PASSWORD, signUp, uniqueUsername } from "../helpers/harness.ts";
import {
	Agent,
	addVerifiedEmail,
	anApp,
	authorize,
	BACKCHANNEL_LOGOUT_EVENT,
	codeInText,
	nextTotp,
	type OidcServer,
	outboxMessage,
	refusedWith,
	type SignInStep,
	signInToApp,
	signUpWithTwoFactorNow,
	startLogoutReceiver,
	startOidcServer,
	verifyLogoutToken,
	withPassword,
	withSecondStep,
} from "../helpers/oidc.ts";

/**
 * Every way a person's sign-ins end reaches the apps they signed in to: the
 * app's refresh token stops working and a signed back-channel logout token
 * arrives at the address the operator registered for it.
 */

const NEW_PASSWORD = "a whole new passphrase 42";

for (const kind of await databaseKinds()) {
	describe(`OpenID Connect: signing out reaches the apps (${kind})`, () => {
		let server: OidcServer;
		let receiver: Awaited<ReturnType<typeof startLogoutReceiver>>;
		before(async () => {
			server = await startOidcServer(kind, { env: { TESSERA_RECOVERY_WAIT: "1s" } });
			receiver = await startLogoutReceiver();
		});
		after(async () => {
			await server.close();
			await receiver.close();
		});

		/** A person signed in to an app that keeps a refresh token and listens for logouts. */
		async function signedInToApp(user: { id: string; username: string }, step: SignInStep = withPassword(user.username)) {
			const logoutUri = receiver.uri();
			const app = await anApp(server, { firstParty: true, backchannelLogoutUri: logoutUri });
			const agent = new Agent();
			const { tokens } = await signInToApp(agent, server, app, { scope: "openid offline_access" }, step);
			assert.ok(tokens.refresh_token);
			// Still good before the sign-out.
			const refreshed = await client.refreshTokenGrant(app.config, tokens.refresh_token);
			assert.ok(refreshed.refresh_token);
			return { app, agent, logoutUri, refresh: refreshed.refresh_token };
		}

		/** What the app sees afterwards: its refresh token refused, and a logout token it can verify. */
		async function assertAppSignedOut(held: Awaited<ReturnType<typeof signedInToApp>>, sub: string, timeoutMs = 5000) {
			assert.equal(await refusedWith(client.refreshTokenGrant(held.app.config, held.refresh)), "invalid_grant");
			const { token } = await receiver.next(held.logoutUri, sub, timeoutMs);
			const claims = await verifyLogoutToken(server, token, held.app.clientId);
			assert.equal(claims.sub, sub);
			assert.deepEqual(claims["events"], { [BACKCHANNEL_LOGOUT_EVENT]: {} });
			assert.equal(claims["nonce"], undefined, "a logout token has no nonce");
			assert.ok(typeof claims.jti === "string" && typeof claims.iat === "number");
		}

		test("signing out on Tessera's page", async () => {
			const user = await signUp(server.tessera.app, uniqueUsername("out"));
			const held = await signedInToApp(user);
			await held.agent.follow(`${server.base}/settings/apps`, server.base);
			const out = await held.agent.submit(server.base, "/sign-out", {});
			assert.equal(out.url, `${server.base}/sign-in`);
			await assertAppSignedOut(held, user.id);
		});

		test("once the app has its sign-in, Tessera's own pages open as usual (the journey is over)", async () => {
			const user = await signUp(server.tessera.app, uniqueUsername("home"));
			const held = await signedInToApp(user);
			const settings = await held.agent.follow(`${server.base}/settings`, server.base);
			assert.equal(settings.url, `${server.base}/settings`, "not sent back to the finished sign-in");
			assert.equal(settings.status, 200);
			const signIn = await held.agent.follow(`${server.base}/sign-in`, server.base);
			assert.equal(signIn.url, `${server.base}/settings`, "a signed-in browser goes to its settings");
		});

		test("changing the password signs out everywhere else, apps included", async () => {
			const user = await signUp(server.tessera.app, uniqueUsername("chg"));
			const held = await signedInToApp(user);
			const changed = await api(server.tessera.app, "/account/password", { token: user.token, body: { currentPassword: PASSWORD, newPassword: NEW_PASSWORD } });
			assert.equal(changed.statusCode, 200, changed.body);
			await assertAppSignedOut(held, user.id);
		});

		test("a password reset", async () => {
			const user = await signUp(server.tessera.app, uniqueUsername("rst"));
			const email = `${user.username}@example.org`;
			await addVerifiedEmail(server, user.token, email);
			const held = await signedInToApp(user);
			const since = Date.now() - 1;
			const requested = await api(server.tessera.app, "/password-reset", { body: { identifier: email } });
			assert.equal(requested.statusCode, 202, requested.body);
			const link = /\/reset-password\?token=([A-Za-z0-9_-]+)/.exec(await outboxMessage(server, email, since))?.[1];
			assert.ok(link);
			const done = await api(server.tessera.app, "/password-reset/complete", { body: { token: link, newPassword: NEW_PASSWORD } });
			assert.equal(done.statusCode, 200, done.body);
			assert.equal(done.json().status, "password_changed");
			await assertAppSignedOut(held, user.id);
		});

		test("an operator locks the account", async () => {
			const user = await signUp(server.tessera.app, uniqueUsername("lck"));
			const held = await signedInToApp(user);
			assert.equal(await lockUser(server.tessera.deps, user.username, "operator:jordan", "reported stolen"), true);
			await assertAppSignedOut(held, user.id);
			// And no new sign-in reaches the app while it is locked.
			const again = await authorize(new Agent(), server, held.app, {}, withPassword(user.username));
			assert.equal(again.callback, undefined, again.landing.url);
		});

		test("an operator resets two-factor", async () => {
			const user = await signUpWithTwoFactorNow(server);
			const held = await signedInToApp(user, withSecondStep(user.username, { method: "totp", code: nextTotp(user.secret) }));
			await resetUserTwoFactor(server.tessera.deps, user.username, "operator:jordan", "lost phone, identity checked by video call");
			await assertAppSignedOut(held, user.id);
		});

		test("account recovery completing", async () => {
			const user = await signUpWithTwoFactorNow(server);
			const email = `${user.username}@example.org`;
			await addVerifiedEmail(server, user.token, email);
			const held = await signedInToApp(user, withSecondStep(user.username, { method: "backup_code", code: user.codes[0]! }));
			// Elsewhere, the person (who lost the phone) starts a recovery by email.
			const step = await api(server.tessera.app, "/sessions", { body: { username: user.username, password: PASSWORD } });
			const challenge = (step.json() as { secondFactor: { challenge: string } }).secondFactor.challenge;
			const since = Date.now() - 1;
			const sent = await api(server.tessera.app, "/recovery/send", { body: { challenge, kind: "email" } });
			assert.equal(sent.statusCode, 202, sent.body);
			const code = codeInText(await outboxMessage(server, email, since));
			const started = await api(server.tessera.app, "/recovery/start", { body: { challenge, kind: "email", code } });
			assert.equal(started.statusCode, 201, started.body);
			await new Promise((r) => setTimeout(r, 1200));
			// The first password sign-in after the wait completes it: two-factor reset, everything signed out.
			const completed = await api(server.tessera.app, "/sessions", { body: { username: user.username, password: PASSWORD } });
			assert.ok(completed.statusCode < 300, completed.body);
			await assertAppSignedOut(held, user.id);
		});

		test("an app whose logout endpoint fails at first still gets the logout, on a retry", async () => {
			const user = await signUp(server.tessera.app, uniqueUsername("retry"));
			const held = await signedInToApp(user);
			receiver.failing(held.logoutUri, 1);
			await held.agent.follow(`${server.base}/settings/apps`, server.base);
			await held.agent.submit(server.base, "/sign-out", {});
			await assertAppSignedOut(held, user.id, 20_000);
			assert.ok(receiver.attemptsAt(held.logoutUri) >= 2, "one failed attempt, then the one that worked");
		});
	});
}
