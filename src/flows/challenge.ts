import { TesseraError } from "../core/errors.ts";
import { looksLikeToken, tokenHash } from "../core/tokens.ts";
import { claimChallenge, insertChallenge, readChallengeByTokenHash } from "../store/challenges.ts";
import type { Db } from "../store/db.ts";
import type { MethodName } from "../methods/types.ts";
import { newId, newToken } from "../core/tokens.ts";
import type { ClientInfo, FlowDeps } from "./deps.ts";
import { enrolledMethods, preferredMethod } from "./accounts.ts";

/**
 * The second step as a persisted object: a challenge row (`login_challenges`)
 * with a purpose, an expiry and a single use. This module is its one reader and
 * its one closer; `proveSecondFactor` (sign-in.ts) is its one prove transaction.
 */

/** An open challenge, with what the second step needs to know of its account. */
export interface ChallengeRow {
	id: string;
	purpose: ChallengePurpose;
	accountId: string;
	/** When it was made: for a sign-in, when the password was proved. */
	createdAt: number;
	expiresAt: number;
	twoFactorEnabled: number;
	preferredMethod: string | null;
	codesPausedAt: number | null;
	/** A step-up's session: the one it strengthens. */
	sessionId: string | null;
}

/**
 * The challenge behind `token` if it is open (unconsumed, unexpired) and its
 * purpose is one of `purposes`; `challenge_expired` otherwise, whatever the
 * reason, so a token tells nothing. One lookup.
 */
export async function readOpenChallenge(
	deps: FlowDeps,
	token: string | undefined,
	purposes: readonly ChallengePurpose[] | "any",
): Promise<ChallengeRow> {
	if (!token || !looksLikeToken(token)) throw new TesseraError("challenge_expired");
	const row = await readChallengeByTokenHash(deps.db, tokenHash(token));
	if (!row || row.consumed_at !== null || Number(row.expires_at) <= deps.clock()) throw new TesseraError("challenge_expired");
	if (purposes !== "any" && !purposes.includes(row.purpose)) throw new TesseraError("challenge_expired");
	return {
		id: row.id,
		purpose: row.purpose,
		accountId: row.account_id,
		createdAt: Number(row.created_at),
		sessionId: row.session_id,
		expiresAt: Number(row.expires_at),
		twoFactorEnabled: row.two_factor_enabled,
		preferredMethod: row.preferred_method,
		codesPausedAt: row.codes_paused_at === null ? null : Number(row.codes_paused_at),
	};
}

/** Closes an open challenge, once: `challenge_expired` when it closed meanwhile or ran out. */
export async function closeChallenge(tx: Db, id: string, now: number): Promise<void> {
	if (!(await claimChallenge(tx, id, now))) throw new TesseraError("challenge_expired");
}

export interface SecondFactorChallenge {
	challenge: string;
	/** Empty when none of the account's second factors can be used: only recovery is left. */
	methods: MethodName[];
	preferred: MethodName | null;
	expiresAt: number;
	/** Where codes for sms and email go, masked: "•••• 1234", "j•••@example.com". */
	destinations: Partial<Record<MethodName, string>>;
}

/** Masked destinations of the methods that send codes. */
export async function destinationsOf(deps: FlowDeps, accountId: string, methods: MethodName[], db: Db = deps.db) {
	const destinations: Partial<Record<MethodName, string>> = {};
	for (const name of methods) {
		const method = deps.methods.get(name);
		const where = await method.destination?.(db, accountId);
		if (where) destinations[name] = where;
	}
	return destinations;
}

/**
 * "step_up" and "step_up_phishing_resistant": a signed-in person proves one more
 * factor because an app asked for a stronger sign-in (acr_values).
 */
export type ChallengePurpose = "sign_in" | "disable_two_factor" | "password_reset" | "step_up" | "step_up_phishing_resistant";

/**
 * The methods that may answer a challenge for `purpose`: a reset is confirmed only
 * by a factor no reset can reach; elsewhere, what the account can use as a second step.
 */
export async function methodsFor(
	deps: FlowDeps,
	purpose: ChallengePurpose,
	account: { id: string; two_factor_enabled: number; codes_paused_at: number | null },
	db: Db = deps.db,
): Promise<MethodName[]> {
	const methods = await enrolledMethods(deps, account, db, purpose === "password_reset" ? { strongOnly: true } : { forSignIn: true });
	// A step-up is answered only by what adds the level asked for: an email code adds none.
	if (purpose === "step_up") return methods.filter((m) => deps.methods.get(m).level !== "none");
	if (purpose === "step_up_phishing_resistant") return methods.filter((m) => deps.methods.get(m).level === "phishing_resistant");
	return methods;
}

/** A persisted, expiring, single-use second-factor challenge for `purpose`. */
export async function createChallenge(
	deps: FlowDeps,
	account: { id: string; preferred_method: string | null },
	purpose: ChallengePurpose,
	methods: MethodName[],
	client: ClientInfo,
	db: Db = deps.db,
	reset?: { actionTokenId: string; newPasswordHash: string },
	sessionId?: string,
): Promise<SecondFactorChallenge> {
	const now = deps.clock();
	const challenge = newToken(deps.random);
	const expiresAt = now + deps.config.challengeTtlMs;
	await insertChallenge(
		db,
		{
			id: newId(deps.random),
			purpose,
			tokenHash: tokenHash(challenge),
			accountId: account.id,
			expiresAt,
			ip: client.ip,
			actionTokenId: reset?.actionTokenId ?? null,
			newPasswordHash: reset?.newPasswordHash ?? null,
			sessionId: sessionId ?? null,
		},
		now,
	);
	return {
		challenge,
		methods,
		preferred: preferredMethod(deps, methods, account.preferred_method),
		expiresAt,
		destinations: await destinationsOf(deps, account.id, methods, db),
	};
}

export interface OpenChallenge {
	id: string;
	accountId: string;
	expiresAt: number;
	methods: MethodName[];
	preferred: MethodName | null;
	destinations: Partial<Record<MethodName, string>>;
}

/**
 * The challenge behind a token, if it is still open and for `purpose` ("any"
 * for what serves every purpose: sending a code, passkey options);
 * `challenge_expired` otherwise.
 */
export async function openChallenge(
	deps: FlowDeps,
	token: string | undefined,
	purpose: ChallengePurpose | "any" = "sign_in",
): Promise<OpenChallenge> {
	const row = await readOpenChallenge(deps, token, purpose === "any" ? "any" : [purpose]);
	if (!row.twoFactorEnabled) throw new TesseraError("challenge_expired");
	const methods = await methodsFor(deps, row.purpose, {
		id: row.accountId,
		two_factor_enabled: row.twoFactorEnabled,
		codes_paused_at: row.codesPausedAt,
	});
	return {
		id: row.id,
		accountId: row.accountId,
		expiresAt: row.expiresAt,
		methods,
		preferred: preferredMethod(deps, methods, row.preferredMethod),
		destinations: await destinationsOf(deps, row.accountId, methods),
	};
}
