import { sql } from "kysely";
import type { Db } from "./db.ts";

/**
 * Security events, and the alerts owed for them: an event that needs one is
 * written "pending" in the transaction of its change, and the alert is claimed,
 * sent and marked here.
 */

export const eventColumns = ["id", "account_id", "kind", "method", "actor", "ip", "device", "detail", "created_at"] as const;

export async function insertEvent(
	db: Db,
	event: {
		id: string;
		accountId: string;
		kind: string;
		method: string | null;
		actor: string;
		ip: string | null;
		network: string | null;
		device: string | null;
		/** JSON, or null when there is nothing to say. */
		detail: string | null;
		createdAt: number;
	},
	/** When an alert is owed: due at once, and to these former addresses too (JSON) or none. */
	alert: { alsoTo: string | null } | undefined,
): Promise<void> {
	await db
		.insertInto("security_events")
		.values({
			id: event.id,
			account_id: event.accountId,
			kind: event.kind,
			method: event.method,
			actor: event.actor,
			ip: event.ip,
			network: event.network,
			device: event.device,
			detail: event.detail,
			created_at: event.createdAt,
			...(alert ? { alert_state: "pending" as const, alert_due_at: event.createdAt, alert_also_to: alert.alsoTo } : {}),
		})
		.execute();
}

/** Whether the account has an event of `kind` recorded after `since`. */
export async function hasEventSince(db: Db, accountId: string, kind: string, since: number): Promise<boolean> {
	const recent = await db
		.selectFrom("security_events")
		.select("id")
		.where("account_id", "=", accountId)
		.where("kind", "=", kind)
		.where("created_at", ">", since)
		.executeTakeFirst();
	return recent !== undefined;
}

/** Whether this device, from this network, signed up or in to the account after `since`. */
export async function hasSignedInFrom(db: Db, accountId: string, from: { device: string; network: string }, since: number): Promise<boolean> {
	const seen = await db
		.selectFrom("security_events")
		.select("id")
		.where("account_id", "=", accountId)
		.where("kind", "in", ["signed_in", "signed_up"])
		.where("device", "=", from.device)
		.where("network", "=", from.network)
		.where("created_at", ">", since)
		.limit(1)
		.executeTakeFirst();
	return seen !== undefined;
}

/** The account's events after `since`, newest first, at most `limit`. */
export function listAccountEvents(db: Db, accountId: string, since: number, limit: number) {
	return db
		.selectFrom("security_events")
		.select(eventColumns)
		.where("account_id", "=", accountId)
		.where("created_at", ">", since)
		.orderBy("created_at", "desc")
		.orderBy("id", "desc")
		.limit(limit)
		.execute();
}

/** One page of every event from `since` on, oldest first, after the event `after` when given. */
export function listEventsPage(db: Db, since: number, after: { at: number; id: string } | undefined, pageSize: number) {
	let query = db.selectFrom("security_events").select(eventColumns).where("created_at", ">=", since);
	if (after) {
		const { at, id } = after;
		query = query.where((eb) => eb.or([eb("created_at", ">", at), eb.and([eb("created_at", "=", at), eb("id", ">", id)])]));
	}
	return query.orderBy("created_at").orderBy("id").limit(pageSize).execute();
}

/** When the account last signed in, if ever. */
export async function readLastSignInAt(db: Db, accountId: string): Promise<number | undefined> {
	const row = await db
		.selectFrom("security_events")
		.select("created_at")
		.where("account_id", "=", accountId)
		.where("kind", "=", "signed_in")
		.orderBy("created_at", "desc")
		.executeTakeFirst();
	return row ? Number(row.created_at) : undefined;
}

/** Events whose alert is pending and due by `now`, the longest due first. */
export function listDueAlerts(db: Db, now: number, limit: number) {
	return db
		.selectFrom("security_events")
		.select("id")
		.where("alert_state", "=", "pending")
		.where("alert_due_at", "<=", now)
		.orderBy("alert_due_at")
		.limit(limit)
		.execute();
}

/**
 * Claims the pending, due alert of event `id` until `until`, counting the try:
 * one conditional write, so one instance at a time sends it. The event, or
 * undefined when it is not pending or not due.
 */
export function claimDueAlert(db: Db, id: string, now: number, until: number) {
	return db
		.updateTable("security_events")
		.set({ alert_due_at: until, alert_attempts: sql<number>`alert_attempts + 1` })
		.where("id", "=", id)
		.where("alert_state", "=", "pending")
		.where("alert_due_at", "<=", now)
		.returning([...eventColumns, "alert_attempts", "alert_also_to"])
		.executeTakeFirst();
}

export async function retryAlertAt(db: Db, id: string, dueAt: number): Promise<void> {
	await db.updateTable("security_events").set({ alert_due_at: dueAt }).where("id", "=", id).execute();
}

export async function markAlertFailed(db: Db, id: string): Promise<void> {
	await db.updateTable("security_events").set({ alert_state: "failed", alert_due_at: null }).where("id", "=", id).execute();
}

export async function markAlertSent(db: Db, id: string): Promise<void> {
	await db.updateTable("security_events").set({ alert_state: "sent", alert_due_at: null }).where("id", "=", id).execute();
}
