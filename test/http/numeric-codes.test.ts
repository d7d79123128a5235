import assert from "node:assert/strict";
import { existsSync, readFileSync } from "node:fs";
import { after, before, describe, test } from "node:test";
import { databaseKinds } from "../helpers/databases.ts";
import { api, aTypo, aWrongCode, errorCode, type Harness, passwordStep, signUpWithTwoFactor, startHarness } from "../helpers/harness.ts";

for (const kind of await databaseKinds()) {
	describe(`numeric backup codes, 20 to a set (${kind})`, () => {
		let h: Harness;
		before(async () => {
			h = await startHarness(kind, { TESSERA_BACKUP_CODE_FORMAT: "numeric", TESSERA_BACKUP_CODE_COUNT: "20" });
		});
		after(() => h.close());

		test("codes are 8 digits shown XXXX XXXX, 20 to a set, and work however they are typed", async () => {
			const user = await signUpWithTwoFactor(h);
			assert.equal(user.codes.length, 20);
			for (const code of user.codes) assert.match(code, /^\d{4} \d{4}$/);
			const typed = [
				user.codes[0]!.replace(" ", ""),
				user.codes[1]!.replace(" ", "-"),
				[...user.codes[2]!].map((c) => (/\d/.test(c) ? String.fromCharCode(c.charCodeAt(0) + 0xfee0) : c)).join(""),
			];
			for (const code of typed) {
				const { challenge } = await passwordStep(h, user.username);
				const response = await api(h.app, "/sessions/second-factor", { body: { challenge, method: "backup_code", code } });
				assert.equal(response.statusCode, 201, code);
				assert.equal(response.json().backupCodes.remaining, 20 - typed.indexOf(code) - 1);
			}
		});

		test("a swapped pair of digits is a typo; a right-looking unknown code is wrong", async () => {
			const user = await signUpWithTwoFactor(h);
			const { challenge } = await passwordStep(h, user.username);
			const typo = await api(h.app, "/sessions/second-factor", {
				body: { challenge, method: "backup_code", code: aTypo(user.codes[0]!.replace(" ", "")) },
			});
			assert.equal(errorCode(typo), "code_typo");
			const wrong = await api(h.app, "/sessions/second-factor", { body: { challenge, method: "backup_code", code: aWrongCode(h) } });
			assert.equal(errorCode(wrong), "invalid_code");
		});

		if (kind === "sqlite") {
			test("no issued code, with or without its space, is anywhere in the database file", async () => {
				const user = await signUpWithTwoFactor(h);
				const fresh = await api(h.app, "/account/backup-codes", { token: user.token, body: { password: "correct horse battery staple 7" } });
				const all = [...user.codes, ...(fresh.json().codes as string[])];
				const path = h.database.location;
				let bytes = readFileSync(path).toString("latin1");
				if (existsSync(`${path}-wal`)) bytes += readFileSync(`${path}-wal`).toString("latin1");
				for (const code of all) {
					assert.ok(!bytes.includes(code), code);
					assert.ok(!bytes.includes(code.replace(" ", "")), code);
				}
			});
		}
	});
}
