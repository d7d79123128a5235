import { passwordFactor } from "../core/authentication-strength.ts";
import { type FieldProblem, fieldProblem, TesseraError, words } from "../core/errors.ts";
import { newId } from "../core/tokens.ts";
import { canonicalUsername, usernameChangeProblem, usernameProblem } from "../core/username.ts";
import { electiveHashing, hashPassword, verifyPassword } from "../hashing.ts";
import type { MethodName, MethodStatus } from "../methods/types.ts";
import { isUniqueViolation } from "../store/errors.ts";
import type { Db } from "../store/db.ts";
import type { Account } from "../store/schema.ts";
import { insertAccount, setAccountLanguage, usernameTaken } from "../store/accounts.ts";
import { insertContactIfAbsent } from "../store/contacts.ts";
import { canonicalEmail } from "../core/contact.ts";
import { requiredActionsFrom, setUpUnderWay } from "./account-state.ts";
import type { ClientInfo, FlowDeps } from "./deps.ts";
import { confirmationBudget, passwordLimits, signUpLimits } from "./limits.ts";
import { recordEvent } from "./events.ts";
import { createSession, type IssuedSession } from "./sessions.ts";

export interface SignUpInput {
	username: string;
	password: string;
	email?: string | undefined;
	/** The language and time zone the person signed up in: the account's messages are written in them. */
	language?: string | undefined;
	timeZone?: string | undefined;
}

export interface PublicAccount {
	id: string;
	username: string;
}

export function publicAccount(account: Pick<Account, "id" | "username">): PublicAccount {
	return { id: account.id, username: account.username };
}

const emailPattern = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export async function signUp(
	deps: FlowDeps,
	input: SignUpInput,
	client: ClientInfo,
): Promise<{ account: PublicAccount; session: IssuedSession }> {
	const username = canonicalUsername(input.username);
	// Every problem is found and named once, against its field, in the form's order:
	// a person fixes them all in one go rather than one per submit.
	const problems: Partial<Record<"username" | "email" | "password", FieldProblem>> = {};
	let malformed = false;
	const nameProblem = usernameProblem(input.username);
	if (nameProblem) {
		problems.username = nameProblem;
		malformed = true;
	}
	const email = input.email?.trim() || undefined;
	if (email !== undefined && (email.length > 254 || !emailPattern.test(email))) {
		problems.email = fieldProblem("email", "email_format");
		malformed = true;
	}
	const passwordCheck = deps.passwordPolicy.check(input.password, nameProblem ? undefined : username);
	if (passwordCheck) {
		problems.password = passwordCheck.problem;
		if (passwordCheck.kind === "length") malformed = true;
	}

	let taken = false;
	if (!nameProblem) {
		await deps.attempts.count(signUpLimits(deps, client));
		taken = await usernameTaken(deps.db, username);
		if (taken) problems.username = fieldProblem("username", "username_taken");
		else {
			const changed = usernameChangeProblem(input.username);
			if (changed) {
				problems.username = changed;
				malformed = true;
			}
		}
	}

	const fields = [problems.username, problems.email, problems.password].filter((p) => p !== undefined);
	if (malformed) throw new TesseraError("invalid_request", { fields });
	if (passwordCheck) {
		const weak = passwordCheck.problem;
		throw new TesseraError("weak_password", { ...(taken ? {} : { message: () => weak.problem }), fields });
	}
	if (taken) throw new TesseraError("username_taken", { fields });

	const passwordHash = await hashPassword(input.password);
	const id = newId(deps.random);
	const now = deps.clock();
	try {
		return await deps.db.transaction().execute(async (tx) => {
			await insertAccount(tx, { id, username, email: email ?? null, passwordHash, language: input.language, timeZone: input.timeZone }, now);
			// The address given here waits in settings, not confirmed, until a code sent to it proves it.
			const contact = email === undefined ? undefined : canonicalEmail(email);
			if (contact) await insertContactIfAbsent(tx, { id: newId(deps.random), accountId: id, kind: "email", value: contact }, now);
			const session = await createSession(deps, tx, id, client, [passwordFactor(now)], now);
			await recordEvent(deps, tx, { accountId: id, kind: "signed_up", method: "password", client }, now);
			return { account: { id, username }, session };
		});
	} catch (error) {
		// Two sign-ups for one name at once: the database's unique index decides.
		if (isUniqueViolation(error)) {
			throw new TesseraError("username_taken", { fields: [fieldProblem("username", "username_taken")] });
		}
		throw error;
	}
}

/**
 * Asks for the password again before a sensitive change. Wrong answers count
 * against the same per-account and per-address limits as sign-in.
 */
export async function requirePassword(
	deps: FlowDeps,
	account: Account,
	password: string,
	client: ClientInfo,
): Promise<void> {
	// Every confirmation costs a hash, right or wrong: they have a budget of their own, and wait behind sign-ins.
	await deps.attempts.count(confirmationBudget(deps, account.id));
	await deps.attempts.attempt(passwordLimits(deps, { accountId: account.id, via: "confirmation" }, client), async () => {
		if (!(await electiveHashing(() => verifyPassword(account.password_hash, password)))) {
			throw new TesseraError("invalid_credentials", {
				message: words("errors.password.notRight"),
				fields: [fieldProblem("password", "password_wrong")],
			});
		}
	});
}

/**
 * Something the person must do before anything else:
 * - finish_two_factor: the authenticator is set up, but no set of backup codes
 *   was confirmed, so two-factor is not on yet;
 * - new_backup_codes: two-factor is on and every backup code is used;
 * - set_up_two_factor: account recovery (or an operator) reset two-factor, and
 *   it must be set up again before anything else.
 */
export type RequiredAction = "set_up_two_factor" | "finish_two_factor" | "new_backup_codes";

export interface TwoFactorState {
	enabled: boolean;
	methods: MethodName[];
	preferred: MethodName | null;
	backupCodes: MethodStatus | null;
	/** A new set shown but not yet confirmed by typing one of its codes back. */
	pendingBackupCodes: { expiresAt: number } | null;
	requiredActions: RequiredAction[];
}

/**
 * The second factors this account can use right now, in the order they are offered.
 * `forSignIn`: as a second step, where a pause after a reset leaves out the methods a
 * reset can reach; `strongOnly`: only those no reset can reach (to confirm a reset).
 */
export async function enrolledMethods(
	deps: FlowDeps,
	account: Pick<Account, "id" | "two_factor_enabled"> & { codes_paused_at?: number | null },
	db: Db = deps.db,
	options: { forSignIn?: boolean; strongOnly?: boolean } = {},
) {
	if (!account.two_factor_enabled) return [];
	const leaveOutReachable = options.strongOnly || (options.forSignIn && codesPaused(account));
	const names: MethodName[] = [];
	for (const method of deps.methods.all) {
		if (leaveOutReachable && method.reachableByReset) continue;
		if (await method.isEnrolled(db, account.id)) names.push(method.name);
	}
	return names;
}

/**
 * Whether the methods a reset can reach are paused: a reset no strong factor confirmed
 * happened, and none has signed in since. Time alone never lifts it.
 */
export function codesPaused(account: { codes_paused_at?: number | null }): boolean {
	return account.codes_paused_at != null;
}

/** The levels a method adds, weakest first (FactorLevel). */
const levelRank = { none: 0, two_factor: 1, phishing_resistant: 2 } as const;

/**
 * How strong a method is as a second step: the one rule that settings ("your
 * strongest second step", methods listed strongest first) and sign-in (the method
 * a second step opens on) share, from what methods declare, never their names.
 * A primary method over the fallback (backup codes); then a higher `level` (a
 * passkey over the authenticator, the authenticator over a code by email); then
 * one no password reset reaches (the authenticator over a text message).
 */
export function methodStrength(deps: Pick<FlowDeps, "methods">, name: MethodName): number {
	const method = deps.methods.get(name);
	return (method.role === "primary" ? 10 : 0) + levelRank[method.level] * 2 + (method.reachableByReset ? 0 : 1);
}

/**
 * The method a second step opens on: the strongest primary method the account can
 * use (`methodStrength`). Among methods equally strong, the one last used; else the
 * registry's order. A fallback (backup codes) is never the default while a primary
 * method is there.
 */
export function preferredMethod(deps: Pick<FlowDeps, "methods">, methods: MethodName[], lastUsed: string | null): MethodName | null {
	const primary = methods.filter((m) => deps.methods.get(m).role === "primary");
	if (primary.length === 0) return methods[0] ?? null;
	const best = Math.max(...primary.map((m) => methodStrength(deps, m)));
	const strongest = primary.filter((m) => methodStrength(deps, m) === best);
	return strongest.find((m) => m === lastUsed) ?? strongest[0]!;
}

export async function twoFactorState(deps: FlowDeps, account: Account): Promise<TwoFactorState> {
	const methods = await enrolledMethods(deps, account);
	const { fallback } = deps.methods;
	const backupCodes = account.two_factor_enabled ? ((await fallback.status(deps.db, account.id)) ?? null) : null;
	const pending = await fallback.enrolment.pending(deps.db, { accountId: account.id, username: account.username, client: { ip: "" } });
	const requiredActions = requiredActionsFrom({
		twoFactorEnabled: Boolean(account.two_factor_enabled),
		twoFactorRequired: Boolean(account.two_factor_required),
		setUpUnderWay: account.two_factor_enabled ? false : await setUpUnderWay(deps, account.id),
		backupCodesRemaining: backupCodes?.remaining,
	});
	return {
		enabled: Boolean(account.two_factor_enabled),
		methods,
		preferred: preferredMethod(deps, methods, account.preferred_method),
		backupCodes,
		pendingBackupCodes: pending?.kind === "code_set" ? { expiresAt: pending.expiresAt } : null,
		requiredActions,
	};
}

/** The language and time zone the account's emails, texts and alerts are written in. */
export async function rememberLanguage(deps: FlowDeps, accountId: string, values: { language?: string; timeZone?: string }): Promise<void> {
	await setAccountLanguage(deps.db, accountId, values);
}
