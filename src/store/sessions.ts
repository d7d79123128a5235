import type { Db } from "./db.ts";
import { type Account, accountColumns } from "./schema.ts";

export async function insertSession(
	tx: Db,
	session: {
		id: string;
		tokenHash: string;
		accountId: string;
		expiresAt: number;
		ip: string | null;
		userAgent: string | null;
		/** The factors it was signed in with (JSON), and the time of the latest. */
		authentication: string;
		authenticatedAt: number;
	},
	now: number,
): Promise<void> {
	await tx
		.insertInto("sessions")
		.values({
			id: session.id,
			token_hash: session.tokenHash,
			account_id: session.accountId,
			created_at: now,
			last_seen_at: now,
			expires_at: session.expiresAt,
			ip: session.ip,
			user_agent: session.userAgent,
			authentication: session.authentication,
			authenticated_at: session.authenticatedAt,
		})
		.execute();
}

/** A session's account, factors (JSON, null from before they were recorded) and when it was made; undefined when it has ended. */
export function readSessionAuthentication(tx: Db, sessionId: string) {
	return tx.selectFrom("sessions").select(["account_id", "authentication", "created_at"]).where("id", "=", sessionId).executeTakeFirst();
}

/**
 * Replaces a session's factors, if they are still `previous` (a conditional write: a
 * step-up recorded meanwhile is never lost); false when they changed or the session ended.
 */
export async function replaceSessionAuthentication(
	tx: Db,
	sessionId: string,
	previous: string | null,
	authentication: { json: string; at: number },
): Promise<boolean> {
	let update = tx.updateTable("sessions").set({ authentication: authentication.json, authenticated_at: authentication.at }).where("id", "=", sessionId);
	update = previous === null ? update.where("authentication", "is", null) : update.where("authentication", "=", previous);
	const result = await update.executeTakeFirst();
	return result.numUpdatedRows === 1n;
}

/** Ends the account's sessions but its `newest` most recent. */
export async function endSessionsBeyond(tx: Db, accountId: string, newest: number): Promise<void> {
	await tx
		.deleteFrom("sessions")
		.where("account_id", "=", accountId)
		.where("id", "not in", (eb) =>
			eb.selectFrom("sessions").select("id").where("account_id", "=", accountId).orderBy("created_at", "desc").orderBy("id").limit(newest),
		)
		.execute();
}

export type SessionWithAccount = Account & {
	session_id: string;
	last_seen_at: number;
	expires_at: number;
	session_created_at: number;
	authentication: string | null;
};

/** The session behind a token's hash, with its factors and every column of its account: one statement per request. */
export function readSessionWithAccount(db: Db, tokenHash: string): Promise<SessionWithAccount | undefined> {
	return db
		.selectFrom("sessions as s")
		.innerJoin("accounts as a", "a.id", "s.account_id")
		.select([
			"s.id as session_id",
			"s.last_seen_at",
			"s.expires_at",
			"s.created_at as session_created_at",
			"s.authentication",
			...accountColumns.map((column) => `a.${column}` as const),
		])
		.where("s.token_hash", "=", tokenHash)
		.executeTakeFirst();
}

export async function touchSession(db: Db, id: string, now: number): Promise<void> {
	await db.updateTable("sessions").set({ last_seen_at: now }).where("id", "=", id).execute();
}

export async function endSessionById(db: Db, id: string): Promise<void> {
	await db.deleteFrom("sessions").where("id", "=", id).execute();
}

export async function endSessionByTokenHash(db: Db, tokenHash: string): Promise<void> {
	await db.deleteFrom("sessions").where("token_hash", "=", tokenHash).execute();
}

/** Ends every session of the account, but `keep` when given. */
export async function endSessions(tx: Db, accountId: string, options: { keep?: string | undefined } = {}): Promise<void> {
	let sessions = tx.deleteFrom("sessions").where("account_id", "=", accountId);
	if (options.keep) sessions = sessions.where("id", "!=", options.keep);
	await sessions.execute();
}

/** Sessions of the account past neither lifetime: not expired, and seen since `idleSince`. */
export async function countLiveSessions(db: Db, accountId: string, now: number, idleSince: number): Promise<number> {
	const row = await db
		.selectFrom("sessions")
		.select((eb) => eb.fn.countAll().as("n"))
		.where("account_id", "=", accountId)
		.where("expires_at", ">", now)
		.where("last_seen_at", ">", idleSince)
		.executeTakeFirstOrThrow();
	return Number(row.n);
}

/** Ends every session expired by `now` or not seen since `idleSince`. */
export async function pruneSessions(db: Db, now: number, idleSince: number): Promise<void> {
	await db
		.deleteFrom("sessions")
		.where((eb) => eb.or([eb("expires_at", "<=", now), eb("last_seen_at", "<=", idleSince)]))
		.execute();
}
