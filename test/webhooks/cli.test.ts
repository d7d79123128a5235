import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { listEndpointViews, removeEndpoint, webhookTypes } from "../../src/flows/webhooks.ts";
import { databaseKinds } from "../helpers/databases.ts";
import { api, type Harness, PASSWORD, signUp, startHarness } from "../helpers/harness.ts";
import { show, tessera } from "./command.ts";
import { type Receiver, startReceiver } from "./receiver.ts";

/**
 * `tessera webhooks …`, run as a real process against the database of an
 * in-process Tessera that shares its server secret: the endpoint the command
 * adds is the one the server signs for.
 */

const SECRET = "7a".repeat(32);
const verbs = ["add", "list", "remove", "disable", "enable", "rotate-secret", "log", "replay", "types"];

for (const kind of await databaseKinds()) {
	describe(`tessera webhooks (${kind})`, () => {
		let h: Harness;
		let receiver: Receiver;
		let env: Record<string, string>;

		before(async () => {
			const shared = { TESSERA_SECRET: SECRET, TESSERA_DELIVERY: "outbox" };
			h = await startHarness(kind, shared);
			receiver = await startReceiver();
			env = { ...shared, TESSERA_DATA_DIR: h.database.dataDir, ...(kind === "postgres" ? { DATABASE_URL: h.database.url } : {}) };
		});
		after(async () => {
			await receiver?.close();
			await h?.close();
		});

		test("every verb has its help", async () => {
			const runs = await Promise.all(verbs.map((verb) => tessera(env, "webhooks", verb, "--help")));
			for (const [i, run] of runs.entries()) {
				assert.equal(run.code, 0, show(run));
				assert.ok(run.stdout.startsWith(`Usage: tessera webhooks ${verbs[i]}`), show(run));
			}
			const list = await tessera(env, "webhooks");
			assert.equal(list.code, 64, show(list));
			for (const verb of verbs) assert.ok(list.stderr.includes(`tessera webhooks ${verb}`), show(list));
		});

		test("a wrong address or event type: a clear message, exit 64, and no endpoint added", async () => {
			const cases: [string[], RegExp][] = [
				[[], /--url is required/],
				[["--url", "ftp://files.example.com/in"], /ftp: addresses cannot receive webhooks; use https/],
				[["--url", "not an address"], /is not an address/],
				[["--url", "http://app.example.com/hooks"], /use https, or --allow-http/],
				[["--url", "https://user:pass@app.example.com/hooks"], /user name or password/],
				[["--url", "https://app.example.com/hooks", "--events", "password.changed,password.stolen"], /unknown event type password\.stolen\. The types are: signin\.new_device/],
				[["--url", "https://app.example.com/hooks", "--events", ","], /names no event type/],
			];
			for (const [args, message] of cases) {
				const run = await tessera(env, "webhooks", "add", ...args);
				assert.equal(run.code, 64, `${args.join(" ")}\n${show(run)}`);
				assert.match(run.stderr, message, show(run));
				assert.equal(run.stdout, "");
			}
			const list = await tessera(env, "webhooks", "list", "--json");
			assert.deepEqual(JSON.parse(list.stdout), []);
		});

		test("add prints the id and secret once; list shows the endpoints and never a secret; rotate-secret, remove", async () => {
			const added = await tessera(env, "webhooks", "add", "--url", "https://app.example.com/hooks", "--events", "password.changed, account.locked");
			assert.equal(added.code, 0, show(added));
			const endpoint = JSON.parse(added.stdout) as { id: string; secret: string };
			assert.deepEqual(Object.keys(endpoint), ["id", "secret"]);
			assert.match(endpoint.secret, /^whsec_[A-Za-z0-9+/]{43}=$/);
			const http = await tessera(env, "webhooks", "add", "--url", "http://10.0.0.5:8080/hooks", "--allow-http");
			assert.equal(http.code, 0, show(http));
			const local = await tessera(env, "webhooks", "add", "--url", "http://localhost:9000/hooks");
			assert.equal(local.code, 0, show(local));

			const list = await tessera(env, "webhooks", "list", "--json");
			const endpoints = JSON.parse(list.stdout) as { id: string; url: string; events: string[] | null; previousSecretUntil: string | null }[];
			assert.deepEqual(
				endpoints.map((e) => [e.url, e.events]),
				[
					["https://app.example.com/hooks", ["password.changed", "account.locked"]],
					["http://10.0.0.5:8080/hooks", null],
					["http://localhost:9000/hooks", null],
				],
			);
			const text = await tessera(env, "webhooks", "list");
			assert.match(text.stdout, new RegExp(`${endpoint.id}  https://app.example.com/hooks  events: password.changed,account.locked  pending 0, delivered 0, given up 0`));
			for (const run of [list, text]) assert.ok(!run.stdout.includes(endpoint.secret.slice(6)), "no secret");

			const rotated = await tessera(env, "webhooks", "rotate-secret", endpoint.id);
			assert.equal(rotated.code, 0, show(rotated));
			const fresh = JSON.parse(rotated.stdout) as { id: string; secret: string; previousSecretUntil: string };
			assert.equal(fresh.id, endpoint.id);
			assert.notEqual(fresh.secret, endpoint.secret);
			assert.ok(Date.parse(fresh.previousSecretUntil) > Date.now() + 23 * 3_600_000);
			assert.match((await tessera(env, "webhooks", "list")).stdout, /previous secret signs until/);

			const disabled = await tessera(env, "webhooks", "disable", endpoint.id);
			assert.equal(disabled.code, 0, show(disabled));
			assert.match((await tessera(env, "webhooks", "list")).stdout, new RegExp(`${endpoint.id} \\(disabled\\)  https://app.example.com/hooks`));
			assert.equal((JSON.parse((await tessera(env, "webhooks", "list", "--json")).stdout) as { enabled: boolean }[])[0]!.enabled, false);
			assert.equal((await tessera(env, "webhooks", "enable", endpoint.id)).code, 0);
			assert.equal((JSON.parse((await tessera(env, "webhooks", "list", "--json")).stdout) as { enabled: boolean }[])[0]!.enabled, true);

			for (const verb of ["rotate-secret", "remove", "log", "disable", "enable"]) {
				const unknown = await tessera(env, "webhooks", verb, "ep_0000000000000000");
				assert.equal(unknown.code, 65, show(unknown));
				assert.match(unknown.stderr, /no webhook endpoint has the id ep_0000000000000000/);
			}
			for (const e of endpoints) {
				const removed = await tessera(env, "webhooks", "remove", e.id);
				assert.equal(removed.code, 0, show(removed));
			}
			assert.equal((await tessera(env, "webhooks", "remove", endpoint.id)).code, 65, "removed once");
			assert.match((await tessera(env, "webhooks", "list")).stdout, /No webhook endpoints/);
		});

		test("log shows each try; replay sends the delivery again with the same webhook-id", async () => {
			const added = await tessera(env, "webhooks", "add", "--url", receiver.url, "--events", "password.changed");
			const endpoint = JSON.parse(added.stdout) as { id: string; secret: string };
			assert.match((await tessera(env, "webhooks", "log", endpoint.id)).stdout, /Nothing has been sent to this endpoint yet/);
			const user = await signUp(h.app);
			receiver.answer(500);
			const changed = await api(h.app, "/account/password", { token: user.token, body: { currentPassword: PASSWORD, newPassword: `${PASSWORD} 2` } });
			assert.equal(changed.statusCode, 200);
			const [first] = await receiver.waitFor(1);
			await h.tessera.deps.webhooks.drain();
			assert.ok(receiver.verifies(first!, endpoint.secret), "signed with the secret the command printed");

			const log = await tessera(env, "webhooks", "log", endpoint.id, "--json");
			const [attempt] = JSON.parse(log.stdout) as { deliveryId: string; messageId: string; type: string; status: number; error: string; delivery: string }[];
			assert.deepEqual([attempt!.messageId, attempt!.type, attempt!.status, attempt!.error, attempt!.delivery], [first!.id, "password.changed", 500, "HTTP 500", "pending"]);
			assert.match((await tessera(env, "webhooks", "log", endpoint.id)).stdout, /password\.changed {2}HTTP 500 {2}\d+ ms {2}HTTP 500 {2}\(now pending\)/);

			const replayed = await tessera(env, "webhooks", "replay", attempt!.deliveryId);
			assert.equal(replayed.code, 0, show(replayed));
			assert.match(replayed.stdout, /Delivered again: password\.changed \(msg_\w+\), HTTP 204\./);
			const [, second] = await receiver.waitFor(2);
			assert.equal(second!.id, first!.id);
			assert.equal(second!.body, first!.body);
			assert.ok(receiver.verifies(second!, endpoint.secret));
			const after = JSON.parse((await tessera(env, "webhooks", "log", endpoint.id, "--json")).stdout) as { status: number; delivery: string }[];
			assert.deepEqual(after.map((a) => [a.status, a.delivery]), [[204, "delivered"], [500, "delivered"]]);

			const unknown = await tessera(env, "webhooks", "replay", "msg_nothing.ep_nothing");
			assert.equal(unknown.code, 65, show(unknown));
			assert.match(unknown.stderr, /no webhook delivery has the id/);
		});

		test("replay of a delivery an instance is sending: refused with exit 1, and it is sent once", async () => {
			// Alone on the receiver: the endpoints of earlier tests are removed.
			for (const e of await listEndpointViews(h.tessera.deps)) await removeEndpoint(h.tessera.deps, e.id);
			const added = await tessera(env, "webhooks", "add", "--url", receiver.url, "--events", "password.changed");
			const endpoint = JSON.parse(added.stdout) as { id: string };
			// The server's clock and the command's agree, as in a deployment.
			h.clock.set(Date.now());
			const user = await signUp(h.app);
			receiver.received.length = 0;
			receiver.answer("hang");
			const changed = await api(h.app, "/account/password", { token: user.token, body: { currentPassword: PASSWORD, newPassword: `${PASSWORD} 2` } });
			assert.equal(changed.statusCode, 200);
			await receiver.waitFor(1);
			const delivery = await h.database.store.db.selectFrom("webhook_deliveries").select("id").where("endpoint_id", "=", endpoint.id).executeTakeFirstOrThrow();
			const refused = await tessera(env, "webhooks", "replay", delivery.id);
			assert.equal(refused.code, 1, show(refused));
			assert.match(refused.stderr, /is being sent by an instance right now .* a replay now would send it twice at once/);
			assert.equal(refused.stdout, "");
			await h.tessera.deps.webhooks.drain();
			assert.equal(receiver.received.length, 1, "sent once");
		});

		test("types lists every event type", async () => {
			const run = await tessera(env, "webhooks", "types");
			assert.equal(run.code, 0, show(run));
			assert.deepEqual(run.stdout.trim().split("\n").map((line) => line.split(" ")[0]), Object.keys(webhookTypes));
		});
	});
}
