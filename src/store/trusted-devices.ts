import type { Db } from "./db.ts";

export async function insertTrustedDevice(
	tx: Db,
	device: { id: string; accountId: string; tokenHash: string; label: string; expiresAt: number; secondFactor: string },
	now: number,
): Promise<void> {
	await tx
		.insertInto("trusted_devices")
		.values({
			id: device.id,
			account_id: device.accountId,
			token_hash: device.tokenHash,
			label: device.label,
			created_at: now,
			last_used_at: now,
			expires_at: device.expiresAt,
			second_factor: device.secondFactor,
		})
		.execute();
}

/** Whether a token's hash is an unexpired trusted device of the account; nothing is written. */
export async function deviceIsTrusted(db: Db, accountId: string, tokenHash: string, now: number): Promise<boolean> {
	const row = await db
		.selectFrom("trusted_devices")
		.select("id")
		.where("token_hash", "=", tokenHash)
		.where("account_id", "=", accountId)
		.where("expires_at", ">", now)
		.executeTakeFirst();
	return row !== undefined;
}

/**
 * Marks the unexpired trusted device behind a token's hash used at `now`, and reads the
 * second factor it was trusted with (JSON; null for a device from before it was kept);
 * undefined when the account has none such.
 */
export async function markTrustedDeviceUsed(db: Db, accountId: string, tokenHash: string, now: number): Promise<{ second_factor: string | null } | undefined> {
	return db
		.updateTable("trusted_devices")
		.set({ last_used_at: now })
		.where("token_hash", "=", tokenHash)
		.where("account_id", "=", accountId)
		.where("expires_at", ">", now)
		.returning("second_factor")
		.executeTakeFirst();
}

/** The account's unexpired trusted devices, the one used last first. */
export function listLiveTrustedDevices(db: Db, accountId: string, now: number) {
	return db
		.selectFrom("trusted_devices")
		.select(["id", "label", "token_hash", "created_at", "last_used_at", "expires_at"])
		.where("account_id", "=", accountId)
		.where("expires_at", ">", now)
		.orderBy("last_used_at", "desc")
		.execute();
}

export async function countTrustedDevices(db: Db, accountId: string, now: number): Promise<number> {
	const row = await db
		.selectFrom("trusted_devices")
		.select((eb) => eb.fn.countAll().as("n"))
		.where("account_id", "=", accountId)
		.where("expires_at", ">", now)
		.executeTakeFirstOrThrow();
	return Number(row.n);
}

/** Forgets one trusted device of the account; false when it has none with that id. */
export async function revokeTrustedDeviceById(db: Db, accountId: string, id: string): Promise<boolean> {
	const result = await db.deleteFrom("trusted_devices").where("account_id", "=", accountId).where("id", "=", id).executeTakeFirst();
	return result.numDeletedRows === 1n;
}

export async function revokeAllTrustedDevices(db: Db, accountId: string): Promise<void> {
	await db.deleteFrom("trusted_devices").where("account_id", "=", accountId).execute();
}

/** Trusted devices expired by `now`. */
export async function pruneTrustedDevices(db: Db, now: number): Promise<void> {
	await db.deleteFrom("trusted_devices").where("expires_at", "<=", now).execute();
}
