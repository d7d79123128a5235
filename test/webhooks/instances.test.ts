import assert from "node:assert/strict";
import { randomBytes } from "node:crypto";
import { after, before, describe, test } from "node:test";
import { call, inBatches, Instance } from "../helpers/cluster.ts";
import { databaseKinds, throwawayDatabase, type ThrowawayDatabase } from "../helpers/databases.ts";
import { show, tessera } from "./command.ts";
import { type Receiver, startReceiver } from "./receiver.ts";

/**
 * Webhooks from Tessera processes as an operator runs them, sharing one
 * database: a message owed by an instance killed (SIGKILL) while it was sending
 * is delivered by another, with the same webhook-id; several instances sending
 * at once deliver each message once.
 */

const PASSWORD = "correct horse battery staple 7";

for (const kind of await databaseKinds()) {
	describe(`webhooks across instances (${kind})`, () => {
		let database: ThrowawayDatabase;
		let receiver: Receiver;
		let env: Record<string, string>;
		const instances: Instance[] = [];
		let endpoint: { id: string; secret: string };

		before(async () => {
			database = await throwawayDatabase(kind);
			receiver = await startReceiver();
			env = {
				TESSERA_SECRET: randomBytes(32).toString("hex"),
				TESSERA_DELIVERY: "outbox",
				TESSERA_LOG_LEVEL: "info",
				TESSERA_LIMIT_SIGNUP_ADDRESS: "100000/1h",
				TESSERA_LIMIT_PASSWORD_ACCOUNT: "100000/15m",
				TESSERA_LIMIT_PASSWORD_ADDRESS: "100000/15m",
				// SQLite: every process opens the same file.
				TESSERA_DATA_DIR: database.dataDir,
				...(kind === "postgres" ? { DATABASE_URL: database.url } : {}),
			};
			const added = await tessera(env, "webhooks", "add", "--url", receiver.url, "--events", "password.changed");
			assert.equal(added.code, 0, show(added));
			endpoint = JSON.parse(added.stdout) as typeof endpoint;
		});
		after(async () => {
			await Promise.all(instances.map((i) => i.stop()));
			await receiver?.close();
			await database?.drop();
		});

		async function start(name: string): Promise<Instance> {
			const instance = new Instance(name, env);
			instances.push(instance);
			await instance.ready();
			return instance;
		}

		async function changePassword(base: string, username: string, from: string, to: string) {
			const signIn = await call(base, "/sessions", { body: { username, password: from } });
			assert.equal(signIn.status, 201, JSON.stringify(signIn.body));
			const token = (signIn.body["session"] as { token: string }).token;
			const changed = await call(base, "/account/password", { token, body: { currentPassword: from, newPassword: to } });
			assert.equal(changed.status, 200, JSON.stringify(changed.body));
		}

		test("an instance killed while sending: another delivers the same message, with the same webhook-id", async () => {
			const a = await start("a");
			const username = `killed_${process.pid}`;
			assert.equal((await call(a.url, "/accounts", { body: { username, password: PASSWORD } })).status, 201);
			// The receiver holds the first try open: the instance has claimed the message and is sending it.
			receiver.answer("hang");
			await changePassword(a.url, username, PASSWORD, `${PASSWORD} 2`);
			const [first] = await receiver.waitFor(1);
			a.child.kill("SIGKILL");
			assert.equal((await a.exit).signal, "SIGKILL");

			const b = await start("b");
			// Once a's claim lapses (ten seconds), b's sweep takes the message over.
			const [, second] = await receiver.waitFor(2, 30_000);
			assert.equal(second!.id, first!.id, "the same webhook-id");
			assert.equal(second!.body, first!.body);
			assert.equal(second!.type, "password.changed");
			assert.ok(receiver.verifies(first!, endpoint.secret) && receiver.verifies(second!, endpoint.secret));

			await new Promise((r) => setTimeout(r, 2_000));
			assert.equal(receiver.received.length, 2, "delivered once it answered, and never again");
			assert.equal(b.logged("webhook delivered").length, 1, "b delivered it");
			const rows = await database.store.db.selectFrom("webhook_deliveries").select(["state", "attempts"]).execute();
			assert.deepEqual(rows.map((r) => ({ ...r, attempts: Number(r.attempts) })), [{ state: "delivered", attempts: 2 }]);
			const log = await tessera(env, "webhooks", "log", endpoint.id, "--json");
			assert.equal(log.code, 0, show(log));
			assert.deepEqual(
				(JSON.parse(log.stdout) as { status: number | null }[]).map((a) => a.status),
				[204],
				"the killed instance's try never finished; b's is in the log",
			);
		});

		test("two instances sending at once deliver each message exactly once", async () => {
			const b = instances.find((i) => i.alive)!;
			const c = await start("c");
			receiver.received.length = 0;
			const users = await inBatches(20, 5, async (i) => {
				const username = `many_${process.pid}_${i}`;
				const base = i % 2 ? b.url : c.url;
				assert.equal((await call(base, "/accounts", { body: { username, password: PASSWORD } })).status, 201);
				await changePassword(base, username, PASSWORD, `${PASSWORD} 2`);
				return username;
			});
			assert.equal(users.length, 20);
			await receiver.waitFor(20, 20_000);
			await new Promise((r) => setTimeout(r, 2_500));
			assert.equal(receiver.received.length, 20, "no message twice");
			assert.equal(new Set(receiver.received.map((r) => r.id)).size, 20);
			assert.ok(receiver.received.every((r) => receiver.verifies(r, endpoint.secret)));
			assert.ok(b.logged("webhook delivered").length > 0 || c.logged("webhook delivered").length > 0);
		});
	});
}
