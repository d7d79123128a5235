import { looksLikeToken, newId, newToken, tokenHash } from "../core/tokens.ts";
import { deviceLabel } from "../core/user-agent.ts";
import type { Db } from "../store/db.ts";
import {
	deviceIsTrusted,
	insertTrustedDevice,
	listLiveTrustedDevices,
	revokeTrustedDeviceById,
	useTrustedDevice,
} from "../store/trusted-devices.ts";
import type { ClientInfo, FlowDeps } from "./deps.ts";

/** Every trusted device of the account, revoked: on any change of second factors or of the password. */
export { revokeAllTrustedDevices } from "../store/trusted-devices.ts";

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
	await insertTrustedDevice(
		tx,
		{ id: newId(deps.random), accountId, tokenHash: tokenHash(token), label: deviceLabel(client.userAgent), expiresAt },
		now,
	);
	return { token, expiresAt };
}

/**
 * Whether `token` is a live trusted device of this account, without using it:
 * its wrong passwords count against a budget of its own, so a stranger's guesses
 * never lock the owner out on their own device.
 */
export async function isKnownDevice(deps: FlowDeps, accountId: string, token: string | undefined): Promise<boolean> {
	if (!token || !looksLikeToken(token)) return false;
	return deviceIsTrusted(deps.db, accountId, tokenHash(token), deps.clock());
}

/** Whether `token` is a live trusted device of this account; marks it used. An unknown device is always asked. */
export async function isTrustedDevice(deps: FlowDeps, accountId: string, token: string | undefined): Promise<boolean> {
	if (!token || !looksLikeToken(token)) return false;
	return useTrustedDevice(deps.db, accountId, tokenHash(token), deps.clock());
}

export async function listTrustedDevices(deps: FlowDeps, accountId: string): Promise<TrustedDeviceView[]> {
	const rows = await listLiveTrustedDevices(deps.db, accountId, deps.clock());
	return rows.map((r) => ({
		id: r.id,
		label: r.label,
		createdAt: Number(r.created_at),
		lastUsedAt: Number(r.last_used_at),
		expiresAt: Number(r.expires_at),
	}));
}

export function revokeTrustedDevice(deps: FlowDeps, accountId: string, id: string): Promise<boolean> {
	return revokeTrustedDeviceById(deps.db, accountId, id);
}
