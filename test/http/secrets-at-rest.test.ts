import assert from "node:assert/strict";
import { existsSync, readFileSync } from "node:fs";
import { after, before, describe, test } from "node:test";
import { api, type Harness, PASSWORD, passwordStep, signUpWithTwoFactor, startHarness, totpCode } from "../helpers/harness.ts";

describe("no secret rests in the database file or reaches a log", () => {
	let h: Harness;
	before(async () => {
		h = await startHarness("sqlite", { TESSERA_LOG_LEVEL: "trace" });
	});
	after(() => h.close());

	test("passwords, codes, keys and tokens appear in neither", async () => {
		const user = await signUpWithTwoFactor(h);
		const { challenge } = await passwordStep(h, user.username);
		const signedIn = await api(h.app, "/sessions/second-factor", {
			body: { challenge, method: "backup_code", code: user.codes[0] },
		});
		const sessionToken = signedIn.json().session.token as string;
		const second = await passwordStep(h, user.username);
		await api(h.app, "/sessions/second-factor", {
			body: { challenge: second.challenge, method: "totp", code: totpCode(user.secret, h.clock()) },
		});
		const fresh = await api(h.app, "/account/backup-codes", { token: sessionToken, body: { password: PASSWORD } });
		const newCodes: string[] = fresh.json().codes;
		await api(h.app, "/sessions", { body: { username: user.username, password: "a wrong password" } });

		const secrets = [
			PASSWORD,
			user.secret,
			user.token,
			sessionToken,
			challenge,
			second.challenge,
			...user.codes,
			...user.codes.map((c) => c.replace("-", "")),
			...newCodes,
			...newCodes.map((c) => c.replace("-", "")),
			"a wrong password",
		];
		const path = h.database.location;
		let bytes = readFileSync(path).toString("latin1");
		if (existsSync(`${path}-wal`)) bytes += readFileSync(`${path}-wal`).toString("latin1");
		const logs = h.logs.join("");
		assert.ok(logs.length > 1000, "the server did log (at trace level)");
		for (const secret of secrets) {
			assert.ok(!bytes.includes(secret), `database file holds ${secret.slice(0, 4)}…`);
			assert.ok(!logs.includes(secret), `logs hold ${secret.slice(0, 4)}…`);
		}
	});
});
