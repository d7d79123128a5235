import { sql } from "kysely";
import type { Db } from "./db.ts";
import type { SsfSetsTable, SsfStreamsTable } from "./schema.ts";

/**
 * Shared Signals streams and the Security Event Tokens owed on them. A SET is
 * written in the transaction of the change it describes (`recordSets`, one
 * statement), claimed by one conditional write before it is pushed, and kept
 * until it is delivered, acknowledged, refused or given up.
 */

export const PUSH = "urn:ietf:rfc:8935";
export const POLL = "urn:ietf:rfc:8936";

export type StreamRow = Omit<SsfStreamsTable, "status_by" | "endpoint_by"> & { status_by: "operator" | "receiver"; endpoint_by: "operator" | "receiver" };
export type SetRow = Omit<SsfSetsTable, "attempts"> & { attempts: number };

const streamColumns = [
	"id",
	"audience",
	"description",
	"delivery_method",
	"endpoint_url",
	"endpoint_by",
	"authorization_sealed",
	"events_requested",
	"events_delivered",
	"status",
	"status_reason",
	"status_by",
	"token_hash",
	"verified_at",
	"created_at",
	"updated_at",
] as const;

const setColumns = ["jti", "stream_id", "txn", "account_id", "event_type", "subject", "event", "created_at", "state", "due_at", "attempts", "last_error", "settled_at"] as const;

export async function insertStream(db: Db, stream: StreamRow): Promise<void> {
	await db.insertInto("ssf_streams").values(stream).execute();
}

export function readStream(db: Db, id: string): Promise<StreamRow | undefined> {
	return db.selectFrom("ssf_streams").select(streamColumns).where("id", "=", id).executeTakeFirst();
}

export function readStreamByTokenHash(db: Db, tokenHash: string): Promise<StreamRow | undefined> {
	return db.selectFrom("ssf_streams").select(streamColumns).where("token_hash", "=", tokenHash).executeTakeFirst();
}

export function listStreams(db: Db): Promise<StreamRow[]> {
	return db.selectFrom("ssf_streams").select(streamColumns).orderBy("created_at").orderBy("id").execute();
}

export async function updateStream(
	db: Db,
	id: string,
	changes: Partial<Pick<StreamRow, "description" | "endpoint_url" | "endpoint_by" | "authorization_sealed" | "events_requested" | "events_delivered" | "token_hash">>,
	now: number,
): Promise<void> {
	await db
		.updateTable("ssf_streams")
		.set({ ...changes, updated_at: now })
		.where("id", "=", id)
		.execute();
}

/**
 * Sets the status, in a transaction, unless `allowed` says no to what it was;
 * returns what it was (status and who set it), or undefined when there is no such stream.
 */
export async function setStreamStatus(
	db: Db,
	id: string,
	change: { status: StreamRow["status"]; reason: string | null; by: StreamRow["status_by"]; now: number },
	allowed: (before: Pick<StreamRow, "status" | "status_by">) => boolean,
): Promise<Pick<StreamRow, "status" | "status_by"> | undefined> {
	// A no-op write first: the row is locked (in the caller's transaction) before it is read.
	await db.updateTable("ssf_streams").set((eb) => ({ updated_at: eb.ref("updated_at") })).where("id", "=", id).execute();
	const before = (await db.selectFrom("ssf_streams").select(["status", "status_by"]).where("id", "=", id).executeTakeFirst()) as Pick<StreamRow, "status" | "status_by"> | undefined;
	if (!before) return undefined;
	if (!allowed(before)) return before;
	await db.updateTable("ssf_streams").set({ status: change.status, status_reason: change.reason, status_by: change.by, updated_at: change.now }).where("id", "=", id).execute();
	return before;
}

/**
 * Claims the stream's verification for `now` when the last one is at least
 * `intervalMs` old: one conditional write, so two requests at once make one.
 */
export async function claimVerification(db: Db, id: string, now: number, intervalMs: number): Promise<boolean> {
	const result = await db
		.updateTable("ssf_streams")
		.set({ verified_at: now })
		.where("id", "=", id)
		.where((eb) => eb.or([eb("verified_at", "is", null), eb("verified_at", "<=", now - intervalMs)]))
		.executeTakeFirst();
	return Number(result.numUpdatedRows) === 1;
}

/**
 * Deletes the stream, then its SETs, in one transaction: the stream row first, so
 * a change committing meanwhile either waits for it or finds no stream to owe.
 */
export async function deleteStream(db: Db, id: string): Promise<boolean> {
	return db.transaction().execute(async (tx) => {
		const result = await tx.deleteFrom("ssf_streams").where("id", "=", id).executeTakeFirst();
		if (Number(result.numDeletedRows) !== 1) return false;
		await tx.deleteFrom("ssf_sets").where("stream_id", "=", id).execute();
		return true;
	});
}

/** One SET type a security event gives, before it is known which streams want it. */
export interface OwedSet {
	/** Distinguishes the SETs of one event: part of each jti. */
	n: number;
	eventType: string;
	subject: string;
	event: string;
}

/**
 * Writes, in one statement, a SET of each type for every stream that is not
 * disabled and delivers that type. Its jti is the event's id, the type's number
 * and the stream's id: the same across retries, unique per receiver. A push SET is
 * due at once; a poll SET waits to be fetched. With no stream, nothing is written.
 * Returns how many were.
 */
export async function recordSets(db: Db, input: { eventId: string; accountId: string | null; now: number; sets: OwedSet[] }): Promise<number> {
	if (input.sets.length === 0) return 0;
	const { eventId, accountId, now } = input;
	const selects = input.sets.map((set) =>
		db
			.selectFrom("ssf_streams as s")
			.select([
				sql<string>`cast(${`${eventId}.${set.n}.`} as text) || s.id`.as("jti"),
				"s.id as stream_id",
				sql<string>`cast(${eventId} as text)`.as("txn"),
				sql<string | null>`cast(${accountId} as text)`.as("account_id"),
				sql<string>`cast(${set.eventType} as text)`.as("event_type"),
				sql<string>`cast(${set.subject} as text)`.as("subject"),
				sql<string>`cast(${set.event} as text)`.as("event"),
				sql<number>`cast(${now} as bigint)`.as("created_at"),
				sql<string>`cast('pending' as text)`.as("state"),
				sql<number | null>`case when s.delivery_method = ${PUSH} then cast(${now} as bigint) else null end`.as("due_at"),
			])
			.where("s.status", "<>", "disabled")
			.where("s.events_delivered", "like", `%"${set.eventType}"%`),
	);
	let query = selects[0]!;
	for (const next of selects.slice(1)) query = query.unionAll(next);
	const result = await db
		.insertInto("ssf_sets")
		.columns(["jti", "stream_id", "txn", "account_id", "event_type", "subject", "event", "created_at", "state", "due_at"])
		.expression(query)
		.executeTakeFirst();
	return Number(result.numInsertedOrUpdatedRows ?? 0);
}

/** A SET for one stream only (verification, stream updated), whatever the events it delivers. */
export async function insertSet(db: Db, set: { jti: string; streamId: string; eventType: string; subject: string; event: string; now: number; push: boolean }): Promise<void> {
	await db
		.insertInto("ssf_sets")
		.values({
			jti: set.jti,
			stream_id: set.streamId,
			txn: null,
			account_id: null,
			event_type: set.eventType,
			subject: set.subject,
			event: set.event,
			created_at: set.now,
			state: "pending",
			due_at: set.push ? set.now : null,
			last_error: null,
			settled_at: null,
		})
		.execute();
}

/** SETs of these types are sent whatever the stream's status: they tell the receiver of the status itself. */
export const STREAM_UPDATED = "https://schemas.openid.net/secevent/ssf/event-type/stream-updated";

/**
 * Pushes due by `now` on streams that are enabled (a stream-updated SET goes
 * whatever the status), the longest due first, claimed until `now + leaseMs` in
 * one statement that counts the try: one instance sends each. On PostgreSQL rows
 * another instance is claiming are skipped, so instances take different batches
 * instead of contending for the same one.
 */
export async function claimDuePushes(db: Db, kind: "sqlite" | "postgres", now: number, leaseMs: number, limit: number, skipStreams: readonly string[] = []): Promise<SetRow[]> {
	let due = db
		.selectFrom("ssf_sets as t")
		.innerJoin("ssf_streams as s", "s.id", "t.stream_id")
		.select("t.jti")
		.where("t.state", "=", "pending")
		.where("t.due_at", "<=", now)
		.where("s.delivery_method", "=", PUSH)
		.where((eb) => eb.or([eb("s.status", "=", "enabled"), eb("t.event_type", "=", STREAM_UPDATED)]))
		.orderBy("t.due_at")
		.limit(limit);
	// Streams this instance is sending on already: their next SETs wait for those to finish.
	if (skipStreams.length) due = due.where("t.stream_id", "not in", skipStreams);
	if (kind === "postgres") due = due.forUpdate("t").skipLocked();
	const claimed = await db
		.updateTable("ssf_sets")
		.set({ due_at: now + leaseMs, attempts: sql<number>`attempts + 1` })
		.where("jti", "in", due)
		.where("state", "=", "pending")
		.where("due_at", "<=", now)
		.returning(setColumns)
		.execute();
	return (claimed as SetRow[]).sort((a, b) => Number(a.created_at) - Number(b.created_at) || (a.jti < b.jti ? -1 : 1));
}

/**
 * Settles a push this instance claimed: only while the claim is still its own
 * (`attempts` as claimed; another instance that took it after the lease counted
 * one more). Returns whether it did.
 */
export async function settleSet(db: Db, jti: string, attempts: number, state: "delivered" | "failed", now: number, error: string | null): Promise<boolean> {
	const result = await db
		.updateTable("ssf_sets")
		.set({ state, due_at: null, settled_at: now, last_error: error })
		.where("jti", "=", jti)
		.where("state", "=", "pending")
		.where("attempts", "=", attempts)
		.executeTakeFirst();
	return Number(result.numUpdatedRows) === 1;
}

/** Sets a claimed push to be tried again at `dueAt`, while the claim is still its own (as settleSet). */
export async function retrySetAt(db: Db, jti: string, attempts: number, dueAt: number, error: string): Promise<boolean> {
	const result = await db.updateTable("ssf_sets").set({ due_at: dueAt, last_error: error }).where("jti", "=", jti).where("state", "=", "pending").where("attempts", "=", attempts).executeTakeFirst();
	return Number(result.numUpdatedRows) === 1;
}

/** The stream's pending SETs a poll may return (all when enabled, stream-updated ones otherwise), oldest first. */
export function listPendingSets(db: Db, streamId: string, enabled: boolean, limit: number): Promise<SetRow[]> {
	let query = db.selectFrom("ssf_sets").select(setColumns).where("stream_id", "=", streamId).where("state", "=", "pending");
	if (!enabled) query = query.where("event_type", "=", STREAM_UPDATED);
	return query.orderBy("created_at").orderBy("jti").limit(limit).execute() as Promise<SetRow[]>;
}

/** Settles the stream's pending SETs with these ids; returns how many were. */
export async function settleStreamSets(db: Db, streamId: string, jtis: string[], state: "acknowledged" | "failed", now: number, error: string | null): Promise<number> {
	if (jtis.length === 0) return 0;
	const result = await db
		.updateTable("ssf_sets")
		.set({ state, due_at: null, settled_at: now, last_error: error })
		.where("stream_id", "=", streamId)
		.where("jti", "in", jtis)
		.where("state", "=", "pending")
		.executeTakeFirst();
	return Number(result.numUpdatedRows);
}

/** A disabled stream holds nothing: its pending SETs go (but the stream-updated one telling it so). */
export async function dropPendingSets(db: Db, streamId: string): Promise<void> {
	await db.deleteFrom("ssf_sets").where("stream_id", "=", streamId).where("state", "=", "pending").where("event_type", "<>", STREAM_UPDATED).execute();
}

/** Push SETs still pending that were made before `before`: given up. Returns how many. */
export async function giveUpPushesBefore(db: Db, before: number, now: number): Promise<number> {
	const result = await db
		.updateTable("ssf_sets")
		.set({ state: "failed", due_at: null, settled_at: now, last_error: "given up: not delivered within a day" })
		.where("state", "=", "pending")
		.where("due_at", "is not", null)
		.where("created_at", "<", before)
		.executeTakeFirst();
	return Number(result.numUpdatedRows);
}

/** Settled SETs older than `before` are forgotten, and so are SETs whose stream is gone. Returns how many orphans went. */
export async function pruneSettledSets(db: Db, before: number): Promise<number> {
	await db.deleteFrom("ssf_sets").where("state", "<>", "pending").where("settled_at", "<", before).execute();
	const orphans = await db
		.deleteFrom("ssf_sets")
		.where(({ not, exists, selectFrom }) => not(exists(selectFrom("ssf_streams as s").select("s.id").whereRef("s.id", "=", "ssf_sets.stream_id"))))
		.executeTakeFirst();
	return Number(orphans.numDeletedRows);
}

/** Poll SETs still pending that were made before `before`: expired, deleted unread. Returns how many. */
export async function expirePollSetsBefore(db: Db, before: number): Promise<number> {
	const result = await db.deleteFrom("ssf_sets").where("state", "=", "pending").where("due_at", "is", null).where("created_at", "<", before).executeTakeFirst();
	return Number(result.numDeletedRows);
}

/** The stream's SETs, newest first: what the operator reads with `tessera ssf log`. */
export function listStreamSets(db: Db, streamId: string, limit: number): Promise<SetRow[]> {
	return db.selectFrom("ssf_sets").select(setColumns).where("stream_id", "=", streamId).orderBy("created_at", "desc").orderBy("jti", "desc").limit(limit).execute() as Promise<SetRow[]>;
}
