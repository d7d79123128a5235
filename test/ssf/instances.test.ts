import assert from "node:assert/strict";
import { randomBytes } from "node:crypto";
import { after, before, describe, test } from "node:test";
import { createLocalJWKSet, decodeJwt, jwtVerify } from "jose";
import { loadConfig } from "../../src/config.ts";
import { addStream } from "../../src/flows/signals.ts";
import { createLogger } from "../../src/logger.ts";
import { createFlowDeps } from "../../src/server.ts";
import { call, Instance } from "../helpers/cluster.ts";
import { databaseKinds, throwawayDatabase, type ThrowawayDatabase } from "../helpers/databases.ts";
import { type Receiver, startReceiver, until } from "./receiver.ts";

/**
 * Pushes are owed in the database, not in a process: an instance killed after
 * its first try leaves them to another, which sends them with the same jti.
 * Two Tessera processes on one PostgreSQL (instances share a database only there).
 */

const PASSWORD = "correct horse battery staple 7";
const ISSUER = "https://id.example.test";
const clustered = (await databaseKinds()).includes("postgres");

describe("Shared Signals across instances: a killed instance's pushes are sent by another", { skip: clustered ? false : "needs PostgreSQL" }, () => {
	let database: ThrowawayDatabase;
	let receiver: Receiver;
	let env: Record<string, string>;
	const instances: Instance[] = [];

	before(async () => {
		database = await throwawayDatabase("postgres");
		receiver = await startReceiver();
		env = { DATABASE_URL: database.url, TESSERA_SECRET: randomBytes(32).toString("hex"), TESSERA_DELIVERY: "outbox", TESSERA_LOG_LEVEL: "info", TESSERA_PUBLIC_URL: ISSUER };
	});
	after(async () => {
		for (const instance of instances) {
			if (instance.alive) instance.child.kill("SIGKILL");
			await instance.stop();
		}
		await receiver.close();
		await database.drop();
	});

	test("the receiver is down while the first instance tries; it is killed; the second delivers each SET once, with its jti", async () => {
		const a = new Instance("ssf-a", env);
		instances.push(a);
		const baseA = await a.ready();
		// The operator adds the stream from the command's side: a process that sends nothing itself.
		const config = loadConfig({ ...env, TESSERA_DATA_DIR: database.dataDir });
		const store = database.store;
		const deps = await createFlowDeps({ config, store, secret: Buffer.from(env["TESSERA_SECRET"]!, "hex"), logger: createLogger("warn", process.stderr) });
		const added = await addStream(deps, { audience: ["https://cluster.example"], push: { url: `${receiver.base}/events` } });
		deps.delivery.close();

		receiver.answer(() => "drop");
		const username = `ssf_cluster_${process.pid}`;
		const signUp = await call(baseA, "/accounts", { body: { username, password: PASSWORD } });
		assert.equal(signUp.status, 201, JSON.stringify(signUp.body));
		const token = (signUp.body["session"] as { token: string }).token;
		const changed = await call(baseA, "/account/password", { token, body: { currentPassword: PASSWORD, newPassword: "another long password 9" } });
		assert.equal(changed.status, 200, JSON.stringify(changed.body));
		// Its first tries failed and their next time is written: then the instance dies.
		await until(() => receiver.pushes.length >= 2, "the first instance's tries");
		const pending = async () =>
			store.db.selectFrom("ssf_sets").select(["jti", "state", "last_error", "attempts"]).where("stream_id", "=", added.streamId).execute();
		const deadline = Date.now() + 5000;
		while ((await pending()).some((row) => row.last_error === null) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
		a.child.kill("SIGKILL");
		await a.exit;
		const tried = receiver.pushes.map((p) => decodeJwt(p.jwt).jti);

		receiver.answer(() => ({ status: 202 }));
		const b = new Instance("ssf-b", env);
		instances.push(b);
		const baseB = await b.ready();
		// The first wait after a failure is 5 seconds; any instance's sweep sends it then.
		const accepted = () => receiver.pushes.slice(tried.length);
		await until(() => accepted().length >= 2, "the second instance's pushes", 20_000);
		await new Promise((r) => setTimeout(r, 1500));
		assert.equal(accepted().length, 2, "each SET once");

		const jwks = createLocalJWKSet((await (await fetch(`${baseB}/oidc/jwks`)).json()) as { keys: [] });
		const sets = await Promise.all(accepted().map(async (p) => (await jwtVerify(p.jwt, jwks, { issuer: ISSUER, audience: "https://cluster.example", typ: "secevent+jwt" })).payload));
		assert.deepEqual(sets.map((s) => s.jti).sort(), [...new Set(tried)].sort(), "the jti of the first tries");
		assert.deepEqual(sets.map((s) => Object.keys(s["events"] as object)[0]!.split("/").at(-1)).sort(), ["credential-change", "session-revoked"]);
		assert.deepEqual((await pending()).map((row) => row.state), ["delivered", "delivered"]);
	});
});
