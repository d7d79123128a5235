import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { FormClient } from "../helpers/browserless.ts";
import { databaseKinds } from "../helpers/databases.ts";
import { api, errorCode, type Harness, PASSWORD, passwordStep, signUpWithTwoFactor, startHarness, totpCode } from "../helpers/harness.ts";

const firefoxOnWindows = "Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:140.0) Gecko/20100101 Firefox/140.0";

for (const kind of await databaseKinds()) {
	describe(`trusted devices (${kind})`, () => {
		let h: Harness;
		before(async () => {
			h = await startHarness(kind);
		});
		after(() => h.close());

		async function trustedSignIn(user: { username: string; codes: string[] }, code: string) {
			const { challenge } = await passwordStep(h, user.username);
			const response = await h.app.inject({
				method: "POST",
				url: "/api/v1/sessions/second-factor",
				payload: { challenge, method: "backup_code", code, trustDevice: true },
				headers: { "user-agent": firefoxOnWindows },
			});
			assert.equal(response.statusCode, 201, response.body);
			return response.json().device as { token: string; expiresAt: string };
		}

		const signIn = (username: string, deviceToken?: string) =>
			api(h.app, "/sessions", { body: { username, password: PASSWORD, ...(deviceToken ? { deviceToken } : {}) } });

		test("a trusted device skips the second step for 30 days; other devices and accounts are always asked", async () => {
			const user = await signUpWithTwoFactor(h);
			const other = await signUpWithTwoFactor(h);
			const device = await trustedSignIn(user, user.codes[0]!);
			assert.match(device.token, /^[A-Za-z0-9_-]{43}$/);
			assert.equal(Date.parse(device.expiresAt), h.clock() + 30 * 86_400_000);
			assert.equal((await signIn(user.username, device.token)).statusCode, 201, "skips the second step");
			assert.equal((await signIn(user.username)).statusCode, 200, "an unknown device is asked");
			assert.equal((await signIn(other.username, device.token)).statusCode, 200, "bound to its own account");
			const wrongPassword = await api(h.app, "/sessions", { body: { username: user.username, password: "not it at all", deviceToken: device.token } });
			assert.equal(errorCode(wrongPassword), "invalid_credentials", "the password is still needed");
			const stored = await h.tessera.store.db.selectFrom("trusted_devices").selectAll().where("account_id", "=", user.id).execute();
			assert.ok(!JSON.stringify(stored).includes(device.token), "stored only as a hash");
			h.clock.advance(30 * 86_400_000);
			assert.equal((await signIn(user.username, device.token)).statusCode, 200, "asked again after 30 days");
		});

		test("the list shows each device by browser with first and last use; each can be revoked, or all", async () => {
			const user = await signUpWithTwoFactor(h);
			const first = await trustedSignIn(user, user.codes[0]!);
			h.clock.advance(3600_000);
			const second = await trustedSignIn(user, user.codes[1]!);
			h.clock.advance(3600_000);
			await signIn(user.username, first.token);
			const list = await api(h.app, "/account/devices", { token: user.token });
			assert.equal(list.json().devices.length, 2);
			assert.deepEqual(list.json().devices.map((d: { label: string }) => d.label), ["Firefox on Windows", "Firefox on Windows"]);
			const used = list.json().devices[0];
			assert.equal(Date.parse(used.lastUsedAt), h.clock(), "most recently used first");
			assert.equal(Date.parse(used.createdAt), h.clock() - 2 * 3600_000);
			const revoked = await api(h.app, "/account/devices/revoke", { token: user.token, body: { id: used.id } });
			assert.equal(revoked.statusCode, 204);
			assert.equal((await signIn(user.username, first.token)).statusCode, 200);
			assert.equal((await signIn(user.username, second.token)).statusCode, 201);
			await api(h.app, "/account/devices/revoke-all", { method: "POST", token: user.token, body: {} });
			assert.equal((await signIn(user.username, second.token)).statusCode, 200);
		});

		test("a change of second factors revokes every trusted device", async () => {
			const user = await signUpWithTwoFactor(h);
			const device = await trustedSignIn(user, user.codes[0]!);
			const fresh = await api(h.app, "/account/backup-codes", { token: user.token, body: { password: PASSWORD } });
			assert.equal((await signIn(user.username, device.token)).statusCode, 201, "making a set is not yet a change");
			await api(h.app, "/account/backup-codes/confirm", { token: user.token, body: { code: fresh.json().codes[0] } });
			assert.equal((await signIn(user.username, device.token)).statusCode, 200, "a new working set is");
		});

		test("in the browser: the box at the second step, the cookie, and the list in settings", async () => {
			const user = await signUpWithTwoFactor(h);
			const client = new FormClient(h.app);
			await client.get("/sign-in");
			await client.follow(await client.post("/sign-in", { username: user.username, password: PASSWORD }));
			const page = await client.get("/sign-in/verify?method=totp");
			assert.match(page.body, /Trust this device for 30 days/);
			const done = await client.post("/sign-in/verify", { method: "totp", code: totpCode(user.secret, h.clock()), trust: "yes" });
			const cookie = (done.headers["set-cookie"] as string[]).find((c) => c.startsWith("__Host-tessera_device="))!;
			assert.match(cookie, /HttpOnly/);
			assert.match(cookie, /Secure/);
			assert.match(cookie, /Max-Age=2592000/);
			const settings = await client.follow(done);
			assert.match(settings.body, /Trusted devices/);
			assert.match(settings.body, /Stop trusting/);
			await client.post("/sign-out", {});
			await client.get("/sign-in");
			const skipped = await client.post("/sign-in", { username: user.username, password: PASSWORD });
			assert.equal(skipped.headers.location, "/settings", "the second step is skipped");
			await client.get("/settings");
			await client.follow(await client.post("/settings/devices/revoke-all", {}));
			await client.post("/sign-out", {});
			await client.get("/sign-in");
			const asked = await client.post("/sign-in", { username: user.username, password: PASSWORD });
			assert.equal(asked.headers.location, "/sign-in/verify");
		});
	});
}
