import { type AuthenticationFactor, parseFactor, serializeFactor } from "../core/authentication-strength.ts";
import { looksLikeToken, newId, newToken, tokenHash } from "../core/tokens.ts";
import { deviceLabel } from "../core/user-agent.ts";
import type { Db } from "../store/db.ts";
import {
	deviceIsTrusted,
	insertTrustedDevice,
	listLiveTrustedDevices,
	markTrustedDeviceUsed,
	revokeTrustedDeviceById,
} from "../store/trusted-devices.ts";
import type { ClientInfo, FlowDeps } from "./deps.ts";
import { recordEvent } from "./events.ts";

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
	/** The device asking: the token it holds is this one's. */
	current: boolean;
}

/**
 * A trusted device holds a random token (256 bits), stored here only as its
 * hash and bound to one account. Signing in from it with the right password
 * skips the second step until it expires or is revoked. Any change of second
 * factors revokes every trusted device of the account. The device keeps the
 * second factor it was trusted with (`secondFactor`, with its time): a sign-in
 * from it records that factor, as old as it is.
 */
export async function trustDevice(
	deps: FlowDeps,
	tx: Db,
	accountId: string,
	client: ClientInfo,
	secondFactor: AuthenticationFactor,
	now: number,
): Promise<{ token: string; expiresAt: number }> {
	const token = newToken(deps.random);
	const expiresAt = now + TRUSTED_DEVICE_TTL_MS;
	await insertTrustedDevice(
		tx,
		{
			id: newId(deps.random),
			accountId,
			tokenHash: tokenHash(token),
			label: deviceLabel(client.userAgent),
			expiresAt,
			secondFactor: serializeFactor(secondFactor),
		},
		now,
	);
	// Listed in the activity: from now on this browser skips the second step.
	await recordEvent(deps, tx, { accountId, kind: "device_trusted", method: secondFactor.method, client, detail: { expiresAt } }, now);
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

/** A sign-in from a trusted device: the second factor it was trusted with, when it was kept. */
export interface TrustedDeviceUse {
	secondFactor: AuthenticationFactor | undefined;
}

/**
 * Whether `token` is a live trusted device of this account (undefined when not); marks it
 * used, and gives the second factor it was trusted with. An unknown device is always asked.
 */
export async function useTrustedDevice(deps: FlowDeps, accountId: string, token: string | undefined): Promise<TrustedDeviceUse | undefined> {
	if (!token || !looksLikeToken(token)) return undefined;
	const device = await markTrustedDeviceUsed(deps.db, accountId, tokenHash(token), deps.clock());
	return device && { secondFactor: parseFactor(device.second_factor) };
}

export async function listTrustedDevices(deps: FlowDeps, accountId: string, deviceToken?: string): Promise<TrustedDeviceView[]> {
	const rows = await listLiveTrustedDevices(deps.db, accountId, deps.clock());
	const mine = deviceToken !== undefined && looksLikeToken(deviceToken) ? tokenHash(deviceToken) : undefined;
	return rows.map((r) => ({
		current: r.token_hash === mine,
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
