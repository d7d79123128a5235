import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import * as client from "openid-client";
import { ACR_PASSWORD, ACR_PHISHING_RESISTANT, ACR_TWO_FACTOR } from "../../src/core/authentication-strength.ts";
import { databaseKinds } from "../helpers/databases.ts";
import { signUp } from "../helpers/harness.ts";
import { Agent, anApp, authorize, configFor, type OidcServer, refusedWith, signInToApp, startOidcServer, withPassword } from "../helpers/oidc.ts";

/**
 * What an app developer meets first: the discovery document and keys, and the
 * authorization code flow with PKCE for confidential and public apps, with the
 * mistakes Tessera refuses.
 */

function assertSecurityHeaders(response: Response, what: string) {
	assert.equal(response.headers.get("x-content-type-options"), "nosniff", `${what}: X-Content-Type-Options`);
	assert.ok(response.headers.get("content-security-policy"), `${what}: Content-Security-Policy`);
	assert.ok(response.headers.get("referrer-policy"), `${what}: Referrer-Policy`);
	assert.ok(response.headers.get("x-frame-options") || /frame-ancestors/.test(response.headers.get("content-security-policy") ?? ""), `${what}: framing refused`);
}

for (const kind of await databaseKinds()) {
	describe(`OpenID Connect: discovery and the code flow (${kind})`, () => {
		let server: OidcServer;
		let username: string;
		before(async () => {
			server = await startOidcServer(kind);
			({ username } = await signUp(server.tessera.app));
		});
		after(() => server.close());

		test("discovery names the issuer, its endpoints and what Tessera supports", async () => {
			const response = await fetch(`${server.base}/.well-known/openid-configuration`);
			assert.equal(response.status, 200);
			assertSecurityHeaders(response, "discovery");
			const meta = (await response.json()) as Record<string, unknown>;
			const base = server.base;
			assert.equal(meta["issuer"], base);
			assert.equal(meta["authorization_endpoint"], `${base}/oidc/auth`);
			assert.equal(meta["token_endpoint"], `${base}/oidc/token`);
			assert.equal(meta["userinfo_endpoint"], `${base}/oidc/userinfo`);
			assert.equal(meta["jwks_uri"], `${base}/oidc/jwks`);
			assert.equal(meta["introspection_endpoint"], `${base}/oidc/token/introspection`);
			assert.equal(meta["revocation_endpoint"], `${base}/oidc/token/revocation`);
			assert.equal(meta["end_session_endpoint"], `${base}/oidc/session/end`);
			assert.deepEqual(meta["acr_values_supported"], [ACR_PASSWORD, ACR_TWO_FACTOR, ACR_PHISHING_RESISTANT], "weakest first");
			assert.deepEqual(meta["code_challenge_methods_supported"], ["S256"]);
			for (const scope of ["openid", "profile", "email", "offline_access"]) assert.ok((meta["scopes_supported"] as string[]).includes(scope), scope);
			assert.deepEqual(meta["response_types_supported"], ["code"]);
			assert.equal(meta["backchannel_logout_supported"], true);
			for (const claim of ["sub", "auth_time", "amr", "acr"]) assert.ok((meta["claims_supported"] as string[]).includes(claim), claim);
		});

		test("the JWKS publishes the signing key, public parts only", async () => {
			const response = await fetch(`${server.base}/oidc/jwks`);
			assert.equal(response.status, 200);
			assertSecurityHeaders(response, "jwks");
			const { keys } = (await response.json()) as { keys: Record<string, unknown>[] };
			assert.ok(keys.length >= 1);
			for (const key of keys) {
				assert.equal(key["kty"], "RSA");
				assert.equal(key["alg"], "RS256");
				assert.equal(key["use"], "sig");
				assert.ok(typeof key["kid"] === "string" && key["kid"].length > 0);
				for (const secret of ["d", "p", "q", "dp", "dq", "qi"]) assert.equal(key[secret], undefined, `no private part ${secret}`);
			}
		});

		test("a confidential app with client_secret_basic: code with PKCE, tokens, and userinfo", async () => {
			const app = await anApp(server, { firstParty: true });
			const { tokens, claims } = await signInToApp(new Agent(), server, app, {}, withPassword(username));
			assert.equal(claims.iss, server.base);
			assert.equal(claims.aud, app.clientId);
			const info = await client.fetchUserInfo(app.config, tokens.access_token, claims.sub);
			assert.equal(info.preferred_username, username);
		});

		test("a confidential app with client_secret_post", async () => {
			const app = await anApp(server, { firstParty: true }, { auth: "post" });
			const { claims } = await signInToApp(new Agent(), server, app, {}, withPassword(username));
			assert.equal(claims.aud, app.clientId);
		});

		test("a public app: PKCE and no secret", async () => {
			const app = await anApp(server, { firstParty: true, public: true });
			assert.equal(app.clientSecret, undefined);
			const { tokens, claims } = await signInToApp(new Agent(), server, app, {}, withPassword(username));
			assert.equal(claims.aud, app.clientId);
			assert.ok(tokens.access_token);
		});

		test("a request without PKCE is refused at the app's address, for a confidential app too", async () => {
			for (const input of [{ firstParty: true }, { firstParty: true, public: true }]) {
				const app = await anApp(server, input);
				const url = new URL(`${server.base}/oidc/auth`);
				url.search = new URLSearchParams({ client_id: app.clientId, redirect_uri: app.redirect, response_type: "code", scope: "openid", state: "s1" }).toString();
				const landing = await new Agent().follow(url.href, server.base);
				assert.ok(landing.url.startsWith(app.redirect), `refused at the app: ${landing.url}`);
				const query = new URL(landing.url).searchParams;
				assert.equal(query.get("error"), "invalid_request");
				assert.match(query.get("error_description") ?? "", /PKCE|code_challenge/);
				assert.equal(query.get("code"), null);
			}
		});

		test("PKCE with the plain method is refused", async () => {
			const app = await anApp(server, { firstParty: true });
			const done = await authorize(new Agent(), server, app, { code_challenge: "a".repeat(43), code_challenge_method: "plain" });
			assert.equal(done.callback?.get("error"), "invalid_request");
			assert.equal(done.callback?.get("code"), null);
		});

		test("an unknown redirect_uri gets an error page at Tessera, never a redirect", async () => {
			const app = await anApp(server, { firstParty: true });
			const agent = new Agent();
			const started = await authorize(agent, server, app, { redirect_uri: "http://127.0.0.1:9/elsewhere" });
			const response = await agent.request(started.started.url.href);
			assert.equal(response.status, 400);
			assert.equal(response.headers.get("location"), null);
			assert.match(response.headers.get("content-type") ?? "", /text\/html/);
			assertSecurityHeaders(response, "error page");
			const body = await response.text();
			assert.match(body, /redirect_uri/);
			assert.doesNotMatch(body, /elsewhere.*code=/);
		});

		test("an unknown client gets the error page too", async () => {
			const url = new URL(`${server.base}/oidc/auth`);
			url.search = new URLSearchParams({ client_id: "no-such-app", redirect_uri: "http://127.0.0.1:9/x", response_type: "code", scope: "openid", code_challenge: "a".repeat(43), code_challenge_method: "S256" }).toString();
			const response = await new Agent().request(url.href);
			assert.equal(response.status, 400);
			assert.equal(response.headers.get("location"), null);
			assert.match(await response.text(), /invalid_client/);
		});

		test("a wrong client secret is refused at the token endpoint, and the code is not spent by it", async () => {
			const app = await anApp(server, { firstParty: true });
			const agent = new Agent();
			const done = await authorize(agent, server, app, {}, withPassword(username));
			const code = done.callback?.get("code");
			assert.ok(code, done.landing.url);
			const wrong = await configFor(server, app.clientId, `${app.clientSecret}x`);
			const checks = { pkceCodeVerifier: done.started.verifier, expectedState: done.started.state, expectedNonce: done.started.nonce };
			assert.equal(await refusedWith(client.authorizationCodeGrant(wrong, new URL(done.landing.url), checks)), "invalid_client");
			const right = await client.authorizationCodeGrant(app.config, new URL(done.landing.url), checks);
			assert.ok(right.access_token);
		});

		test("the wrong PKCE verifier is refused", async () => {
			const app = await anApp(server, { firstParty: true });
			const done = await authorize(new Agent(), server, app, {}, withPassword(username));
			const checks = { pkceCodeVerifier: client.randomPKCECodeVerifier(), expectedState: done.started.state, expectedNonce: done.started.nonce };
			assert.equal(await refusedWith(client.authorizationCodeGrant(app.config, new URL(done.landing.url), checks)), "invalid_grant");
		});

		test("well-known addresses for password managers", async () => {
			const change = await fetch(`${server.base}/.well-known/change-password`, { redirect: "manual" });
			assert.equal(change.status, 302);
			assert.equal(change.headers.get("location"), "/settings/password");
			const passkeys = await fetch(`${server.base}/.well-known/passkey-endpoints`);
			assert.deepEqual(await passkeys.json(), { enroll: `${server.base}/settings/passkeys/add`, manage: `${server.base}/settings` });
		});
	});
}
