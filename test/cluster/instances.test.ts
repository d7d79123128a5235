import assert from "node:assert/strict";
import { randomBytes } from "node:crypto";
import { after, before, describe, test } from "node:test";
import { sql } from "kysely";
import { Secret, TOTP } from "otpauth";
import { call, inBatches, Instance, startProxy } from "../helpers/cluster.ts";
import { counterSetups, REDIS_URL, throwawayDatabase, type ThrowawayDatabase } from "../helpers/databases.ts";

/**
 * Three Tessera processes on one PostgreSQL and one Redis, behind a
 * round-robin proxy: every guarantee must hold across instances, and through
 * a crash.
 */

const PASSWORD = "correct horse battery staple 7";
const CODE_LIMIT = 250;

const clustered = (await counterSetups()).some((s) => s.label === "postgres + redis");

function totp(secret: string): string {
	return new TOTP({ secret: Secret.fromBase32(secret), digits: 6, period: 30, algorithm: "SHA1" }).generate();
}

let accounts = 0;
async function accountWithCodes(base: string): Promise<{ username: string; id: string; codes: string[] }> {
	const username = `cluster_${process.pid}_${++accounts}`;
	const signUp = await call(base, "/accounts", { body: { username, password: PASSWORD } });
	assert.equal(signUp.status, 201, JSON.stringify(signUp.body));
	const token = (signUp.body["session"] as { token: string }).token;
	const enrol = await call(base, "/account/totp", { token, body: { password: PASSWORD } });
	const secret = enrol.body["secret"] as string;
	const confirm = await call(base, "/account/totp/confirm", { token, body: { code: totp(secret) } });
	assert.equal(confirm.status, 200, JSON.stringify(confirm.body));
	const codes = (confirm.body["backupCodes"] as { codes: string[] }).codes;
	const saved = await call(base, "/account/backup-codes/confirm", { token, body: { code: codes[9] } });
	assert.equal(saved.status, 200, JSON.stringify(saved.body));
	return { username, id: (signUp.body["account"] as { id: string }).id, codes };
}

async function challengeFor(base: string, username: string): Promise<string> {
	const step = await call(base, "/sessions", { body: { username, password: PASSWORD } });
	assert.equal(step.status, 200, JSON.stringify(step.body));
	return (step.body["secondFactor"] as { challenge: string }).challenge;
}

describe("three instances on PostgreSQL and Redis behind a round-robin proxy", { skip: clustered ? false : "needs PostgreSQL and Redis" }, () => {
	let database: ThrowawayDatabase;
	let instances: Instance[];
	let proxy: Awaited<ReturnType<typeof startProxy>>;

	before(async () => {
		database = await throwawayDatabase("postgres");
		const env = {
			DATABASE_URL: database.url,
			REDIS_URL,
			TESSERA_SECRET: randomBytes(32).toString("hex"),
			TESSERA_DELIVERY: "outbox",
			TESSERA_TRUST_PROXY: "1",
			// debug: each request's arrival is logged, which the shutdown test waits for.
			TESSERA_LOG_LEVEL: "debug",
			TESSERA_LIMIT_CODE_ACCOUNT: `${CODE_LIMIT}/1h`,
			TESSERA_LIMIT_CODE_ADDRESS: "100000/1h",
			TESSERA_LIMIT_PASSWORD_ACCOUNT: "100000/15m",
			TESSERA_LIMIT_PASSWORD_ADDRESS: "100000/15m",
			TESSERA_LIMIT_SIGNUP_ADDRESS: "100000/1h",
		};
		// All three start at once on an empty database: the migrations run once, under a lock.
		instances = ["a", "b", "c"].map((name) => new Instance(name, env));
		await Promise.all(instances.map((i) => i.ready()));
		proxy = await startProxy(() => instances.filter((i) => i.alive).map((i) => i.url));
	});

	after(async () => {
		await proxy?.close();
		await Promise.all((instances ?? []).map((i) => i.stop()));
		await database?.drop();
	});

	test("started together on an empty database, they applied each migration once", async () => {
		const rows = await sql<{ name: string }>`select name from kysely_migration`.execute(database.store.db);
		const names = rows.rows.map((r) => r.name);
		assert.ok(names.length >= 8);
		assert.equal(new Set(names).size, names.length);
		for (const instance of instances) assert.equal((await fetch(`${instance.url}/readyz`)).status, 200);
	});

	test("200 parallel sign-ins with one backup code, spread over every instance: exactly one session", async () => {
		const person = await accountWithCodes(proxy.url);
		const challenges = await inBatches(200, 16, () => challengeFor(proxy.url, person.username));
		const before = new Map(proxy.served);
		const answers = await Promise.all(
			challenges.map((challenge) => call(proxy.url, "/sessions/second-factor", { body: { challenge, method: "backup_code", code: person.codes[0] } })),
		);
		const statuses = answers.map((a) => a.status);
		assert.equal(statuses.filter((s) => s === 201).length, 1, `one session: ${JSON.stringify(countBy(statuses))}`);
		assert.ok(
			answers.filter((a) => a.status !== 201).every((a) => (a.body["error"] as { code: string }).code === "code_already_used"),
			"every other answer says the code was already used",
		);
		for (const instance of instances) {
			assert.ok((proxy.served.get(instance.url) ?? 0) - (before.get(instance.url) ?? 0) >= 50, `${instance.name} took its share`);
		}
		const used = await database.store.db.selectFrom("backup_codes").select("id").where("account_id", "=", person.id).where("used_at", "is not", null).execute();
		assert.equal(used.length, 1);
	});

	test("300 wrong codes spread over every instance: at most the configured limit are checked", async () => {
		const person = await accountWithCodes(proxy.url);
		const challenges = await inBatches(10, 10, () => challengeFor(proxy.url, person.username));
		const wrong = "0000-0000";
		const answers = await Promise.all(
			Array.from({ length: 300 }, (_, i) =>
				call(proxy.url, "/sessions/second-factor", { body: { challenge: challenges[i % 10], method: "backup_code", code: wrong } }),
			),
		);
		const codes = answers.map((a) => (a.body["error"] as { code?: string } | undefined)?.code ?? String(a.status));
		const checked = codes.filter((c) => c !== "too_many_attempts").length;
		assert.equal(checked, CODE_LIMIT, `checked ${checked}: ${JSON.stringify(countBy(codes))}`);
		assert.equal(codes.filter((c) => c === "too_many_attempts").length, 300 - CODE_LIMIT);
	});

	test("SIGKILL of one instance in the middle of a load: no code lost, nothing granted twice, the others keep serving", async () => {
		const people = await inBatches(24, 6, () => accountWithCodes(proxy.url));
		const challenges = await inBatches(people.length * 3, 16, (i) => challengeFor(proxy.url, people[Math.floor(i / 3)]!.username));
		const started = Date.now();
		const load = Promise.all(
			challenges.map((challenge, i) =>
				call(proxy.url, "/sessions/second-factor", { body: { challenge, method: "backup_code", code: people[Math.floor(i / 3)]!.codes[0] } }).catch(
					() => ({ status: 0, body: {} }),
				),
			),
		);
		await new Promise((r) => setTimeout(r, 40));
		const victim = instances[1]!;
		victim.child.kill("SIGKILL");
		const answers = await load;
		await victim.exit;
		assert.equal(victim.alive, false);

		for (const [n, person] of people.entries()) {
			const mine = answers.slice(n * 3, n * 3 + 3);
			const granted = mine.filter((a) => a.status === 201).length;
			assert.ok(granted <= 1, `${person.username}: granted ${granted} times`);
			const used = await database.store.db
				.selectFrom("backup_codes")
				.select("id")
				.where("account_id", "=", person.id)
				.where("used_at", "is not", null)
				.execute();
			const sessions = await database.store.db
				.selectFrom("sessions")
				.select("id")
				.where("account_id", "=", person.id)
				.where("created_at", ">=", started)
				.execute();
			// A code is burned exactly when its session exists: never one without the other.
			assert.equal(sessions.length, used.length, `${person.username}: ${used.length} code used, ${sessions.length} sessions`);
			if (used.length === 0) {
				// Lost with the killed instance before it committed: the code still works.
				const retry = await call(proxy.url, "/sessions/second-factor", {
					body: { challenge: await challengeFor(proxy.url, person.username), method: "backup_code", code: person.codes[0] },
				});
				assert.equal(retry.status, 201, `${person.username}: the code was not lost`);
			}
		}
		const after = await Promise.all(Array.from({ length: 30 }, () => fetch(`${proxy.url}/readyz`).then((r) => r.status)));
		assert.deepEqual(new Set(after), new Set([200]), "the other instances keep serving");
	});

	test("SIGTERM lets every request in flight finish, then the instance exits cleanly", async () => {
		const last = instances[2]!;
		const person = await accountWithCodes(proxy.url);
		const before = last.logged("request arrived").length;
		const inFlight = Array.from({ length: 24 }, () =>
			fetch(`${last.url}/api/v1/sessions`, {
				method: "POST",
				headers: { "content-type": "application/json" },
				body: JSON.stringify({ username: person.username, password: PASSWORD }),
			}).then((r) => r.status),
		);
		// Every request has reached the instance (argon2id keeps them busy) before it is told to stop.
		const deadline = Date.now() + 10_000;
		while (last.logged("request arrived").length - before < 24 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 5));
		last.child.kill("SIGTERM");
		const statuses = await Promise.all(inFlight);
		assert.deepEqual(new Set(statuses), new Set([200]), `every request in flight was answered: ${JSON.stringify(countBy(statuses))}`);
		const exit = await last.exit;
		assert.equal(exit.code, 0, "a clean exit");
		assert.ok(last.logged("shutting down: finishing requests in flight").length === 1);
		await assert.rejects(fetch(`${last.url}/healthz`), "it no longer listens");
	});
});

function countBy<T extends string | number>(values: T[]): Record<string, number> {
	const out: Record<string, number> = {};
	for (const v of values) out[String(v)] = (out[String(v)] ?? 0) + 1;
	return out;
}
