import { isConsoleActor } from "../core/actors.ts";
import { createHmac } from "node:crypto";
import { isIP } from "node:net";
import { open, seal } from "../core/secret-box.ts";
import type { MethodDeps } from "../methods/types.ts";
import type { Db } from "../store/db.ts";
import {
	countDeliveries,
	deleteEndpoint,
	insertDeliveries,
	insertEndpoint,
	listAttempts,
	listEndpoints,
	readDelivery,
	readEndpoint,
	replayDelivery,
	rotateEndpointSecret,
	setEndpointEnabled,
} from "../store/webhooks.ts";
import type { FlowDeps } from "./deps.ts";
import type { SecurityEvent } from "./events.ts";

/**
 * Signed webhooks, per the Standard Webhooks specification: the security events
 * an app would want to hear of, sent as `{type, timestamp, data}` with the
 * headers `webhook-id` (the same on every try and for every endpoint),
 * `webhook-timestamp` and `webhook-signature` (`v1,` and the base64 HMAC-SHA256
 * of `id.timestamp.body` under each secret that signs). Owed in the transaction
 * of the change, sent at once, retried with backoff by any instance, given up
 * after a day. docs/webhooks.md lists the types and their data.
 */

/** Every event type an endpoint can receive, and what it means (the command's help and docs/webhooks.md). */
export const webhookTypes = {
	"signin.new_device": "A sign-in from a browser and network not seen on the account in 90 days.",
	"second_factor.added": "A second factor (authenticator, passkey, email or phone address used for codes) was added.",
	"second_factor.removed": "A second factor was removed.",
	"second_factor.replaced": "The authenticator app moved to a new phone.",
	"backup_codes.used": "A backup code was used; `remaining` says how many are left.",
	"backup_codes.running_low": "A backup code was used and 3 or fewer are left.",
	"backup_codes.replaced": "A new set of backup codes replaced the old one.",
	"two_factor.enabled": "Two-factor was turned on.",
	"two_factor.disabled": "Two-factor was turned off.",
	"two_factor.reset": "An operator reset two-factor after checking the person's identity.",
	"password.changed": "The password was changed by the person signed in.",
	"password.reset": "The password was reset (\"Forgot password\").",
	"sessions.ended": "Every session of the account was ended (\"Wasn't you?\" link).",
	"account.locked": "An operator locked the account.",
	"account.unlocked": "An operator unlocked the account.",
	"recovery.started": "Account recovery started: two-factor is reset when the waiting period ends, unless cancelled.",
	"recovery.cancelled": "A waiting account recovery was cancelled.",
	"recovery.completed": "Account recovery completed: two-factor was reset.",
	"identity_check.filed": "The person asked for an identity check to recover the account.",
	"identity_check.decided": "An operator or admin approved or denied an identity check.",
} as const;

export type WebhookType = keyof typeof webhookTypes;

export function isWebhookType(name: string): name is WebhookType {
	return Object.hasOwn(webhookTypes, name);
}

/** Backup codes left at or below this after one is used: `backup_codes.running_low` too. */
export const RUNNING_LOW_AT = 3;
/** A message not delivered by then is given up. */
export const GIVE_UP_AFTER_MS = 86_400_000;
/** How long the previous secret goes on signing after a rotation. */
export const PREVIOUS_SECRET_MS = 86_400_000;
/** How long a receiver has to answer. */
export const SEND_TIMEOUT_MS = 5_000;
/** Waits after the 1st, 2nd, … failed try; the last repeats until the message is given up. */
export const RETRY_AFTER_MS = [5_000, 30_000, 120_000, 600_000, 1_800_000, 3_600_000, 2 * 3_600_000, 4 * 3_600_000, 8 * 3_600_000];

export interface WebhookMessage {
	type: WebhookType;
	data: Record<string, unknown>;
}

function actorKind(actor: string): string {
	if (actor.startsWith("operator:")) return "operator";
	// In the console, whatever the operator's role.
	if (isConsoleActor(actor)) return "admin";
	return actor === "person" ? "person" : "system";
}

function iso(value: unknown): string | undefined {
	return typeof value === "number" && Number.isFinite(value) ? new Date(value).toISOString() : undefined;
}

function text(value: unknown): string | undefined {
	return typeof value === "string" && value ? value : undefined;
}

/**
 * The webhook messages an event makes: none for most kinds, one for those in
 * `webhookTypes`, two for a backup code that leaves few. Only what an app may
 * know: never a code, a secret, a token, an address or an operator's note.
 */
export function webhookMessagesFor(event: SecurityEvent): WebhookMessage[] {
	const d = event.detail;
	const method = event.method ?? undefined;
	const one = (type: WebhookType, data: Record<string, unknown> = {}): WebhookMessage[] => [{ type, data }];
	switch (event.kind) {
		case "signed_in":
			return d["newDevice"] ? one("signin.new_device", { method, ip: event.ip ?? undefined, device: event.device ?? undefined }) : [];
		case "second_factor_added":
		case "second_factor_removed": {
			const type = event.kind === "second_factor_added" ? "second_factor.added" : "second_factor.removed";
			return one(type, { method, name: text(d["name"]) });
		}
		case "second_factor_replaced":
			return one("second_factor.replaced", { method });
		case "backup_code_used": {
			const remaining = Number(d["remaining"]);
			const via = d["via"] === "reset" ? "password_reset" : "sign_in";
			const used = one("backup_codes.used", { remaining, via });
			return remaining <= RUNNING_LOW_AT ? [...used, { type: "backup_codes.running_low", data: { remaining } }] : used;
		}
		case "backup_codes_replaced":
			return one("backup_codes.replaced");
		case "two_factor_enabled":
			return one("two_factor.enabled", { method });
		case "two_factor_disabled":
			return one("two_factor.disabled");
		case "two_factor_reset":
			return one("two_factor.reset");
		case "password_changed":
			return d["via"] === "reset" ? one("password.reset", { method }) : one("password.changed");
		case "sessions_ended":
			return one("sessions.ended");
		case "account_locked":
			return one("account.locked");
		case "account_unlocked":
			return one("account.unlocked");
		case "recovery_started":
			return one("recovery.started", { recovery_id: text(d["recoveryId"]), via: text(d["via"]), ready_at: iso(d["readyAt"]) });
		case "recovery_cancelled": {
			const by = text(d["by"]);
			return one("recovery.cancelled", { recovery_id: text(d["recoveryId"]), by: by?.includes(":") ? actorKind(by) : by });
		}
		case "recovery_completed":
			return one("recovery.completed", { recovery_id: text(d["recoveryId"]), via: text(d["via"]) });
		case "recovery_requested":
			return one("identity_check.filed", { request_id: text(d["requestId"]) });
		case "recovery_approved":
		case "recovery_denied":
			return one("identity_check.decided", { request_id: text(d["requestId"]), decision: event.kind === "recovery_approved" ? "approved" : "denied" });
		default:
			return [];
	}
}

/** The `webhook-id` of an event's messages: stable, the same for every endpoint, one per type. */
function messageId(event: SecurityEvent, index: number): string {
	return index === 0 ? `msg_${event.id}` : `msg_${event.id}_${index}`;
}

/** The JSON body of a message, as signed and sent. */
export function webhookBody(event: SecurityEvent, message: WebhookMessage): string {
	const data = { account_id: event.accountId, event_id: event.id, actor: actorKind(event.actor), ...message.data };
	// Keys without a value are left out rather than sent as null.
	for (const key of Object.keys(data)) if ((data as Record<string, unknown>)[key] === undefined) delete (data as Record<string, unknown>)[key];
	return JSON.stringify({ type: message.type, timestamp: new Date(event.createdAt).toISOString(), data });
}

/**
 * Owes `event`'s messages to every endpoint that wants them, in `db` (the
 * change's transaction): one statement per message, none for an event no
 * webhook is about. Sent at once after the change commits.
 */
export async function recordWebhookMessages(deps: FlowDeps, db: Db, event: SecurityEvent): Promise<void> {
	const messages = webhookMessagesFor(event);
	let owed = 0;
	for (const [index, message] of messages.entries()) {
		const payload = webhookBody(event, message);
		owed += await insertDeliveries(db, { id: messageId(event, index), type: message.type, payload, now: event.createdAt, expiresAt: event.createdAt + GIVE_UP_AFTER_MS });
	}
	if (owed > 0) await deps.webhooks.owed(db);
}

// Secrets and signatures

const SECRET_PREFIX = "whsec_";
const SECRET_BYTES = 32;

function newSecret(deps: Pick<MethodDeps, "random">): Buffer {
	return Buffer.from(deps.random(SECRET_BYTES));
}

function sealSecret(deps: Pick<MethodDeps, "keys" | "random">, endpointId: string, secret: Uint8Array): string {
	return seal(deps.keys.key("webhook-secrets"), secret, `webhook-endpoint:${endpointId}`, deps.random);
}

export function openSecret(deps: Pick<MethodDeps, "keys">, endpointId: string, sealed: string): Buffer {
	return open(deps.keys.key("webhook-secrets"), sealed, `webhook-endpoint:${endpointId}`);
}

/** A secret as the receiver configures it: `whsec_` and the base64 of its bytes. */
export function formatSecret(secret: Uint8Array): string {
	return `${SECRET_PREFIX}${Buffer.from(secret).toString("base64")}`;
}

/** `webhook-signature`: one `v1,<base64 HMAC-SHA256>` per secret, space separated. */
export function signatureHeader(secrets: readonly Uint8Array[], id: string, timestamp: number, body: string): string {
	return secrets.map((secret) => `v1,${createHmac("sha256", secret).update(`${id}.${timestamp}.${body}`).digest("base64")}`).join(" ");
}

// Endpoints

export class WebhookInputError extends Error {}

/** An operator's change that lost to another at the same moment, or that would send twice what is being sent. */
export class WebhookConflictError extends Error {}

/**
 * An endpoint's address: http or https, no credentials, no fragment; https
 * unless the host is this machine or `allowHttp` is given.
 */
export function checkEndpointUrl(value: string, allowHttp = false): string {
	let url: URL;
	try {
		url = new URL(value);
	} catch {
		throw new WebhookInputError(`"${value}" is not an address; write e.g. https://app.example.com/webhooks/tessera.`);
	}
	if (url.protocol !== "https:" && url.protocol !== "http:") throw new WebhookInputError(`${url.protocol} addresses cannot receive webhooks; use https.`);
	if (url.username || url.password) {
		throw new WebhookInputError("the address holds a user name or password; leave them out: the signature tells the receiver the message is Tessera's.");
	}
	if (url.hash) throw new WebhookInputError("the address has a #fragment, which is never sent; leave it out.");
	const host = url.hostname.replace(/^\[|\]$/g, "");
	const local = host === "localhost" || host.endsWith(".localhost") || host === "::1" || (isIP(host) === 4 && host.startsWith("127."));
	if (url.protocol === "http:" && !local && !allowHttp) {
		throw new WebhookInputError("http sends the messages in the clear; use https, or --allow-http for a receiver on a private network.");
	}
	return url.toString();
}

/** `--events a,b`: known types only, each once; undefined (every type) when not given. */
export function parseEventTypes(value: string | undefined): WebhookType[] | undefined {
	if (value === undefined) return undefined;
	const names = value
		.split(",")
		.map((n) => n.trim())
		.filter(Boolean);
	if (names.length === 0) throw new WebhookInputError("--events names no event type.");
	const unknown = names.filter((n) => !isWebhookType(n));
	if (unknown.length) {
		throw new WebhookInputError(`unknown event type${unknown.length > 1 ? "s" : ""} ${unknown.join(", ")}. The types are: ${Object.keys(webhookTypes).join(", ")}.`);
	}
	return [...new Set(names)] as WebhookType[];
}

export interface EndpointView {
	id: string;
	url: string;
	/** null: every type. */
	events: WebhookType[] | null;
	createdAt: string;
	/** false: owed nothing new until enabled again. */
	enabled: boolean;
	/** During a rotation: when the previous secret stops signing. */
	previousSecretUntil: string | null;
	deliveries: { pending: number; delivered: number; failed: number };
}

export async function addEndpoint(deps: FlowDeps, input: { url: string; events?: WebhookType[] | undefined; allowHttp?: boolean }): Promise<{ id: string; secret: string }> {
	const url = checkEndpointUrl(input.url, input.allowHttp);
	const id = `ep_${Buffer.from(deps.random(8)).toString("hex")}`;
	const secret = newSecret(deps);
	const events = input.events?.length ? `,${input.events.join(",")},` : null;
	await insertEndpoint(deps.db, { id, url, events, secretSealed: sealSecret(deps, id, secret), now: deps.clock() });
	return { id, secret: formatSecret(secret) };
}

export async function listEndpointViews(deps: FlowDeps): Promise<EndpointView[]> {
	const [endpoints, counts] = await Promise.all([listEndpoints(deps.db), countDeliveries(deps.db)]);
	const now = deps.clock();
	return endpoints.map((e) => {
		const deliveries = { pending: 0, delivered: 0, failed: 0 };
		for (const c of counts) if (c.endpoint_id === e.id) deliveries[c.state] = Number(c.count);
		const previousUntil = e.previous_secret_expires_at && Number(e.previous_secret_expires_at) > now ? Number(e.previous_secret_expires_at) : undefined;
		return {
			id: e.id,
			url: e.url,
			events: e.events ? (e.events.split(",").filter(Boolean) as WebhookType[]) : null,
			createdAt: new Date(Number(e.created_at)).toISOString(),
			enabled: Number(e.enabled) === 1,
			previousSecretUntil: previousUntil ? new Date(previousUntil).toISOString() : null,
			deliveries,
		};
	});
}

/**
 * Stops (or starts again) owing new messages to an endpoint, on every instance at
 * once: events meanwhile are not kept for it; what it is already owed is still
 * sent. False for an unknown endpoint.
 */
export async function enableEndpoint(deps: FlowDeps, id: string, enabled: boolean): Promise<boolean> {
	return setEndpointEnabled(deps.db, id, enabled, deps.clock());
}

export async function removeEndpoint(deps: FlowDeps, id: string): Promise<boolean> {
	return deleteEndpoint(deps.db, id);
}

/**
 * A new secret, which signs from now on; the current one goes on signing beside
 * it (a second signature) for a day, while the receiver changes over. A
 * rotation during a rotation drops the oldest. Undefined for an unknown endpoint.
 * The write holds only if the secret is still the one read: of two rotations at
 * once, one wins and the other throws, having changed nothing.
 */
export async function rotateSecret(deps: FlowDeps, id: string): Promise<{ id: string; secret: string; previousSecretUntil: string } | undefined> {
	const endpoint = await readEndpoint(deps.db, id);
	if (!endpoint) return undefined;
	const now = deps.clock();
	const secret = newSecret(deps);
	const current = openSecret(deps, id, endpoint.secret_sealed);
	const previousExpiresAt = now + PREVIOUS_SECRET_MS;
	const rotated = await rotateEndpointSecret(deps.db, id, {
		currentSealed: endpoint.secret_sealed,
		secretSealed: sealSecret(deps, id, secret),
		previousSealed: sealSecret(deps, id, current),
		previousExpiresAt,
		now,
	});
	if (!rotated) {
		if (!(await readEndpoint(deps.db, id))) return undefined;
		// Another rotation wrote its secret between our read and our write: ours was never stored.
		throw new WebhookConflictError(`the secret of ${id} was rotated by someone else at the same moment; nothing was changed by this rotation. Run it again if a new secret is still wanted.`);
	}
	return { id, secret: formatSecret(secret), previousSecretUntil: new Date(previousExpiresAt).toISOString() };
}

export interface AttemptView {
	at: string;
	deliveryId: string;
	messageId: string | null;
	type: string | null;
	/** The receiver's HTTP status, or null when none came. */
	status: number | null;
	durationMs: number;
	error: string | null;
	/** Where the delivery stands now: pending, delivered or failed (given up). */
	delivery: string | null;
}

/** An endpoint's log, newest first; undefined for an unknown endpoint. */
export async function endpointLog(deps: FlowDeps, id: string, limit = 100): Promise<AttemptView[] | undefined> {
	if (!(await readEndpoint(deps.db, id))) return undefined;
	const rows = await listAttempts(deps.db, id, limit);
	return rows.map((r) => ({
		at: new Date(Number(r.attempted_at)).toISOString(),
		deliveryId: r.delivery_id,
		messageId: r.message_id,
		type: r.type,
		status: r.status === null ? null : Number(r.status),
		durationMs: Number(r.duration_ms),
		error: r.error,
		delivery: r.state,
	}));
}

export type SendOutcome = { delivered: boolean; status: number | null; error: string | null };

/**
 * Sends a delivery again, as it was (same `webhook-id`, same body, signed
 * afresh): pending again with its tries counted afresh (the backoff starts over
 * at 5 s) and given another day, then tried at once by `webhooks`. Refused
 * (WebhookConflictError) while an instance is sending it (its claim holds), so
 * it is not sent twice at once. Undefined when there is no such
 * delivery; otherwise what the try gave (undefined outcome: an instance claimed
 * it first and is sending it).
 */
export async function replay(deps: FlowDeps, deliveryId: string): Promise<{ type: string; messageId: string; outcome: SendOutcome | undefined } | undefined> {
	const delivery = await readDelivery(deps.db, deliveryId);
	if (!delivery) return undefined;
	const now = deps.clock();
	if (!(await replayDelivery(deps.db, deliveryId, now, now + GIVE_UP_AFTER_MS))) {
		const current = await readDelivery(deps.db, deliveryId);
		if (!current) return undefined;
		const until = new Date(Number(current.claimed_until)).toISOString();
		throw new WebhookConflictError(
			`the delivery ${deliveryId} is being sent by an instance right now (its claim holds until ${until}); a replay now would send it twice at once. See how it went with tessera webhooks log, and replay it after that if it still needs sending.`,
		);
	}
	return { type: delivery.type, messageId: delivery.message_id, outcome: await deps.webhooks.deliverNow(deliveryId) };
}
