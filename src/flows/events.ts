import { isOperatorActor } from "../core/actors.ts";
import { addressBucket } from "../core/address.ts";
import { newId } from "../core/tokens.ts";
import { deviceLabel } from "../core/user-agent.ts";
import type { Db } from "../store/db.ts";
import { hasSignedInFrom, insertEvent, listAccountEvents, listEventsPage } from "../store/events.ts";
import { type MessageKey, t } from "../i18n/translate.ts";
import type { ClientInfo, FlowDeps } from "./deps.ts";
import { recordSignals } from "./signals.ts";
import { recordWebhookMessages } from "./webhooks.ts";

/**
 * Security events: what the activity page lists, what alerts are sent for,
 * and the audit log operators export. Kinds are stable names (docs/api.md);
 * each has its words in the activity catalog. Who raised one: the person, the
 * system, an operator at the command line ("operator:<name>") or an operator in
 * the console at /admin ("admin:<username>" or "support:<username>", by role).
 */
export const eventKinds = {
	signed_up: "activity.kind.signed_up",
	signed_in: "activity.kind.signed_in",
	backup_code_used: "activity.kind.backup_code_used",
	backup_codes_replaced: "activity.kind.backup_codes_replaced",
	two_factor_enabled: "activity.kind.two_factor_enabled",
	two_factor_disabled: "activity.kind.two_factor_disabled",
	second_factor_added: "activity.kind.second_factor_added",
	second_factor_removed: "activity.kind.second_factor_removed",
	/** The authenticator moved to a new phone: the old key retired when the new one's first code came. */
	second_factor_replaced: "activity.kind.second_factor_replaced",
	password_changed: "activity.kind.password_changed",
	password_reset_requested: "activity.kind.password_reset_requested",
	sessions_ended: "activity.kind.sessions_ended",
	/** One wrong answer at a second step; `reason` in its facts, never the code. */
	code_failed: "activity.kind.code_failed",
	too_many_failed_codes: "activity.kind.too_many_failed_codes",
	/** "Trust this device" ticked at sign-in. */
	device_trusted: "activity.kind.device_trusted",
	recovery_started: "activity.kind.recovery_started",
	recovery_cancelled: "activity.kind.recovery_cancelled",
	recovery_completed: "activity.kind.recovery_completed",
	recovery_requested: "activity.kind.recovery_requested",
	recovery_approved: "activity.kind.recovery_approved",
	recovery_denied: "activity.kind.recovery_denied",
	two_factor_reset: "activity.kind.two_factor_reset",
	account_locked: "activity.kind.account_locked",
	account_unlocked: "activity.kind.account_unlocked",
	role_changed: "activity.kind.role_changed",
	/** An admin asked, with a reason, to see the account's addresses and numbers in full in the console: audited, no alert, no webhook. */
	contacts_revealed: "activity.kind.contacts_revealed",
	app_allowed: "activity.kind.app_allowed",
	app_access_withdrawn: "activity.kind.app_access_withdrawn",
	app_token_reused: "activity.kind.app_token_reused",
} as const satisfies Record<string, MessageKey>;

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
	// Only operators lock and unlock accounts: the person hears of it wherever they can be reached.
	account_locked: "every",
	account_unlocked: "every",
	app_token_reused: "primary",
};

export function alertsFor(event: SecurityEvent): "primary" | "every" | undefined {
	// A sign-in is news only from a browser and network not seen in 90 days.
	if (event.kind === "signed_in" && !event.detail["newDevice"]) return undefined;
	// Signed out everywhere by an operator (the console): news on every channel; by the person themselves, none.
	if (event.kind === "sessions_ended") return event.detail["operator"] ? "every" : undefined;
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
	await recordSignals(deps, db, event, input.alsoTo);
	await recordWebhookMessages(deps, db, event);
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

/** Words for what is not a method: the password and a trusted device, in the activity catalog. */
const otherWords: Record<string, { noun: MessageKey; signedInWith: MessageKey }> = {
	password: { noun: "activity.word.password", signedInWith: "activity.word.withPassword" },
	trusted_device: { noun: "activity.word.trustedDevice", signedInWith: "activity.word.withTrustedDevice" },
};

/** The registered methods' own words, by name (method copy, in the current language), and how each is answered. */
export type MethodWords = { find(name: string): { answer?: string; copy: { noun: string; signedInWith: string } } | undefined };

/** Why a typed answer was refused, as a code_failed event's `reason`. */
export type CodeFailure = "typo" | "already_used" | "old_list" | "wrong";

/** The errors of a second step's answer that are a failed try, and their reason. Other refusals (too many, expired) are not. */
const failures: Record<string, CodeFailure> = {
	code_typo: "typo",
	code_already_used: "already_used",
	code_replaced: "old_list",
	invalid_code: "wrong",
};

/**
 * A second step's answer failed: recorded as a code_failed event with its reason
 * (never what was typed), for `method` and the step's `purpose`. Written after the
 * answer has gone, outside the attempt's transaction: the refusal rolls that back,
 * and a failed try costs the person who made it no more time than before. No alert:
 * too_many_failed_codes has one. Refusals that are not a wrong answer record nothing.
 */
export function recordFailedTry(deps: FlowDeps, input: { accountId: string; method: string; purpose: string; error: unknown; client: ClientInfo }): void {
	const code = typeof input.error === "object" && input.error !== null ? (input.error as { code?: unknown }).code : undefined;
	const reason = typeof code === "string" ? failures[code] : undefined;
	if (!reason) return;
	const now = deps.clock();
	deps.alerts.later("failed try", async () => {
		await recordEvent(deps, deps.db, { accountId: input.accountId, kind: "code_failed", method: input.method, client: input.client, detail: { reason, purpose: input.purpose } }, now);
	});
}

/**
 * Events that a person could have had done to them without knowing: beside each,
 * the activity offers "This wasn't me". Not those that protect the account
 * (signing out everywhere, a recovery cancelled, access withdrawn) nor an
 * operator's decisions about it.
 */
const disownableKinds: ReadonlySet<EventKind> = new Set<EventKind>([
	"signed_in",
	"backup_code_used",
	"backup_codes_replaced",
	"two_factor_enabled",
	"two_factor_disabled",
	"second_factor_added",
	"second_factor_removed",
	"second_factor_replaced",
	"password_changed",
	"password_reset_requested",
	"code_failed",
	"too_many_failed_codes",
	"device_trusted",
	"recovery_started",
	"recovery_completed",
	"recovery_requested",
	"app_allowed",
]);

export function isDisownable(event: SecurityEvent): boolean {
	return disownableKinds.has(event.kind) && !isOperatorActor(event.actor);
}

/** Events with the line a person reads, in the methods' own words, and whether "This wasn't me" goes beside it. */
export type DescribedEvent = SecurityEvent & { description: string; disownable: boolean };

/**
 * The activity as lines, one per thing that happened: a sign-in with a backup code
 * is recorded as two events (the sign-in, and the code used, with its alert) but
 * read as one line, "Signed in with a backup code (3 left)".
 */
export function describeEvents(events: SecurityEvent[], methods: MethodWords): DescribedEvent[] {
	const moment = (event: SecurityEvent) => `${event.createdAt}|${event.method}`;
	const codesUsed = new Map<string, SecurityEvent>();
	for (const event of events) if (event.kind === "backup_code_used" && event.detail["via"] !== "reset") codesUsed.set(moment(event), event);
	const merged = new Set<SecurityEvent>();
	const lines: DescribedEvent[] = [];
	for (const event of events) {
		let line = event;
		const used = event.kind === "signed_in" ? codesUsed.get(moment(event)) : undefined;
		if (used) {
			merged.add(used);
			line = { ...event, detail: { ...event.detail, remaining: used.detail["remaining"] } };
		}
		lines.push({ ...line, description: describeEvent(line, methods), disownable: isDisownable(line) });
	}
	return lines.filter((line) => ![...merged].some((used) => used.id === line.id));
}

/** One line a person understands, in their language: "Signed in with a backup code (3 left)". */
export function describeEvent(event: SecurityEvent, methods: MethodWords): string {
	const other = event.method ? otherWords[event.method] : undefined;
	const found = event.method && !other ? methods.find(event.method) : undefined;
	const noun = other ? t(other.noun) : (found?.copy.noun ?? event.method ?? undefined);
	const signedInWith = other ? t(other.signedInWith) : (found?.copy.signedInWith ?? event.method ?? undefined);
	const d = event.detail;
	const count = (value: unknown) => (typeof value === "number" ? value : Number(value));
	switch (event.kind) {
		case "signed_in": {
			const remaining = d["remaining"] === undefined ? "none" : "some";
			if (d["stepUp"]) return t("activity.stepUp", { method: signedInWith ?? t("activity.word.secondStep"), remaining, count: count(d["remaining"]) });
			if (!signedInWith) return t(d["newDevice"] ? "activity.signedInNewDevice" : "activity.kind.signed_in");
			return t("activity.signedInWith", { method: signedInWith, newDevice: d["newDevice"] ? "yes" : "no", remaining, count: count(d["remaining"]) });
		}
		case "backup_code_used":
			return t("activity.backupCodeUsed", { via: d["via"] === "reset" ? "reset" : "sign_in", count: count(d["remaining"]) });
		case "second_factor_added":
		case "second_factor_removed": {
			const change = event.kind === "second_factor_added" ? "added" : "removed";
			// Addresses are named as addresses: an email address, not an email code.
			if (event.method === "email" || event.method === "phone") return t("activity.address", { address: event.method, change });
			return capitalise(t("activity.secondStep", { method: noun ?? t("activity.word.secondStep"), change }));
		}
		case "second_factor_replaced":
			return capitalise(t("activity.secondStepReplaced", { method: noun ?? t("activity.word.secondStep") }));
		case "password_changed":
			return t("activity.passwordChanged", { via: d["via"] === "reset" ? "reset" : d["via"] === "secure_account" ? "secure_account" : "change" });
		case "recovery_started":
			return t("activity.recoveryStarted", { via: d["via"] === "operator" || d["via"] === "email" || d["via"] === "phone" ? d["via"] : "other" });
		case "code_failed": {
			const reason = typeof d["reason"] === "string" ? d["reason"] : "wrong";
			const webauthn = found?.answer === "webauthn";
			return t("activity.codeFailed", { method: signedInWith ?? t("activity.word.secondStep"), reason: reason === "wrong" && webauthn ? "not_confirmed" : reason });
		}
		case "app_allowed":
		case "app_access_withdrawn":
		case "app_token_reused": {
			const app = typeof d["app"] === "string" && d["app"] ? d["app"] : undefined;
			const key = { app_allowed: "activity.appAllowed", app_access_withdrawn: "activity.appWithdrawn", app_token_reused: "activity.appTokenReused" } as const;
			return t(key[event.kind], { app: app ?? "", named: app ? "yes" : "no" });
		}
		default: {
			const key = (eventKinds as Record<string, MessageKey>)[event.kind];
			return key ? t(key) : event.kind;
		}
	}
}

/**
 * A device as the reader says it: labels are stored as the browser and system
 * names read from the User-Agent ("Firefox on Windows", deviceLabel); the names
 * stay, the words around them are translated.
 */
export function deviceWords(label: string | null): string | undefined {
	if (!label) return undefined;
	if (label === "Unknown device") return t("activity.device.unknown");
	const [browser, system] = label.split(" on ");
	const name = (part: string) => (part === "Browser" ? t("activity.device.browser") : part === "App" ? t("activity.device.app") : part);
	return system ? t("activity.device.on", { browser: name(browser!), system }) : name(label);
}

function capitalise(text: string): string {
	return text.charAt(0).toUpperCase() + text.slice(1);
}
