import type { Db } from "./db.ts";
import { type Account, accountColumns } from "./schema.ts";

/**
 * Takes the account's row lock for the rest of the transaction (a no-op write,
 * which both databases lock). Every transaction that changes an account's
 * second factors takes it first, so they run one after another per account and
 * never wait on each other in a cycle.
 */
export async function lockAccount(tx: Db, accountId: string): Promise<void> {
	await tx.updateTable("accounts").set((eb) => ({ updated_at: eb.ref("updated_at") })).where("id", "=", accountId).execute();
}

/** The account `id`, every column; in `db` or in a transaction. Throws when there is none. */
export function readAccountById(db: Db, id: string): Promise<Account> {
	return db.selectFrom("accounts").select(accountColumns).where("id", "=", id).executeTakeFirstOrThrow();
}

/** The account with this canonical username, every column. */
export function readAccountByUsername(db: Db, username: string): Promise<Account | undefined> {
	return db.selectFrom("accounts").select(accountColumns).where("username", "=", username).executeTakeFirst();
}

/** The account whose verified email address this is, every column. */
export function readAccountByVerifiedEmail(db: Db, email: string): Promise<Account | undefined> {
	return db
		.selectFrom("accounts")
		.innerJoin("contacts", "contacts.account_id", "accounts.id")
		.select(accountColumns.map((column) => `accounts.${column}` as const))
		.where("contacts.kind", "=", "email")
		.where("contacts.value", "=", email)
		.where("contacts.verified_at", "is not", null)
		.executeTakeFirst();
}

export async function usernameTaken(db: Db, username: string): Promise<boolean> {
	return (await db.selectFrom("accounts").select("id").where("username", "=", username).executeTakeFirst()) !== undefined;
}

export async function readUsername(db: Db, id: string): Promise<string | undefined> {
	return (await db.selectFrom("accounts").select("username").where("id", "=", id).executeTakeFirst())?.username;
}

/** A new account, two-factor off. A taken username fails on the unique index (isUniqueViolation). */
export async function insertAccount(
	tx: Db,
	account: { id: string; username: string; email: string | null; passwordHash: string; language?: string | undefined; timeZone?: string | undefined },
	now: number,
): Promise<void> {
	await tx
		.insertInto("accounts")
		.values({
			id: account.id,
			username: account.username,
			email: account.email,
			password_hash: account.passwordHash,
			two_factor_enabled: 0,
			preferred_method: null,
			language: account.language ?? null,
			time_zone: account.timeZone ?? null,
			created_at: now,
			updated_at: now,
		})
		.execute();
}

/** The language and time zone the account's messages are written in, as the person last chose or their browser said. */
export async function setAccountLanguage(db: Db, id: string, values: { language?: string; timeZone?: string }): Promise<void> {
	await db
		.updateTable("accounts")
		.set({
			...(values.language !== undefined ? { language: values.language } : {}),
			...(values.timeZone !== undefined ? { time_zone: values.timeZone } : {}),
		})
		.where("id", "=", id)
		.execute();
}

/** Whether two-factor is on, read in the transaction that depends on it (under the account lock). */
export function readTwoFactorEnabled(tx: Db, id: string): Promise<{ id: string; two_factor_enabled: number }> {
	return tx.selectFrom("accounts").select(["id", "two_factor_enabled"]).where("id", "=", id).executeTakeFirstOrThrow();
}

/** Two-factor turned on (`enabled` 1, `required` 0) or reset by recovery or an operator (0, 1). */
export async function setTwoFactor(
	tx: Db,
	id: string,
	state: { enabled: 0 | 1; required: 0 | 1; preferredMethod: string | null },
	now: number,
): Promise<void> {
	await tx
		.updateTable("accounts")
		.set({ two_factor_enabled: state.enabled, two_factor_required: state.required, preferred_method: state.preferredMethod, updated_at: now })
		.where("id", "=", id)
		.execute();
}

/** Two-factor turned off by the person: whether it must be set up again is left as it was. */
export async function turnTwoFactorOff(tx: Db, id: string, now: number): Promise<void> {
	await tx.updateTable("accounts").set({ two_factor_enabled: 0, preferred_method: null, updated_at: now }).where("id", "=", id).execute();
}

/** The method offered first from now on; no write when it already is. */
export async function setPreferredMethod(tx: Db, id: string, method: string): Promise<void> {
	await tx
		.updateTable("accounts")
		.set({ preferred_method: method })
		.where("id", "=", id)
		.where((eb) => eb.or([eb("preferred_method", "is", null), eb("preferred_method", "!=", method)]))
		.execute();
}

/**
 * Takes the account's lock and reads its password and lock state. PostgreSQL
 * does both in one statement; SQLite's write transaction already excludes every
 * other, so its lock is the no-op write.
 */
export async function lockAndReadCredentials(
	tx: Db,
	kind: "sqlite" | "postgres",
	id: string,
): Promise<{ password_hash: string; locked_at: number | null } | undefined> {
	const current = tx.selectFrom("accounts").select(["password_hash", "locked_at"]).where("id", "=", id);
	if (kind === "sqlite") await lockAccount(tx, id);
	return (kind === "postgres" ? current.forNoKeyUpdate() : current).executeTakeFirst();
}

/** A new password; `pauseCodes` also pauses codes by email and SMS as a second step from `now`. */
export async function setPassword(tx: Db, id: string, passwordHash: string, now: number, pauseCodes: boolean): Promise<void> {
	await tx
		.updateTable("accounts")
		.set({ password_hash: passwordHash, updated_at: now, ...(pauseCodes ? { codes_paused_at: now } : {}) })
		.where("id", "=", id)
		.execute();
}

export async function readCodesPausedAt(db: Db, id: string): Promise<{ codes_paused_at: number | null }> {
	return db.selectFrom("accounts").select("codes_paused_at").where("id", "=", id).executeTakeFirstOrThrow();
}

/** Codes by email and SMS count as a second step again; no write when they were not paused. */
export async function liftCodesPause(tx: Db, id: string): Promise<void> {
	await tx.updateTable("accounts").set({ codes_paused_at: null }).where("id", "=", id).where("codes_paused_at", "is not", null).execute();
}

/** Locks the account; false when it already was. */
export async function markLocked(tx: Db, id: string, now: number): Promise<boolean> {
	const locked = await tx.updateTable("accounts").set({ locked_at: now }).where("id", "=", id).where("locked_at", "is", null).executeTakeFirst();
	return locked.numUpdatedRows === 1n;
}

/** Unlocks the account; false when it was not locked. */
export async function markUnlocked(tx: Db, id: string): Promise<boolean> {
	const unlocked = await tx.updateTable("accounts").set({ locked_at: null }).where("id", "=", id).where("locked_at", "is not", null).executeTakeFirst();
	return unlocked.numUpdatedRows === 1n;
}

export async function setAccountRole(tx: Db, id: string, role: "admin" | "support" | "user"): Promise<void> {
	await tx.updateTable("accounts").set({ role }).where("id", "=", id).execute();
}
