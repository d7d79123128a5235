import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import * as client from "openid-client";
import { databaseKinds } from "../helpers/databases.ts";
import { signUp, uniqueUsername } from "../helpers/harness.ts";
import {
	Agent,
	activityOf,
	anApp,
	authorize,
	eventually,
	type OidcServer,
	refusedWith,
	signInToApp,
	signInToTessera,
	startOidcServer,
	type TestApp,
	withPassword,
} from "../helpers/oidc.ts";

/**
 * Consent for third-party apps (asked once per person, on any browser, until
 * withdrawn), none for first-party ones, and refresh tokens: rotated at every
 * use, and a stolen old one ends them all.
 */

const consentUid = (body: string) => /action="\/oidc\/interaction\/([^/"]+)\/consent"/.exec(body)?.[1];

for (const kind of await databaseKinds()) {
	describe(`OpenID Connect: consent and refresh tokens (${kind})`, () => {
		let server: OidcServer;
		let firstParty: TestApp;
		before(async () => {
			server = await startOidcServer(kind);
			firstParty = await anApp(server, { firstParty: true, name: "Tessera Mail" });
		});
		after(() => server.close());

		const person = () => signUp(server.tessera.app, uniqueUsername("consent"));

		test("a third-party app: the consent page names the app, what it asks for and its address; 'Don't allow' → access_denied", async () => {
			const app = await anApp(server, { name: "Photo Printer" });
			const user = await person();
			const agent = new Agent();
			const done = await authorize(agent, server, app, { scope: "openid profile email" }, withPassword(user.username));
			assert.equal(done.callback, undefined, done.landing.url);
			const page = done.landing.body;
			assert.match(page, /Allow Photo Printer to sign you in\?/);
			assert.match(page, /http:\/\/127\.0\.0\.1:9/, "the app's address");
			assert.match(page, /See your username/);
			assert.match(page, /See your confirmed email address/);
			const uid = consentUid(page);
			assert.ok(uid);
			const denied = await agent.submit(server.base, `/oidc/interaction/${uid}/consent`, { decision: "deny" });
			assert.ok(denied.url.startsWith(app.redirect), denied.url);
			const query = new URL(denied.url).searchParams;
			assert.equal(query.get("error"), "access_denied");
			assert.equal(query.get("code"), null);
			// Denied is not remembered: the next request asks again.
			const again = await authorize(agent, server, app);
			assert.ok(consentUid(again.landing.body), "asked again");
		});

		test("'Allow' is remembered for the person on another browser; withdrawing it ends the app's refresh tokens and asks again", async () => {
			const app = await anApp(server, { name: "Calendar Sync" });
			const user = await person();
			const agent = new Agent();
			const asked = await authorize(agent, server, app, { scope: "openid profile offline_access", prompt: "consent" }, withPassword(user.username));
			const allowed = await agent.submit(server.base, `/oidc/interaction/${consentUid(asked.landing.body)}/consent`, { decision: "allow" });
			assert.ok(allowed.url.startsWith(app.redirect), allowed.url);
			const tokens = await client.authorizationCodeGrant(app.config, new URL(allowed.url), {
				pkceCodeVerifier: asked.started.verifier,
				expectedState: asked.started.state,
				expectedNonce: asked.started.nonce,
			});
			assert.ok(tokens.refresh_token, "offline_access, allowed, gives a refresh token");

			// A new browser, the same person: no consent page.
			const elsewhere = new Agent();
			const remembered = await signInToApp(elsewhere, server, app, { scope: "openid profile" }, withPassword(user.username));
			assert.equal(remembered.claims.sub, user.id);

			// Apps with access, linked from settings, lists it; withdrawing it ends what it holds.
			const home = await elsewhere.follow(`${server.base}/settings`, server.base);
			assert.match(home.body, /<a href="\/settings\/apps">Apps with access<\/a>/);
			const settings = await elsewhere.follow(`${server.base}/settings/apps`, server.base);
			assert.match(settings.body, /Calendar Sync/);
			const withdrawn = await elsewhere.submit(server.base, "/settings/apps/withdraw", { client: app.clientId });
			assert.doesNotMatch(withdrawn.body, /Calendar Sync/);
			assert.equal(await refusedWith(client.refreshTokenGrant(app.config, tokens.refresh_token)), "invalid_grant");
			const after = await client.tokenIntrospection(app.config, remembered.tokens.access_token);
			assert.equal(after.active, false, "its access tokens end too");
			const next = await authorize(elsewhere, server, app, { scope: "openid profile" });
			assert.ok(consentUid(next.landing.body), `the next sign-in asks again: ${next.landing.url}`);
		});

		test("a first-party app: no consent page, and offline_access gives a refresh token", async () => {
			const user = await person();
			const { tokens, claims } = await signInToApp(new Agent(), server, firstParty, { scope: "openid offline_access" }, withPassword(user.username));
			assert.equal(claims.sub, user.id);
			assert.ok(tokens.refresh_token);
			const apps = await new Agent().follow(`${server.base}/settings/apps`, server.base);
			assert.equal(apps.url, `${server.base}/sign-in`, "the page needs a sign-in");
		});

		test("a third-party app without offline_access allowed gets no refresh token", async () => {
			const app = await anApp(server, { name: "Quiet App" });
			const user = await person();
			const agent = new Agent();
			const asked = await authorize(agent, server, app, { scope: "openid offline_access" }, withPassword(user.username));
			const allowed = await agent.submit(server.base, `/oidc/interaction/${consentUid(asked.landing.body)}/consent`, { decision: "allow" });
			const tokens = await client.authorizationCodeGrant(app.config, new URL(allowed.url), {
				pkceCodeVerifier: asked.started.verifier,
				expectedState: asked.started.state,
				expectedNonce: asked.started.nonce,
			});
			assert.equal(tokens.refresh_token, undefined, "offline_access needs prompt=consent for an app that is not first-party");
		});

		async function refreshable() {
			const user = await person();
			const agent = new Agent();
			await signInToTessera(agent, server, withPassword(user.username));
			const { tokens } = await signInToApp(agent, server, firstParty, { scope: "openid offline_access" });
			assert.ok(tokens.refresh_token);
			return { user, refresh: tokens.refresh_token };
		}

		test("refresh tokens rotate: a new one at each use, usable by this app only", async () => {
			const { user, refresh } = await refreshable();
			const first = await client.refreshTokenGrant(firstParty.config, refresh);
			assert.ok(first.refresh_token && first.refresh_token !== refresh);
			assert.equal(first.claims()?.sub, user.id, "a new ID token for the same person");
			const second = await client.refreshTokenGrant(firstParty.config, first.refresh_token);
			assert.ok(second.refresh_token && second.refresh_token !== first.refresh_token);
			const info = await client.fetchUserInfo(firstParty.config, second.access_token, user.id);
			assert.equal(info.sub, user.id);
			// Another app cannot use it.
			const other = await anApp(server, { firstParty: true });
			assert.equal(await refusedWith(client.refreshTokenGrant(other.config, second.refresh_token)), "invalid_grant");
		});

		test("a rotated refresh token used again ends the whole family, and the person sees it in their activity", async () => {
			const { user, refresh } = await refreshable();
			const rotated = await client.refreshTokenGrant(firstParty.config, refresh);
			assert.ok(rotated.refresh_token);
			assert.equal(await refusedWith(client.refreshTokenGrant(firstParty.config, refresh)), "invalid_grant", "the spent one");
			assert.equal(await refusedWith(client.refreshTokenGrant(firstParty.config, rotated.refresh_token)), "invalid_grant", "the newest too");
			const gone = await client.tokenIntrospection(firstParty.config, rotated.access_token);
			assert.equal(gone.active, false, "and its access token");
			const event = await eventually("app_token_reused in the activity", async () => (await activityOf(server, user.token)).find((e) => e.kind === "app_token_reused"));
			assert.match(event.description, /Tessera Mail/);
		});
	});
}
