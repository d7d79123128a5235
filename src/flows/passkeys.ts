import type { PublicKeyCredentialCreationOptionsJSON, RegistrationResponseJSON } from "@simplewebauthn/server";
import { TesseraError } from "../core/errors.ts";
import type { PasskeyView } from "../methods/passkey/passkeys.ts";
import type { MethodName } from "../methods/types.ts";
import { isUniqueViolation, lockAccount } from "../store/errors.ts";
import type { Db } from "../store/db.ts";
import type { Account } from "../store/schema.ts";
import { enrolledMethods, requirePassword } from "./accounts.ts";
import type { ClientInfo, FlowDeps } from "./deps.ts";
import { recordEvent } from "./events.ts";
import { revokeAllTrustedDevices } from "./trusted-devices.ts";

/** The account's passkeys, newest first, for its settings. */
export function listPasskeys(deps: FlowDeps, accountId: string): Promise<PasskeyView[]> {
	return deps.methods.passkey.list(deps.db, accountId);
}

/** Adding a passkey: the password first, then the browser's answer to the options. */
export async function beginPasskeyRegistration(
	deps: FlowDeps,
	account: Account,
	password: string,
	client: ClientInfo,
): Promise<PublicKeyCredentialCreationOptionsJSON> {
	await requirePassword(deps, account, password, client);
	return deps.methods.passkey.registrationOptions(account.id, account.username, client);
}

export async function finishPasskeyRegistration(
	deps: FlowDeps,
	account: Account,
	input: { name: string; response: RegistrationResponseJSON },
	client: ClientInfo,
): Promise<PasskeyView> {
	try {
		const { passkey, event } = await deps.db.transaction().execute(async (tx) => {
			const now = deps.clock();
			await lockAccount(tx, account.id);
			const passkey = await deps.methods.passkey.register(tx, account.id, input.name, input.response, client, now);
			await revokeAllTrustedDevices(tx, account.id);
			const event = await recordEvent(deps, tx, { accountId: account.id, kind: "second_factor_added", method: "passkey", client, detail: { name: passkey.name } }, now);
			return { passkey, event };
		});
		deps.alerts.announce(event);
		return passkey;
	} catch (error) {
		// The same authenticator registered twice at once, here or on another account.
		if (isUniqueViolation(error)) throw new TesseraError("passkey_already_registered");
		throw error;
	}
}

/**
 * While two-factor is on, a way to confirm it is you other than backup codes
 * must remain: the last one cannot be removed (turn two-factor off instead).
 * Called inside the removing transaction, after the removal and under the
 * account lock, so two removals at once cannot both pass.
 */
export async function assertSecondFactorRemains(deps: FlowDeps, tx: Db, accountId: string): Promise<void> {
	const account = await tx.selectFrom("accounts").select(["id", "two_factor_enabled"]).where("id", "=", accountId).executeTakeFirstOrThrow();
	if (!account.two_factor_enabled) return;
	const primary = (await enrolledMethods(deps, account, tx)).filter((m: MethodName) => deps.methods.get(m).role === "primary");
	if (primary.length === 0) throw new TesseraError("last_second_factor");
}

export async function removePasskey(
	deps: FlowDeps,
	account: Account,
	input: { id: string; password: string },
	client: ClientInfo,
): Promise<void> {
	await requirePassword(deps, account, input.password, client);
	const mine = await deps.methods.passkey.list(deps.db, account.id);
	if (!mine.some((p) => p.id === input.id)) throw new TesseraError("not_found");
	const event = await deps.db.transaction().execute(async (tx) => {
		await lockAccount(tx, account.id);
		await deps.methods.passkey.remove(tx, account.id, input.id);
		await assertSecondFactorRemains(deps, tx, account.id);
		await revokeAllTrustedDevices(tx, account.id);
		const name = mine.find((p) => p.id === input.id)?.name;
		return recordEvent(deps, tx, { accountId: account.id, kind: "second_factor_removed", method: "passkey", client, detail: { name } });
	});
	deps.alerts.announce(event);
}
