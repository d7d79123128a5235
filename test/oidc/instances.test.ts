import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { createRemoteJWKSet, decodeProtectedHeader, jwtVerify } from "jose";
import * as client from "openid-client";
import { KEEP_RETIRED_KEY_MS } from "../../src/oidc/lifetimes.ts";
import { rotateSigningKey } from "../../src/oidc/keys.ts";
import { databaseKinds } from "../helpers/databases.ts";
import { signUp, uniqueUsername } from "../helpers/harness.ts";
import { Agent, anApp, type OidcServer, signInToApp, startOidcServer, withPassword } from "../helpers/oidc.ts";

/**
 * Two instances of one deployment (one public address, one database): a
 * browser may reach one and the app the other, and both agree on apps, codes,
 * refresh tokens and signing keys at once.
 */

const kidsOf = async (server: OidcServer) => ((await (await fetch(`${server.base}/oidc/jwks`)).json()) as { keys: { kid: string }[] }).keys.map((k) => k.kid);

for (const kind of await databaseKinds()) {
	describe(`OpenID Connect: two instances on one database (${kind})`, () => {
		let a: OidcServer;
		let b: OidcServer;
		before(async () => {
			a = await startOidcServer(kind);
			b = await startOidcServer(kind, { database: a.database, publicUrl: a.issuer });
		});
		after(async () => {
			await b.close();
			await a.close();
		});

		test("a code from instance A is exchanged and refreshed at instance B", async () => {
			const user = await signUp(a.tessera.app, uniqueUsername("two"));
			const app = await anApp(a, { firstParty: true }, { via: b });
			const { tokens, claims } = await signInToApp(new Agent(), a, app, { scope: "openid offline_access" }, withPassword(user.username));
			assert.equal(claims.iss, a.issuer);
			assert.equal(claims.sub, user.id);
			const refreshed = await client.refreshTokenGrant(app.config, tokens.refresh_token!);
			assert.ok(refreshed.refresh_token);
			const info = await client.fetchUserInfo(app.config, refreshed.access_token, user.id);
			assert.equal(info.sub, user.id);
		});

		test("an app added while both run works on both at once", async () => {
			const user = await signUp(a.tessera.app, uniqueUsername("new"));
			// Added through B; the browser signs in at A, the app exchanges at B.
			const app = await anApp(b, { firstParty: true }, { via: b });
			const first = await signInToApp(new Agent(), a, app, {}, withPassword(user.username));
			assert.equal(first.claims.aud, app.clientId);
			// And the other way round: the browser at B, the app at A.
			const reverse = await anApp(a, { firstParty: true }, { via: a });
			const second = await signInToApp(new Agent({ from: a.issuer, to: b.base }), a, reverse, {}, withPassword(user.username));
			assert.equal(second.claims.aud, reverse.clientId);
		});

		test("a key rotated on A: older tokens still verify against B's keys, and both sign with the new key within a second", async () => {
			const user = await signUp(a.tessera.app, uniqueUsername("keys"));
			const onA = await anApp(a, { firstParty: true });
			const onB = await anApp(a, { firstParty: true }, { via: b });
			const agent = new Agent();
			const before = await signInToApp(agent, a, onA, { scope: "openid offline_access" }, withPassword(user.username));
			const oldKid = decodeProtectedHeader(before.tokens.id_token!).kid;
			const fromB = await signInToApp(agent, a, onB, { scope: "openid offline_access" });
			assert.equal(decodeProtectedHeader(fromB.tokens.id_token!).kid, oldKid);

			const rotated = await rotateSigningKey(a.tessera.deps, KEEP_RETIRED_KEY_MS);
			assert.ok(rotated);
			assert.notEqual(rotated.kid, oldKid);
			await new Promise((r) => setTimeout(r, 1100));

			for (const server of [a, b]) {
				const kids = await kidsOf(server);
				assert.ok(kids.includes(oldKid!) && kids.includes(rotated.kid), `${server.base} publishes both: ${kids}`);
				const jwks = createRemoteJWKSet(new URL(`${server.base}/oidc/jwks`));
				await jwtVerify(before.tokens.id_token!, jwks, { issuer: a.issuer, audience: onA.clientId });
			}
			// New tokens from either instance: the new key.
			const newOnA = await client.refreshTokenGrant(onA.config, before.tokens.refresh_token!);
			const newOnB = await client.refreshTokenGrant(onB.config, fromB.tokens.refresh_token!);
			assert.equal(decodeProtectedHeader(newOnA.id_token!).kid, rotated.kid, "A signs with the new key");
			assert.equal(decodeProtectedHeader(newOnB.id_token!).kid, rotated.kid, "B signs with the new key");
			const bKeys = createRemoteJWKSet(new URL(`${b.base}/oidc/jwks`));
			await jwtVerify(newOnA.id_token!, bKeys, { issuer: a.issuer, audience: onA.clientId });
		});
	});
}
