import type { Db } from "./db.ts";
import type { RecoveryRequestStatus } from "./schema.ts";

/**
 * Account recoveries (one waiting at a time per account, by a unique index) and
 * the identity checks operators decide (one open at a time per account).
 */

/** The account's waiting recovery, unless it lapsed: its wait ended at `lapsedBefore` or earlier. */
export function readWaitingRecovery(db: Db, accountId: string, lapsedBefore: number) {
	return db
		.selectFrom("account_recoveries")
		.select(["id", "via", "started_at", "ready_at"])
		.where("account_id", "=", accountId)
		.where("status", "=", "waiting")
		.where("ready_at", ">", lapsedBefore)
		.executeTakeFirst();
}

/** Whether the account has a waiting recovery whose wait is over by `now`, lapsed or not. */
export async function recoveryIsReady(db: Db, accountId: string, now: number): Promise<boolean> {
	const row = await db
		.selectFrom("account_recoveries")
		.select("id")
		.where("account_id", "=", accountId)
		.where("status", "=", "waiting")
		.where("ready_at", "<=", now)
		.executeTakeFirst();
	return row !== undefined;
}

/** A waiting recovery whose wait ended at `lapsedBefore` or earlier is cancelled as lapsed. */
export async function endLapsedRecovery(tx: Db, accountId: string, now: number, lapsedBefore: number): Promise<void> {
	await tx
		.updateTable("account_recoveries")
		.set({ status: "cancelled", ended_at: now, ended_by: "lapsed" })
		.where("account_id", "=", accountId)
		.where("status", "=", "waiting")
		.where("ready_at", "<=", lapsedBefore)
		.execute();
}

/** A recovery waiting until `readyAt`. A second waiting one fails on the unique index (isUniqueViolation). */
export async function insertRecovery(tx: Db, recovery: { id: string; accountId: string; via: string; readyAt: number }, now: number): Promise<void> {
	await tx
		.insertInto("account_recoveries")
		.values({
			id: recovery.id,
			account_id: recovery.accountId,
			via: recovery.via,
			status: "waiting",
			started_at: now,
			ready_at: recovery.readyAt,
			ended_at: null,
			ended_by: null,
		})
		.execute();
}

/** Completes the account's recovery whose wait is over and has not lapsed, once: which one, or undefined. */
export function markReadyRecoveryCompleted(tx: Db, accountId: string, now: number, lapsedBefore: number): Promise<{ id: string; via: string } | undefined> {
	return tx
		.updateTable("account_recoveries")
		.set({ status: "completed", ended_at: now, ended_by: "completed" })
		.where("account_id", "=", accountId)
		.where("status", "=", "waiting")
		.where("ready_at", "<=", now)
		.where("ready_at", ">", lapsedBefore)
		.returning(["id", "via"])
		.executeTakeFirst();
}

/** Cancels the account's waiting recovery (only `recoveryId`, when given), once: which one, or undefined. */
export async function markWaitingRecoveryCancelled(
	tx: Db,
	accountId: string,
	by: string,
	now: number,
	recoveryId?: string,
): Promise<{ id: string } | undefined> {
	let update = tx
		.updateTable("account_recoveries")
		.set({ status: "cancelled", ended_at: now, ended_by: by })
		.where("account_id", "=", accountId)
		.where("status", "=", "waiting");
	if (recoveryId) update = update.where("id", "=", recoveryId);
	return update.returning("id").executeTakeFirst();
}

export async function hasOpenRequest(db: Db, accountId: string): Promise<boolean> {
	const open = await db.selectFrom("recovery_requests").select("id").where("account_id", "=", accountId).where("status", "=", "open").executeTakeFirst();
	return open !== undefined;
}

/** An open identity check. A second open one fails on the unique index (isUniqueViolation). */
export async function insertRecoveryRequest(
	tx: Db,
	request: { id: string; accountId: string; message: string; contactsUsed: string; lastSignIn: string; ip: string | null; device: string | null },
	now: number,
): Promise<void> {
	await tx
		.insertInto("recovery_requests")
		.values({
			id: request.id,
			account_id: request.accountId,
			status: "open",
			message: request.message,
			contacts_used: request.contactsUsed,
			last_sign_in: request.lastSignIn,
			ip: request.ip,
			device: request.device,
			created_at: now,
			decided_at: null,
			decided_by: null,
			decision_note: null,
		})
		.execute();
}

/** Decides the open request `id`, once: whose account it was for, or undefined when it is not open. */
export function decideOpenRequest(
	tx: Db,
	id: string,
	decision: { status: "approved" | "denied"; by: string; note: string },
	now: number,
): Promise<{ account_id: string } | undefined> {
	return tx
		.updateTable("recovery_requests")
		.set({ status: decision.status, decided_at: now, decided_by: decision.by, decision_note: decision.note })
		.where("id", "=", id)
		.where("status", "=", "open")
		.returning("account_id")
		.executeTakeFirst();
}

/** The account's open request, if any, is withdrawn by `by`, with `note` saying why. */
export async function withdrawOpenRequest(tx: Db, accountId: string, by: string, note: string, now: number): Promise<void> {
	await tx
		.updateTable("recovery_requests")
		.set({ status: "withdrawn", decided_at: now, decided_by: by, decision_note: note })
		.where("account_id", "=", accountId)
		.where("status", "=", "open")
		.execute();
}

function requestsWithUsernames(db: Db) {
	return db
		.selectFrom("recovery_requests as r")
		.innerJoin("accounts as a", "a.id", "r.account_id")
		.select([
			"r.id",
			"r.account_id",
			"a.username",
			"r.status",
			"r.message",
			"r.contacts_used",
			"r.last_sign_in",
			"r.ip",
			"r.device",
			"r.created_at",
			"r.decided_at",
			"r.decided_by",
			"r.decision_note",
		]);
}

export type RecoveryRequestRow = NonNullable<Awaited<ReturnType<typeof readRecoveryRequest>>>;

/** Identity checks, `status` only when given, oldest first, with their account's username. */
export function listRequestsWithUsernames(db: Db, status?: RecoveryRequestStatus) {
	let query = requestsWithUsernames(db);
	if (status) query = query.where("r.status", "=", status);
	return query.orderBy("r.created_at").execute();
}

export function readRecoveryRequest(db: Db, id: string) {
	return requestsWithUsernames(db).where("r.id", "=", id).executeTakeFirst();
}

/** The account's latest identity check that is no longer open (approved, denied or withdrawn): what became of it, and when it was asked. */
export function readLatestClosedRequest(db: Db, accountId: string) {
	return db
		.selectFrom("recovery_requests")
		.select(["status", "created_at"])
		.where("account_id", "=", accountId)
		.where("status", "!=", "open")
		.orderBy("decided_at", "desc")
		.limit(1)
		.executeTakeFirst();
}
