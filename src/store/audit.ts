import type { Db } from "./db.ts";

/**
 * The audit log as the console reads it: security events, filtered, newest
 * first, a page at a time by keyset (the last row's time and id), never by
 * OFFSET, so a page costs the same however far back it is and an event
 * recorded meanwhile neither repeats nor hides a row.
 *
 * Which index answers: a person named walks security_events_account
 * (account_id, created_at); a kind, security_events_kind (kind, created_at);
 * otherwise security_events_time (created_at). The actor is a filter on the
 * rows those walk: operators' events are few, so a page of them may read many
 * rows of a busy log, and the time range bounds that walk.
 */

export type ActorGroup = "person" | "system" | "operator";

export interface AuditFilter {
	accountId?: string | undefined;
	kind?: string | undefined;
	actor?: ActorGroup | undefined;
	/** From this moment on (ms, inclusive). */
	from?: number | undefined;
	/** Before this moment (ms, exclusive). */
	to?: number | undefined;
}

/** A row's place in the order: its time and id. */
export interface AuditKey {
	at: number;
	id: string;
}

/**
 * One page of events matching `filter`: newest first, older than `before`
 * when given; or, with `after`, the page of those just newer than it, still
 * newest first. Each with its account's username (null once the account is gone).
 */
export async function listAuditPage(db: Db, filter: AuditFilter, position: { before?: AuditKey | undefined; after?: AuditKey | undefined }, limit: number) {
	let query = db
		.selectFrom("security_events as e")
		.leftJoin("accounts as a", "a.id", "e.account_id")
		.select(["e.id", "e.account_id", "e.kind", "e.method", "e.actor", "e.ip", "e.device", "e.detail", "e.created_at", "a.username"]);
	if (filter.accountId !== undefined) query = query.where("e.account_id", "=", filter.accountId);
	if (filter.kind !== undefined) query = query.where("e.kind", "=", filter.kind);
	if (filter.actor === "person" || filter.actor === "system") query = query.where("e.actor", "=", filter.actor);
	// Anyone else is an operator (core/actors.ts): "operator:<name>" at the command line, "<role>:<username>" in the console.
	if (filter.actor === "operator") query = query.where("e.actor", "not in", ["person", "system"]);
	if (filter.from !== undefined) query = query.where("e.created_at", ">=", filter.from);
	if (filter.to !== undefined) query = query.where("e.created_at", "<", filter.to);
	const { before, after } = position;
	if (after) {
		const { at, id } = after;
		query = query.where((eb) => eb.or([eb("e.created_at", ">", at), eb.and([eb("e.created_at", "=", at), eb("e.id", ">", id)])]));
		const rows = await query.orderBy("e.created_at").orderBy("e.id").limit(limit).execute();
		return rows.reverse();
	}
	if (before) {
		const { at, id } = before;
		query = query.where((eb) => eb.or([eb("e.created_at", "<", at), eb.and([eb("e.created_at", "=", at), eb("e.id", "<", id)])]));
	}
	return query.orderBy("e.created_at", "desc").orderBy("e.id", "desc").limit(limit).execute();
}

export type AuditRow = Awaited<ReturnType<typeof listAuditPage>>[number];

