import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { describe, test } from "node:test";
import { type EventKind, eventKinds, type SecurityEvent } from "../../src/flows/events.ts";
import { webhookBody, webhookMessagesFor, type WebhookType, webhookTypes } from "../../src/flows/webhooks.ts";

/** Which security events make which webhook messages, and what their data may say. */

function event(kind: EventKind, detail: Record<string, unknown> = {}, extra: Partial<SecurityEvent> = {}): SecurityEvent {
	return { id: "0mpv5pz5c0003abc", accountId: "acc1", kind, method: null, actor: "person", ip: "198.51.100.9", device: "Firefox on Linux", detail, createdAt: Date.UTC(2026, 11, 7), ...extra };
}

const types = (e: SecurityEvent) => webhookMessagesFor(e).map((m) => m.type);

describe("webhook types", () => {
	test("every type is made by some event, and docs/webhooks.md has a row for each", () => {
		const made = new Set<WebhookType>();
		const samples: Record<EventKind, Record<string, unknown>[]> = Object.fromEntries(Object.keys(eventKinds).map((k) => [k, [{}]])) as never;
		samples.signed_in = [{ newDevice: true }, {}];
		samples.backup_code_used = [{ remaining: 9 }, { remaining: 2, via: "reset" }];
		samples.password_changed = [{ via: "change" }, { via: "reset" }];
		for (const [kind, details] of Object.entries(samples)) for (const detail of details) for (const type of types(event(kind as EventKind, detail))) made.add(type);
		assert.deepEqual([...made].sort(), Object.keys(webhookTypes).sort());
		const docs = readFileSync(new URL("../../docs/webhooks.md", import.meta.url), "utf8");
		const documented = [...docs.matchAll(/^\| `([a-z_]+\.[a-z_]+)` \|/gm)].map((m) => m[1]);
		assert.deepEqual(documented.sort(), Object.keys(webhookTypes).sort(), "docs/webhooks.md has one row for each type, and no other");
	});

	test("a sign-in is news only from a new device; a failed code, a trusted device, an app allowed send nothing", () => {
		assert.deepEqual(types(event("signed_in", { newDevice: true }, { method: "totp" })), ["signin.new_device"]);
		assert.deepEqual(types(event("signed_in", {})), []);
		for (const kind of ["code_failed", "too_many_failed_codes", "device_trusted", "app_allowed", "signed_up", "role_changed", "password_reset_requested"] as const) {
			assert.deepEqual(types(event(kind, { reason: "wrong" })), [], kind);
		}
	});

	test("backup codes: used, and running low when 3 or fewer are left", () => {
		assert.deepEqual(types(event("backup_code_used", { remaining: 4 })), ["backup_codes.used"]);
		assert.deepEqual(types(event("backup_code_used", { remaining: 3 })), ["backup_codes.used", "backup_codes.running_low"]);
		assert.deepEqual(types(event("backup_code_used", { remaining: 0 })), ["backup_codes.used", "backup_codes.running_low"]);
		const [used] = webhookMessagesFor(event("backup_code_used", { remaining: 1, via: "reset" }));
		assert.deepEqual(used!.data, { remaining: 1, via: "password_reset" });
	});

	test("a password changed and a password reset are told apart", () => {
		assert.deepEqual(types(event("password_changed", { via: "change" })), ["password.changed"]);
		assert.deepEqual(types(event("password_changed", { via: "secure_account" })), ["password.changed"]);
		assert.deepEqual(webhookMessagesFor(event("password_changed", { via: "reset" }, { method: "email" })), [{ type: "password.reset", data: { method: "email" } }]);
	});

	test("an operator's reason or note, and the operator's name, never leave", () => {
		const operator = { actor: "operator:sam" };
		for (const e of [
			event("account_locked", { reason: "called from +33 6 12 34 56 78" }, operator),
			event("two_factor_reset", { reason: "ID checked, passport 12AB34567" }, operator),
			event("recovery_denied", { requestId: "r1", note: "photo did not match" }, { actor: "admin:kim" }),
			event("recovery_cancelled", { recoveryId: "rc1", by: "operator:sam" }, operator),
		]) {
			for (const message of webhookMessagesFor(e)) {
				const body = webhookBody(e, message);
				for (const secret of ["+33", "passport", "photo", "sam", "kim"]) assert.ok(!body.includes(secret), `${message.type}: ${body}`);
			}
		}
		const decided = webhookMessagesFor(event("recovery_denied", { requestId: "r1", note: "no" }, { actor: "admin:kim" }))[0]!;
		assert.deepEqual(decided, { type: "identity_check.decided", data: { request_id: "r1", decision: "denied" } });
		const body = JSON.parse(webhookBody(event("recovery_cancelled", { recoveryId: "rc1", by: "operator:sam" }, operator), { type: "recovery.cancelled", data: { by: "operator" } })) as { data: Record<string, unknown> };
		assert.equal(body.data["actor"], "operator");
	});

	test("the body is {type, timestamp, data} with the account, the event and who acted; values left out rather than null", () => {
		const e = event("second_factor_added", {}, { method: "totp" });
		const [message] = webhookMessagesFor(e);
		assert.equal(webhookBody(e, message!), '{"type":"second_factor.added","timestamp":"2026-12-07T00:00:00.000Z","data":{"account_id":"acc1","event_id":"0mpv5pz5c0003abc","actor":"person","method":"totp"}}');
	});
});
