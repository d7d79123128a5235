import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { sql } from "kysely";
import { databaseKinds } from "../helpers/databases.ts";
import { api, type Harness, PASSWORD, startHarness, signUp } from "../helpers/harness.ts";

for (const kind of await databaseKinds()) {
	describe(`health, readiness and metrics (${kind})`, () => {
		let h: Harness;
		before(async () => {
			h = await startHarness(kind);
		});
		after(() => h.close());

		test("/healthz and /readyz answer a load balancer, with what was checked", async () => {
			const health = await h.app.inject({ url: "/healthz" });
			assert.equal(health.statusCode, 200);
			assert.deepEqual(health.json(), { status: "ok" });
			const ready = await h.app.inject({ url: "/readyz" });
			assert.equal(ready.statusCode, 200);
			assert.equal(ready.json().status, "ready");
			assert.equal(ready.json().checks.database.ok, true);
			if (kind === "postgres") assert.equal(ready.json().checks.counters.ok, true, "the counters' own connections answer too");
			assert.equal(ready.headers["cache-control"], "no-store");
		});

		test("/metrics counts sign-ins by result, throttle hits and latency, for the operator's network only", async () => {
			const user = await signUp(h.app);
			await api(h.app, "/sessions", { body: { username: user.username, password: PASSWORD } });
			for (let i = 0; i < 12; i++) await api(h.app, "/sessions", { body: { username: user.username, password: "wrong password here" }, ip: "192.0.2.50" });
			const scraped = await h.app.inject({ url: "/metrics", remoteAddress: "10.1.2.3" });
			assert.equal(scraped.statusCode, 200);
			assert.match(scraped.headers["content-type"] as string, /^text\/plain/);
			assert.match(scraped.body, /tessera_sign_ins_total\{step="password",result="session",method="password"\} 1/);
			assert.match(scraped.body, /tessera_sign_ins_total\{step="password",result="invalid_credentials",method="password"\} 10/);
			assert.match(scraped.body, /tessera_sign_ins_total\{step="password",result="too_many_attempts",method="password"\} 2/);
			assert.match(scraped.body, /tessera_throttle_hits_total\{limit="password:account"\} 2/);
			assert.match(scraped.body, /tessera_http_request_duration_seconds_bucket\{le="[\d.]+",method="POST",route="\/api\/v1\/sessions",status="4xx"\}/);
			assert.ok(!scraped.body.includes(user.username), "no label names a person");
			assert.equal((await h.app.inject({ url: "/metrics", remoteAddress: "203.0.113.9" })).statusCode, 404, "not for the internet");
			const proxied = await h.app.inject({ url: "/metrics", remoteAddress: "10.0.0.2", headers: { "x-forwarded-for": "203.0.113.9" } });
			assert.equal(proxied.statusCode, 404, "through a proxy Tessera was not told about, only direct scrapes count");
		});

		test("every answer carries the id its log lines carry", async () => {
			const response = await api(h.app, "/sessions", { body: { username: "someone", password: "not it at all" } });
			const id = response.headers["x-request-id"] as string;
			assert.match(id, /^[0-9a-f-]{36}$/);
			const lines = h.logs.map((l) => JSON.parse(l) as Record<string, unknown>).filter((l) => l["reqId"] === id);
			const access = lines.filter((l) => l["msg"] === "request");
			assert.equal(access.length, 1, "one access line a request");
			const { time: _time, ms, ...line } = access[0]!;
			assert.equal(typeof ms, "number", "with the time it took");
			assert.deepEqual(line, { level: 30, service: "tessera", reqId: id, method: "POST", url: "/api/v1/sessions", status: 401, ip: "203.0.113.7", msg: "request" });
			const spoofed = await h.app.inject({ url: "/healthz", headers: { "x-request-id": "chosen-by-client" } });
			assert.notEqual(spoofed.headers["x-request-id"], "chosen-by-client", "a client cannot choose it");
		});
	});
}

describe("a column added while instances run", () => {
	test("statements prepared before a migration keep working after it", async (t) => {
		if (!(await databaseKinds()).includes("postgres")) return t.skip("needs PostgreSQL");
		const h = await startHarness("postgres");
		try {
			const user = await signUp(h.app);
			for (let i = 0; i < 3; i++) assert.equal((await api(h.app, "/sessions", { body: { username: user.username, password: PASSWORD } })).statusCode, 201);
			// A newer version's migration, run by another instance or `tessera migrate`, while this one serves.
			await sql`alter table accounts add column added_later text`.execute(h.tessera.store.db);
			await sql`alter table sessions add column added_later text`.execute(h.tessera.store.db);
			for (let i = 0; i < 3; i++) {
				const signIn = await api(h.app, "/sessions", { body: { username: user.username, password: PASSWORD } });
				assert.equal(signIn.statusCode, 201, signIn.body);
				assert.equal((await api(h.app, "/sessions/current", { token: signIn.json().session.token })).statusCode, 200);
			}
		} finally {
			await h.close();
		}
	});
});

describe("metrics behind a token", () => {
	let h: Harness;
	before(async () => {
		h = await startHarness("sqlite", { TESSERA_METRICS_TOKEN: "s3cret-scrape-token" });
	});
	after(() => h.close());

	test("with TESSERA_METRICS_TOKEN set, /metrics needs it, from anywhere", async () => {
		assert.equal((await h.app.inject({ url: "/metrics", remoteAddress: "10.0.0.1" })).statusCode, 404);
		const wrong = await h.app.inject({ url: "/metrics", headers: { authorization: "Bearer nope" } });
		assert.equal(wrong.statusCode, 404);
		const right = await h.app.inject({ url: "/metrics", remoteAddress: "203.0.113.9", headers: { authorization: "Bearer s3cret-scrape-token" } });
		assert.equal(right.statusCode, 200);
	});

	test("/readyz says not ready when the database is gone", async () => {
		await h.tessera.store.close();
		const ready = await h.app.inject({ url: "/readyz" });
		assert.equal(ready.statusCode, 503);
		assert.equal(ready.json().checks.database.ok, false);
	});
});
