import { fieldProblem, TesseraError } from "../core/errors.ts";
import type {
	CredentialView,
	EnrolmentAnswer,
	EnrolmentContext,
	EnrolmentStart,
	MethodEnrolment,
	MethodName,
	SecondFactorMethod,
} from "../methods/types.ts";
import type { Db } from "../store/db.ts";
import { lockAccount, readAccountById, readTwoFactorEnabled } from "../store/accounts.ts";
import type { Account } from "../store/schema.ts";
import { enrolledMethods, requirePassword, type TwoFactorState, twoFactorState } from "./accounts.ts";
import type { ClientInfo, FlowDeps } from "./deps.ts";
import { recordEvent, type SecurityEvent } from "./events.ts";
import { signedInCodeLimits } from "./limits.ts";
import { revokeAllTrustedDevices } from "./trusted-devices.ts";
import { type NewBackupCodes, prepareCodeSet } from "./two-factor.ts";

/**
 * Setting methods up and removing them, for every method with an enrolment, by
 * name: begin (a key to scan, WebAuthn options), confirm with a first answer,
 * list, remove. The fallback's set of codes has its own journey (two-factor.ts):
 * it is what turns two-factor on.
 */

type SettableMethod = SecondFactorMethod & { enrolment: MethodEnrolment };

/** A method that is set up in settings, by name; `method_not_available` otherwise. */
export function settableMethod(deps: FlowDeps, name: MethodName): SettableMethod {
	const method = deps.methods.find(name);
	if (!method?.enrolment || method.role === "fallback") {
		const settable = deps.methods.all.filter((m) => m.enrolment && m.role !== "fallback").map((m) => m.name);
		throw new TesseraError("method_not_available", { fields: [fieldProblem("method", "not_one_of", { methods: settable.join(", ") }, "errors.field.method.settable")] });
	}
	return method as SettableMethod;
}

function contextOf(account: Pick<Account, "id" | "username">, client: ClientInfo): EnrolmentContext {
	return { accountId: account.id, username: account.username, client };
}

/**
 * Starts setting a method up, after the password: a key for an authenticator app, or
 * WebAuthn options. A method with one credential already set up must be removed first.
 */
export async function beginEnrolment(
	deps: FlowDeps,
	account: Account,
	name: MethodName,
	password: string,
	client: ClientInfo,
): Promise<EnrolmentStart> {
	await requirePassword(deps, account, password, client);
	const method = settableMethod(deps, name);
	if (method.enrolment.credentials === "one" && (await method.isEnrolled(deps.db, account.id))) throw new TesseraError("two_factor_already_enabled");
	return deps.db.transaction().execute(async (tx) => {
		await lockAccount(tx, account.id);
		return method.enrolment.begin(tx, contextOf(account, client), undefined, deps.clock());
	});
}

/**
 * Moving a method with one credential to a new device (the authenticator to a new
 * phone), after the password: a new key to scan. The one in use keeps working, for
 * sign-in too, until the new one's first code is confirmed (`confirmEnrolment`),
 * which retires it in the same transaction; a replacement left unfinished changes
 * nothing. A set-up never finished (two-factor not on yet) is started over instead.
 */
export async function beginReplacement(
	deps: FlowDeps,
	account: Account,
	name: MethodName,
	password: string,
	client: ClientInfo,
): Promise<EnrolmentStart> {
	await requirePassword(deps, account, password, client);
	const method = settableMethod(deps, name);
	const begin = method.enrolment.beginReplacement;
	if (method.enrolment.credentials !== "one" || !begin) {
		throw new TesseraError("method_not_available", { fields: [fieldProblem("method", "invalid", undefined, "errors.field.method.notReplaceable")] });
	}
	return deps.db.transaction().execute(async (tx) => {
		await lockAccount(tx, account.id);
		const enabled = Boolean((await readTwoFactorEnabled(tx, account.id)).two_factor_enabled);
		if (!enabled && !method.keptWhenTurnedOff) throw new TesseraError("two_factor_not_enabled");
		return begin(tx, contextOf(account, client), deps.clock());
	});
}

/** A set-up begun and not confirmed yet, shown again (after a wrong code, or a reload). */
export function pendingEnrolment(deps: FlowDeps, account: Account, name: MethodName, client: ClientInfo): Promise<EnrolmentStart | undefined> {
	return settableMethod(deps, name).enrolment.pending(deps.db, contextOf(account, client));
}

export interface EnrolmentConfirmation {
	credential: CredentialView;
	twoFactor: TwoFactorState;
	/** When setting this method up is setting two-factor up: the first set of codes, to type one back. */
	backupCodes?: NewBackupCodes;
}

/**
 * The first answer completes a set-up. A method that goes when two-factor is turned
 * off (the authenticator) is set up to turn two-factor on: while it is off, the first
 * set of backup codes is made in the same transaction, pending until one is typed back.
 * For a replacement (`beginReplacement`), the same answer retires the old credential.
 */
export async function confirmEnrolment(
	deps: FlowDeps,
	account: Account,
	name: MethodName,
	answer: EnrolmentAnswer,
	client: ClientInfo,
): Promise<EnrolmentConfirmation> {
	const method = settableMethod(deps, name);
	const context = contextOf(account, client);
	// The answer must be of the method's kind: a typed code counts like any other code; a browser's
	// WebAuthn answer is no guess, and a code for a passkey is refused before anything is counted.
	if ((method.answer === "code") !== ("code" in answer)) {
		throw new TesseraError("invalid_request", {
			fields: [fieldProblem(method.answer === "code" ? "code" : "response", "required", undefined, "errors.field.required.forMethod")],
		});
	}
	const checked =
		method.answer === "code"
			? await deps.attempts.attempt(signedInCodeLimits(deps, account.id), () => method.enrolment.check(context, answer))
			: await method.enrolment.check(context, answer);
	const set = !account.two_factor_enabled && !method.keptWhenTurnedOff ? await prepareCodeSet(deps, account, client) : undefined;
	let added: SecurityEvent | undefined;
	const { credential, pending } = await deps.db.transaction().execute(async (tx) => {
		const now = deps.clock();
		await lockAccount(tx, account.id);
		// Read again under the lock: two-factor may have been turned on since the request began.
		const enabled = Boolean((await readTwoFactorEnabled(tx, account.id)).two_factor_enabled);
		// A method with one credential already set up is being replaced: the confirm below swaps them.
		const replacing = method.enrolment.credentials === "one" && (await method.isEnrolled(tx, account.id));
		await revokeAllTrustedDevices(tx, account.id);
		const credential = await method.enrolment.confirm(tx, context, checked, now);
		if (replacing) {
			// Sessions elsewhere are left as they are: moving to a new phone says nothing against
			// them, and ending them would sign the person out of their other devices mid-move. The
			// alert goes to every address, with its "Wasn't you?" link, which ends them all if need be.
			added = await recordEvent(deps, tx, { accountId: account.id, kind: "second_factor_replaced", method: name, client }, now);
			return { credential, pending: undefined };
		}
		// While two-factor is off, a method that comes with it is only half of turning it on: the event comes with the codes.
		if (enabled || method.keptWhenTurnedOff) {
			const detail = method.enrolment.credentials === "many" ? { name: credential.name } : {};
			added = await recordEvent(deps, tx, { accountId: account.id, kind: "second_factor_added", method: name, client, detail }, now);
		}
		const pending = set && !enabled ? await deps.methods.fallback.enrolment.begin(tx, context, set.prepared, now) : undefined;
		return { credential, pending };
	});
	if (added) deps.alerts.announce(added);
	const result: EnrolmentConfirmation = { credential, twoFactor: await twoFactorState(deps, await readAccountById(deps.db, account.id)) };
	if (pending?.kind === "code_set") result.backupCodes = { codes: pending.codes, status: "pending", expiresAt: pending.expiresAt };
	return result;
}

/** The credentials of one method on this account (passkeys by name, the authenticator). */
export function listCredentials(deps: FlowDeps, accountId: string, name: MethodName): Promise<CredentialView[]> {
	return settableMethod(deps, name).enrolment.list(deps.db, accountId);
}

/**
 * While two-factor is on, a way to confirm it is you other than backup codes
 * must remain: the last one cannot be removed (turn two-factor off instead).
 * Called inside the removing transaction, after the removal and under the
 * account lock, so two removals at once cannot both pass. Says whether two-factor is on.
 */
export async function assertSecondFactorRemains(deps: FlowDeps, tx: Db, accountId: string): Promise<{ twoFactorEnabled: boolean }> {
	const account = await readTwoFactorEnabled(tx, accountId);
	if (!account.two_factor_enabled) return { twoFactorEnabled: false };
	const primary = (await enrolledMethods(deps, account, tx)).filter((m) => deps.methods.get(m).role === "primary");
	if (primary.length === 0) throw new TesseraError("last_second_factor");
	return { twoFactorEnabled: true };
}

/**
 * Removes a credential (one passkey by id, or the authenticator). While two-factor
 * is on, another way to confirm it is you must remain. A set-up never finished
 * (two-factor not on yet, the method one that comes with it) simply starts over.
 */
export async function removeCredential(
	deps: FlowDeps,
	account: Account,
	input: { method: MethodName; id?: string | undefined; password: string },
	client: ClientInfo,
): Promise<TwoFactorState> {
	await requirePassword(deps, account, input.password, client);
	const method = settableMethod(deps, input.method);
	const mine = await method.enrolment.list(deps.db, account.id);
	const credential = method.enrolment.credentials === "one" ? mine[0] : mine.find((c) => c.id === input.id);
	if (!credential) throw new TesseraError(method.enrolment.credentials === "one" ? "two_factor_not_enabled" : "not_found");
	const event = await deps.db.transaction().execute(async (tx) => {
		const now = deps.clock();
		await lockAccount(tx, account.id);
		if (!(await method.enrolment.remove(tx, account.id, credential.id, now))) throw new TesseraError("not_found");
		// Whether two-factor is on, read under the lock: codes confirmed meanwhile may have turned it on.
		const { twoFactorEnabled } = await assertSecondFactorRemains(deps, tx, account.id);
		await revokeAllTrustedDevices(tx, account.id);
		if (!twoFactorEnabled && !method.keptWhenTurnedOff) {
			await deps.methods.fallback.removeAll(tx, account.id, now);
			return undefined;
		}
		const detail = method.enrolment.credentials === "many" ? { name: credential.name } : {};
		return recordEvent(deps, tx, { accountId: account.id, kind: "second_factor_removed", method: method.name, client, detail }, now);
	});
	if (event) deps.alerts.announce(event);
	return twoFactorState(deps, await readAccountById(deps.db, account.id));
}

/** Every method, with whether this account has it and what can be done with it: for settings and GET /account/methods. */
export interface MethodOverview {
	name: MethodName;
	title: string;
	role: "primary" | "fallback";
	/** Set up (for a method that sends codes: a verified address to send them to). */
	enrolled: boolean;
	/** Whether settings set it up (the others come with a verified address, or are the backup codes). */
	settable: boolean;
	credentials: CredentialView[];
}

export async function methodsOverview(deps: FlowDeps, accountId: string): Promise<MethodOverview[]> {
	const overview: MethodOverview[] = [];
	for (const method of deps.methods.all) {
		const settable = method.enrolment !== undefined && method.role !== "fallback";
		overview.push({
			name: method.name,
			title: method.copy.title,
			role: method.role,
			enrolled: await method.isEnrolled(deps.db, accountId),
			settable,
			credentials: method.enrolment ? await method.enrolment.list(deps.db, accountId) : [],
		});
	}
	return overview;
}
