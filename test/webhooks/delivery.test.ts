import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { decideRecoveryRequest } from "../../src/flows/identity-checks.ts";
import { lockUser, resetUserTwoFactor, unlockUser } from "../../src/flows/operator.ts";
import { addEndpoint, enableEndpoint, endpointLog, GIVE_UP_AFTER_MS, PREVIOUS_SECRET_MS, removeEndpoint, replay, rotateSecret, WebhookConflictError } from "../../src/flows/webhooks.ts";
import { databaseKinds } from "../helpers/databases.ts";
import { api, type Harness, PASSWORD, passwordStep, signUp, signUpWithTwoFactor, startHarness, totpCode } from "../helpers/harness.ts";
import { type Received, type Receiver, startReceiver } from "./receiver.ts";

/**
 * Webhooks from an in-process Tessera to a receiver on loopback that checks
 * every signature with the standardwebhooks package. The app's clock is the
 * test's (retries, giving up, the end of a rotation); the signature's timestamp
 * is the real time, which is what a receiver checks it against.
 */

for (const kind of await databaseKinds()) {
	describe(`webhooks (${kind})`, () => {
		let h: Harness;
		let receiver: Receiver;
		const endpoints: string[] = [];

		before(async () => {
			h = await startHarness(kind);
			receiver = await startReceiver();
		});
		after(async () => {
			await receiver?.close();
			await h?.close();
		});

		/** A fresh endpoint on the receiver, alone: those of earlier tests are removed. */
		async function onlyEndpoint(events?: string[]) {
			for (const id of endpoints.splice(0)) await removeEndpoint(h.tessera.deps, id);
			const endpoint = await addEndpoint(h.tessera.deps, { url: receiver.url, events: events as never });
			endpoints.push(endpoint.id);
			receiver.received.length = 0;
			return endpoint;
		}

		/** Waits until every send started has finished, then looks once more: what arrived by then. */
		async function settled(): Promise<Received[]> {
			await h.tessera.deps.webhooks.drain();
			await h.tessera.deps.webhooks.sweep();
			return receiver.received;
		}

		async function deliveries(endpointId: string) {
			return h.database.store.db.selectFrom("webhook_deliveries").selectAll().where("endpoint_id", "=", endpointId).orderBy("created_at").execute();
		}

		async function changePassword(token: string, from: string, to: string) {
			const changed = await api(h.app, "/account/password", { token, body: { currentPassword: from, newPassword: to } });
			assert.equal(changed.statusCode, 200, changed.body);
		}

		async function signInWithBackupCode(username: string, code: string, ip: string) {
			const step = await passwordStep(h, username, ip);
			const done = await api(h.app, "/sessions/second-factor", { body: { challenge: step.challenge, method: "backup_code", code }, ip });
			assert.equal(done.statusCode, 201, done.body);
			return (done.json() as { session: { token: string } }).session.token;
		}

		test("exactly the events that happened arrive, each once, signed, with what an app may know and nothing secret", async () => {
			const endpoint = await onlyEndpoint();
			const user = await signUpWithTwoFactor(h);
			// From a network never seen on the account: a new device, and a backup code used.
			const token = await signInWithBackupCode(user.username, user.codes[0]!, "198.51.100.9");
			// The same browser and network again, with the authenticator: nothing an app needs to hear.
			const again = await passwordStep(h, user.username, "198.51.100.9");
			const totp = await api(h.app, "/sessions/second-factor", { body: { challenge: again.challenge, method: "totp", code: totpCode(user.secret, h.clock()) }, ip: "198.51.100.9" });
			assert.equal(totp.statusCode, 201, totp.body);
			// A wrong code: in the activity, not a webhook.
			const wrong = await passwordStep(h, user.username, "198.51.100.9");
			await api(h.app, "/sessions/second-factor", { body: { challenge: wrong.challenge, method: "backup_code", code: user.codes[0]! }, ip: "198.51.100.9" });
			await changePassword(token, PASSWORD, `${PASSWORD} and more`);
			await lockUser(h.tessera.deps, user.username, "operator:sam", "called from +33 6 12 34 56 78, said phone stolen");
			await unlockUser(h.tessera.deps, user.username, "operator:sam", "");

			const received = await receiver.waitFor(6);
			await settled();
			assert.deepEqual(
				received.map((r) => r.type).sort(),
				["account.locked", "account.unlocked", "backup_codes.used", "password.changed", "signin.new_device", "two_factor.enabled"],
			);
			for (const message of received) {
				assert.ok(receiver.verifies(message, endpoint.secret), `${message.type} verifies with the endpoint's secret`);
				assert.match(message.signature, /^v1,[A-Za-z0-9+/]+=*$/, "one signature while there is one secret");
				assert.equal(message.data["account_id"], user.id);
				const body = message.body;
				for (const secret of [...user.codes, ...user.codes.map((c) => c.replace(/\W/g, "")), user.secret, token, user.token, PASSWORD, endpoint.secret, "+33 6 12 34 56 78", "phone stolen"]) {
					assert.ok(!body.includes(secret), `${message.type} holds nothing secret`);
				}
			}
			assert.equal(new Set(received.map((r) => r.id)).size, 6, "one webhook-id per message");
			const byType = new Map(received.map((r) => [r.type, r]));
			assert.deepEqual(byType.get("signin.new_device")!.data, { account_id: user.id, event_id: byType.get("signin.new_device")!.data["event_id"], actor: "person", method: "backup_code", ip: "198.51.100.9", device: "Browser" });
			assert.equal(byType.get("backup_codes.used")!.data["remaining"], 9);
			assert.equal(byType.get("backup_codes.used")!.data["via"], "sign_in");
			assert.equal(byType.get("account.locked")!.data["actor"], "operator");
			assert.equal(byType.get("two_factor.enabled")!.data["method"], "totp");
			const parsed = JSON.parse(byType.get("password.changed")!.body) as Record<string, unknown>;
			assert.deepEqual(Object.keys(parsed), ["type", "timestamp", "data"]);
			assert.equal(parsed["timestamp"], new Date(h.clock()).toISOString());
			assert.equal(byType.get("password.changed")!.id, `msg_${byType.get("password.changed")!.data["event_id"]}`);
		});

		test("new backup codes, two-factor turned off, and an operator's reset arrive as they happen", async () => {
			await onlyEndpoint();
			const user = await signUpWithTwoFactor(h);
			const replaced = await api(h.app, "/account/backup-codes", { token: user.token, body: { password: PASSWORD } });
			assert.equal(replaced.statusCode, 201, replaced.body);
			const confirmed = await api(h.app, "/account/backup-codes/confirm", { token: user.token, body: { code: (replaced.json() as { codes: string[] }).codes[0] } });
			assert.equal(confirmed.statusCode, 200, confirmed.body);
			const off = await api(h.app, "/account/two-factor/disable", { token: user.token, body: { password: PASSWORD } });
			assert.equal(off.statusCode, 200, off.body);
			const { challenge } = (off.json() as { secondFactor: { challenge: string } }).secondFactor;
			h.clock.advance(30_000);
			const confirm = await api(h.app, "/account/two-factor/disable/confirm", { token: user.token, body: { challenge, method: "totp", code: totpCode(user.secret, h.clock()) } });
			assert.equal(confirm.statusCode, 200, confirm.body);
			const other = await signUpWithTwoFactor(h);
			await resetUserTwoFactor(h.tessera.deps, other.username, "operator:sam", "identity checked by video call");
			const received = await receiver.waitFor(5);
			await settled();
			const mine = (id: string) => received.filter((r) => r.data["account_id"] === id).map((r) => r.type);
			assert.deepEqual(mine(user.id).sort(), ["backup_codes.replaced", "two_factor.disabled", "two_factor.enabled"]);
			assert.deepEqual(mine(other.id).sort(), ["two_factor.enabled", "two_factor.reset"]);
			const reset = received.find((r) => r.type === "two_factor.reset")!;
			assert.equal(reset.data["actor"], "operator");
			assert.ok(!reset.body.includes("video") && !reset.body.includes("sam"));
		});

		test("an identity check filed and approved, the recovery it starts and its completion arrive, in order of the events", async () => {
			await onlyEndpoint(["identity_check.filed", "identity_check.decided", "recovery.started", "recovery.cancelled", "recovery.completed"]);
			const user = await signUpWithTwoFactor(h);
			const { challenge } = await passwordStep(h, user.username);
			const filed = await api(h.app, "/recovery/requests", { body: { challenge, message: "I lost my phone and my printed codes in a move." } });
			assert.equal(filed.statusCode, 201, filed.body);
			const requestId = (filed.json() as { request: { id: string } }).request.id;
			await decideRecoveryRequest(h.tessera.deps, { id: requestId, decision: "approve", actor: "operator:alice", note: "Confirmed by video call" });
			h.clock.advance(72 * 3_600_000);
			const recovered = await api(h.app, "/sessions", { body: { username: user.username, password: PASSWORD } });
			assert.equal(recovered.statusCode, 201, recovered.body);
			const received = await receiver.waitFor(4);
			await settled();
			const ordered = [...received].sort((a, b) => String(a.data["event_id"]).localeCompare(String(b.data["event_id"])));
			assert.deepEqual(
				ordered.map((r) => r.type),
				["identity_check.filed", "identity_check.decided", "recovery.started", "recovery.completed"],
			);
			const [filedMessage, decided, started, completed] = ordered;
			assert.deepEqual([filedMessage!.data["request_id"], decided!.data["request_id"], decided!.data["decision"]], [requestId, requestId, "approved"]);
			assert.equal(started!.data["via"], "operator");
			assert.equal(started!.data["recovery_id"], completed!.data["recovery_id"]);
			assert.equal(Date.parse(String(started!.data["ready_at"])), h.clock());
			for (const r of ordered) assert.ok(!r.body.includes("video") && !r.body.includes("lost my phone") && !r.body.includes("alice"), r.body);
		});

		test("a backup code that leaves 3 or fewer also says they are running low", async () => {
			await onlyEndpoint(["backup_codes.used", "backup_codes.running_low"]);
			const user = await signUpWithTwoFactor(h);
			// Ten codes; the 7th used leaves 3.
			for (let i = 0; i < 7; i++) await signInWithBackupCode(user.username, user.codes[i]!, "198.51.100.20");
			const received = await receiver.waitFor(8);
			await settled();
			const used = received.filter((r) => r.type === "backup_codes.used").map((r) => r.data["remaining"]);
			assert.deepEqual(used.sort(), [3, 4, 5, 6, 7, 8, 9]);
			const low = received.filter((r) => r.type === "backup_codes.running_low");
			assert.equal(low.length, 1);
			assert.equal(low[0]!.data["remaining"], 3);
			assert.notEqual(low[0]!.id, received.find((r) => r.type === "backup_codes.used" && r.data["remaining"] === 3)!.id, "a message id of its own");
		});

		test("an endpoint hears only the types it asked for; every endpoint gets the same webhook-id; a removed one hears nothing more", async () => {
			const all = await onlyEndpoint();
			const some = await addEndpoint(h.tessera.deps, { url: `${receiver.url}?only=password`, events: ["password.changed"] });
			endpoints.push(some.id);
			const user = await signUp(h.app);
			await changePassword(user.token, PASSWORD, `${PASSWORD} 2`);
			await lockUser(h.tessera.deps, user.username, "operator:sam", "");
			await receiver.waitFor(3);
			await settled();
			const changed = receiver.received.filter((r) => r.type === "password.changed");
			assert.equal(changed.length, 2, "both endpoints hear of the password");
			assert.equal(changed[0]!.id, changed[1]!.id);
			assert.equal(changed[0]!.body, changed[1]!.body);
			assert.ok(changed.some((r) => receiver.verifies(r, all.secret)) && changed.some((r) => receiver.verifies(r, some.secret)));
			assert.ok(!changed.some((r) => receiver.verifies(r, all.secret) && receiver.verifies(r, some.secret)), "each endpoint its own secret");
			assert.equal(receiver.received.filter((r) => r.type === "account.locked").length, 1, "only the endpoint for every type hears of the lock");

			await removeEndpoint(h.tessera.deps, all.id);
			receiver.received.length = 0;
			await unlockUser(h.tessera.deps, user.username, "operator:sam", "");
			const other = await signUp(h.app);
			await changePassword(other.token, PASSWORD, `${PASSWORD} 3`);
			await receiver.waitFor(1);
			await settled();
			assert.deepEqual(
				receiver.received.map((r) => r.type),
				["password.changed"],
			);
			assert.equal((await deliveries(all.id)).length, 0, "what it was owed went with it");
		});

		test("a disabled endpoint is owed nothing new; enabled again, it hears the next events", async () => {
			const endpoint = await onlyEndpoint(["password.changed"]);
			const user = await signUp(h.app);
			assert.equal(await enableEndpoint(h.tessera.deps, endpoint.id, false), true);
			await changePassword(user.token, PASSWORD, `${PASSWORD} 2`);
			await settled();
			assert.equal(receiver.received.length, 0);
			assert.equal((await deliveries(endpoint.id)).length, 0, "nothing kept for it");
			await enableEndpoint(h.tessera.deps, endpoint.id, true);
			await changePassword(user.token, `${PASSWORD} 2`, `${PASSWORD} 3`);
			const [message] = await receiver.waitFor(1);
			await settled();
			assert.equal(receiver.received.length, 1);
			assert.ok(receiver.verifies(message!, endpoint.secret));
			assert.equal(await enableEndpoint(h.tessera.deps, "ep_none", false), false);
		});

		test("a receiver that fails gets the message again after a backoff, with the same webhook-id, and never again once it answered 2xx", async () => {
			const endpoint = await onlyEndpoint(["password.changed"]);
			const user = await signUp(h.app);
			receiver.answer(500);
			await changePassword(user.token, PASSWORD, `${PASSWORD} 2`);
			await receiver.waitFor(1);
			await settled();
			assert.equal(receiver.received.length, 1, "not tried again before its backoff");
			const [pending] = await deliveries(endpoint.id);
			assert.equal(pending!.state, "pending");
			assert.equal(Number(pending!.due_at), h.clock() + 5_000, "due again 5 seconds later");

			h.clock.advance(5_000);
			await h.tessera.deps.webhooks.sweep();
			const [first, second] = await receiver.waitFor(2);
			assert.equal(second!.id, first!.id, "the same webhook-id on the retry");
			assert.equal(second!.body, first!.body);
			assert.ok(receiver.verifies(second!, endpoint.secret));
			assert.equal((await deliveries(endpoint.id))[0]!.state, "delivered");

			h.clock.advance(2 * GIVE_UP_AFTER_MS);
			await h.tessera.deps.webhooks.sweep();
			await settled();
			assert.equal(receiver.received.length, 2, "nothing more once delivered");
			const log = await endpointLog(h.tessera.deps, endpoint.id);
			assert.deepEqual(
				log!.map((a) => [a.status, a.error, a.delivery]),
				[
					[204, null, "delivered"],
					[500, "HTTP 500", "delivered"],
				],
			);
		});

		test("a receiver that does not answer is given up on after 5 seconds and tried again later", async () => {
			const endpoint = await onlyEndpoint(["password.changed"]);
			const user = await signUp(h.app);
			receiver.answer("hang");
			const started = Date.now();
			await changePassword(user.token, PASSWORD, `${PASSWORD} 2`);
			await receiver.waitFor(1);
			await h.tessera.deps.webhooks.drain();
			const waited = Date.now() - started;
			assert.ok(waited >= 4_900 && waited < 9_000, `the try ended after its timeout (${waited} ms)`);
			const [hung] = await endpointLog(h.tessera.deps, endpoint.id) as NonNullable<Awaited<ReturnType<typeof endpointLog>>>;
			assert.equal(hung!.status, null);
			assert.equal(hung!.error, "no answer within 5 s");
			h.clock.advance(5_000);
			await h.tessera.deps.webhooks.sweep();
			const [first, second] = await receiver.waitFor(2);
			assert.equal(second!.id, first!.id);
			assert.equal((await deliveries(endpoint.id))[0]!.state, "delivered");
		});

		test("a redirect is not followed: the try failed", async () => {
			const endpoint = await onlyEndpoint(["password.changed"]);
			const user = await signUp(h.app);
			receiver.answer(307);
			await changePassword(user.token, PASSWORD, `${PASSWORD} 2`);
			await receiver.waitFor(1);
			await settled();
			assert.equal(receiver.received.length, 1, "nothing followed the redirect");
			const [attempt] = (await endpointLog(h.tessera.deps, endpoint.id))!;
			assert.equal(attempt!.status, 307);
			assert.equal((await deliveries(endpoint.id))[0]!.state, "pending");
		});

		test("a message never answered 2xx is given up a day after its event, with every try in the endpoint's log", async () => {
			const endpoint = await onlyEndpoint(["password.changed"]);
			const user = await signUp(h.app);
			receiver.answer(...Array<number>(40).fill(503));
			const changedAt = h.clock();
			await changePassword(user.token, PASSWORD, `${PASSWORD} 2`);
			await receiver.waitFor(1);
			await settled();
			for (let i = 0; i < 30; i++) {
				const [delivery] = await deliveries(endpoint.id);
				if (delivery!.state !== "pending") break;
				h.clock.set(Number(delivery!.due_at));
				await h.tessera.deps.webhooks.sweep();
			}
			const [delivery] = await deliveries(endpoint.id);
			assert.equal(delivery!.state, "failed");
			// At 0, 5 s, 35 s, 2 min 35 s, 12 min 35 s, 42 min 35 s, 1 h 42 min 35 s, 3 h 42 min 35 s, 7 h …, 15 h …, 23 h 42 min 35 s, and 24 h.
			assert.equal(receiver.received.length, 12);
			assert.equal(new Set(receiver.received.map((r) => r.id)).size, 1, "one webhook-id on every try");
			assert.equal(h.clock(), changedAt + GIVE_UP_AFTER_MS, "the last try at the end of the day");
			const log = (await endpointLog(h.tessera.deps, endpoint.id))!;
			assert.equal(log.length, 12);
			assert.ok(log.every((a) => a.status === 503 && a.error === "HTTP 503" && a.delivery === "failed"));
			assert.ok(h.logs.some((line) => line.includes("webhook given up")));

			h.clock.advance(GIVE_UP_AFTER_MS);
			await h.tessera.deps.webhooks.sweep();
			assert.equal(receiver.received.length, 12, "never tried again");
			receiver.forgetAnswers();
			receiver.received.length = 0;
			// An operator can still send it again: the same message, a day more.
			const replayed = await replay(h.tessera.deps, delivery!.id);
			assert.equal(replayed?.outcome?.delivered, true);
			assert.equal(receiver.received[0]!.id, `msg_${JSON.parse(delivery!.payload).data.event_id}`);
			assert.equal((await deliveries(endpoint.id))[0]!.state, "delivered");
		});

		test("during a rotation both secrets sign, until the previous one expires a day later", async () => {
			const endpoint = await onlyEndpoint(["password.changed"]);
			const user = await signUp(h.app);
			const rotated = await rotateSecret(h.tessera.deps, endpoint.id);
			assert.ok(rotated && rotated.secret !== endpoint.secret && /^whsec_[A-Za-z0-9+/]{43}=$/.test(rotated.secret));
			await changePassword(user.token, PASSWORD, `${PASSWORD} 2`);
			const [during] = await receiver.waitFor(1);
			assert.equal(during!.signature.split(" ").length, 2, "two signatures");
			assert.ok(receiver.verifies(during!, rotated.secret), "the new secret verifies");
			assert.ok(receiver.verifies(during!, endpoint.secret), "the old secret verifies");

			h.clock.advance(PREVIOUS_SECRET_MS);
			await changePassword(user.token, `${PASSWORD} 2`, `${PASSWORD} 3`);
			const [, later] = await receiver.waitFor(2);
			assert.equal(later!.signature.split(" ").length, 1);
			assert.ok(receiver.verifies(later!, rotated.secret), "the new secret verifies");
			assert.ok(!receiver.verifies(later!, endpoint.secret), "the old secret no longer does");
			assert.ok(!receiver.verifies(later!, rotated.secret.replace(/^whsec_./, "whsec_A")), "a wrong secret does not verify");
		});

		test("two rotations at once: one wins and its secret signs; the other fails clearly instead of printing a secret never stored", async () => {
			const endpoint = await onlyEndpoint(["password.changed"]);
			const user = await signUp(h.app);
			const results = await Promise.allSettled([rotateSecret(h.tessera.deps, endpoint.id), rotateSecret(h.tessera.deps, endpoint.id)]);
			const won = results.filter((r) => r.status === "fulfilled").map((r) => r.value!);
			const lost = results.filter((r) => r.status === "rejected").map((r) => r.reason as Error);
			assert.equal(won.length, 1, "one rotation stored its secret");
			assert.equal(lost.length, 1, "the other says it lost");
			assert.ok(lost[0] instanceof WebhookConflictError);
			assert.match(lost[0]!.message, /rotated by someone else at the same moment; nothing was changed/);
			await changePassword(user.token, PASSWORD, `${PASSWORD} 2`);
			const [message] = await receiver.waitFor(1);
			assert.equal(message!.signature.split(" ").length, 2, "the winner's secret and the one before it");
			assert.ok(receiver.verifies(message!, won[0]!.secret), "the secret printed is the one that signs");
			assert.ok(receiver.verifies(message!, endpoint.secret));
			assert.equal(await rotateSecret(h.tessera.deps, "ep_none"), undefined);
		});

		test("an endpoint whose secret this instance cannot open fails its own tries, logged; the other endpoints' messages go out", async () => {
			const good = await onlyEndpoint(["password.changed"]);
			const bad = await addEndpoint(h.tessera.deps, { url: `${receiver.url}?bad`, events: ["password.changed"] });
			endpoints.push(bad.id);
			// Sealed for another endpoint: it does not open as this one's (as under another TESSERA_SECRET).
			const { db } = h.database.store;
			const { secret_sealed } = await db.selectFrom("webhook_endpoints").select("secret_sealed").where("id", "=", good.id).executeTakeFirstOrThrow();
			await db.updateTable("webhook_endpoints").set({ secret_sealed }).where("id", "=", bad.id).execute();
			const user = await signUp(h.app);
			await changePassword(user.token, PASSWORD, `${PASSWORD} 2`);
			const [message] = await receiver.waitFor(1);
			await settled();
			assert.equal(receiver.received.length, 1);
			assert.ok(receiver.verifies(message!, good.secret));
			assert.equal((await deliveries(good.id))[0]!.state, "delivered");
			const [stuck] = await deliveries(bad.id);
			assert.equal(stuck!.state, "pending");
			assert.equal(Number(stuck!.due_at), h.clock() + 5_000, "a failed try: due again after the backoff, not held by a claim");
			const [attempt] = (await endpointLog(h.tessera.deps, bad.id))!;
			assert.equal(attempt!.status, null);
			assert.match(attempt!.error!, /secret could not be opened with this instance's server secret/);
			assert.ok(h.logs.some((line) => line.includes("webhook will be retried") && line.includes(bad.id)));

			// Still unusable a day later: given up like any message never delivered.
			for (let i = 0; i < 30; i++) {
				const [delivery] = await deliveries(bad.id);
				if (delivery!.state !== "pending") break;
				h.clock.set(Number(delivery!.due_at));
				await h.tessera.deps.webhooks.sweep();
			}
			assert.equal((await deliveries(bad.id))[0]!.state, "failed");
			assert.equal(receiver.received.length, 1, "nothing was sent unsigned");
		});

		test("a replay of a delivery an instance is sending is refused, so it is not sent twice at once; waiting for its next try, it is sent", async () => {
			const endpoint = await onlyEndpoint(["password.changed"]);
			const user = await signUp(h.app);
			receiver.answer("hang");
			await changePassword(user.token, PASSWORD, `${PASSWORD} 2`);
			await receiver.waitFor(1);
			const [sending] = await deliveries(endpoint.id);
			await assert.rejects(replay(h.tessera.deps, sending!.id), (error: Error) => {
				assert.ok(error instanceof WebhookConflictError);
				assert.match(error.message, /is being sent by an instance right now \(its claim holds until [\d-]+T[\d:.]+Z\); a replay now would send it twice/);
				return true;
			});
			await h.tessera.deps.webhooks.drain();
			assert.equal(receiver.received.length, 1, "sent once");
			// The try timed out: waiting for its next one, it may be replayed now.
			const replayed = await replay(h.tessera.deps, sending!.id);
			assert.equal(replayed?.outcome?.delivered, true);
			const [first, second] = await receiver.waitFor(2);
			assert.equal(second!.id, first!.id);
			assert.equal((await deliveries(endpoint.id))[0]!.state, "delivered");
			assert.equal(await replay(h.tessera.deps, "msg_none.ep_none"), undefined);
		});

		test("a replayed delivery that fails again starts its backoff over and has a day more of tries", async () => {
			const endpoint = await onlyEndpoint(["password.changed"]);
			const user = await signUp(h.app);
			receiver.answer(...Array<number>(12).fill(503));
			await changePassword(user.token, PASSWORD, `${PASSWORD} 2`);
			await receiver.waitFor(1);
			await settled();
			for (let i = 0; i < 30; i++) {
				const [delivery] = await deliveries(endpoint.id);
				if (delivery!.state !== "pending") break;
				h.clock.set(Number(delivery!.due_at));
				await h.tessera.deps.webhooks.sweep();
			}
			const [failed] = await deliveries(endpoint.id);
			assert.equal(failed!.state, "failed");
			assert.equal(Number(failed!.attempts), 12);

			h.clock.advance(3_600_000);
			receiver.forgetAnswers();
			receiver.answer(503, 503);
			const replayedAt = h.clock();
			const replayed = await replay(h.tessera.deps, failed!.id);
			assert.equal(replayed?.outcome?.delivered, false);
			const [again] = await deliveries(endpoint.id);
			assert.equal(again!.state, "pending");
			assert.equal(Number(again!.attempts), 1, "its tries counted afresh");
			assert.equal(Number(again!.due_at), replayedAt + 5_000, "next try 5 seconds later, not 8 hours");
			assert.equal(Number(again!.expires_at), replayedAt + GIVE_UP_AFTER_MS, "a day more");
			h.clock.set(Number(again!.due_at));
			await h.tessera.deps.webhooks.sweep();
			assert.equal(Number((await deliveries(endpoint.id))[0]!.due_at), replayedAt + 5_000 + 30_000, "then 30 seconds, as for a new message");
			h.clock.advance(30_000);
			await h.tessera.deps.webhooks.sweep();
			assert.equal((await deliveries(endpoint.id))[0]!.state, "delivered");
		});

		test("secrets are stored sealed, never in the clear, and never logged", async () => {
			const endpoint = await onlyEndpoint();
			const user = await signUp(h.app);
			await changePassword(user.token, PASSWORD, `${PASSWORD} 2`);
			await receiver.waitFor(1);
			await settled();
			const raw = endpoint.secret.slice("whsec_".length);
			const rows = await h.database.store.db.selectFrom("webhook_endpoints").selectAll().execute();
			const stored = JSON.stringify(rows);
			for (const form of [raw, Buffer.from(raw, "base64").toString("hex"), Buffer.from(raw, "base64").toString("base64url")]) {
				assert.ok(!stored.includes(form), "not in the database");
				assert.ok(!h.logs.join("\n").includes(form), "not in the log");
			}
			assert.match(rows.find((r) => r.id === endpoint.id)!.secret_sealed, /^v1\./);
		});

		if (kind === "postgres") {
			test("on PostgreSQL each instance listens on a connection of its own, to hear its changes commit", async () => {
				const { sql } = await import("kysely");
				const listeners = async () =>
					(await sql<{ n: number }>`select count(*)::int as n from pg_stat_activity where datname = current_database() and query ilike 'listen %'`.execute(h.database.store.db)).rows[0]!.n;
				for (let i = 0; i < 50 && (await listeners()) === 0; i++) await new Promise((r) => setTimeout(r, 50));
				assert.equal(await listeners(), 1);
			});
		}

		test("with no endpoint, a change owes no webhook", async () => {
			for (const id of endpoints.splice(0)) await removeEndpoint(h.tessera.deps, id);
			const before = await h.database.store.db.selectFrom("webhook_deliveries").select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirstOrThrow();
			const user = await signUp(h.app);
			await changePassword(user.token, PASSWORD, `${PASSWORD} 2`);
			const after = await h.database.store.db.selectFrom("webhook_deliveries").select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirstOrThrow();
			assert.equal(Number(after.n), Number(before.n));
		});
	});
}
