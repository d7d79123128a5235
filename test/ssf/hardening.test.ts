import assert from "node:assert/strict";
import { lookup } from "node:dns/promises";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { hostname } from "node:os";
import { after, before, describe, test } from "node:test";
import type { LightMyRequestResponse } from "fastify";
import { lockUser } from "../../src/flows/operator.ts";
import { addStream, changeStreamStatus, eventTypes, isInternalAddress, listStreamViews, type NewStream, POLL_KEEP_MS, removeStream, streamLog } from "../../src/flows/signals.ts";
import { claimDuePushes, insertSet, readStream, settleSet } from "../../src/store/signals.ts";
import { databaseKinds } from "../helpers/databases.ts";
import { type Harness, signUp, startHarness } from "../helpers/harness.ts";
import { freePort } from "../helpers/oidc.ts";
import { type Receiver, startReceiver } from "./receiver.ts";

/**
 * What a receiver must not be able to do with its stream, and what a receiver
 * must not be able to do to the transmitter: take the operator's Authorization
 * value elsewhere, reach internal addresses, re-enable what the operator
 * disabled, stall other streams or fill memory and the database.
 */

const PUSH = "urn:ietf:rfc:8935";

for (const kind of await databaseKinds()) {
	describe(`Shared Signals, hardened (${kind})`, () => {
		let h: Harness;
		let receiver: Receiver;

		before(async () => {
			const port = await freePort();
			h = await startHarness(kind, { TESSERA_PUBLIC_URL: `http://127.0.0.1:${port}` });
			await h.app.listen({ port, host: "127.0.0.1" });
			receiver = await startReceiver();
		});
		after(async () => {
			await h.close();
			await receiver.close();
		});

		const stream = (input: NewStream) => addStream(h.tessera.deps, input);
		const call = (path: string, options: { method?: "GET" | "POST" | "PATCH" | "PUT"; token: string; body?: unknown }) =>
			h.app.inject({
				method: options.method ?? (options.body === undefined ? "GET" : "POST"),
				url: path,
				headers: { authorization: `Bearer ${options.token}`, ...(options.body !== undefined ? { "content-type": "application/json" } : {}) },
				...(options.body !== undefined ? { payload: JSON.stringify(options.body) } : {}),
			});
		const fieldsOf = (response: LightMyRequestResponse) => (response.json() as { error: { details: { fields: unknown } } }).error.details.fields;
		const hasAuthorization = async (streamId: string) => (await listStreamViews(h.tessera.deps)).find((s) => s.stream_id === streamId)!.pushAuthorization;
		const waitFor = async <T>(what: string, get: () => Promise<T>, ok: (value: T) => boolean, ms = 5000): Promise<T> => {
			const deadline = Date.now() + ms;
			for (;;) {
				const value = await get();
				if (ok(value)) return value;
				if (Date.now() > deadline) throw new Error(`${what}: ${JSON.stringify(value)}`);
				await new Promise((resolve) => setTimeout(resolve, 10));
			}
		};

		test("the operator's Authorization value does not follow the endpoint to another origin", async () => {
			const s = await stream({ audience: ["https://moves.example"], push: { url: "https://moves.example/events", authorization: "Bearer operator-given" } });
			const patch = (delivery: Record<string, string>) => call("/ssf/stream", { method: "PATCH", token: s.token, body: { stream_id: s.streamId, delivery: { method: PUSH, ...delivery } } });
			assert.equal((await patch({ endpoint_url: "https://moves.example/v2" })).statusCode, 200);
			assert.equal(await hasAuthorization(s.streamId), true, "same origin: kept");
			assert.equal((await patch({ endpoint_url: "https://elsewhere.example/events" })).statusCode, 200);
			assert.equal(await hasAuthorization(s.streamId), false, "another origin: dropped");
			assert.equal((await patch({ endpoint_url: "https://third.example/events", authorization_header: "Bearer receiver-given" })).statusCode, 200);
			assert.equal(await hasAuthorization(s.streamId), true, "given with the move: kept");
		});

		test("an Authorization value that is not one line of printable ASCII is refused", async () => {
			const s = await stream({ audience: ["https://header.example"], push: { url: "https://header.example/events" } });
			for (const value of ["Bearer a\r\nX-Injected: 1", "Bearer \u00e9", " Bearer leading-space", "Bearer a\nb"]) {
				const refused = await call("/ssf/stream", { method: "PATCH", token: s.token, body: { stream_id: s.streamId, delivery: { method: PUSH, authorization_header: value } } });
				assert.equal(refused.statusCode, 400, refused.body);
				assert.deepEqual(fieldsOf(refused), [{ field: "delivery.authorization_header", reason: "not_valid" }]);
			}
			assert.equal(await hasAuthorization(s.streamId), false);
			await assert.rejects(stream({ audience: ["https://header.example"], push: { url: "https://header.example/events", authorization: "Bearer a\r\nb" } }), { code: "invalid_request" });
		});

		test("a receiver cannot move its endpoint to internal addresses, however written or resolved", async () => {
			const s = await stream({ audience: ["https://ssrf.example"], push: { url: "https://ssrf.example/events" } });
			for (const endpoint of ["https://[64:ff9b::a9fe:a9fe]/", "https://198.18.0.1/", "https://192.0.0.8/", "https://224.0.0.1/", "https://240.0.0.1/", "https://[::ffff:7f00:1]/", "https://localhost./"]) {
				const refused = await call("/ssf/stream", { method: "PATCH", token: s.token, body: { stream_id: s.streamId, delivery: { method: PUSH, endpoint_url: endpoint } } });
				assert.equal(refused.statusCode, 400, endpoint);
			}
			for (const address of ["10.1.2.3", "169.254.169.254", "::ffff:127.0.0.1", "64:ff9b::a00:1", "fd00::1"]) assert.equal(isInternalAddress(address), true, address);
			for (const address of ["93.184.216.34", "2606:2800:220:1::1"]) assert.equal(isInternalAddress(address), false, address);

			// A name that resolves to this machine passes the check of what is written, but nothing is sent to it.
			const name = hostname();
			const resolved = await lookup(name, { all: true });
			assert.ok(resolved.some((a) => isInternalAddress(a.address)), `${name} resolves to ${JSON.stringify(resolved)}: the test needs a name of this machine`);
			const moved = await call("/ssf/stream", { method: "PATCH", token: s.token, body: { stream_id: s.streamId, events_requested: [eventTypes["account-disabled"]], delivery: { method: PUSH, endpoint_url: `https://${name}:${new URL(receiver.base).port}/ssrf` } } });
			assert.equal(moved.statusCode, 200, moved.body);
			const user = await signUp(h.app);
			await lockUser(h.tessera.deps, user.username, "operator:test", "");
			const [entry] = await waitFor("the try", () => streamLog(h.tessera.deps, s.streamId), (log) => Boolean(log[0]?.lastError));
			assert.match(entry!.lastError!, /internal address/);
			assert.equal(receiver.pushes.filter((p) => p.path === "/ssrf").length, 0);
		});

		test("a stream the operator disabled stays disabled whatever its receiver asks", async () => {
			const s = await stream({ audience: ["https://disabled.example"], push: { url: "https://disabled.example/events" } });
			const status = (value: string) => call("/ssf/status", { token: s.token, body: { stream_id: s.streamId, status: value } });
			await changeStreamStatus(h.tessera.deps, s.streamId, { status: "disabled", by: "operator" });
			// Asking for "disabled" again would make it the receiver's own: refused too.
			for (const value of ["disabled", "enabled", "paused"]) {
				const refused = await status(value);
				assert.equal(refused.statusCode, 403, refused.body);
				const body = refused.json() as { err: string; error: { code: string } };
				assert.equal(body.err, "access_denied");
				assert.equal(body.error.code, "stream_disabled_by_operator");
			}
			assert.equal((await readStream(h.tessera.deps.db, s.streamId))!.status, "disabled");
			// The operator enables it; one the receiver disabled itself, it may enable again.
			await changeStreamStatus(h.tessera.deps, s.streamId, { status: "enabled", by: "operator" });
			assert.equal((await status("disabled")).statusCode, 200);
			assert.equal((await status("enabled")).statusCode, 200);
			assert.equal((await readStream(h.tessera.deps.db, s.streamId))!.status, "enabled");
		});

		test("a receiver's 202 is taken at once, however long its body; a 400's is read no further than 4 KiB", async () => {
			const endless = http.createServer((req, res) => {
				req.resume();
				req.on("end", () => {
					if (req.url === "/refuses") {
						res.writeHead(400, { "content-type": "application/json" });
						res.write(`{"err":"invalid_request","description":"${"x".repeat(8192)}`);
					} else {
						res.writeHead(202);
					}
					// The body never ends.
					res.write("x".repeat(1024));
				});
			});
			await new Promise<void>((resolve) => endless.listen(0, "127.0.0.1", resolve));
			const base = `http://127.0.0.1:${(endless.address() as AddressInfo).port}`;
			try {
				const accepts = await stream({ audience: ["https://endless.example"], push: { url: `${base}/accepts` }, events: [eventTypes["account-disabled"]] });
				const refuses = await stream({ audience: ["https://endless.example"], push: { url: `${base}/refuses` }, events: [eventTypes["account-disabled"]] });
				const user = await signUp(h.app);
				const started = Date.now();
				await lockUser(h.tessera.deps, user.username, "operator:test", "");
				const settled = (id: string) => waitFor(id, () => streamLog(h.tessera.deps, id), (log) => log[0]?.state !== "pending" && log[0] !== undefined, 3000);
				assert.equal((await settled(accepts.streamId))[0]!.state, "delivered");
				const [refused] = await settled(refuses.streamId);
				assert.equal(refused!.state, "failed");
				assert.equal(refused!.lastError, "HTTP 400", "a refusal cut at 4 KiB is no JSON: the status says it");
				assert.ok(Date.now() - started < 3000);
			} finally {
				endless.closeAllConnections();
				await new Promise((resolve) => endless.close(resolve));
			}
		});

		test("a receiver that hangs holds up only its own stream", async () => {
			const hanging = await startReceiver();
			try {
				hanging.answer(() => "hang");
				await stream({ audience: ["https://hangs.example"], push: { url: `${hanging.base}/hangs` }, events: [eventTypes["account-disabled"]] });
				await stream({ audience: ["https://quick.example"], push: { url: `${receiver.base}/quick` }, events: [eventTypes["account-disabled"]] });
				const quick = () => receiver.pushes.filter((p) => p.path === "/quick").length;
				const [first, second] = [await signUp(h.app), await signUp(h.app)];
				await lockUser(h.tessera.deps, first.username, "operator:test", "");
				await waitFor("the first push", async () => quick(), (n) => n === 1, 2000);
				await waitFor("the hanging push", async () => hanging.pushes.length, (n) => n === 1, 2000);
				// The hanging receiver holds its push for 5 s: the other stream's next one does not wait for it.
				const started = Date.now();
				await lockUser(h.tessera.deps, second.username, "operator:test", "");
				await waitFor("the second push", async () => quick(), (n) => n === 2, 2000);
				assert.ok(Date.now() - started < 2000);
			} finally {
				await hanging.close();
			}
		});

		test("a push claimed again after its lease is settled by the new claim only", async () => {
			const db = h.tessera.deps.db;
			const s = await stream({ audience: ["https://lease.example"], push: { url: "https://lease.example/events" } });
			await changeStreamStatus(h.tessera.deps, s.streamId, { status: "paused", by: "receiver" });
			// Due later than the running transmitter's clock: only this test claims it.
			const now = h.clock() + 600_000;
			await insertSet(db, { jti: `lease-${kind}`, streamId: s.streamId, eventType: "https://schemas.openid.net/secevent/ssf/event-type/stream-updated", subject: "{}", event: "{}", now, push: true });
			const mine = (rows: Awaited<ReturnType<typeof claimDuePushes>>) => rows.find((row) => row.jti === `lease-${kind}`);
			const first = mine(await claimDuePushes(db, h.tessera.deps.databaseKind, now, 30_000, 1000));
			assert.ok(first);
			assert.equal(mine(await claimDuePushes(db, h.tessera.deps.databaseKind, now + 29_000, 30_000, 1000)), undefined, "claimed: not before its lease ends");
			const second = mine(await claimDuePushes(db, h.tessera.deps.databaseKind, now + 30_000, 30_000, 1000));
			assert.equal(second?.attempts, first.attempts + 1);
			assert.equal(await settleSet(db, first.jti, first.attempts, "failed", now + 31_000, "late"), false, "the first claim ran out: its outcome is not written");
			assert.equal(await settleSet(db, second!.jti, second!.attempts, "delivered", now + 31_000, null), true);
			assert.equal((await streamLog(h.tessera.deps, s.streamId))[0]!.state, "delivered");
		});

		test("a removed stream leaves no SETs; any left by a change at that moment are pruned, and unread poll SETs expire after 7 days", async () => {
			const db = h.tessera.deps.db;
			const polled = await stream({ audience: ["https://poll.example"], events: [eventTypes["account-disabled"]] });
			const gone = await stream({ audience: ["https://gone.example"], events: [eventTypes["account-disabled"]] });
			const user = await signUp(h.app);
			await lockUser(h.tessera.deps, user.username, "operator:test", "");
			const count = async (id: string) => Number((await db.selectFrom("ssf_sets").select((eb) => eb.fn.countAll().as("n")).where("stream_id", "=", id).executeTakeFirstOrThrow()).n);
			assert.equal(await count(gone.streamId), 1);
			await removeStream(h.tessera.deps, gone.streamId);
			assert.equal(await count(gone.streamId), 0);
			// As if a change had committed between the two deletes.
			await insertSet(db, { jti: `orphan-${kind}`, streamId: gone.streamId, eventType: eventTypes["account-disabled"], subject: "{}", event: "{}", now: h.clock(), push: true });
			h.clock.advance(POLL_KEEP_MS - 60_000);
			await h.tessera.deps.signals.prune();
			assert.equal(await count(gone.streamId), 0, "orphans pruned");
			assert.equal(await count(polled.streamId), 1, "not yet a week: kept for the receiver");
			h.clock.advance(120_000);
			await h.tessera.deps.signals.prune();
			assert.equal(await count(polled.streamId), 0, "a week unread: expired");
		});

		test("one long poll waits per stream; another at the same time answers at once", async () => {
			const s = await stream({ audience: ["https://long.example"] });
			const pollUrl = `/ssf/poll/${s.streamId}`;
			const firstStarted = Date.now();
			const first = call(pollUrl, { token: s.token, body: {} });
			await new Promise((resolve) => setTimeout(resolve, 200));
			const secondStarted = Date.now();
			const second = await call(pollUrl, { token: s.token, body: {} });
			assert.equal(second.statusCode, 200);
			assert.deepEqual(second.json(), { sets: {}, moreAvailable: false });
			assert.ok(Date.now() - secondStarted < 1000, "the second poll did not wait");
			// The first is woken by a SET.
			const user = await signUp(h.app);
			await lockUser(h.tessera.deps, user.username, "operator:test", "");
			const answered = await first;
			assert.ok(Object.keys(answered.json().sets).length > 0, answered.body);
			assert.ok(Date.now() - firstStarted < 5000);
		});
	});
}
