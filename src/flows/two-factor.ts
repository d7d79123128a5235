import { TesseraError } from "../core/errors.ts";
import type { TotpEnrollment } from "../methods/totp/totp.ts";
import type { AccountsTable } from "../store/schema.ts";
import { requirePassword, type TwoFactorState, twoFactorState } from "./accounts.ts";
import type { ClientInfo, FlowDeps } from "./deps.ts";
import { codeLimits } from "./limits.ts";

/**
 * Turning two-factor on and off, and managing backup codes. Every change needs
 * the password again; the authenticator counts only after its first valid code.
 */

async function reload(deps: FlowDeps, accountId: string): Promise<AccountsTable> {
	return deps.db.selectFrom("accounts").selectAll().where("id", "=", accountId).executeTakeFirstOrThrow();
}

export async function beginTotpEnrollment(
	deps: FlowDeps,
	account: AccountsTable,
	password: string,
	client: ClientInfo,
): Promise<TotpEnrollment> {
	await requirePassword(deps, account, password, client);
	if (await deps.methods.totp.isEnrolled(deps.db, account.id)) throw new TesseraError("two_factor_already_enabled");
	return deps.methods.totp.beginEnrollment(account.id, account.username);
}

export interface TotpConfirmation {
	twoFactor: TwoFactorState;
	backupCodes?: { codes: string[] };
}

/**
 * The first valid code completes enrolment. When this turns two-factor on, a
 * first set of backup codes is issued in the same transaction and returned once.
 */
export async function confirmTotpEnrollment(
	deps: FlowDeps,
	account: AccountsTable,
	code: string,
	client: ClientInfo,
): Promise<TotpConfirmation> {
	const checked = await deps.attempts.attempt(codeLimits(deps, account.id, client), () =>
		deps.methods.totp.checkPendingCode(account.id, code),
	);
	const needsCodes = !account.two_factor_enabled;
	const set = needsCodes ? await deps.methods.backupCode.prepareSet() : undefined;
	await deps.db.transaction().execute(async (tx) => {
		const now = deps.clock();
		await deps.methods.totp.confirm(tx, account.id, checked, now);
		if (set) await deps.methods.backupCode.install(tx, account.id, set, now);
		await tx
			.updateTable("accounts")
			.set({ two_factor_enabled: 1, preferred_method: "totp", updated_at: now })
			.where("id", "=", account.id)
			.execute();
	});
	const result: TotpConfirmation = { twoFactor: await twoFactorState(deps, await reload(deps, account.id)) };
	if (set) result.backupCodes = { codes: set.codes };
	return result;
}

/**
 * Removes the authenticator. It is the only primary second factor so far, so
 * two-factor goes off with it and the backup codes stop working.
 */
export async function disableTotp(
	deps: FlowDeps,
	account: AccountsTable,
	password: string,
	client: ClientInfo,
): Promise<TwoFactorState> {
	await requirePassword(deps, account, password, client);
	if (!account.two_factor_enabled) throw new TesseraError("two_factor_not_enabled");
	await deps.db.transaction().execute(async (tx) => {
		const now = deps.clock();
		await deps.methods.totp.remove(tx, account.id);
		await deps.methods.backupCode.retireAll(tx, account.id, now);
		await tx
			.updateTable("accounts")
			.set({ two_factor_enabled: 0, preferred_method: null, updated_at: now })
			.where("id", "=", account.id)
			.execute();
		// Sign-ins waiting for a second factor cannot finish any more.
		await tx
			.updateTable("login_challenges")
			.set({ consumed_at: now })
			.where("account_id", "=", account.id)
			.where("consumed_at", "is", null)
			.execute();
	});
	return twoFactorState(deps, await reload(deps, account.id));
}

/** "Get new codes": a new set replaces the old one at once; the old codes stop working. */
export async function replaceBackupCodes(
	deps: FlowDeps,
	account: AccountsTable,
	password: string,
	client: ClientInfo,
): Promise<{ codes: string[] }> {
	await requirePassword(deps, account, password, client);
	if (!account.two_factor_enabled) throw new TesseraError("two_factor_not_enabled");
	const set = await deps.methods.backupCode.prepareSet();
	await deps.db.transaction().execute(async (tx) => {
		await deps.methods.backupCode.install(tx, account.id, set, deps.clock());
	});
	return { codes: set.codes };
}
