import type { Db } from "./db.ts";

/** True when a write failed on a UNIQUE constraint, in SQLite or PostgreSQL. */
export function isUniqueViolation(error: unknown): boolean {
	if (typeof error !== "object" || error === null) return false;
	const e = error as { code?: unknown; errcode?: unknown; message?: unknown };
	if (e.code === "23505") return true; // PostgreSQL unique_violation
	if (e.errcode === 2067 || e.errcode === 1555) return true; // SQLITE_CONSTRAINT_UNIQUE / _PRIMARYKEY
	return typeof e.message === "string" && e.message.includes("UNIQUE constraint failed");
}

/**
 * Takes the account's row lock for the rest of the transaction (a no-op write,
 * which both databases lock). Every transaction that changes an account's
 * second factors takes it first, so they run one after another per account and
 * never wait on each other in a cycle.
 */
export async function lockAccount(tx: Db, accountId: string): Promise<void> {
	await tx.updateTable("accounts").set((eb) => ({ updated_at: eb.ref("updated_at") })).where("id", "=", accountId).execute();
}
