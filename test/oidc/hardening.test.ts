import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import * as client from "openid-client";
import { authenticate } from "../../src/flows/sessions.ts";
import { completeStepUp, startStepUp } from "../../src/flows/step-up.ts";
import { databaseKinds } from "../helpers/databases.ts";
import { api, PASSWORD, signUp, uniqueUsername } from "../helpers/harness.ts";
import {
	Agent,
	addPasskey,
	answerSecondStep,
	anApp,
	authorizationUrl,
	authorize,
	nextTotp,
	type OidcServer,
	signInToApp,
	signInToTessera,
	signUpWithTwoFactorNow,
	startOidcServer,
	type TestApp,
	withPassword,
	withSecondStep,
} from "../helpers/oidc.ts";

/**
 * What an attacker would try against the provider's seams with Tessera's own
 * session: a finished sign-in kept back and resumed later, a sign-out set off by
 * another site, a fresh sign-in skipped by editing a cookie, an essential acr,
 * CORS from an opaque origin, a step-up answered by a weaker method.
 */

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

for (const kind of await databaseKinds()) {
	describe(`OpenID Connect: what an attacker would try (${kind})`, () => {
		let server: OidcServer;
		let firstParty: TestApp;
		before(async () => {
			server = await startOidcServer(kind, { host: "localhost" });
			firstParty = await anApp(server, { firstParty: true });
		});
		after(() => server.close());

		test("a finished sign-in held back gives no code once the person's access ended, nor to another person signed in later", async () => {
			const victim = await signUp(server.tessera.app, uniqueUsername("vic"));
			const other = await signUp(server.tessera.app, uniqueUsername("oth"));
			const agent = new Agent();
			const started = await authorizationUrl(firstParty.config, firstParty.redirect);
			started.url.host = new URL(server.base).host;
			await agent.follow(started.url.href, server.base);
			// Signed in as the victim, stopping at the provider's resume address.
			const signedIn = await agent.request(`${server.base}/sign-in`, { form: { username: victim.username, password: PASSWORD, _csrf: agent.csrf() } });
			const interaction = signedIn.headers.get("location")!;
			assert.match(interaction, /\/oidc\/interaction\//);
			const finished = await agent.request(`${server.base}${interaction}`);
			const resume = finished.headers.get("location")!;
			assert.match(resume, /\/oidc\/auth\//);
			// The victim changes the password: every sign-in of theirs ends, apps' too.
			const changed = await api(server.tessera.app, "/account/password", {
				token: victim.token,
				body: { currentPassword: PASSWORD, newPassword: "another horse battery staple 8" },
			});
			assert.equal(changed.statusCode, 200);
			// Another person signs in on the same browser, then the held-back sign-in is resumed.
			await agent.follow(`${server.base}/sign-in`, server.base);
			await agent.submit(server.base, "/sign-in", { username: other.username, password: PASSWORD });
			const ended = await agent.follow(new URL(resume, server.base).href, server.base);
			if (ended.url.startsWith(firstParty.redirect)) {
				const callback = new URL(ended.url);
				assert.equal(callback.searchParams.get("code"), null, `a code came back: ${ended.url}`);
			}
		});

		test("a finished sign-in is taken only for the Tessera session that finished it", async () => {
			const user = await signUp(server.tessera.app, uniqueUsername("bnd"));
			const agent = new Agent();
			const started = await authorizationUrl(firstParty.config, firstParty.redirect);
			started.url.host = new URL(server.base).host;
			await agent.follow(started.url.href, server.base);
			const signedIn = await agent.request(`${server.base}/sign-in`, { form: { username: user.username, password: PASSWORD, _csrf: agent.csrf() } });
			const finished = await agent.request(`${server.base}${signedIn.headers.get("location")!}`);
			const resume = finished.headers.get("location")!;
			// Signed out and in again as the same person: the resumed request asks this session afresh.
			await agent.follow(`${server.base}/settings`, server.base);
			await agent.submit(server.base, "/sign-out", {});
			await agent.follow(`${server.base}/sign-in`, server.base);
			const again = await agent.submit(server.base, "/sign-in", { username: user.username, password: PASSWORD });
			assert.ok(!again.url.startsWith(firstParty.redirect));
			const ended = await agent.follow(new URL(resume, server.base).href, server.base);
			assert.ok(ended.status < 500, `${ended.url} ${ended.status}`);
			// Whatever it answers, a code from this resume is for this person and session only.
			if (ended.url.startsWith(firstParty.redirect) && new URL(ended.url).searchParams.get("code")) {
				const tokens = await client.authorizationCodeGrant(firstParty.config, new URL(ended.url), {
					pkceCodeVerifier: started.verifier,
					expectedState: started.state,
					expectedNonce: started.nonce,
				});
				assert.equal(tokens.claims()!.sub, user.id);
			}
		});

		test("another site cannot sign a person out of Tessera through the provider's logout", async () => {
			const user = await signUp(server.tessera.app, uniqueUsername("csrf"));
			const agent = new Agent();
			await signInToTessera(agent, server, withPassword(user.username));
			// A plain navigation, as any site could start: the provider has no sign-in of its own here.
			const end = await agent.request(`${server.base}/oidc/session/end`);
			const body = await end.text();
			const xsrf = /name="xsrf" value="([^"]+)"/.exec(body)?.[1];
			if (xsrf) await agent.request(`${server.base}/oidc/session/end/confirm`, { form: { xsrf, logout: "yes" } });
			await sleep(300);
			const settings = await agent.follow(`${server.base}/settings`, server.base);
			assert.equal(settings.url, `${server.base}/settings`, "still signed in to Tessera");
		});

		test("prompt=login cannot be skipped by editing the journey's cookie", async () => {
			const user = await signUp(server.tessera.app, uniqueUsername("plg"));
			const agent = new Agent();
			const first = await signInToApp(agent, server, firstParty, {}, withPassword(user.username));
			await sleep(1100);
			const asked = await authorize(agent, server, firstParty, { prompt: "login" });
			assert.equal(asked.landing.url, `${server.base}/sign-in`);
			const name = [...agent.cookies.keys()].find((k) => k.endsWith("tessera_app"))!;
			const [uid] = agent.cookies.get(name)!.split(".");
			agent.cookies.set(name, `${uid}.1.`);
			const back = await agent.follow(`${server.base}/oidc/interaction/${uid}`, server.base);
			assert.equal(back.url, `${server.base}/sign-in`, "the password is asked for again");
			const fresh = await agent.submit(server.base, "/sign-in", { username: user.username, password: PASSWORD });
			assert.ok(fresh.url.startsWith(firstParty.redirect), fresh.url);
			const tokens = await client.authorizationCodeGrant(firstParty.config, new URL(fresh.url), {
				pkceCodeVerifier: asked.started.verifier,
				expectedState: asked.started.state,
				expectedNonce: asked.started.nonce,
			});
			assert.ok(Number(tokens.claims()!.auth_time) > Number(first.claims.auth_time));
		});

		test("an essential acr in the claims parameter is a minimum: a weaker session steps up, a stronger one passes", async () => {
			const user = await signUpWithTwoFactorNow(server);
			const agent = new Agent();
			const claims = (value: string) => JSON.stringify({ id_token: { acr: { essential: true, value } } });
			const signedIn = await authorize(agent, server, firstParty, { claims: claims("urn:tessera:acr:password") }, async (a, landed) => {
				let next = await a.submit(server.base, "/sign-in", { username: user.username, password: PASSWORD });
				if (!next.url.startsWith(firstParty.redirect)) next = await a.submit(server.base, new URL(next.url).pathname, { method: "totp", code: nextTotp(user.secret) });
				void landed;
				return next;
			});
			assert.ok(signedIn.landing.url.startsWith(firstParty.redirect), `a two-factor session meets a password minimum: ${signedIn.landing.url}`);
			// The account has no passkey: a page says so (no loop between the provider and the pages).
			const stronger = await authorize(agent, server, firstParty, { claims: claims("urn:tessera:acr:phishing-resistant") });
			assert.equal(stronger.landing.status, 200);
			assert.match(stronger.landing.body, /asks for a stronger sign-in/);
		});

		test("a native app (its own scheme) signs in; CORS is never granted to an opaque origin", async () => {
			const native = await anApp(server, { public: true, firstParty: true, redirectUris: ["com.example.app:/callback"] });
			const user = await signUp(server.tessera.app, uniqueUsername("nat"));
			const started = await authorizationUrl(native.config, "com.example.app:/callback");
			started.url.host = new URL(server.base).host;
			const agent = new Agent();
			await agent.follow(started.url.href, server.base);
			await agent.follow(`${server.base}/sign-in`, server.base);
			const back = await agent.submit(server.base, "/sign-in", { username: user.username, password: PASSWORD });
			assert.match(back.url, /^com\.example\.app:\/callback\?code=/);
			// A sandboxed frame or a data: page sends Origin: null; a native app's redirect address has that origin too.
			const answer = await fetch(`${server.base}/oidc/token`, {
				method: "POST",
				headers: { origin: "null", "content-type": "application/x-www-form-urlencoded" },
				body: new URLSearchParams({ grant_type: "refresh_token", refresh_token: "x".repeat(43), client_id: native.clientId }).toString(),
			});
			assert.equal(answer.headers.get("access-control-allow-origin"), null, "no CORS answer to an opaque origin");
			assert.ok(answer.status >= 400 && answer.status < 500);
		});

		test("a step-up strengthens only the session that asked for it", async () => {
			const user = await signUpWithTwoFactorNow(server);
			const deps = server.tessera.deps;
			// Two sessions of one person: the one from signing up (the password alone), and one signed in with a code.
			const asking = await authenticate(deps, user.token);
			const first = (await api(server.tessera.app, "/sessions", { body: { username: user.username, password: PASSWORD } })).json() as { secondFactor: { challenge: string } };
			const second = await api(server.tessera.app, "/sessions/second-factor", {
				body: { challenge: first.secondFactor.challenge, method: "backup_code", code: user.codes[0] },
			});
			assert.equal(second.statusCode, 201, second.body);
			const other = await authenticate(deps, (second.json() as { session: { token: string } }).session.token);
			const clientInfo = { ip: "198.51.100.9", userAgent: undefined };
			const started = await startStepUp(deps, asking.account, asking.sessionId, "two_factor", clientInfo);
			assert.ok(started);
			// Answered for the other session: refused, and neither session is strengthened.
			await assert.rejects(
				completeStepUp(
					deps,
					"step_up",
					{ challenge: started.challenge, method: "backup_code", answer: { code: user.codes[1]! }, session: { sessionId: other.sessionId, accountId: other.account.id } },
					{ ...clientInfo },
				),
				(e: Error & { code?: string }) => e.code === "challenge_expired",
			);
			assert.deepEqual((await authenticate(deps, user.token)).authentication.map((f) => f.method), ["password"]);
			// For the session that asked, it works.
			const again = await startStepUp(deps, asking.account, asking.sessionId, "two_factor", clientInfo);
			assert.ok(again);
			const done = await completeStepUp(
				deps,
				"step_up",
				{ challenge: again.challenge, method: "backup_code", answer: { code: user.codes[2]! }, session: { sessionId: asking.sessionId, accountId: asking.account.id } },
				clientInfo,
			);
			assert.deepEqual(
				done.factors.map((f) => f.method),
				["password", "backup_code"],
			);
		});

		test("a passkey step-up is not answered by an authenticator code", async () => {
			const user = await signUpWithTwoFactorNow(server);
			const passkey = await addPasskey(server, user.token);
			const agent = new Agent();
			await signInToApp(agent, server, firstParty, {}, withSecondStep(user.username, { method: "totp", code: nextTotp(user.secret) }));
			const asked = await authorize(agent, server, firstParty, { acr_values: "urn:tessera:acr:phishing-resistant" });
			assert.equal(new URL(asked.landing.url).pathname, "/sign-in/stronger");
			const refused = await agent.submit(server.base, "/sign-in/stronger", { method: "totp", code: nextTotp(user.secret) });
			assert.equal(refused.status, 400);
			assert.match(refused.body, /not set up|Use one of/);
			const done = await answerSecondStep(agent, server.base, "/sign-in/stronger", { method: "passkey", authenticator: passkey });
			assert.ok(done.url.startsWith(firstParty.redirect), done.url);
		});
	});
}
