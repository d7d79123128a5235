import type { Db } from "./db.ts";
import type { ContactKind } from "./schema.ts";

/** The account's addresses, for its settings: by kind, oldest first. */
export function listAccountContacts(db: Db, accountId: string) {
	return db
		.selectFrom("contacts")
		.select(["kind", "value", "verified_at", "created_at"])
		.where("account_id", "=", accountId)
		.orderBy("kind")
		.orderBy("created_at")
		.execute();
}

/** The account's addresses, verified or not, by kind: for an operator's report. */
export function listContactsByKind(db: Db, accountId: string) {
	return db.selectFrom("contacts").select(["kind", "value", "verified_at"]).where("account_id", "=", accountId).orderBy("kind").execute();
}

/** The account's verified addresses, email before phone. */
export function listVerifiedContacts(db: Db, accountId: string) {
	return db
		.selectFrom("contacts")
		.select(["id", "kind", "value"])
		.where("account_id", "=", accountId)
		.where("verified_at", "is not", null)
		.orderBy("kind")
		.execute();
}

/** The account's addresses of one kind, verified or not. */
export function listContactsOfKind(db: Db, accountId: string, kind: ContactKind) {
	return db.selectFrom("contacts").select(["id", "value", "verified_at"]).where("account_id", "=", accountId).where("kind", "=", kind).execute();
}

/** The newest address of `kind` waiting for its code. */
export function readNewestUnverified(db: Db, accountId: string, kind: ContactKind) {
	return db
		.selectFrom("contacts")
		.select(["id", "kind", "value", "verified_at", "created_at"])
		.where("account_id", "=", accountId)
		.where("kind", "=", kind)
		.where("verified_at", "is", null)
		.orderBy("created_at", "desc")
		.executeTakeFirst();
}

export function readContact(tx: Db, accountId: string, kind: ContactKind, value: string) {
	return tx
		.selectFrom("contacts")
		.select(["id", "kind", "value", "verified_at", "created_at"])
		.where("account_id", "=", accountId)
		.where("kind", "=", kind)
		.where("value", "=", value)
		.executeTakeFirstOrThrow();
}

export function readVerifiedAt(tx: Db, id: string): Promise<{ verified_at: number | null } | undefined> {
	return tx.selectFrom("contacts").select("verified_at").where("id", "=", id).executeTakeFirst();
}

/** The account's addresses of `kind` still waiting for a code, but `value`, are dropped. */
export async function dropUnverifiedExcept(tx: Db, accountId: string, kind: ContactKind, value: string): Promise<void> {
	await tx
		.deleteFrom("contacts")
		.where("account_id", "=", accountId)
		.where("kind", "=", kind)
		.where("verified_at", "is", null)
		.where("value", "!=", value)
		.execute();
}

/** A new, unverified address; nothing when the account already has it. */
export async function insertContactIfAbsent(tx: Db, contact: { id: string; accountId: string; kind: ContactKind; value: string }, now: number): Promise<void> {
	await tx
		.insertInto("contacts")
		.values({ id: contact.id, account_id: contact.accountId, kind: contact.kind, value: contact.value, verified_at: null, created_at: now })
		.onConflict((oc) => oc.columns(["account_id", "kind", "value"]).doNothing())
		.execute();
}

/**
 * Takes a lock on an address, whoever holds it, for the rest of the
 * transaction: an upsert, so it works whether or not the address was locked
 * before, on both databases.
 */
export async function lockContactValue(tx: Db, kind: ContactKind, value: string): Promise<void> {
	await tx
		.insertInto("contact_value_locks")
		.values({ kind, value })
		.onConflict((oc) => oc.columns(["kind", "value"]).doUpdateSet({ kind: (eb) => eb.ref("excluded.kind") }))
		.execute();
}

/** The other accounts that hold this address verified. */
export function listOtherHolders(tx: Db, accountId: string, kind: ContactKind, value: string) {
	return tx
		.selectFrom("contacts")
		.select("account_id")
		.where("kind", "=", kind)
		.where("value", "=", value)
		.where("verified_at", "is not", null)
		.where("account_id", "!=", accountId)
		.execute();
}

/** Removes the account's verified address of `kind`: which ones went. */
export function removeVerifiedContacts(tx: Db, accountId: string, kind: ContactKind): Promise<{ id: string; value: string }[]> {
	return tx
		.deleteFrom("contacts")
		.where("account_id", "=", accountId)
		.where("kind", "=", kind)
		.where("verified_at", "is not", null)
		.returning(["id", "value"])
		.execute();
}

/** Removes the account's addresses of `kind`, verified or not. */
export async function removeContacts(tx: Db, accountId: string, kind: ContactKind): Promise<void> {
	await tx.deleteFrom("contacts").where("account_id", "=", accountId).where("kind", "=", kind).execute();
}

export async function markContactVerified(tx: Db, id: string, now: number): Promise<void> {
	await tx.updateTable("contacts").set({ verified_at: now }).where("id", "=", id).execute();
}

/** Verified addresses of unlocked accounts, with whose they are: where a password reset may go. */
function resetAddresses(db: Db) {
	return db
		.selectFrom("contacts as c")
		.innerJoin("accounts as a", "a.id", "c.account_id")
		.select(["c.id", "c.account_id", "c.kind", "c.value"])
		.where("c.verified_at", "is not", null)
		.where("a.locked_at", "is", null);
}

export function findResetAddressByEmail(db: Db, email: string) {
	return resetAddresses(db).where("c.kind", "=", "email").where("c.value", "=", email).executeTakeFirst();
}

/** At most two: a number shared by several accounts names none of them. */
export function findResetAddressesByPhone(db: Db, phone: string) {
	return resetAddresses(db).where("c.kind", "=", "phone").where("c.value", "=", phone).limit(2).execute();
}

/** The account's first reset address by kind (email sorts before phone). */
export function findResetAddressByUsername(db: Db, username: string) {
	return resetAddresses(db).where("a.username", "=", username).orderBy("c.kind").executeTakeFirst();
}
