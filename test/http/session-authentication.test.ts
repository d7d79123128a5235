import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { ACR_PASSWORD, ACR_PHISHING_RESISTANT, ACR_TWO_FACTOR, passwordFactor } from "../../src/core/authentication-strength.ts";
import { TesseraError } from "../../src/core/errors.ts";
import { tokenHash } from "../../src/core/tokens.ts";
import { recordStepUp } from "../../src/flows/sessions.ts";
import { databaseKinds } from "../helpers/databases.ts";
import { api, PASSWORD, passwordStep, signUp, signUpWithTwoFactor, totpCode } from "../helpers/harness.ts";
import { startLiveHarness } from "../helpers/live.ts";
import { codeIn, mark } from "../helpers/mailboxes.ts";
import { SoftwareAuthenticator } from "../helpers/software-authenticator.ts";

// inject() sends Host: localhost:80, so the page's origin is http://localhost:80 and the RP id "localhost".
const ORIGIN = "http://localhost:80";

interface Authentication {
	methods: string[];
	amr: string[];
	acr: string;
	authTime: string;
	factors: { method: string; at: string }[];
}

for (const kind of await databaseKinds()) {
	describe(`sessions record how strongly they were signed in (${kind})`, () => {
		let live: Awaited<ReturnType<typeof startLiveHarness>>;
		before(async () => {
			live = await startLiveHarness(kind);
		});
		after(() => live.close());

		const iso = (ms: number) => new Date(ms).toISOString();

		async function authenticationOf(token: string): Promise<Authentication> {
			const current = await api(live.h.app, "/sessions/current", { token });
			assert.equal(current.statusCode, 200, current.body);
			return current.json().authentication as Authentication;
		}

		/** The second step with a typed code: the session, and the device when trusted. */
		async function proveWithCode(challenge: string, method: string, code: string, extra: Record<string, unknown> = {}) {
			const proved = await api(live.h.app, "/sessions/second-factor", { body: { challenge, method, code, ...extra } });
			assert.equal(proved.statusCode, 201, proved.body);
			return proved.json() as { session: { token: string }; device?: { token: string } };
		}

		async function withPasskey(options: { synced?: boolean } = {}) {
			const user = await signUpWithTwoFactor(live.h);
			const authenticator = new SoftwareAuthenticator(options);
			const begun = await api(live.h.app, "/account/passkeys/options", { token: user.token, body: { password: PASSWORD } });
			assert.equal(begun.statusCode, 200, begun.body);
			const created = await api(live.h.app, "/account/passkeys", {
				token: user.token,
				body: { name: "Laptop", response: authenticator.register(begun.json().options, ORIGIN) },
			});
			assert.equal(created.statusCode, 201, created.body);
			return { user, authenticator };
		}

		async function passkeySignIn(username: string, authenticator: SoftwareAuthenticator): Promise<string> {
			const { challenge } = await passwordStep(live.h, username);
			const options = await api(live.h.app, "/sessions/second-factor/passkey/options", { body: { challenge } });
			assert.equal(options.statusCode, 200, options.body);
			const response = authenticator.authenticate(options.json().options, ORIGIN);
			const verified = await api(live.h.app, "/sessions/second-factor/passkey/verify", { body: { challenge, response } });
			assert.equal(verified.statusCode, 201, verified.body);
			return verified.json().session.token as string;
		}

		test("sign-up: the password alone, at sign-up", async () => {
			const user = await signUp(live.h.app);
			const authentication = await authenticationOf(user.token);
			assert.deepEqual(authentication, {
				methods: ["password"],
				amr: ["pwd"],
				acr: ACR_PASSWORD,
				authTime: iso(live.h.clock()),
				factors: [{ method: "password", at: iso(live.h.clock()) }],
			});
		});

		test("the password alone, on an account without two-factor: pwd, the password level", async () => {
			const user = await signUp(live.h.app);
			live.h.clock.advance(60_000);
			const signedIn = await api(live.h.app, "/sessions", { body: { username: user.username, password: PASSWORD } });
			assert.equal(signedIn.statusCode, 201, signedIn.body);
			const authentication = await authenticationOf(signedIn.json().session.token);
			assert.deepEqual(authentication.amr, ["pwd"]);
			assert.equal(authentication.acr, ACR_PASSWORD);
			assert.equal(authentication.authTime, iso(live.h.clock()));
		});

		test("the authenticator app: pwd, otp and mfa, two factors; each factor at its own time, auth time the latest", async () => {
			const user = await signUpWithTwoFactor(live.h);
			const { challenge } = await passwordStep(live.h, user.username);
			const passwordAt = live.h.clock();
			live.h.clock.advance(40_000);
			const { session } = await proveWithCode(challenge, "totp", totpCode(user.secret, live.h.clock()));
			const authentication = await authenticationOf(session.token);
			assert.deepEqual(authentication, {
				methods: ["password", "totp"],
				amr: ["pwd", "otp", "mfa"],
				acr: ACR_TWO_FACTOR,
				authTime: iso(live.h.clock()),
				factors: [
					{ method: "password", at: iso(passwordAt) },
					{ method: "totp", at: iso(live.h.clock()) },
				],
			});
		});

		test("a backup code: otp and mfa, two factors", async () => {
			const user = await signUpWithTwoFactor(live.h);
			const { challenge } = await passwordStep(live.h, user.username);
			const { session } = await proveWithCode(challenge, "backup_code", user.codes[0]!);
			const authentication = await authenticationOf(session.token);
			assert.deepEqual(authentication.methods, ["password", "backup_code"]);
			assert.deepEqual(authentication.amr, ["pwd", "otp", "mfa"]);
			assert.equal(authentication.acr, ACR_TWO_FACTOR);
		});

		test("a code by email: recorded, but pwd only and the password level (a reset reaches the same mailbox)", async () => {
			const user = await signUpWithTwoFactor(live.h);
			const email = `${user.username}@example.org`;
			await live.addVerified(user.token, "email", email);
			const { challenge } = await passwordStep(live.h, user.username);
			live.h.clock.advance(61_000);
			const since = mark();
			const sent = await api(live.h.app, "/sessions/second-factor/send", { body: { challenge, method: "email" } });
			assert.equal(sent.statusCode, 202, sent.body);
			const code = codeIn(await live.smtp.next(email, since));
			const { session } = await proveWithCode(challenge, "email", code);
			const authentication = await authenticationOf(session.token);
			assert.deepEqual(authentication.methods, ["password", "email"]);
			assert.deepEqual(authentication.amr, ["pwd"]);
			assert.equal(authentication.acr, ACR_PASSWORD);
			assert.equal(authentication.authTime, iso(live.h.clock()), "the email code is still the latest factor");
		});

		test("a passkey bound to one device: hwk, user and mfa, phishing-resistant", async () => {
			const { user, authenticator } = await withPasskey();
			const authentication = await authenticationOf(await passkeySignIn(user.username, authenticator));
			assert.deepEqual(authentication.methods, ["password", "passkey"]);
			assert.deepEqual(authentication.amr, ["pwd", "hwk", "user", "mfa"]);
			assert.equal(authentication.acr, ACR_PHISHING_RESISTANT);
			const stored = await live.h.tessera.store.db.selectFrom("passkeys").select("device_type").where("account_id", "=", user.id).executeTakeFirstOrThrow();
			assert.equal(stored.device_type, "singleDevice", "kept from registration");
		});

		test("a synced passkey: swk, user and mfa, phishing-resistant; one registered before its kind was kept counts as synced", async () => {
			const { user, authenticator } = await withPasskey({ synced: true });
			const synced = await authenticationOf(await passkeySignIn(user.username, authenticator));
			assert.deepEqual(synced.amr, ["pwd", "swk", "user", "mfa"]);
			assert.equal(synced.acr, ACR_PHISHING_RESISTANT);

			const older = await withPasskey();
			await live.h.tessera.store.db.updateTable("passkeys").set({ device_type: null }).where("account_id", "=", older.user.id).execute();
			const unknown = await authenticationOf(await passkeySignIn(older.user.username, older.authenticator));
			assert.deepEqual(unknown.amr, ["pwd", "swk", "user", "mfa"]);
		});

		test("a trusted device: the password now, and the second factor it was trusted with at its own, older, time", async () => {
			const user = await signUpWithTwoFactor(live.h);
			const { challenge } = await passwordStep(live.h, user.username);
			const trustedAt = live.h.clock();
			const { device } = await proveWithCode(challenge, "totp", totpCode(user.secret, trustedAt), { trustDevice: true });
			assert.ok(device, "the device is trusted");

			live.h.clock.advance(2 * 86_400_000);
			const signedIn = await api(live.h.app, "/sessions", { body: { username: user.username, password: PASSWORD, deviceToken: device.token } });
			assert.equal(signedIn.statusCode, 201, signedIn.body);
			const authentication = await authenticationOf(signedIn.json().session.token);
			assert.deepEqual(authentication, {
				methods: ["password", "totp"],
				amr: ["pwd", "otp", "mfa"],
				acr: ACR_TWO_FACTOR,
				authTime: iso(live.h.clock()),
				factors: [
					{ method: "password", at: iso(live.h.clock()) },
					{ method: "totp", at: iso(trustedAt) },
				],
			});
		});

		test("sessions and trusted devices from before factors were recorded: the password alone", async () => {
			const user = await signUpWithTwoFactor(live.h);
			const db = live.h.tessera.store.db;
			const { challenge } = await passwordStep(live.h, user.username);
			const { device } = await proveWithCode(challenge, "backup_code", user.codes[0]!, { trustDevice: true });
			await db.updateTable("trusted_devices").set({ second_factor: null }).where("account_id", "=", user.id).execute();
			live.h.clock.advance(3_600_000);
			const signedIn = await api(live.h.app, "/sessions", { body: { username: user.username, password: PASSWORD, deviceToken: device!.token } });
			assert.equal(signedIn.statusCode, 201, signedIn.body);
			const fromDevice = await authenticationOf(signedIn.json().session.token);
			assert.deepEqual(fromDevice.amr, ["pwd"]);
			assert.equal(fromDevice.acr, ACR_PASSWORD);

			const session = await db.selectFrom("sessions").select("created_at").where("token_hash", "=", tokenHash(user.token)).executeTakeFirstOrThrow();
			await db.updateTable("sessions").set({ authentication: null, authenticated_at: null }).where("token_hash", "=", tokenHash(user.token)).execute();
			const old = await authenticationOf(user.token);
			assert.deepEqual(old.factors, [{ method: "password", at: iso(Number(session.created_at)) }]);
			assert.equal(old.acr, ACR_PASSWORD);
		});

		test("a step-up adds a factor to a session and moves its auth time; never to another account's session, nor an ended one", async () => {
			const user = await signUp(live.h.app);
			const other = await signUp(live.h.app);
			const signedUpAt = live.h.clock();
			const db = live.h.tessera.store.db;
			const sessionId = async (token: string) =>
				(await db.selectFrom("sessions").select("id").where("token_hash", "=", tokenHash(token)).executeTakeFirstOrThrow()).id;
			const id = await sessionId(user.token);

			live.h.clock.advance(600_000);
			const totp = { method: "totp", at: live.h.clock(), amr: ["otp"], level: "two_factor" as const };
			const factors = await db.transaction().execute((tx) => recordStepUp(tx, { sessionId: id, accountId: user.id }, totp));
			assert.deepEqual(factors, [passwordFactor(signedUpAt), totp]);
			const stepped = await authenticationOf(user.token);
			assert.deepEqual(stepped.amr, ["pwd", "otp", "mfa"]);
			assert.equal(stepped.acr, ACR_TWO_FACTOR);
			assert.equal(stepped.authTime, iso(live.h.clock()));
			const row = await db.selectFrom("sessions").select("authenticated_at").where("id", "=", id).executeTakeFirstOrThrow();
			assert.equal(Number(row.authenticated_at), live.h.clock());

			// The same factor again: its time moves, the list does not grow.
			live.h.clock.advance(600_000);
			const again = await db.transaction().execute((tx) => recordStepUp(tx, { sessionId: id, accountId: user.id }, { ...totp, at: live.h.clock() }));
			assert.equal(again.length, 2);
			assert.equal((await authenticationOf(user.token)).authTime, iso(live.h.clock()));

			const unauthenticated = (error: unknown) => error instanceof TesseraError && error.code === "unauthenticated";
			const othersId = await sessionId(other.token);
			await assert.rejects(
				db.transaction().execute((tx) => recordStepUp(tx, { sessionId: othersId, accountId: user.id }, totp)),
				unauthenticated,
			);
			assert.deepEqual((await authenticationOf(other.token)).amr, ["pwd"], "the other account's session is untouched");
			await api(live.h.app, "/sessions/current", { method: "DELETE", token: user.token });
			await assert.rejects(
				db.transaction().execute((tx) => recordStepUp(tx, { sessionId: id, accountId: user.id }, totp)),
				unauthenticated,
			);
		});
	});
}
