import type { PublicKeyCredentialCreationOptionsJSON, RegistrationResponseJSON } from "@simplewebauthn/server";
import { TesseraError } from "../core/errors.ts";
import type { PasskeyView } from "../methods/passkey/passkeys.ts";
import type { MethodName } from "../methods/types.ts";
import { lockAccount } from "../store/errors.ts";
import type { AccountsTable } from "../store/schema.ts";
import { enrolledMethods, requirePassword } from "./accounts.ts";
import type { ClientInfo, FlowDeps } from "./deps.ts";
import { revokeAllTrustedDevices } from "./trusted-devices.ts";

/** Adding a passkey: the password first, then the browser's answer to the options. */
export async function beginPasskeyRegistration(
	deps: FlowDeps,
	account: AccountsTable,
	password: string,
	client: ClientInfo,
): Promise<PublicKeyCredentialCreationOptionsJSON> {
	await requirePassword(deps, account, password, client);
	return deps.methods.passkey.registrationOptions(account.id, account.username, client);
}

export async function finishPasskeyRegistration(
	deps: FlowDeps,
	account: AccountsTable,
	input: { name: string; response: RegistrationResponseJSON },
	client: ClientInfo,
): Promise<PasskeyView> {
	return deps.db.transaction().execute(async (tx) => {
		const now = deps.clock();
		await lockAccount(tx, account.id);
		const passkey = await deps.methods.passkey.register(tx, account.id, input.name, input.response, client, now);
		await revokeAllTrustedDevices(tx, account.id);
		return passkey;
	});
}

/**
 * While two-factor is on, the last way to confirm it is you (other than backup
 * codes) cannot be removed: turn two-factor off instead.
 */
export async function assertNotLastSecondFactor(deps: FlowDeps, account: AccountsTable, removing: MethodName): Promise<void> {
	if (!account.two_factor_enabled) return;
	const primary = (await enrolledMethods(deps, account)).filter((m) => m !== "backup_code");
	if (primary.length === 1 && primary[0] === removing) throw new TesseraError("last_second_factor");
}

export async function removePasskey(
	deps: FlowDeps,
	account: AccountsTable,
	input: { id: string; password: string },
	client: ClientInfo,
): Promise<void> {
	await requirePassword(deps, account, input.password, client);
	const mine = await deps.methods.passkey.list(deps.db, account.id);
	if (!mine.some((p) => p.id === input.id)) throw new TesseraError("not_found");
	if (mine.length === 1) await assertNotLastSecondFactor(deps, account, "passkey");
	await deps.db.transaction().execute(async (tx) => {
		await lockAccount(tx, account.id);
		await deps.methods.passkey.remove(tx, account.id, input.id);
		await revokeAllTrustedDevices(tx, account.id);
	});
}
