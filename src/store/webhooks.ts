import { sql } from "kysely";
import type { Db } from "./db.ts";

/**
 * Webhook endpoints, the messages owed to them and every try at sending one.
 * A message is written for each subscribed endpoint by one statement in the
 * transaction of its change; a delivery is claimed by one conditional write.
 */

export interface NewEndpoint {
	id: string;
	url: string;
	events: string | null;
	secretSealed: string;
	now: number;
}

export async function insertEndpoint(db: Db, endpoint: NewEndpoint): Promise<void> {
	await db
		.insertInto("webhook_endpoints")
		.values({ id: endpoint.id, url: endpoint.url, events: endpoint.events, secret_sealed: endpoint.secretSealed, created_at: endpoint.now, updated_at: endpoint.now })
		.execute();
}

export function listEndpoints(db: Db) {
	return db.selectFrom("webhook_endpoints").selectAll().orderBy("created_at").orderBy("id").execute();
}

export function readEndpoint(db: Db, id: string) {
	return db.selectFrom("webhook_endpoints").selectAll().where("id", "=", id).executeTakeFirst();
}

/** The endpoints' secrets, for signing: the current one and, until it expires, the previous one. */
export function readEndpointSecrets(db: Db, ids: readonly string[]) {
	return db
		.selectFrom("webhook_endpoints")
		.select(["id", "url", "secret_sealed", "previous_secret_sealed", "previous_secret_expires_at"])
		.where("id", "in", ids)
		.execute();
}

/** Removes an endpoint with what it was owed and its log. False when there was none. */
export async function deleteEndpoint(db: Db, id: string): Promise<boolean> {
	return db.transaction().execute(async (tx) => {
		const removed = await tx.deleteFrom("webhook_endpoints").where("id", "=", id).executeTakeFirst();
		await tx.deleteFrom("webhook_deliveries").where("endpoint_id", "=", id).execute();
		await tx.deleteFrom("webhook_attempts").where("endpoint_id", "=", id).execute();
		return removed.numDeletedRows === 1n;
	});
}

/**
 * The new secret signs from now on; the current one goes on signing beside it
 * until `previousExpiresAt`. Conditional on the secret still being `currentSealed`
 * (the one read): false when another rotation changed it first.
 */
export async function rotateEndpointSecret(
	db: Db,
	id: string,
	input: { currentSealed: string; secretSealed: string; previousSealed: string; previousExpiresAt: number; now: number },
) {
	const changed = await db
		.updateTable("webhook_endpoints")
		.set({
			secret_sealed: input.secretSealed,
			previous_secret_sealed: input.previousSealed,
			previous_secret_expires_at: input.previousExpiresAt,
			updated_at: input.now,
		})
		.where("id", "=", id)
		.where("secret_sealed", "=", input.currentSealed)
		.executeTakeFirst();
	return changed.numUpdatedRows === 1n;
}

/** A disabled endpoint is owed nothing new; what it is already owed is still sent. False when there is none. */
export async function setEndpointEnabled(db: Db, id: string, enabled: boolean, now: number): Promise<boolean> {
	const changed = await db.updateTable("webhook_endpoints").set({ enabled: enabled ? 1 : 0, updated_at: now }).where("id", "=", id).executeTakeFirst();
	return changed.numUpdatedRows === 1n;
}

/** How many of each endpoint's deliveries are in each state. */
export function countDeliveries(db: Db) {
	return db
		.selectFrom("webhook_deliveries")
		.select(["endpoint_id", "state", (eb) => eb.fn.countAll<number>().as("count")])
		.groupBy(["endpoint_id", "state"])
		.execute();
}

/**
 * Owes the message to every enabled endpoint subscribed to its type, in one
 * statement (in the transaction of the change): with no endpoint it writes
 * nothing and reads one small table. The delivery id is the message id and the
 * endpoint's, so the same message cannot be owed twice to one endpoint. The
 * number of endpoints it is owed to.
 */
export async function insertDeliveries(
	db: Db,
	message: { id: string; type: string; payload: string; now: number; expiresAt: number },
): Promise<number> {
	// "_" matches any character in LIKE: escaped, the type matches only itself.
	const pattern = `%,${message.type.replaceAll("\\", "\\\\").replaceAll("_", "\\_").replaceAll("%", "\\%")},%`;
	const inserted = await db
		.insertInto("webhook_deliveries")
		.columns(["id", "endpoint_id", "message_id", "type", "payload", "due_at", "expires_at", "created_at"])
		.expression((eb) =>
			eb
				.selectFrom("webhook_endpoints")
				.select([
					sql<string>`${`${message.id}.`} || id`.as("id"),
					"id as endpoint_id",
					sql<string>`${message.id}`.as("message_id"),
					sql<string>`${message.type}`.as("type"),
					sql<string>`${message.payload}`.as("payload"),
					sql<number>`cast(${message.now} as bigint)`.as("due_at"),
					sql<number>`cast(${message.expiresAt} as bigint)`.as("expires_at"),
					sql<number>`cast(${message.now} as bigint)`.as("created_at"),
				])
				.where("enabled", "=", 1)
				.where((w) => w.or([w("events", "is", null), sql<boolean>`events like ${pattern} escape '\\'`])),
		)
		.executeTakeFirst();
	return Number(inserted.numInsertedOrUpdatedRows ?? 0n);
}

/** The channel on which PostgreSQL tells an instance, at commit, that a change of its owes messages. */
export const OWED_CHANNEL = "tessera_webhooks";

/** PostgreSQL: in the change's transaction, so it is heard when (and only if) the change commits. */
export async function notifyOwed(db: Db, instanceId: string): Promise<void> {
	await sql`select pg_notify(${OWED_CHANNEL}, ${instanceId})`.execute(db);
}

export const deliveryColumns = ["id", "endpoint_id", "message_id", "type", "payload", "attempts", "expires_at", "created_at"] as const;

/**
 * Claims up to `limit` pending deliveries due by `now` until `until`, counting
 * the try: the update is conditional on each row still being pending and due,
 * so of instances racing for one, exactly one gets it.
 */
export function claimDueDeliveries(db: Db, now: number, until: number, limit: number) {
	const due = db
		.selectFrom("webhook_deliveries")
		.select("id")
		.where("state", "=", "pending")
		.where("due_at", "<=", now)
		.orderBy("due_at")
		.limit(limit);
	return db
		.updateTable("webhook_deliveries")
		.set({ due_at: until, claimed_until: until, attempts: sql<number>`attempts + 1` })
		.where("id", "in", due)
		.where("state", "=", "pending")
		.where("due_at", "<=", now)
		.returning(deliveryColumns)
		.execute();
}

/** Claims one pending, due delivery (a replay, sent at once by the command). */
export function claimDelivery(db: Db, id: string, now: number, until: number) {
	return db
		.updateTable("webhook_deliveries")
		.set({ due_at: until, claimed_until: until, attempts: sql<number>`attempts + 1` })
		.where("id", "=", id)
		.where("state", "=", "pending")
		.where("due_at", "<=", now)
		.returning(deliveryColumns)
		.executeTakeFirst();
}

export async function markDelivered(db: Db, id: string, now: number): Promise<void> {
	await db.updateTable("webhook_deliveries").set({ state: "delivered", due_at: null, claimed_until: null, delivered_at: now }).where("id", "=", id).where("state", "=", "pending").execute();
}

/** A failed try: due again at `dueAt`, unless another instance has claimed it since (its try counts). */
export async function retryDeliveryAt(db: Db, id: string, attempts: number, dueAt: number): Promise<void> {
	await db.updateTable("webhook_deliveries").set({ due_at: dueAt, claimed_until: null }).where("id", "=", id).where("state", "=", "pending").where("attempts", "=", attempts).execute();
}

export async function markGivenUp(db: Db, id: string, attempts: number): Promise<void> {
	await db.updateTable("webhook_deliveries").set({ state: "failed", due_at: null, claimed_until: null }).where("id", "=", id).where("state", "=", "pending").where("attempts", "=", attempts).execute();
}

/**
 * Sends a delivery again (same message id, same body): due now, its tries counted
 * afresh, given a day from now. Conditional on no instance's claim holding it
 * (a try under way), so a replay never sends what an instance is sending. False
 * when one does (or there is no such delivery).
 */
export async function replayDelivery(db: Db, id: string, now: number, expiresAt: number): Promise<boolean> {
	const changed = await db
		.updateTable("webhook_deliveries")
		.set({ state: "pending", attempts: 0, due_at: now, claimed_until: null, expires_at: expiresAt, delivered_at: null })
		.where("id", "=", id)
		.where((w) => w.or([w("claimed_until", "is", null), w("claimed_until", "<=", now)]))
		.executeTakeFirst();
	return changed.numUpdatedRows === 1n;
}

export function readDelivery(db: Db, id: string) {
	return db.selectFrom("webhook_deliveries").selectAll().where("id", "=", id).executeTakeFirst();
}

export async function insertAttempt(
	db: Db,
	attempt: { id: string; deliveryId: string; endpointId: string; at: number; durationMs: number; status: number | null; error: string | null },
): Promise<void> {
	await db
		.insertInto("webhook_attempts")
		.values({
			id: attempt.id,
			delivery_id: attempt.deliveryId,
			endpoint_id: attempt.endpointId,
			attempted_at: attempt.at,
			duration_ms: attempt.durationMs,
			status: attempt.status,
			error: attempt.error,
		})
		.execute();
}

/** An endpoint's log: its tries, newest first, with the message each was for. */
export function listAttempts(db: Db, endpointId: string, limit: number) {
	return db
		.selectFrom("webhook_attempts as a")
		.leftJoin("webhook_deliveries as d", "d.id", "a.delivery_id")
		.select(["a.id", "a.delivery_id", "a.attempted_at", "a.duration_ms", "a.status", "a.error", "d.message_id", "d.type", "d.state"])
		.where("a.endpoint_id", "=", endpointId)
		.orderBy("a.attempted_at", "desc")
		.orderBy("a.id", "desc")
		.limit(limit)
		.execute();
}

/** Forgets deliveries done (sent or given up) before `before`, and tries made before it. */
export async function pruneDeliveries(db: Db, before: number): Promise<void> {
	await db.deleteFrom("webhook_deliveries").where("state", "!=", "pending").where("created_at", "<", before).execute();
	await db.deleteFrom("webhook_attempts").where("attempted_at", "<", before).execute();
}
