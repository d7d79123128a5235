import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import Fastify from "fastify";
import { blockingAction, sessionActions } from "../../src/flows/account-state.ts";
import { requireDeclaredActions } from "../../src/http/gate.ts";
import { FormClient } from "../helpers/browserless.ts";
import { databaseKinds } from "../helpers/databases.ts";
import { api, errorCode, type Harness, PASSWORD, passwordStep, signUpWithTwoFactor, startHarness, totpCode } from "../helpers/harness.ts";

describe("the gate's policy", () => {
	test("while an action is required, only what satisfies it, reading the account and activity, and signing out go ahead", () => {
		const readers = ["read_account", "read_activity", "sign_out"];
		for (const action of sessionActions) {
			const codes = blockingAction(["new_backup_codes"], action);
			const allowedWithCodesUsed = readers.includes(action) || action === "new_backup_codes" || action === "confirm_backup_codes";
			assert.equal(codes === undefined, allowedWithCodesUsed, `${action} with every code used`);
			const setUp = blockingAction(["set_up_two_factor"], action);
			const allowedWhileSettingUp = allowedWithCodesUsed || action === "set_up_method" || action === "remove_method";
			assert.equal(setUp === undefined, allowedWhileSettingUp, `${action} while two-factor must be set up`);
			assert.equal(blockingAction([], action), undefined, `${action} with nothing required`);
		}
	});

	test("a route behind the session check that names no action stops the app from starting", async () => {
		const app = Fastify();
		const check = async () => {};
		requireDeclaredActions(app, { "GET /named": "read_account" }, check);
		app.get("/named", { preHandler: check }, async () => "ok");
		app.get("/public", async () => "ok");
		assert.throws(() => app.get("/unnamed", { preHandler: [check] }, async () => "ok"), /GET \/unnamed runs the session check but names no action/);
		await app.close();
	});
});

/** The same journey through the pages and the API: the outcomes must agree. */
for (const kind of await databaseKinds()) {
	describe(`one gate for both faces (${kind})`, () => {
		let h: Harness;
		before(async () => {
			h = await startHarness(kind);
		});
		after(async () => h.close());

		/** An account whose every backup code is used, with a fresh session. */
		async function codesUsedUp() {
			const user = await signUpWithTwoFactor(h);
			for (const code of user.codes) {
				const { challenge } = await passwordStep(h, user.username);
				await api(h.app, "/sessions/second-factor", { body: { challenge, method: "backup_code", code } });
			}
			h.clock.advance(30_000);
			const { challenge } = await passwordStep(h, user.username);
			const signedIn = await api(h.app, "/sessions/second-factor", { body: { challenge, method: "totp", code: totpCode(user.secret, h.clock()) } });
			assert.deepEqual(signedIn.json().requiredActions, ["new_backup_codes"]);
			return { ...user, session: signedIn.json().session.token as string };
		}

		function browserWith(session: string) {
			const browser = new FormClient(h.app);
			browser.cookies.set("__Host-tessera_session", session);
			return browser;
		}

		test("with every backup code used: the API refuses what the pages send elsewhere, and both allow what satisfies it", async () => {
			const user = await codesUsedUp();
			const browser = browserWith(user.session);

			// Managing contacts, passkeys and devices, changing the password: not yet, in both faces.
			const apiRefusals = await Promise.all([
				api(h.app, "/account/contacts", { token: user.session, body: { kind: "email", value: "a@example.org", password: PASSWORD } }),
				api(h.app, "/account/devices", { token: user.session }),
				api(h.app, "/account/passkeys", { token: user.session }),
				api(h.app, "/account/password", { token: user.session, body: { currentPassword: PASSWORD, newPassword: "a fresh passphrase 77" } }),
			]);
			for (const refused of apiRefusals) {
				assert.equal(refused.statusCode, 403, refused.body);
				assert.equal(errorCode(refused), "new_backup_codes_required");
			}
			for (const page of ["/settings/contacts/add?kind=email", "/settings/passkeys/add", "/settings/password"]) {
				const response = await browser.get(page);
				assert.equal(response.statusCode, 303, page);
				assert.equal(response.headers.location, "/settings/backup-codes/running-low", page);
			}

			// Reading the account and its activity: yes, in both.
			assert.equal((await api(h.app, "/account", { token: user.session })).statusCode, 200);
			assert.equal((await api(h.app, "/account/activity", { token: user.session })).statusCode, 200);
			assert.equal((await browser.get("/settings/activity")).statusCode, 200);

			// Getting and confirming a new set: yes, and then everything again.
			const set = await api(h.app, "/account/backup-codes", { token: user.session, body: { password: PASSWORD } });
			assert.equal(set.statusCode, 201, set.body);
			const confirmed = await api(h.app, "/account/backup-codes/confirm", { token: user.session, body: { code: set.json().codes[0] } });
			assert.equal(confirmed.statusCode, 200, confirmed.body);
			assert.equal((await api(h.app, "/account/devices", { token: user.session })).statusCode, 200);
			assert.equal((await browser.get("/settings/password")).statusCode, 200);
		});

		test("with two-factor reset: the same refusals in both faces, the same way forward", async () => {
			const user = await signUpWithTwoFactor(h);
			await h.tessera.store.db.transaction().execute(async (tx) => {
				const { resetTwoFactor } = await import("../../src/flows/recovery.ts");
				await resetTwoFactor(h.tessera.deps, tx, user.id, h.clock());
			});
			const signedIn = await api(h.app, "/sessions", { body: { username: user.username, password: PASSWORD } });
			assert.equal(signedIn.statusCode, 201, signedIn.body);
			const session = signedIn.json().session.token as string;
			const browser = browserWith(session);
			assert.equal(errorCode(await api(h.app, "/account/contacts", { token: session })), "two_factor_setup_required");
			assert.equal((await browser.get("/settings/contacts/add?kind=phone")).headers.location, "/settings/two-factor/required");
			assert.equal((await api(h.app, "/account", { token: session })).statusCode, 200);
			assert.equal((await api(h.app, "/account/totp", { token: session, body: { password: PASSWORD } })).statusCode, 201);
			assert.equal((await browser.get("/settings/authenticator")).statusCode, 200);
		});
	});
}
