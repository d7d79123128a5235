/** True when a write failed on a UNIQUE constraint, in SQLite or PostgreSQL. */
export function isUniqueViolation(error: unknown): boolean {
	if (typeof error !== "object" || error === null) return false;
	const e = error as { code?: unknown; errcode?: unknown; message?: unknown };
	if (e.code === "23505") return true; // PostgreSQL unique_violation
	if (e.errcode === 2067 || e.errcode === 1555) return true; // SQLITE_CONSTRAINT_UNIQUE / _PRIMARYKEY
	return typeof e.message === "string" && e.message.includes("UNIQUE constraint failed");
}

// The account's lock belongs to the accounts; it is also imported from here, by the methods among others.
export { lockAccount } from "./accounts.ts";
