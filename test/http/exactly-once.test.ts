import assert from "node:assert/strict";
import type { BackupCodeMethod } from "../../src/methods/backup-code/backup-codes.ts";
import { after, before, describe, test } from "node:test";
import { databaseKinds } from "../helpers/databases.ts";
import { api, aWrongCode, type Harness, passwordStep, signUpWithTwoFactor, startHarness } from "../helpers/harness.ts";

// Limits raised so that every one of the parallel requests is really evaluated and races.
const roomy = {
	TESSERA_LIMIT_PASSWORD_ACCOUNT: "1000/15m",
	TESSERA_LIMIT_PASSWORD_ADDRESS: "1000/15m",
	TESSERA_LIMIT_CODE_ACCOUNT: "1000/1h",
	TESSERA_LIMIT_CODE_ADDRESS: "1000/1h",
};

for (const kind of await databaseKinds()) {
	describe(`a code works exactly once under concurrency (${kind})`, () => {
		let h: Harness;
		before(async () => {
			h = await startHarness(kind, roomy);
		});
		after(() => h.close());

		async function sessionsOf(accountId: string): Promise<number> {
			const row = await h.tessera.store.db
				.selectFrom("sessions")
				.select((eb) => eb.fn.countAll<number>().as("n"))
				.where("account_id", "=", accountId)
				.executeTakeFirstOrThrow();
			return Number(row.n);
		}

		test("100 parallel sign-ins with the same backup code give exactly one session", async () => {
			const user = await signUpWithTwoFactor(h);
			const before = await sessionsOf(user.id);
			const challenges = await Promise.all(Array.from({ length: 100 }, () => passwordStep(h, user.username)));
			const responses = await Promise.all(
				challenges.map(({ challenge }) =>
					api(h.app, "/sessions/second-factor", { body: { challenge, method: "backup_code", code: user.codes[0] } }),
				),
			);
			const statuses = responses.map((r) => r.statusCode);
			assert.equal(statuses.filter((s) => s === 201).length, 1, statuses.join(","));
			assert.ok(statuses.every((s) => s === 201 || s === 401), statuses.join(","));
			assert.equal(await sessionsOf(user.id), before + 1);
			const used = await h.tessera.store.db
				.selectFrom("backup_codes")
				.select("used_at")
				.where("account_id", "=", user.id)
				.where("used_at", "is not", null)
				.execute();
			assert.equal(used.length, 1);
		});

		test("100 parallel requests on one challenge with one code: one session", async () => {
			const user = await signUpWithTwoFactor(h);
			const before = await sessionsOf(user.id);
			const { challenge } = await passwordStep(h, user.username);
			const responses = await Promise.all(
				Array.from({ length: 100 }, () =>
					api(h.app, "/sessions/second-factor", { body: { challenge, method: "backup_code", code: user.codes[1] } }),
				),
			);
			assert.equal(responses.filter((r) => r.statusCode === 201).length, 1);
			assert.equal(await sessionsOf(user.id), before + 1);
		});

		test("two different valid codes at once on one challenge: one session, the other code stays unused", async () => {
			const user = await signUpWithTwoFactor(h);
			const { challenge } = await passwordStep(h, user.username);
			const [a, b] = await Promise.all(
				[user.codes[2], user.codes[3]].map((code) =>
					api(h.app, "/sessions/second-factor", { body: { challenge, method: "backup_code", code } }),
				),
			);
			assert.deepEqual([a!.statusCode, b!.statusCode].sort(), [201, 410]);
			const unused = await h.tessera.store.db
				.selectFrom("backup_codes")
				.select("id")
				.where("account_id", "=", user.id)
				.where("used_at", "is", null)
				.execute();
			assert.equal(unused.length, 9, "only the winning code was consumed");
		});
	});

	describe(`guessing at scale (${kind})`, () => {
		let h: Harness;
		before(async () => {
			h = await startHarness(kind, { TESSERA_LIMIT_CODE_ADDRESS: "100000/1h" });
		});
		after(() => h.close());

		test("300 parallel wrong backup codes on one account: at most 10 evaluated", async () => {
			const user = await signUpWithTwoFactor(h);
			const { challenge } = await passwordStep(h, user.username);
			const stats = (h.tessera.deps.methods.fallback as BackupCodeMethod).stats;
			const hashesBefore = stats.checkHashes;
			const responses = await Promise.all(
				Array.from({ length: 300 }, (_, i) =>
					api(h.app, "/sessions/second-factor", {
						body: { challenge, method: "backup_code", code: aWrongCode(h) },
						ip: `198.18.${i >> 8}.${i & 255}`,
					}),
				),
			);
			const statuses = responses.map((r) => r.statusCode);
			assert.ok(statuses.every((s) => s === 401 || s === 429), statuses.join(","));
			assert.equal(statuses.filter((s) => s === 401).length, 10);
			assert.equal(stats.checkHashes - hashesBefore, 10, "only ten codes were ever hashed and checked");
			const retry = Number(responses.find((r) => r.statusCode === 429)!.headers["retry-after"]);
			assert.ok(retry > 3500 && retry <= 3600, String(retry));
		});
	});
}
