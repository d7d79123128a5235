import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import type { LightMyRequestResponse } from "fastify";
import fc from "fast-check";
import { routesOf } from "../../src/http/app.ts";
import { addStream, changeStreamStatus, eventTypes, NEW_KEY_GRACE_MS, type NewStream, streamLog } from "../../src/flows/signals.ts";
import { lockUser, resetUserTwoFactor, unlockUser } from "../../src/flows/operator.ts";
import { rotateSigningKey } from "../../src/oidc/keys.ts";
import { KEEP_RETIRED_KEY_MS } from "../../src/oidc/lifetimes.ts";
import { databaseKinds } from "../helpers/databases.ts";
import { api, type Harness, PASSWORD, signUp, signUpWithTwoFactor, startHarness, totpCode } from "../helpers/harness.ts";
import { codeIn, mark, startSmtpServer } from "../helpers/mailboxes.ts";
import { freePort } from "../helpers/oidc.ts";
import { type Receiver, startReceiver, transmitter, type VerifiedSet } from "./receiver.ts";

/**
 * Tessera as a Shared Signals transmitter, seen from receivers: one on loopback
 * that takes pushes (RFC 8935), and one that polls (RFC 8936). Every SET is
 * verified with jose against the keys at the configuration's jwks_uri, and each
 * test looks at exactly the SETs about its own account.
 */

const PUSH = "urn:ietf:rfc:8935";
const POLL = "urn:ietf:rfc:8936";

/** What a receiver sees of a SET, in a line: "credential-change create app". */
function line(set: VerifiedSet): string {
	const e = set.event;
	switch (set.type) {
		case "credential-change":
			return `credential-change ${e["change_type"]} ${e["credential_type"]}`;
		case "assurance-level-change":
			return `assurance-level-change ${e["previous_level"] ?? "?"}->${e["current_level"]}`;
		case "session-revoked":
		case "account-disabled":
		case "account-enabled":
			return `${set.type} by ${e["initiating_entity"]}`;
		default:
			return set.type;
	}
}

const sorted = (lines: string[]) => [...lines].sort();

for (const kind of await databaseKinds()) {
	describe(`Shared Signals transmitter (${kind})`, () => {
		let h: Harness;
		let base: string;
		let smtp: Awaited<ReturnType<typeof startSmtpServer>>;
		let receiver: Receiver;
		let ssf: Awaited<ReturnType<typeof transmitter>>;

		before(async () => {
			smtp = await startSmtpServer();
			const port = await freePort();
			base = `http://127.0.0.1:${port}`;
			h = await startHarness(kind, { TESSERA_PUBLIC_URL: base, TESSERA_DELIVERY: "live", TESSERA_SMTP_URL: smtp.url });
			await h.app.listen({ port, host: "127.0.0.1" });
			receiver = await startReceiver();
			ssf = await transmitter(base);
		});
		after(async () => {
			await h.close();
			await receiver.close();
			await smtp.close();
		});

		const stream = (input: NewStream) => addStream(h.tessera.deps, input);
		const call = (path: string, options: { method?: "GET" | "POST" | "PATCH" | "PUT" | "DELETE"; token?: string; body?: unknown; raw?: string } = {}) =>
			h.app.inject({
				method: options.method ?? (options.body === undefined && options.raw === undefined ? "GET" : "POST"),
				url: path,
				headers: {
					...(options.token ? { authorization: `Bearer ${options.token}` } : {}),
					...(options.body !== undefined || options.raw !== undefined ? { "content-type": "application/json" } : {}),
				},
				...(options.body !== undefined ? { payload: JSON.stringify(options.body) } : options.raw !== undefined ? { payload: options.raw } : {}),
			});

		/** The SETs pushed to `path` about `accountId` (or, for stream events, whose subject is the stream), verified. */
		async function pushedTo(r: Receiver, path: string, audience: string, subject: string, verifier = ssf): Promise<VerifiedSet[]> {
			const sets: VerifiedSet[] = [];
			for (const push of r.pushes.filter((p) => p.path === path)) {
				const set = await verifier.verify(push.jwt, audience);
				const id = set.claims.sub_id["sub"] ?? set.claims.sub_id["id"] ?? (set.claims.sub_id["identifiers"] as { sub?: string }[] | undefined)?.[0]?.sub;
				if (id === subject) sets.push(set);
			}
			return sets;
		}

		/** Waits until `count` SETs arrived, then a little more: exactly those, and none after. */
		async function exactly(r: Receiver, path: string, audience: string, subject: string, count: number, verifier = ssf): Promise<VerifiedSet[]> {
			const deadline = Date.now() + 5000;
			let sets = await pushedTo(r, path, audience, subject, verifier);
			while (sets.length < count && Date.now() < deadline) {
				await new Promise((resolve) => setTimeout(resolve, 20));
				sets = await pushedTo(r, path, audience, subject, verifier);
			}
			await new Promise((resolve) => setTimeout(resolve, 300));
			sets = await pushedTo(r, path, audience, subject, verifier);
			assert.equal(sets.length, count, `SETs at ${path}: ${sets.map(line).join(", ")}`);
			return sets;
		}

		test("the configuration names the provider's keys, both delivery methods and the management endpoints", async () => {
			assert.deepEqual(ssf.configuration, {
				spec_version: "1_0",
				issuer: base,
				jwks_uri: `${base}/oidc/jwks`,
				delivery_methods_supported: [PUSH, POLL],
				configuration_endpoint: `${base}/ssf/stream`,
				status_endpoint: `${base}/ssf/status`,
				verification_endpoint: `${base}/ssf/verify`,
				authorization_schemes: [{ spec_urn: "urn:ietf:rfc:6750" }],
				default_subjects: "ALL",
			});
			// The same keys as the OpenID Connect provider's ID tokens.
			const discovery = (await (await fetch(`${base}/.well-known/openid-configuration`)).json()) as { jwks_uri: string; issuer: string };
			assert.equal(discovery.jwks_uri, ssf.configuration.jwks_uri);
		});

		test("each push receiver gets exactly the events that happened and it asked for, signed with the provider's key", async () => {
			const all = await stream({ audience: ["https://all.example"], push: { url: `${receiver.base}/all`, authorization: "Bearer receiver-own-secret" } });
			const few = await stream({ audience: ["https://few.example/web", "https://few.example/mobile"], push: { url: `${receiver.base}/few` }, events: [eventTypes["session-revoked"]] });
			const paused = await stream({ audience: ["https://paused.example"], push: { url: `${receiver.base}/disabled` } });
			await changeStreamStatus(h.tessera.deps, paused.streamId, { status: "disabled", by: "receiver" });

			const user = await signUpWithTwoFactor(h);
			const changed = await api(h.app, "/account/password", { token: user.token, body: { currentPassword: PASSWORD, newPassword: "a new password for sets 42" } });
			assert.equal(changed.statusCode, 200, changed.body);
			await lockUser(h.tessera.deps, user.username, "operator:test", "laptop stolen");
			await unlockUser(h.tessera.deps, user.username, "operator:test", "found");
			// A sign-in means nothing to receivers: no SET.
			await api(h.app, "/sessions", { body: { username: user.username, password: "a new password for sets 42" } });

			const sets = await exactly(receiver, "/all", "https://all.example", user.id, 8);
			assert.deepEqual(
				sorted(sets.map(line)),
				sorted([
					"credential-change create app",
					"credential-change create backup-codes",
					"assurance-level-change nist-aal1->nist-aal2",
					"credential-change update password",
					"session-revoked by user",
					"account-disabled by admin",
					"session-revoked by admin",
					"account-enabled by admin",
				]),
			);
			const keys = (await (await fetch(ssf.configuration.jwks_uri)).json()) as { keys: { kid: string }[] };
			for (const set of sets) {
				assert.equal(set.header.typ, "secevent+jwt");
				assert.equal(set.header.alg, "RS256");
				assert.ok(keys.keys.some((k) => k.kid === set.header.kid), "signed with a published key");
				assert.deepEqual(set.claims.sub_id, { format: "iss_sub", iss: base, sub: user.id });
				assert.equal(set.claims.sub, undefined, "SSF: no sub claim");
				assert.equal(set.claims.exp, undefined, "SSF: no exp claim");
				assert.equal(set.claims.aud, "https://all.example");
				assert.equal(typeof set.claims.iat, "number");
				assert.equal(typeof set.event["event_timestamp"], "number");
				assert.ok(set.claims.txn, "txn names the change");
			}
			assert.equal(new Set(sets.map((s) => s.claims.jti)).size, 8, "every jti differs");
			// One change, one txn: the new password's credential change and the sessions it ended.
			const byLine = new Map(sets.map((s) => [line(s), s]));
			assert.equal(byLine.get("credential-change update password")!.claims.txn, byLine.get("session-revoked by user")!.claims.txn);
			assert.notEqual(byLine.get("session-revoked by user")!.claims.txn, byLine.get("session-revoked by admin")!.claims.txn);
			assert.equal(byLine.get("account-disabled by admin")!.claims.txn, byLine.get("session-revoked by admin")!.claims.txn);
			const alc = byLine.get("assurance-level-change nist-aal1->nist-aal2")!.event;
			assert.equal(alc["namespace"], "NIST-AAL");
			assert.equal(alc["change_direction"], "increase");
			for (const push of receiver.pushes.filter((p) => p.path === "/all")) {
				assert.equal(push.contentType, "application/secevent+jwt");
				assert.equal(push.authorization, "Bearer receiver-own-secret");
			}

			const fewSets = await exactly(receiver, "/few", "https://few.example/mobile", user.id, 2);
			assert.deepEqual(sorted(fewSets.map(line)), ["session-revoked by admin", "session-revoked by user"]);
			assert.deepEqual(fewSets[0]!.claims.aud, ["https://few.example/web", "https://few.example/mobile"]);
			assert.equal(receiver.pushes.find((p) => p.path === "/few")!.authorization, undefined);
			assert.equal(receiver.pushes.filter((p) => p.path === "/disabled").length, 0, "a disabled stream gets nothing");
			assert.equal(all.configuration.delivery.method, PUSH);
			assert.equal(few.configuration.events_delivered.length, 1);
		});

		test("after the provider's keys rotate, SETs keep the previous key for five minutes, then the new one, each in the JWKS", async () => {
			const path = "/rotation";
			await stream({ audience: ["https://rotation.example"], push: { url: `${receiver.base}${path}` }, events: [eventTypes["account-disabled"]] });
			const user = await signUp(h.app);
			const kidOfNextSet = async (expected: number) => {
				await lockUser(h.tessera.deps, user.username, "operator:test", "");
				await unlockUser(h.tessera.deps, user.username, "operator:test", "");
				// A receiver that fetches the JWKS now.
				const fresh = await transmitter(base);
				const sets = await exactly(receiver, path, "https://rotation.example", user.id, expected, fresh);
				return sets.at(-1)!.header.kid;
			};
			const before = await kidOfNextSet(1);
			const rotated = await rotateSigningKey(h.tessera.deps, KEEP_RETIRED_KEY_MS);
			assert.ok(rotated);
			// Every instance follows a rotation within a second.
			await new Promise((resolve) => setTimeout(resolve, 1100));
			assert.equal(await kidOfNextSet(2), before, "receivers holding the JWKS from before the rotation still verify");
			h.clock.advance(NEW_KEY_GRACE_MS);
			await new Promise((resolve) => setTimeout(resolve, 1100));
			assert.equal(await kidOfNextSet(3), rotated.kid);
		});

		test("two-factor turned on, then reset by an operator, is told truthfully", async () => {
			const path = "/factors";
			await stream({ audience: ["https://factors.example"], push: { url: `${receiver.base}${path}` }, events: [eventTypes["assurance-level-change"], eventTypes["credential-change"], eventTypes["session-revoked"]] });
			const user = await signUpWithTwoFactor(h);
			await resetUserTwoFactor(h.tessera.deps, user.username, "operator:alex", "identity checked by phone");
			const sets = await exactly(receiver, path, "https://factors.example", user.id, 5);
			assert.deepEqual(
				sorted(sets.map(line)),
				sorted(["credential-change create app", "credential-change create backup-codes", "assurance-level-change nist-aal1->nist-aal2", "assurance-level-change ?->nist-aal1", "session-revoked by admin"]),
			);
			const reset = sets.find((s) => line(s) === "assurance-level-change ?->nist-aal1")!;
			assert.equal(reset.event["initiating_entity"], "admin");
			assert.equal(reset.event["previous_level"], undefined, "what it was is not claimed");
		});

		test("two-factor turned off: the level goes down and the backup codes go", async () => {
			const path = "/off";
			await stream({ audience: ["https://off.example"], push: { url: `${receiver.base}${path}` }, events: [eventTypes["assurance-level-change"], eventTypes["credential-change"]] });
			const user = await signUpWithTwoFactor(h);
			const started = await api(h.app, "/account/two-factor/disable", { token: user.token, body: { password: PASSWORD } });
			assert.equal(started.statusCode, 200, started.body);
			const challenge = (started.json() as { secondFactor: { challenge: string } }).secondFactor.challenge;
			const off = await api(h.app, "/account/two-factor/disable/confirm", { token: user.token, body: { challenge, method: "totp", code: totpCode(user.secret, h.clock()) } });
			assert.equal(off.statusCode, 200, off.body);
			const sets = await exactly(receiver, path, "https://off.example", user.id, 5);
			assert.deepEqual(
				sorted(sets.map(line)),
				sorted(["credential-change create app", "credential-change create backup-codes", "assurance-level-change nist-aal1->nist-aal2", "assurance-level-change nist-aal2->nist-aal1", "credential-change delete backup-codes"]),
			);
			const down = sets.find((s) => line(s) === "assurance-level-change nist-aal2->nist-aal1")!;
			assert.equal(down.event["change_direction"], "decrease");
			assert.equal(down.event["initiating_entity"], "user");
		});

		test("an email address that replaces another is an identifier change, from the old address to the new", async () => {
			const path = "/identifiers";
			await stream({ audience: ["https://ids.example"], push: { url: `${receiver.base}${path}` }, events: [eventTypes["identifier-changed"], eventTypes["credential-change"]] });
			const user = await signUp(h.app);
			const prove = async (value: string) => {
				const since = mark();
				const added = await api(h.app, "/account/contacts", { token: user.token, body: { kind: "email", value, password: PASSWORD } });
				assert.equal(added.statusCode, 201, added.body);
				const verified = await api(h.app, "/account/contacts/verify", { token: user.token, body: { kind: "email", code: codeIn(await smtp.next(value, since)) } });
				assert.equal(verified.statusCode, 200, verified.body);
			};
			const first = `first.${user.username}@example.org`;
			const second = `second.${user.username}@example.org`;
			await prove(first);
			// A code to an address may be asked for once a minute.
			h.clock.advance(61_000);
			await prove(second);
			const sets = await exactly(receiver, path, "https://ids.example", user.id, 3);
			assert.deepEqual(sorted(sets.map(line)), sorted(["credential-change create email", "credential-change update email", "identifier-changed"]));
			const changed = sets.find((s) => s.type === "identifier-changed")!;
			assert.deepEqual(changed.claims.sub_id, { format: "aliases", identifiers: [{ format: "iss_sub", iss: base, sub: user.id }, { format: "email", email: first }] });
			assert.equal(changed.event["new-value"], second);
		});

		test("a poll receiver gets pending SETs until it acknowledges them; errors it reports settle them; a long poll wakes on a change", async () => {
			const polled = await stream({ audience: ["https://poll.example"] });
			assert.deepEqual(polled.configuration.delivery, { method: POLL, endpoint_url: `${base}/ssf/poll/${polled.streamId}` });
			const url = new URL(polled.configuration.delivery.endpoint_url).pathname;
			const user = await signUpWithTwoFactor(h);
			const poll = async (body: unknown) => {
				const response = await call(url, { token: polled.token, body });
				assert.equal(response.statusCode, 200, response.body);
				const answer = response.json() as { sets: Record<string, string>; moreAvailable?: boolean };
				const verified = await Promise.all(Object.entries(answer.sets).map(async ([jti, jwt]) => ({ jti, set: await ssf.verify(jwt, "https://poll.example") })));
				for (const { jti, set } of verified) assert.equal(set.claims.jti, jti);
				return { sets: verified.filter(({ set }) => set.claims.sub_id["sub"] === user.id), all: verified, moreAvailable: answer.moreAvailable };
			};
			const one = await poll({ returnImmediately: true, maxEvents: 1 });
			assert.equal(one.all.length, 1);
			assert.equal(one.moreAvailable, true);
			const first = await poll({ returnImmediately: true });
			assert.deepEqual(sorted(first.sets.map(({ set }) => line(set))), sorted(["credential-change create app", "credential-change create backup-codes", "assurance-level-change nist-aal1->nist-aal2"]));
			assert.equal(first.moreAvailable, false);
			// Not acknowledged: the same SETs again, the same jti.
			const again = await poll({ returnImmediately: true });
			assert.deepEqual(sorted(again.all.map((s) => s.jti)), sorted(first.all.map((s) => s.jti)));
			const acked = await poll({ returnImmediately: true, ack: first.all.map((s) => s.jti) });
			assert.equal(acked.all.length, 0, "acknowledged SETs are not sent again");

			await api(h.app, "/account/password", { token: user.token, body: { currentPassword: PASSWORD, newPassword: "polled password change 7" } });
			const changed = await poll({ returnImmediately: true });
			assert.deepEqual(sorted(changed.sets.map(({ set }) => line(set))), ["credential-change update password", "session-revoked by user"]);
			const [bad, good] = changed.all;
			const settled = await poll({ returnImmediately: true, ack: [good!.jti], setErrs: { [bad!.jti]: { err: "invalid_key", description: "unknown kid" } } });
			assert.equal(settled.all.length, 0);
			const log = await streamLog(h.tessera.deps, polled.streamId);
			assert.equal(log.find((e) => e.jti === bad!.jti)?.state, "failed");
			assert.equal(log.find((e) => e.jti === bad!.jti)?.lastError, "invalid_key: unknown kid");
			assert.equal(log.find((e) => e.jti === good!.jti)?.state, "acknowledged");

			// Nothing pending: the poll waits, and answers as soon as a change records a SET.
			const started = performance.now();
			const waiting = call(url, { token: polled.token, body: { maxEvents: 10 } });
			await new Promise((resolve) => setTimeout(resolve, 200));
			await lockUser(h.tessera.deps, user.username, "operator:test", "");
			const woke = await waiting;
			const elapsed = performance.now() - started;
			assert.equal(woke.statusCode, 200);
			assert.equal(Object.keys((woke.json() as { sets: object }).sets).length, 2, woke.body);
			assert.ok(elapsed < 3000, `answered ${Math.round(elapsed)} ms after it began`);
		});

		test("verification: a SET with the receiver's state on its stream, at most one every 10 seconds", async () => {
			const path = "/verify";
			const pushed = await stream({ audience: ["https://verify.example"], push: { url: `${receiver.base}${path}` }, events: [eventTypes["account-enabled"]] });
			const asked = await call("/ssf/verify", { token: pushed.token, body: { stream_id: pushed.streamId, state: "c3RhdGUtMQ" } });
			assert.equal(asked.statusCode, 204, asked.body);
			const [verification] = await exactly(receiver, path, "https://verify.example", pushed.streamId, 1);
			assert.equal(verification!.type, "verification");
			assert.deepEqual(verification!.claims.sub_id, { format: "opaque", id: pushed.streamId });
			assert.deepEqual(verification!.event, { state: "c3RhdGUtMQ" });

			const tooSoon = await call("/ssf/verify", { token: pushed.token, body: { stream_id: pushed.streamId } });
			assert.equal(tooSoon.statusCode, 429);
			assert.equal(tooSoon.json().error.code, "too_many_attempts");
			assert.ok(Number(tooSoon.headers["retry-after"]) >= 1);
			h.clock.advance(10_000);
			assert.equal((await call("/ssf/verify", { token: pushed.token, body: { stream_id: pushed.streamId } })).statusCode, 204);
			const sets = await exactly(receiver, path, "https://verify.example", pushed.streamId, 2);
			assert.deepEqual(sets[1]!.event, {}, "no state asked, none sent");

			const polled = await stream({ audience: ["https://verify-poll.example"] });
			assert.equal((await call("/ssf/verify", { token: polled.token, body: { stream_id: polled.streamId, state: "xyz" } })).statusCode, 204);
			const answer = (await call(`/ssf/poll/${polled.streamId}`, { token: polled.token, body: { returnImmediately: true } })).json() as { sets: Record<string, string> };
			const [jwt] = Object.values(answer.sets);
			const set = await ssf.verify(jwt!, "https://verify-poll.example");
			assert.equal(set.type, "verification");
			assert.deepEqual(set.event, { state: "xyz" });
		});

		test("status: paused holds SETs until enabled, disabled drops them, and the operator's change is told by stream-updated", async () => {
			const path = "/status";
			const s = await stream({ audience: ["https://status.example"], push: { url: `${receiver.base}${path}` }, events: [eventTypes["account-disabled"], eventTypes["account-enabled"]] });
			const user = await signUp(h.app);
			const status = (body: unknown) => call("/ssf/status", { token: s.token, body });
			const paused = await status({ stream_id: s.streamId, status: "paused", reason: "maintenance" });
			assert.equal(paused.statusCode, 200, paused.body);
			assert.deepEqual(paused.json(), { stream_id: s.streamId, status: "paused", reason: "maintenance" });
			assert.deepEqual((await call(`/ssf/status?stream_id=${s.streamId}`, { token: s.token })).json(), { stream_id: s.streamId, status: "paused", reason: "maintenance" });

			await lockUser(h.tessera.deps, user.username, "operator:test", "");
			await exactly(receiver, path, "https://status.example", user.id, 0);
			assert.equal((await status({ stream_id: s.streamId, status: "enabled" })).statusCode, 200);
			const held = await exactly(receiver, path, "https://status.example", user.id, 1);
			assert.equal(held[0]!.type, "account-disabled");

			assert.equal((await status({ stream_id: s.streamId, status: "disabled" })).statusCode, 200);
			await unlockUser(h.tessera.deps, user.username, "operator:test", "");
			assert.equal((await status({ stream_id: s.streamId, status: "enabled" })).statusCode, 200);
			await exactly(receiver, path, "https://status.example", user.id, 1);
			assert.equal((await streamLog(h.tessera.deps, s.streamId)).length, 1, "nothing was held while disabled");

			// The receiver asked for those: nothing to tell it. The operator's pause is told, before it holds anything.
			await exactly(receiver, path, "https://status.example", s.streamId, 0);
			await changeStreamStatus(h.tessera.deps, s.streamId, { status: "paused", reason: "receiver under review", by: "operator" });
			const [updated] = await exactly(receiver, path, "https://status.example", s.streamId, 1);
			assert.equal(updated!.type, "stream-updated");
			assert.deepEqual(updated!.event, { status: "paused", reason: "receiver under review" });
			assert.deepEqual(updated!.claims.sub_id, { format: "opaque", id: s.streamId });
		});

		test("a receiver that fails gets the SET after backoff, the same jti, once; a 400 refusal is not retried; a day later it is given up", async () => {
			const failing = await startReceiver();
			try {
				let refusals = 2;
				failing.answer((push) => {
					if (push.path === "/refuses") return { status: 400, body: { err: "invalid_audience", description: "not ours" } };
					if (push.path === "/down") return "drop";
					return refusals-- > 0 ? { status: 500 } : { status: 202 };
				});
				const flaky = await stream({ audience: ["https://flaky.example"], push: { url: `${failing.base}/flaky` }, events: [eventTypes["account-disabled"]] });
				const refusing = await stream({ audience: ["https://refuses.example"], push: { url: `${failing.base}/refuses` }, events: [eventTypes["account-disabled"]] });
				const down = await stream({ audience: ["https://down.example"], push: { url: `${failing.base}/down` }, events: [eventTypes["account-disabled"]] });
				const user = await signUp(h.app);
				await lockUser(h.tessera.deps, user.username, "operator:test", "");
				const at = (path: string) => failing.pushes.filter((p) => p.path === path);
				// A try is over when its outcome is written (another wait, or settled), not when it reaches the receiver.
				const tried = async (streamId: string, attempts: number) => {
					const deadline = Date.now() + 5000;
					for (;;) {
						const [entry] = await streamLog(h.tessera.deps, streamId);
						if (entry && entry.attempts === attempts && (entry.state !== "pending" || entry.lastError)) return entry;
						if (Date.now() > deadline) throw new Error(`try ${attempts} on ${streamId}: ${JSON.stringify(entry)}`);
						await new Promise((resolve) => setTimeout(resolve, 10));
					}
				};
				await Promise.all([tried(flaky.streamId, 1), tried(refusing.streamId, 1), tried(down.streamId, 1)]);
				// The first wait is 5 s, then 10 s.
				h.clock.advance(4_000);
				await h.tessera.deps.signals.deliverDue();
				assert.equal(at("/flaky").length, 1, "not before its time");
				h.clock.advance(1_000);
				await h.tessera.deps.signals.deliverDue();
				await Promise.all([tried(flaky.streamId, 2), tried(down.streamId, 2)]);
				assert.equal(at("/flaky").length, 2);
				h.clock.advance(10_000);
				await h.tessera.deps.signals.deliverDue();
				assert.equal((await tried(flaky.streamId, 3)).state, "delivered");
				assert.equal(at("/flaky").length, 3);
				h.clock.advance(3_600_000);
				await h.tessera.deps.signals.deliverDue();
				await new Promise((resolve) => setTimeout(resolve, 300));
				assert.equal(at("/flaky").length, 3, "accepted: never again");
				const jtis = await Promise.all(at("/flaky").map(async (p) => (await ssf.verify(p.jwt, "https://flaky.example")).claims.jti));
				assert.equal(new Set(jtis).size, 1, "the same jti at every try");
				assert.equal(at("/refuses").length, 1, "a SET the receiver refused with 400 is not sent again");
				const [refused] = await streamLog(h.tessera.deps, refusing.streamId);
				assert.equal(refused!.state, "failed");
				assert.equal(refused!.lastError, "invalid_audience: not ours");
				assert.equal((await streamLog(h.tessera.deps, flaky.streamId))[0]!.state, "delivered");

				const downTries = at("/down").length;
				assert.ok(downTries >= 2, `a receiver that drops the connection is tried again (${downTries})`);
				h.clock.advance(86_400_000);
				// The background sweep starts first and holds the day's give-up: the call still waits for its outcome.
				h.tessera.deps.signals.kick();
				await new Promise((resolve) => setTimeout(resolve, 1));
				await h.tessera.deps.signals.deliverDue();
				const [gaveUp] = await streamLog(h.tessera.deps, down.streamId);
				assert.equal(gaveUp!.state, "failed");
				assert.match(gaveUp!.lastError!, /given up/);
				h.clock.advance(3_600_000);
				await h.tessera.deps.signals.deliverDue();
				assert.equal(at("/down").length, downTries, "given up: no more tries");
				const metrics = await h.tessera.deps.metrics.registry.getSingleMetricAsString("tessera_ssf_pushes_total");
				for (const outcome of ["delivered", "retry", "refused", "given_up"]) assert.match(metrics, new RegExp(`outcome="${outcome}"} [1-9]`), metrics);
			} finally {
				await failing.close();
			}
		});

		test("a receiver that does not answer within 5 seconds gets the SET again, with its jti", async () => {
			const slow = await startReceiver();
			try {
				slow.answer((_push, n) => (n === 0 ? "hang" : { status: 202 }));
				const s = await stream({ audience: ["https://slow.example"], push: { url: `${slow.base}/slow` }, events: [eventTypes["account-disabled"]] });
				const user = await signUp(h.app);
				await lockUser(h.tessera.deps, user.username, "operator:test", "");
				const deadline = Date.now() + 10_000;
				let entry = (await streamLog(h.tessera.deps, s.streamId))[0];
				while (!entry?.lastError && Date.now() < deadline) {
					await new Promise((resolve) => setTimeout(resolve, 50));
					entry = (await streamLog(h.tessera.deps, s.streamId))[0];
				}
				assert.equal(entry?.lastError, "no answer within 5 s");
				assert.equal(entry?.state, "pending");
				h.clock.advance(5_000);
				await h.tessera.deps.signals.deliverDue();
				while ((await streamLog(h.tessera.deps, s.streamId))[0]?.state !== "delivered" && Date.now() < deadline + 5000) await new Promise((resolve) => setTimeout(resolve, 20));
				assert.equal(slow.pushes.length, 2);
				const [first, second] = await Promise.all(slow.pushes.map((p) => ssf.verify(p.jwt, "https://slow.example")));
				assert.equal(first!.claims.jti, second!.claims.jti);
			} finally {
				await slow.close();
			}
		});

		test("the management API: only the receiver's own stream, RFC 6750 and RFC 8936 errors, configuration updates", async () => {
			const mine = await stream({ audience: ["https://mine.example"], push: { url: "https://mine.example/events" }, description: "Mine" });
			const other = await stream({ audience: ["https://other.example"] });
			const expectError = (response: LightMyRequestResponse, status: number, code: string, err: string) => {
				assert.equal(response.statusCode, status, response.body);
				const body = response.json() as { err: string; description: string; error: { code: string; message: string } };
				assert.equal(body.err, err);
				assert.equal(body.error.code, code);
				assert.ok(body.description.length > 0);
				assert.match(String(response.headers["content-type"]), /^application\/json/);
			};

			const none = await call("/ssf/stream");
			expectError(none, 401, "unauthenticated", "authentication_failed");
			assert.equal(none.headers["www-authenticate"], 'Bearer realm="tessera"');
			const wrong = await call("/ssf/stream", { token: "A".repeat(43) });
			expectError(wrong, 401, "unauthenticated", "authentication_failed");
			assert.equal(wrong.headers["www-authenticate"], 'Bearer realm="tessera", error="invalid_token"');
			expectError(await call(`/ssf/poll/${other.streamId}`, { token: "junk", body: {} }), 401, "unauthenticated", "authentication_failed");

			expectError(await call(`/ssf/stream?stream_id=${other.streamId}`, { token: mine.token }), 404, "not_found", "invalid_request");
			expectError(await call(`/ssf/status?stream_id=${other.streamId}`, { token: mine.token }), 404, "not_found", "invalid_request");
			expectError(await call(`/ssf/poll/${other.streamId}`, { token: mine.token, body: { returnImmediately: true } }), 404, "not_found", "invalid_request");
			expectError(await call("/ssf/verify", { token: mine.token, body: { stream_id: other.streamId } }), 404, "not_found", "invalid_request");
			expectError(await call("/ssf/stream", { token: mine.token, body: { delivery: { method: POLL } } }), 409, "stream_exists", "invalid_request");
			expectError(await call("/ssf/status", { token: mine.token, body: { stream_id: mine.streamId, status: "asleep" } }), 400, "invalid_request", "invalid_request");
			expectError(await call("/ssf/verify", { token: mine.token, raw: "{not json" }), 400, "invalid_json", "invalid_request");
			expectError(await call("/ssf/nothing-here", { token: mine.token }), 404, "not_found", "invalid_request");

			const listed = await call("/ssf/stream", { token: mine.token });
			assert.equal(listed.statusCode, 200);
			assert.deepEqual(listed.json(), [mine.configuration]);
			const read = await call(`/ssf/stream?stream_id=${mine.streamId}`, { token: mine.token });
			assert.deepEqual(read.json(), { ...mine.configuration, description: "Mine" });
			assert.equal(read.json().delivery.authorization_header, undefined);

			const patched = await call("/ssf/stream", {
				method: "PATCH",
				token: mine.token,
				body: { stream_id: mine.streamId, iss: base, events_requested: [eventTypes["session-revoked"], "urn:example:not-an-event"] },
			});
			assert.equal(patched.statusCode, 200, patched.body);
			assert.deepEqual(patched.json().events_requested, [eventTypes["session-revoked"], "urn:example:not-an-event"]);
			assert.deepEqual(patched.json().events_delivered, [eventTypes["session-revoked"]], "what Tessera does not send is ignored");
			assert.equal(patched.json().description, "Mine", "what PATCH leaves out stays");
			const badIss = await call("/ssf/stream", { method: "PATCH", token: mine.token, body: { stream_id: mine.streamId, iss: "https://someone-else.example" } });
			expectError(badIss, 400, "invalid_request", "invalid_request");
			assert.deepEqual(badIss.json().error.details.fields, [{ field: "iss", reason: "not_valid" }]);
			for (const endpoint of ["http://mine.example/events", "https://10.0.0.5/events", "https://127.0.0.1/events", "https://[::1]/events", "https://localhost/events", "https://169.254.169.254/latest"]) {
				const refused = await call("/ssf/stream", { method: "PATCH", token: mine.token, body: { stream_id: mine.streamId, delivery: { method: PUSH, endpoint_url: endpoint } } });
				expectError(refused, 400, "invalid_request", "invalid_request");
				assert.deepEqual(refused.json().error.details.fields, [{ field: "delivery.endpoint_url", reason: "not_valid" }], endpoint);
			}
			const toPoll = await call("/ssf/stream", { method: "PATCH", token: mine.token, body: { stream_id: mine.streamId, delivery: { method: POLL } } });
			expectError(toPoll, 400, "invalid_request", "invalid_request");
			const replaced = await call("/ssf/stream", { method: "PUT", token: mine.token, body: { stream_id: mine.streamId, delivery: { method: PUSH, endpoint_url: "https://mine.example/v2" } } });
			assert.equal(replaced.statusCode, 200, replaced.body);
			assert.equal(replaced.json().delivery.endpoint_url, "https://mine.example/v2");
			assert.equal(replaced.json().description, undefined, "what PUT leaves out goes");
			assert.equal(replaced.json().events_delivered.length, 6, "and the events are all again");

			const deleted = await call(`/ssf/stream?stream_id=${mine.streamId}`, { method: "DELETE", token: mine.token });
			assert.equal(deleted.statusCode, 204);
			expectError(await call("/ssf/stream", { token: mine.token }), 401, "unauthenticated", "authentication_failed");
		});

		test("random bodies and queries never produce a 5xx on the Shared Signals API", async () => {
			const own = await stream({ audience: ["https://fuzz.example"] });
			const routes = routesOf(h.app).filter((r) => r.url.startsWith("/ssf/") || r.url.startsWith("/.well-known/ssf"));
			assert.ok(routes.length >= 9, `found ${routes.length} routes`);
			const value = fc.oneof(fc.string({ maxLength: 40 }), fc.constantFrom("\u0000", "\ud800", own.streamId, PUSH, POLL, eventTypes["session-revoked"]), fc.integer(), fc.boolean(), fc.constant(null), fc.array(fc.string({ maxLength: 20 }), { maxLength: 3 }), fc.object({ maxDepth: 2 }));
			const body = fc.oneof(
				fc.record(
					{ stream_id: fc.oneof(value, fc.constant(own.streamId)), status: value, reason: value, state: value, events_requested: value, description: value, delivery: fc.oneof(value, fc.record({ method: value, endpoint_url: value, authorization_header: value }, { requiredKeys: [] })), iss: value, aud: value, maxEvents: value, ack: value, setErrs: fc.oneof(value, fc.dictionary(fc.string({ maxLength: 8 }), fc.record({ err: value, description: value }, { requiredKeys: [] }), { maxKeys: 2 })) },
					{ requiredKeys: [] },
				),
				fc.json(),
			);
			await fc.assert(
				fc.asyncProperty(fc.constantFrom(...routes), body, fc.boolean(), fc.string({ maxLength: 40 }), async (route, generated, withToken, query) => {
					let payload: unknown = generated;
					const url = route.url.replace(":streamId", own.streamId);
					// A poll with nothing pending would wait ten seconds for one.
					if (url.includes("/poll/")) {
						let parsed: unknown = payload;
						try {
							if (typeof payload === "string") parsed = JSON.parse(payload);
						} catch {}
						if (typeof parsed === "object" && parsed !== null && !Array.isArray(parsed)) payload = { ...parsed, returnImmediately: true };
					}
					const response = await h.app.inject({
						method: route.method as "GET",
						url: route.method === "GET" || route.method === "DELETE" ? `${url}?stream_id=${encodeURIComponent(query)}` : url,
						...(route.method === "GET" ? {} : { payload: typeof payload === "string" ? payload : JSON.stringify(payload), headers: { "content-type": "application/json", ...(withToken ? { authorization: `Bearer ${own.token}` } : {}) } }),
						...(route.method === "GET" && withToken ? { headers: { authorization: `Bearer ${own.token}` } } : {}),
					});
					assert.ok(response.statusCode < 500, `${route.method} ${url} ${response.statusCode} ${response.body}`);
					if (response.statusCode >= 400) assert.match((response.json() as { err: string }).err, /^(invalid_request|authentication_failed|access_denied)$/);
				}),
				{ numRuns: 300 },
			);
		});

		test("no receiver's secret rests in plain text or reaches a log", async () => {
			const secret = "Bearer push-secret-never-stored-plain";
			const added = await stream({ audience: ["https://secrets.example"], push: { url: `${receiver.base}/secrets`, authorization: secret } });
			await call("/ssf/stream", { token: added.token });
			const rows = await h.tessera.deps.db.selectFrom("ssf_streams").selectAll().where("id", "=", added.streamId).execute();
			const stored = JSON.stringify(rows);
			assert.ok(!stored.includes(added.token), "the bearer token is kept as its hash");
			assert.ok(!stored.includes("push-secret-never-stored-plain"), "the push authorization is sealed");
			const logs = h.logs.join("\n");
			assert.ok(!logs.includes(added.token) && !logs.includes("push-secret-never-stored-plain"));
		});
	});
}
