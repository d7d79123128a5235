import { looksLikeToken, newId, newToken, tokenHash } from "../core/tokens.ts";
import { deviceLabel } from "../core/user-agent.ts";
import type { Db } from "../store/db.ts";
import type { ClientInfo, FlowDeps } from "./deps.ts";

/** "Trust this device for 30 days". */
export const TRUSTED_DEVICE_TTL_MS = 30 * 86_400_000;

export interface TrustedDeviceView {
	id: string;
	label: string;
	createdAt: number;
	lastUsedAt: number;
	expiresAt: number;
}

/**
 * A trusted device holds a random token (256 bits), stored here only as its
 * hash and bound to one account. Signing in from it with the right password
 * skips the second step until it expires or is revoked. Any change of second
 * factors revokes every trusted device of the account.
 */
export async function trustDevice(
	deps: FlowDeps,
	tx: Db,
	accountId: string,
	client: ClientInfo,
	now: number,
): Promise<{ token: string; expiresAt: number }> {
	const token = newToken(deps.random);
	const expiresAt = now + TRUSTED_DEVICE_TTL_MS;
	await tx
		.insertInto("trusted_devices")
		.values({
			id: newId(deps.random),
			account_id: accountId,
			token_hash: tokenHash(token),
			label: deviceLabel(client.userAgent),
			created_at: now,
			last_used_at: now,
			expires_at: expiresAt,
		})
		.execute();
	return { token, expiresAt };
}

/** Whether `token` is a live trusted device of this account; marks it used. An unknown device is always asked. */
/**
 * Whether `token` is a live trusted device of this account, without using it:
 * its wrong passwords count against a budget of its own, so a stranger's guesses
 * never lock the owner out on their own device.
 */
export async function isKnownDevice(deps: FlowDeps, accountId: string, token: string | undefined): Promise<boolean> {
	if (!token || !looksLikeToken(token)) return false;
	const row = await deps.db
		.selectFrom("trusted_devices")
		.select("id")
		.where("token_hash", "=", tokenHash(token))
		.where("account_id", "=", accountId)
		.where("expires_at", ">", deps.clock())
		.executeTakeFirst();
	return row !== undefined;
}

export async function isTrustedDevice(deps: FlowDeps, accountId: string, token: string | undefined): Promise<boolean> {
	if (!token || !looksLikeToken(token)) return false;
	const now = deps.clock();
	const used = await deps.db
		.updateTable("trusted_devices")
		.set({ last_used_at: now })
		.where("token_hash", "=", tokenHash(token))
		.where("account_id", "=", accountId)
		.where("expires_at", ">", now)
		.executeTakeFirst();
	return used.numUpdatedRows === 1n;
}

export async function listTrustedDevices(deps: FlowDeps, accountId: string): Promise<TrustedDeviceView[]> {
	const rows = await deps.db
		.selectFrom("trusted_devices")
		.select(["id", "label", "created_at", "last_used_at", "expires_at"])
		.where("account_id", "=", accountId)
		.where("expires_at", ">", deps.clock())
		.orderBy("last_used_at", "desc")
		.execute();
	return rows.map((r) => ({
		id: r.id,
		label: r.label,
		createdAt: Number(r.created_at),
		lastUsedAt: Number(r.last_used_at),
		expiresAt: Number(r.expires_at),
	}));
}

export async function revokeTrustedDevice(deps: FlowDeps, accountId: string, id: string): Promise<boolean> {
	const result = await deps.db.deleteFrom("trusted_devices").where("account_id", "=", accountId).where("id", "=", id).executeTakeFirst();
	return result.numDeletedRows === 1n;
}

/** Every trusted device of the account, revoked: on any change of second factors or of the password. */
export async function revokeAllTrustedDevices(db: Db, accountId: string): Promise<void> {
	await db.deleteFrom("trusted_devices").where("account_id", "=", accountId).execute();
}
