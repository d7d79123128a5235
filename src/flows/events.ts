import { addressBucket } from "../core/address.ts";
import { newId } from "../core/tokens.ts";
import { deviceLabel } from "../core/user-agent.ts";
import type { Db } from "../store/db.ts";
import { hasSignedInFrom, insertEvent, listAccountEvents, listEventsPage } from "../store/events.ts";
import type { ClientInfo, FlowDeps } from "./deps.ts";

/**
 * Security events: what the activity page lists, what alerts are sent for,
 * and the audit log operators export. Kinds are stable names (docs/api.md).
 * Who raised one: the person, the system, an operator at the command line
 * ("operator:<name>") or an admin on the review page ("admin:<username>").
 */
export const eventKinds = {
	signed_up: "Account created",
	signed_in: "Signed in",
	backup_code_used: "Backup code used",
	backup_codes_replaced: "Backup codes replaced",
	two_factor_enabled: "Two-factor authentication turned on",
	two_factor_disabled: "Two-factor authentication turned off",
	second_factor_added: "Second step added",
	second_factor_removed: "Second step removed",
	second_factor_replaced: "Second step replaced",
	password_changed: "Password changed",
	password_reset_requested: "Password reset asked for",
	sessions_ended: "Signed out everywhere",
	too_many_failed_codes: "Too many wrong codes",
	recovery_started: "Account recovery started",
	recovery_cancelled: "Account recovery cancelled",
	recovery_completed: "Account recovered: two-factor reset",
	recovery_requested: "Identity check asked for",
	recovery_approved: "Identity check approved",
	recovery_denied: "Identity check denied",
	two_factor_reset: "Two-factor reset by an operator",
	account_locked: "Account locked",
	account_unlocked: "Account unlocked",
	role_changed: "Role changed",
	app_allowed: "App allowed",
	app_access_withdrawn: "App access withdrawn",
	app_token_reused: "An app's refresh token was used twice: its access ended",
} as const;

export type EventKind = keyof typeof eventKinds;

/**
 * Which events are worth telling the person about, and where: "primary" goes to
 * the verified email (by SMS when there is only a phone); "every" goes to every
 * verified address, for the events an attacker would most like to hide.
 */
const alertPolicy: Partial<Record<EventKind, "primary" | "every">> = {
	signed_in: "primary",
	backup_code_used: "primary",
	backup_codes_replaced: "primary",
	two_factor_enabled: "primary",
	two_factor_disabled: "primary",
	second_factor_added: "primary",
	second_factor_removed: "primary",
	// A new phone now gives the codes: whoever holds only the mailbox must not be the only one to know.
	second_factor_replaced: "every",
	// Whoever changed it may hold the mailbox: the phone hears of it too.
	password_changed: "every",
	too_many_failed_codes: "primary",
	recovery_requested: "every",
	recovery_started: "every",
	recovery_cancelled: "every",
	recovery_completed: "every",
	two_factor_reset: "every",
	app_token_reused: "primary",
};

export function alertsFor(event: SecurityEvent): "primary" | "every" | undefined {
	// A sign-in is news only from a browser and network not seen in 90 days.
	if (event.kind === "signed_in" && !event.detail["newDevice"]) return undefined;
	return alertPolicy[event.kind];
}

export interface AlertTarget {
	channel: "email" | "sms";
	to: string;
}

export interface SecurityEvent {
	id: string;
	accountId: string | null;
	kind: EventKind;
	method: string | null;
	actor: string;
	ip: string | null;
	device: string | null;
	detail: Record<string, unknown>;
	createdAt: number;
}

export interface EventInput {
	accountId: string;
	kind: EventKind;
	method?: string | undefined;
	actor?: string;
	client?: ClientInfo | undefined;
	detail?: Record<string, unknown>;
	/** Addresses the account no longer has that must hear of this too. */
	alsoTo?: AlertTarget[];
}

/** How long the activity page looks back. */
export const ACTIVITY_WINDOW_MS = 90 * 86_400_000;

let sequence = 0;

/**
 * Event ids sort in the order events were recorded: the time, then a counter
 * (several events of one change share a millisecond), then randomness.
 */
function eventId(now: number, deps: FlowDeps): string {
	sequence = (sequence + 1) % 36 ** 4;
	return `${now.toString(36).padStart(9, "0")}${sequence.toString(36).padStart(4, "0")}${newId(deps.random)}`;
}

/** Records an event, in `db` (a transaction when the event belongs to a change). */
export async function recordEvent(deps: FlowDeps, db: Db, input: EventInput, now = deps.clock()): Promise<SecurityEvent> {
	const event: SecurityEvent = {
		id: eventId(now, deps),
		accountId: input.accountId,
		kind: input.kind,
		method: input.method ?? null,
		actor: input.actor ?? "person",
		ip: input.client?.ip ?? null,
		device: input.client ? deviceLabel(input.client.userAgent) : null,
		detail: input.detail ?? {},
		createdAt: now,
	};
	await insertEvent(
		db,
		{
			id: event.id,
			accountId: input.accountId,
			kind: event.kind,
			method: event.method,
			actor: event.actor,
			ip: event.ip,
			network: input.client ? addressBucket(input.client.ip) : null,
			device: event.device,
			detail: Object.keys(event.detail).length ? JSON.stringify(event.detail) : null,
			createdAt: now,
		},
		// The alert is owed from this moment, in the same transaction as the change.
		alertsFor(event) ? { alsoTo: input.alsoTo?.length ? JSON.stringify(input.alsoTo) : null } : undefined,
	);
	return event;
}

/**
 * Whether this browser and network have not signed in to the account in the
 * last 90 days. Coarse on purpose (browser, system and network): good enough to
 * tell a person about a sign-in they would not recognise, without tracking.
 */
export async function isNewDevice(db: Db, accountId: string, client: ClientInfo, now: number): Promise<boolean> {
	const from = { device: deviceLabel(client.userAgent), network: addressBucket(client.ip) };
	return !(await hasSignedInFrom(db, accountId, from, now - ACTIVITY_WINDOW_MS));
}

type EventRow = {
	id: string;
	account_id: string | null;
	kind: string;
	method: string | null;
	actor: string;
	ip: string | null;
	device: string | null;
	detail: string | null;
	created_at: number;
};

export function eventFromRow(row: EventRow): SecurityEvent {
	return {
		id: row.id,
		accountId: row.account_id,
		kind: row.kind as EventKind,
		method: row.method,
		actor: row.actor,
		ip: row.ip,
		device: row.device,
		detail: row.detail ? (JSON.parse(row.detail) as Record<string, unknown>) : {},
		createdAt: Number(row.created_at),
	};
}

/** The account's security events of the last 90 days, newest first. */
export async function listActivity(deps: FlowDeps, accountId: string, limit = 200): Promise<SecurityEvent[]> {
	const rows = await listAccountEvents(deps.db, accountId, deps.clock() - ACTIVITY_WINDOW_MS, limit);
	return rows.map(eventFromRow);
}

/** Every event from `since` on, oldest first, a page at a time: for `tessera audit export`. */
export async function* allEvents(db: Db, since = 0, pageSize = 1000): AsyncGenerator<SecurityEvent> {
	let after: { at: number; id: string } | undefined;
	for (;;) {
		const rows = await listEventsPage(db, since, after, pageSize);
		for (const row of rows) yield eventFromRow(row);
		if (rows.length < pageSize) return;
		const last = rows.at(-1)!;
		after = { at: Number(last.created_at), id: last.id };
	}
}

/** Words for what is not a method: the password, a trusted device, and addresses added or removed. */
const otherWords: Record<string, { noun: string; signedInWith?: string }> = {
	password: { noun: "password", signedInWith: "your password" },
	trusted_device: { noun: "trusted device", signedInWith: "a trusted device" },
	phone: { noun: "phone number" },
};

/** What was added or removed: addresses are named as addresses (an email address, not an email code). */
const addressWords: Record<string, string> = { email: "email address", phone: "phone number" };

/** The registered methods' own words, by name. */
export type MethodWords = { find(name: string): { copy: { noun: string; signedInWith: string } } | undefined };

/** Events with the line a person reads, in the methods' own words. */
export type DescribedEvent = SecurityEvent & { description: string };

export function describeEvents(events: SecurityEvent[], methods: MethodWords): DescribedEvent[] {
	return events.map((event) => ({ ...event, description: describeEvent(event, methods) }));
}

/** One line a person understands: "Signed in with a backup code (3 left)". */
export function describeEvent(event: SecurityEvent, methods: MethodWords): string {
	const words = event.method ? (otherWords[event.method] ?? methods.find(event.method)?.copy) : undefined;
	const method = event.method ? (words?.noun ?? event.method) : undefined;
	const d = event.detail;
	switch (event.kind) {
		case "signed_in":
			if (d["stepUp"]) return `Confirmed it was you with ${words?.signedInWith ?? event.method ?? "a second step"}, for an app that asked`;
			return `Signed in${event.method ? ` with ${words?.signedInWith ?? event.method}` : ""}${d["newDevice"] ? " from a new device" : ""}`;
		case "backup_code_used":
			return `Backup code used to ${d["via"] === "reset" ? "confirm a password reset" : "sign in"} (${String(d["remaining"])} left)`;
		case "second_factor_added":
			return `${capitalise(addressWords[event.method ?? ""] ?? method ?? "second step")} added`;
		case "second_factor_removed":
			return `${capitalise(addressWords[event.method ?? ""] ?? method ?? "second step")} removed`;
		case "second_factor_replaced":
			return `${capitalise(method ?? "second step")} replaced: the old one no longer works`;
		case "password_changed":
			return d["via"] === "reset" ? "Password reset" : d["via"] === "secure_account" ? "Password changed after a “Wasn't you?” link" : "Password changed";
		case "recovery_started":
			return `Account recovery started${d["via"] === "operator" ? " after an identity check" : d["via"] === "email" ? " by proving your email address" : d["via"] === "phone" ? " by proving your phone number" : ""}`;
		case "two_factor_reset":
			return "Two-factor reset by an operator";
		case "app_allowed":
			return `Allowed ${String(d["app"] ?? "an app")} to sign you in`;
		case "app_access_withdrawn":
			return `Withdrew ${String(d["app"] ?? "an app")}'s access`;
		case "app_token_reused":
			return `${String(d["app"] ?? "An app")}'s refresh token was used twice: its access ended, sign in to it again`;
		default:
			return eventKinds[event.kind] ?? event.kind;
	}
}

function capitalise(text: string): string {
	return text.charAt(0).toUpperCase() + text.slice(1);
}
