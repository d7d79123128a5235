
import { isOperatorActor } from "../core/actors.ts";
import { BlockList, isIP, } from "node:net";
import { fieldProblem, TesseraError, words } from "../core/errors.ts";
import { open, seal } from "../core/secret-box.ts";
import { newId, newToken, tokenHash } from "../core/tokens.ts";
import { listVerifiedContacts } from "../store/contacts.ts";
import type { Db } from "../store/db.ts";
import {
	claimVerification,
	deleteStream,
	dropPendingSets,
	insertSet,
	insertStream,
	listPendingSets,
	listStreamSets,
	listStreams,
	type OwedSet,
	POLL,
	PUSH,
	readStream,
	readStreamByTokenHash,
	recordSets,
	STREAM_UPDATED,
	type StreamRow,
	setStreamStatus,
	settleStreamSets,
	updateStream,
} from "../store/signals.ts";
import type { FlowDeps } from "./deps.ts";
import type { AlertTarget, SecurityEvent } from "./events.ts";

/**
 * Shared Signals (OpenID SSF 1.0): Tessera is a transmitter. Receivers (apps,
 * added by the operator, one stream each) get Security Event Tokens (RFC 8417)
 * about the people who use them: CAEP session-revoked, credential-change and
 * assurance-level-change; RISC account-disabled, account-enabled and
 * identifier-changed. A SET is owed from the transaction of the change it
 * describes (`recordSignals`), signed with the OpenID Connect provider's keys when
 * it is sent, pushed (RFC 8935) at once and retried by any instance, or kept for
 * the receiver to poll (RFC 8936) until it acknowledges it.
 */

export { POLL, PUSH };

export const eventTypes = {
	"session-revoked": "https://schemas.openid.net/secevent/caep/event-type/session-revoked",
	"credential-change": "https://schemas.openid.net/secevent/caep/event-type/credential-change",
	"assurance-level-change": "https://schemas.openid.net/secevent/caep/event-type/assurance-level-change",
	"account-disabled": "https://schemas.openid.net/secevent/risc/event-type/account-disabled",
	"account-enabled": "https://schemas.openid.net/secevent/risc/event-type/account-enabled",
	"identifier-changed": "https://schemas.openid.net/secevent/risc/event-type/identifier-changed",
} as const;

export type EventTypeName = keyof typeof eventTypes;

/** Every event type a stream may ask for, in this order everywhere. */
export const eventsSupported: readonly string[] = Object.values(eventTypes);

export const VERIFICATION = "https://schemas.openid.net/secevent/ssf/event-type/verification";
export { STREAM_UPDATED };

/** The least time between two verification requests on a stream (SSF `min_verification_interval`). */
export const MIN_VERIFICATION_INTERVAL_S = 10;
/** A push not accepted within a day is given up. */
export const GIVE_UP_MS = 86_400_000;
/** How long one instance holds a push it is sending before another may try. */
export const LEASE_MS = 30_000;
/** A receiver that does not answer within this is tried again later. */
export const PUSH_TIMEOUT_MS = 5_000;
/** A signing key this new signs SETs only when no older one is published (see Signals.#currentSigner). */
export const NEW_KEY_GRACE_MS = 5 * 60_000;
/** How many SETs of one stream an instance sends at once. */
export const PUSHES_AT_ONCE = 8;
/**
 * How many pushes one claim takes: at worst two rounds of PUSHES_AT_ONCE on one
 * stream, each ending within PUSH_TIMEOUT_MS, so 10 s: well inside LEASE_MS, and
 * no claim runs out while it is still being sent.
 */
export const CLAIM_AT_ONCE = 2 * PUSHES_AT_ONCE;
/** The most of a 400 answer read (its RFC 8935 err and description); other answers' bodies are not read. */
export const MAX_REFUSAL_BYTES = 4096;
/** Every instance looks for pushes due (retries, and those another instance left) this often. */
export const SWEEP_MS = 1_000;
/** After a change commits, its pushes go at once: looked for now and shortly after (the change's transaction may still be committing). */
export const KICK_AFTER_MS = [0, 10, 40, 150, 500];
/** A poll that finds nothing waits this long for a SET before it answers empty (RFC 8936 long polling). */
export const LONG_POLL_MS = 10_000;
/** A poll SET not acknowledged within this is deleted unread (by the prune, logged). */
export const POLL_KEEP_MS = 7 * 86_400_000;
/** The most SETs one poll returns. */
export const MAX_EVENTS = 100;

export type Subject = Record<string, unknown>;

/** RFC 9493 `iss_sub`: the account's OpenID Connect subject at this issuer. */
function accountSubject(deps: FlowDeps, accountId: string): Subject {
	return { format: "iss_sub", iss: deps.config.publicUrl, sub: accountId };
}

/** CAEP's initiating_entity, from who raised the event. */
function initiatingEntity(actor: string): "admin" | "user" | "system" {
	if (isOperatorActor(actor)) return "admin";
	return actor === "system" ? "system" : "user";
}

/** CAEP credential types for Tessera's methods and what is not a method (the password, addresses). */
const credentialTypes: Record<string, string> = {
	password: "password",
	totp: "app",
	passkey: "fido2-platform",
	sms: "phone-sms",
	phone: "phone-sms",
	// Not among CAEP's listed types: Tessera's own names, as CAEP allows (docs/shared-signals.md).
	email: "email",
	backup_code: "backup-codes",
};

const aal = (level: 1 | 2) => `nist-aal${level}`;

interface Signal {
	type: EventTypeName;
	event: Record<string, unknown>;
	subject?: Subject;
}

/**
 * What a security event means for receivers: none, one or several SETs (one
 * event type each, as SSF asks), which share the event's id as their `txn`.
 */
async function signalsFor(deps: FlowDeps, db: Db, event: SecurityEvent, formerAddresses: AlertTarget[] | undefined): Promise<Signal[]> {
	const common = { event_timestamp: Math.floor(event.createdAt / 1000), initiating_entity: initiatingEntity(event.actor) };
	const revoked: Signal = { type: "session-revoked", event: common };
	const credential = (method: string | null, changeType: "create" | "update" | "delete"): Signal[] => {
		const type = method ? credentialTypes[method] : undefined;
		if (!type) return [];
		const name = typeof event.detail["name"] === "string" ? { friendly_name: event.detail["name"] } : {};
		return [{ type: "credential-change", event: { credential_type: type, change_type: changeType, ...name, ...common } }];
	};
	const assurance = (current: 1 | 2, previous?: 1 | 2): Signal => ({
		type: "assurance-level-change",
		event: {
			namespace: "NIST-AAL",
			current_level: aal(current),
			...(previous ? { previous_level: aal(previous), change_direction: current > previous ? "increase" : "decrease" } : {}),
			...common,
		},
	});
	switch (event.kind) {
		case "sessions_ended":
			return [revoked];
		case "password_changed":
			// A new password ends every session apps hold (flows/access.ts endAllAccess).
			return [...credential("password", "update"), revoked];
		case "account_locked":
			return [{ type: "account-disabled", event: common }, revoked];
		case "account_unlocked":
			return [{ type: "account-enabled", event: common }];
		case "two_factor_enabled": {
			// A method that comes with two-factor (the authenticator) counts from now, and so does the first set of backup codes;
			// one that stays when it is turned off (a passkey) was told of when it was added.
			const method = deps.methods.all.find((m) => m.name === event.method);
			return [assurance(2, 1), ...(method && !method.keptWhenTurnedOff ? credential(method.name, "create") : []), ...credential("backup_code", "create")];
		}
		case "two_factor_disabled":
			// Its backup codes go with it (two-factor on always has a confirmed set).
			return [assurance(1, 2), ...credential("backup_code", "delete")];
		// Two-factor reset (by an operator, or a recovery that completed): every second factor and session ends.
		case "two_factor_reset":
		case "recovery_completed":
			return [assurance(1), revoked];
		case "second_factor_replaced":
			return credential(event.method, "update");
		case "backup_codes_replaced":
			return credential("backup_code", "update");
		case "second_factor_removed":
			return credential(event.method, "delete");
		case "second_factor_added": {
			const replaced = (event.method === "email" || event.method === "phone") && formerAddresses?.length ? formerAddresses[0]!.to : undefined;
			if (!replaced || !event.accountId) return credential(event.method, "create");
			// A confirmed address took another's place: the identifier changed, from the old value to the new.
			const kind = event.method === "email" ? "email" : "phone";
			const now = (await listVerifiedContacts(db, event.accountId)).find((c) => c.kind === kind)?.value;
			const old = kind === "email" ? { format: "email", email: replaced } : { format: "phone_number", phone_number: replaced };
			const changed: Signal = {
				type: "identifier-changed",
				event: { ...(now ? { "new-value": now } : {}), ...common },
				subject: { format: "aliases", identifiers: [accountSubject(deps, event.accountId), old] },
			};
			return [...credential(event.method, "update"), changed];
		}
		default:
			return [];
	}
}

/**
 * Records the SETs a security event owes, in `db` (the change's transaction):
 * one statement for every stream at once, nothing at all for an event that means
 * nothing to receivers. Pushes go as soon as the change commits.
 */
export async function recordSignals(deps: FlowDeps, db: Db, event: SecurityEvent, formerAddresses?: AlertTarget[]): Promise<void> {
	if (!event.accountId) return;
	const signals = await signalsFor(deps, db, event, formerAddresses);
	if (signals.length === 0) return;
	const subject = JSON.stringify(accountSubject(deps, event.accountId));
	const sets: OwedSet[] = signals.map((signal, n) => ({
		n,
		eventType: eventTypes[signal.type],
		subject: signal.subject ? JSON.stringify(signal.subject) : subject,
		event: JSON.stringify(signal.event),
	}));
	const written = await recordSets(db, { eventId: event.id, accountId: event.accountId, now: event.createdAt, sets });
	if (written > 0) deps.signals.kick();
}

// ---------------------------------------------------------------------------------------------
// Streams: the operator adds them; the receiver reads and updates its own with its token.

export type StreamStatus = StreamRow["status"];

/** A stream as SSF describes it (Stream Configuration); never its token or the push authorization. */
export interface StreamConfiguration {
	stream_id: string;
	iss: string;
	aud: string | string[];
	delivery: { method: string; endpoint_url: string };
	events_supported: string[];
	events_requested: string[];
	events_delivered: string[];
	min_verification_interval: number;
	description?: string;
}

export function streamConfiguration(deps: FlowDeps, stream: StreamRow): StreamConfiguration {
	const audience = JSON.parse(stream.audience) as string[];
	return {
		stream_id: stream.id,
		iss: deps.config.publicUrl,
		aud: audience.length === 1 ? audience[0]! : audience,
		delivery: { method: stream.delivery_method, endpoint_url: stream.delivery_method === PUSH ? stream.endpoint_url! : pollUrl(deps, stream.id) },
		events_supported: [...eventsSupported],
		events_requested: JSON.parse(stream.events_requested) as string[],
		events_delivered: JSON.parse(stream.events_delivered) as string[],
		min_verification_interval: MIN_VERIFICATION_INTERVAL_S,
		...(stream.description !== null ? { description: stream.description } : {}),
	};
}

export function pollUrl(deps: FlowDeps, streamId: string): string {
	return `${deps.config.publicUrl}/ssf/poll/${streamId}`;
}

/** The events a stream delivers: those asked for that Tessera sends, in Tessera's order. Others are ignored, as SSF says. */
function delivered(requested: string[]): string[] {
	return eventsSupported.filter((type) => requested.includes(type));
}

const isLoopbackHost = (host: string) => host === "localhost" || host === "[::1]" || /^127\.\d+\.\d+\.\d+$/.test(host);

/**
 * Addresses a receiver's endpoint may not reach: this machine, private, shared,
 * link-local, benchmarking, IETF protocol, multicast and reserved networks, and the
 * same written as IPv6 (IPv4-mapped addresses are checked as their IPv4 address;
 * the NAT64 prefix is refused whole).
 */
const internalNetworks = (() => {
	const list = new BlockList();
	for (const [network, bits] of [
		["0.0.0.0", 8],
		["10.0.0.0", 8],
		["100.64.0.0", 10],
		["127.0.0.0", 8],
		["169.254.0.0", 16],
		["172.16.0.0", 12],
		["192.0.0.0", 24],
		["192.168.0.0", 16],
		["198.18.0.0", 15],
		["224.0.0.0", 4],
		["240.0.0.0", 4],
	] as const)
		list.addSubnet(network, bits, "ipv4");
	for (const [network, bits] of [
		["::", 128],
		["::1", 128],
		["64:ff9b::", 96],
		["64:ff9b:1::", 48],
		["fc00::", 7],
		["fe80::", 10],
		["fec0::", 10],
		["ff00::", 8],
	] as const)
		list.addSubnet(network, bits, "ipv6");
	return list;
})();

/** An IP address this machine or an internal network has. */
export function isInternalAddress(address: string): boolean {
	const type = isIP(address);
	return type !== 0 && internalNetworks.check(address, type === 4 ? "ipv4" : "ipv6");
}

/** A host name that is this machine, or an IP address of an internal network (see internalNetworks). */
export function isInternalHost(host: string): boolean {
	// A name's trailing dot (localhost.) names the same host.
	const name = host.replace(/^\[|\]$/g, "").replace(/\.$/, "").toLowerCase();
	if (name === "localhost" || name.endsWith(".localhost")) return true;
	return isInternalAddress(name);
}

/** A push endpoint: https, or http to this machine; no credentials in it, no fragment. */
function checkEndpoint(value: string, field: string): string {
	// The operator's command speaks English; the API gives the field and its reason.
	const refused = () =>
		new TesseraError("invalid_request", {
			...(field === "push" ? { message: `${value} cannot take pushes: use an https address (or http to this machine), without credentials or a fragment.` } : {}),
			fields: [fieldProblem(field, "not_valid")],
		});
	let url: URL;
	try {
		url = new URL(value);
	} catch {
		throw refused();
	}
	const plainLocal = url.protocol === "http:" && isLoopbackHost(url.hostname);
	if ((url.protocol !== "https:" && !plainLocal) || url.username || url.password || url.hash || value.length > 2000) throw refused();
	return url.href;
}

/** An Authorization value Tessera can send as a header: printable ASCII, no line break, not starting with a space. */
const HEADER_VALUE = /^[\x21-\x7e][\x20-\x7e]*$/;

function checkAuthorization(value: string, field: string): string {
	if (!HEADER_VALUE.test(value)) {
		throw new TesseraError("invalid_request", {
			...(field === "push-authorization" ? { message: "--push-authorization must be one line of printable ASCII (it is sent as the Authorization header)." } : {}),
			fields: [fieldProblem(field, "not_valid")],
		});
	}
	return value;
}

function sealAuthorization(deps: FlowDeps, streamId: string, value: string): string {
	return seal(deps.keys.key("ssf-push-authorization"), Buffer.from(value, "utf8"), `ssf-stream:${streamId}`, deps.random);
}

export function openAuthorization(deps: FlowDeps, stream: StreamRow): string | undefined {
	if (!stream.authorization_sealed) return undefined;
	return open(deps.keys.key("ssf-push-authorization"), stream.authorization_sealed, `ssf-stream:${stream.id}`).toString("utf8");
}

/** Event names as the operator types them (session-revoked) or as URIs; unknown ones are refused. */
export function eventTypesFromNames(names: string[]): string[] {
	return names.map((name) => {
		const type = (eventTypes as Record<string, string>)[name] ?? (eventsSupported.includes(name) ? name : undefined);
		if (!type) throw new TesseraError("invalid_request", { message: `"${name}" is not an event Tessera sends; use one of: ${Object.keys(eventTypes).join(", ")}.`, fields: [fieldProblem("events", "not_one_of", { values: Object.keys(eventTypes).join(", ") })] });
		return type;
	});
}

export interface NewStream {
	audience: string[];
	push?: { url: string; authorization?: string | undefined } | undefined;
	/** Event type URIs; every one Tessera sends when absent. */
	events?: string[] | undefined;
	description?: string | undefined;
}

/** Adds a stream (the operator's command). Its bearer token is returned this once and kept only as its hash. */
export async function addStream(deps: FlowDeps, input: NewStream): Promise<{ streamId: string; token: string; configuration: StreamConfiguration }> {
	const audience = input.audience.map((a) => a.trim()).filter(Boolean);
	if (audience.length === 0) throw new TesseraError("invalid_request", { message: "A stream needs an audience (--audience): how the receiver is named in the tokens it gets.", fields: [fieldProblem("audience", "required")] });
	const id = newId(deps.random);
	const token = newToken(deps.random);
	const now = deps.clock();
	const requested = input.events?.length ? [...new Set(input.events)] : [...eventsSupported];
	const stream: StreamRow = {
		id,
		audience: JSON.stringify(audience),
		description: input.description?.trim() || null,
		delivery_method: input.push ? PUSH : POLL,
		endpoint_url: input.push ? checkEndpoint(input.push.url, "push") : null,
		endpoint_by: "operator",
		authorization_sealed: input.push?.authorization ? sealAuthorization(deps, id, checkAuthorization(input.push.authorization, "push-authorization")) : null,
		events_requested: JSON.stringify(requested),
		events_delivered: JSON.stringify(delivered(requested)),
		status: "enabled",
		status_reason: null,
		status_by: "operator",
		token_hash: tokenHash(token),
		verified_at: null,
		created_at: now,
		updated_at: now,
	};
	await insertStream(deps.db, stream);
	return { streamId: id, token, configuration: streamConfiguration(deps, stream) };
}

/** The stream a receiver's bearer token opens, or `unauthenticated`. */
export async function streamForToken(deps: FlowDeps, token: string | undefined): Promise<StreamRow> {
	const refused = () => new TesseraError("unauthenticated", { message: words("errors.ssf.token") });
	if (!token || !/^[A-Za-z0-9_-]{43}$/.test(token)) throw refused();
	const stream = await readStreamByTokenHash(deps.db, tokenHash(token));
	if (!stream) throw refused();
	return stream;
}

/** The receiver named a stream: it must be its own (SSF: 404 when there is none "for this Event Receiver"). */
export function ownStream(stream: StreamRow, streamId: string | undefined): StreamRow {
	if (streamId !== undefined && streamId !== stream.id) throw new TesseraError("not_found");
	return stream;
}

/** What a receiver may send to change its stream (SSF Stream Configuration, receiver-supplied and checked transmitter-supplied members). */
export interface StreamChange {
	stream_id: string;
	events_requested?: string[];
	description?: string;
	delivery?: { method: string; endpoint_url?: string; authorization_header?: string };
	iss?: string;
	aud?: string | string[];
	events_supported?: string[];
	events_delivered?: string[];
	min_verification_interval?: number;
}

const sameList = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((v, i) => v === b[i]);

/**
 * PATCH (`replace` false: what is absent stays) or PUT (`replace` true: what is
 * absent goes back to its default) of the stream's configuration by its
 * receiver. Transmitter-supplied members may be sent but must match. The
 * delivery method cannot change; a push stream's address may (https only).
 */
export async function changeStream(deps: FlowDeps, stream: StreamRow, change: StreamChange, replace: boolean): Promise<StreamConfiguration> {
	const current = streamConfiguration(deps, stream);
	const mismatch: string[] = [];
	if (change.iss !== undefined && change.iss !== current.iss) mismatch.push("iss");
	if (change.aud !== undefined && !sameList([change.aud].flat(), [current.aud].flat())) mismatch.push("aud");
	if (change.events_supported !== undefined && !sameList(change.events_supported, current.events_supported)) mismatch.push("events_supported");
	if (change.events_delivered !== undefined && !sameList(change.events_delivered, current.events_delivered)) mismatch.push("events_delivered");
	if (change.min_verification_interval !== undefined && change.min_verification_interval !== current.min_verification_interval) mismatch.push("min_verification_interval");
	if (change.delivery !== undefined && change.delivery.method !== stream.delivery_method) mismatch.push("delivery.method");
	if (change.delivery?.endpoint_url !== undefined && stream.delivery_method === POLL && change.delivery.endpoint_url !== current.delivery.endpoint_url) mismatch.push("delivery.endpoint_url");
	if (mismatch.length) throw new TesseraError("invalid_request", { fields: mismatch.map((field) => fieldProblem(field, "not_valid")) });

	const changes: Parameters<typeof updateStream>[2] = {};
	if (change.events_requested !== undefined || replace) {
		const requested = change.events_requested ? [...new Set(change.events_requested)] : [...eventsSupported];
		changes.events_requested = JSON.stringify(requested);
		changes.events_delivered = JSON.stringify(delivered(requested));
	}
	if (change.description !== undefined || replace) changes.description = change.description?.trim() || null;
	if (stream.delivery_method === PUSH && (change.delivery || replace)) {
		const url = change.delivery?.endpoint_url;
		if (url === undefined && replace) throw new TesseraError("invalid_request", { fields: [fieldProblem("delivery.endpoint_url", "required")] });
		// A receiver moves its endpoint only to https, and not to an address of this machine or a private
		// network written as such: those are the operator's to set.
		if (url !== undefined) {
			const checked = checkEndpoint(url, "delivery.endpoint_url");
			if (!checked.startsWith("https:") || isInternalHost(new URL(checked).hostname)) {
				throw new TesseraError("invalid_request", { fields: [fieldProblem("delivery.endpoint_url", "not_valid")] });
			}
			changes.endpoint_url = checked;
			changes.endpoint_by = "receiver";
		}
		const authorization = change.delivery?.authorization_header;
		if (authorization !== undefined) changes.authorization_sealed = authorization ? sealAuthorization(deps, stream.id, checkAuthorization(authorization, "delivery.authorization_header")) : null;
		else if (replace) changes.authorization_sealed = null;
		// The Authorization value was given for an origin: it never follows the endpoint to another one unless given again.
		else if (changes.endpoint_url !== undefined && stream.endpoint_url && new URL(changes.endpoint_url ?? "").origin !== new URL(stream.endpoint_url).origin) changes.authorization_sealed = null;
	}
	await updateStream(deps.db, stream.id, changes, deps.clock());
	if (changes.endpoint_url !== undefined && changes.endpoint_url !== stream.endpoint_url) {
		// Origin and path only: a query may carry something the receiver did not mean for a log.
		const where = (url: string | null) => (url ? `${new URL(url).origin}${new URL(url).pathname}` : null);
		deps.signals.warn({ stream: stream.id, from: where(stream.endpoint_url), to: where(changes.endpoint_url), authorization: changes.authorization_sealed === undefined ? "kept" : changes.authorization_sealed ? "replaced" : "dropped" }, "shared signals: the receiver moved its push endpoint");
	}
	return streamConfiguration(deps, (await readStream(deps.db, stream.id))!);
}

export interface StatusView {
	stream_id: string;
	status: StreamStatus;
	reason?: string;
}

export function statusOfStream(stream: StreamRow): StatusView {
	return { stream_id: stream.id, status: stream.status, ...(stream.status_reason ? { reason: stream.status_reason } : {}) };
}

/**
 * Sets a stream's status. Paused: SETs are held and go when it is enabled again.
 * Disabled: nothing is held. When Tessera's operator (not the receiver) changes
 * it, the receiver is told by a stream-updated SET, sent whatever the status.
 * A stream the operator disabled stays disabled until the operator changes it:
 * its receiver's change is refused (`stream_disabled_by_operator`).
 */
export async function changeStreamStatus(deps: FlowDeps, streamId: string, input: { status: StreamStatus; reason?: string | undefined; by: "receiver" | "operator" }): Promise<StatusView> {
	const reason = input.reason?.trim() || null;
	const outcome = await deps.db.transaction().execute(async (tx) => {
		const now = deps.clock();
		const operatorDisabled = (b: Pick<StreamRow, "status" | "status_by">) => b.status === "disabled" && b.status_by === "operator";
		const before = await setStreamStatus(tx, streamId, { status: input.status, reason, by: input.by, now }, (b) => input.by === "operator" || !operatorDisabled(b));
		if (before === undefined) return undefined;
		if (input.by === "receiver" && operatorDisabled(before)) return "refused" as const;
		if (input.status === "disabled") await dropPendingSets(tx, streamId);
		const stream = (await readStream(tx, streamId))!;
		if (input.by === "operator" && before.status !== input.status) {
			const event = { status: input.status, ...(reason ? { reason } : {}) };
			await insertSet(tx, { jti: newId(deps.random), streamId, eventType: STREAM_UPDATED, subject: JSON.stringify({ format: "opaque", id: streamId }), event: JSON.stringify(event), now, push: stream.delivery_method === PUSH });
		}
		return stream;
	});
	if (!outcome) throw new TesseraError("not_found");
	if (outcome === "refused") throw new TesseraError("stream_disabled_by_operator");
	deps.signals.kick();
	return statusOfStream(outcome);
}

/**
 * A verification SET on the stream, with the receiver's `state`; at most one per
 * MIN_VERIFICATION_INTERVAL_S (one conditional write), else `too_many_attempts`.
 * Like any SET, it waits while the stream is paused; a disabled stream sends none.
 */
export async function requestVerification(deps: FlowDeps, stream: StreamRow, state: string | undefined): Promise<void> {
	const now = deps.clock();
	const interval = MIN_VERIFICATION_INTERVAL_S * 1000;
	const claimed = await deps.db.transaction().execute(async (tx) => {
		if (!(await claimVerification(tx, stream.id, now, interval))) return false;
		if (stream.status === "disabled") return true;
		const event = state !== undefined ? { state } : {};
		await insertSet(tx, { jti: newId(deps.random), streamId: stream.id, eventType: VERIFICATION, subject: JSON.stringify({ format: "opaque", id: stream.id }), event: JSON.stringify(event), now, push: stream.delivery_method === PUSH });
		return true;
	});
	if (!claimed) {
		const waited = now - Number(stream.verified_at ?? now);
		throw new TesseraError("too_many_attempts", { retryAfterSeconds: Math.max(1, Math.ceil((interval - waited) / 1000)) });
	}
	deps.signals.kick();
}

export async function removeStream(deps: FlowDeps, streamId: string): Promise<void> {
	if (!(await deleteStream(deps.db, streamId))) throw new TesseraError("not_found", { message: `There is no stream ${streamId}.` });
}

/** A new bearer token for the stream's receiver; the old one stops working at once. */
export async function rotateStreamToken(deps: FlowDeps, streamId: string): Promise<{ streamId: string; token: string }> {
	if (!(await readStream(deps.db, streamId))) throw new TesseraError("not_found", { message: `There is no stream ${streamId}.` });
	const token = newToken(deps.random);
	await updateStream(deps.db, streamId, { token_hash: tokenHash(token) }, deps.clock());
	return { streamId, token };
}

export interface StreamView extends StreamConfiguration {
	status: StreamStatus;
	reason?: string;
	pushAuthorization: boolean;
	createdAt: string;
}

/** The streams as the operator sees them: never a token or the push authorization itself. */
export async function listStreamViews(deps: FlowDeps): Promise<StreamView[]> {
	return (await listStreams(deps.db)).map((stream) => ({
		...streamConfiguration(deps, stream),
		status: stream.status,
		...(stream.status_reason ? { reason: stream.status_reason } : {}),
		pushAuthorization: stream.authorization_sealed !== null,
		createdAt: new Date(Number(stream.created_at)).toISOString(),
	}));
}

/** A stream's SETs, newest first, as the operator reads them: what, when, its state and the last error. */
export async function streamLog(deps: FlowDeps, streamId: string, limit = 100) {
	if (!(await readStream(deps.db, streamId))) throw new TesseraError("not_found", { message: `There is no stream ${streamId}.` });
	return (await listStreamSets(deps.db, streamId, limit)).map((row) => ({
		jti: row.jti,
		type: row.event_type,
		txn: row.txn,
		account: row.account_id,
		at: new Date(Number(row.created_at)).toISOString(),
		state: row.state,
		attempts: Number(row.attempts),
		...(row.last_error ? { lastError: row.last_error } : {}),
		...(row.settled_at ? { settledAt: new Date(Number(row.settled_at)).toISOString() } : {}),
	}));
}

// ---------------------------------------------------------------------------------------------
// Polling (RFC 8936).

export interface PollRequest {
	maxEvents?: number;
	returnImmediately?: boolean;
	ack?: string[];
	setErrs?: Record<string, { err: string; description?: string }>;
}

/**
 * One poll: acknowledgements and errors first (each settles a pending SET of
 * this stream), then up to `maxEvents` pending SETs, signed. With none and
 * `returnImmediately` false, waits up to LONG_POLL_MS for one.
 */
export async function poll(deps: FlowDeps, stream: StreamRow, request: PollRequest, signal?: AbortSignal): Promise<{ sets: Record<string, string>; moreAvailable: boolean }> {
	const now = deps.clock();
	await settleStreamSets(deps.db, stream.id, request.ack ?? [], "acknowledged", now, null);
	for (const [jti, problem] of Object.entries(request.setErrs ?? {})) {
		await settleStreamSets(deps.db, stream.id, [jti], "failed", now, `${problem.err}${problem.description ? `: ${problem.description}` : ""}`.slice(0, 500));
	}
	const max = Math.min(request.maxEvents ?? MAX_EVENTS, MAX_EVENTS);
	const enabled = stream.status === "enabled";
	let rows = await listPendingSets(deps.db, stream.id, enabled, max + 1);
	// One long poll waits per stream (in each instance): another one at the same time answers at once.
	if (max > 0 && rows.length === 0 && request.returnImmediately !== true && deps.signals.startLongPoll(stream.id)) {
		try {
			const until = Date.now() + LONG_POLL_MS;
			while (rows.length === 0 && Date.now() < until && !signal?.aborted && !deps.signals.stopping) {
				await deps.signals.waitForSets(Math.min(250, until - Date.now()));
				rows = await listPendingSets(deps.db, stream.id, enabled, max + 1);
			}
		} finally {
			deps.signals.endLongPoll(stream.id);
		}
	}
	const sets: Record<string, string> = {};
	for (const row of rows.slice(0, max)) sets[row.jti] = await deps.signals.sign(row, stream);
	return { sets, moreAvailable: rows.length > max };
}
