import { sql } from "kysely";
import type { Db } from "./db.ts";
import { type Account, accountColumns, type ContactKind } from "./schema.ts";

/**
 * What the operator console reads about people: finding an account by a
 * username, an address or a number, and the lists on a person's page.
 */

/** A line of the console's search results. */
export interface PersonRow {
	id: string;
	username: string;
	role: string;
	locked_at: number | null;
	two_factor_enabled: number;
	two_factor_required: number;
}

const personColumns = ["a.id", "a.username", "a.role", "a.locked_at", "a.two_factor_enabled", "a.two_factor_required"] as const;

/** Accounts with this exact address or number (canonical), verified or not, by username. At most `limit`. */
export function findPeopleByContact(db: Db, kind: ContactKind, value: string, limit: number): Promise<(PersonRow & { verified_at: number | null })[]> {
	return db
		.selectFrom("contacts as c")
		.innerJoin("accounts as a", "a.id", "c.account_id")
		.select([...personColumns, "c.verified_at"])
		.where("c.kind", "=", kind)
		.where("c.value", "=", value)
		.orderBy("a.username")
		.limit(limit)
		.execute();
}

/**
 * The username that sorts, byte by byte, right after every username beginning
 * with `prefix`: its last character one higher ("ab" -> "ac", "a_" -> "a`").
 * Usernames are ASCII ([a-z0-9._], core/username.ts), so this stays ASCII.
 */
export function prefixSuccessor(prefix: string): string {
	return prefix.slice(0, -1) + String.fromCharCode(prefix.charCodeAt(prefix.length - 1) + 1);
}

/**
 * The search by username's beginning, as a query: a range of the username index
 * in byte order (`>= prefix`, `< prefixSuccessor(prefix)`), so only the matching
 * names are read, never the whole index; LIKE stays as a filter (its own
 * wildcards, `_`, taken literally). On PostgreSQL the range reads the "C"
 * collation's index (migration 019), whatever the database's collation.
 */
export function usernamePrefixQuery(db: Db, kind: "sqlite" | "postgres", prefix: string, after: string | undefined, limit: number) {
	if (!/^[a-z0-9._]+$/.test(prefix)) throw new Error("A username prefix is canonical: [a-z0-9._], at least one character");
	const pattern = `${prefix.replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`;
	const bytes = kind === "postgres" ? sql`a.username collate "C"` : sql`a.username`;
	let query = db
		.selectFrom("accounts as a")
		.select([...personColumns])
		.where(sql<boolean>`${bytes} >= ${prefix}`)
		.where(sql<boolean>`${bytes} < ${prefixSuccessor(prefix)}`)
		.where(sql<boolean>`a.username like ${pattern} escape '\\'`);
	if (after !== undefined) query = query.where("a.username", ">", after);
	return query.orderBy("a.username").limit(limit);
}

/**
 * Accounts whose username starts with `prefix` (canonical: lower case), by
 * username, after `after` when given (the last one of the page before), at most
 * `limit`: read from a range of the username index (`usernamePrefixQuery`).
 */
export function findPeopleByUsernamePrefix(db: Db, kind: "sqlite" | "postgres", prefix: string, after: string | undefined, limit: number): Promise<PersonRow[]> {
	return usernamePrefixQuery(db, kind, prefix, after, limit).execute();
}

/** The account's live sessions (not ended, not expired, not idle since `idleSince`), the one seen last first. */
export function listLiveSessions(db: Db, accountId: string, now: number, idleSince: number) {
	return db
		.selectFrom("sessions")
		.select(["id", "created_at", "last_seen_at", "ip", "user_agent"])
		.where("account_id", "=", accountId)
		.where("expires_at", ">", now)
		.where("last_seen_at", ">", idleSince)
		.orderBy("last_seen_at", "desc")
		.limit(100)
		.execute();
}

/** The account's open identity check, if any. */
export function readOpenRequestId(db: Db, accountId: string): Promise<{ id: string } | undefined> {
	return db.selectFrom("recovery_requests").select("id").where("account_id", "=", accountId).where("status", "=", "open").executeTakeFirst();
}

/** The account `id`, every column, or undefined when there is none. */
export function findAccountById(db: Db, id: string): Promise<Account | undefined> {
	return db.selectFrom("accounts").select(accountColumns).where("id", "=", id).executeTakeFirst();
}
