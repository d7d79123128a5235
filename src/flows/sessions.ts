import { type AuthenticationFactor, authTimeOf, parseFactors, serializeFactors, withFactor } from "../core/authentication-strength.ts";
import { TesseraError, words } from "../core/errors.ts";
import { looksLikeToken, newId, newToken, tokenHash } from "../core/tokens.ts";
import { pruneActionTokens } from "../store/action-tokens.ts";
import { pruneChallenges } from "../store/challenges.ts";
import type { Db } from "../store/db.ts";
import {
	endSessionById,
	endSessionByTokenHash,
	endSessionsBeyond,
	insertSession,
	pruneSessions,
	readSessionAuthentication,
	readSessionWithAccount,
	replaceSessionAuthentication,
	touchSession,
} from "../store/sessions.ts";
import type { ConsumedProof, SecondFactorMethod } from "../methods/types.ts";
import type { Account } from "../store/schema.ts";
import { pruneTrustedDevices } from "../store/trusted-devices.ts";
import type { ClientInfo, FlowDeps } from "./deps.ts";

export interface IssuedSession {
	token: string;
	expiresAt: number;
}

export interface Authenticated {
	account: Account;
	sessionId: string;
	expiresAt: number;
	/**
	 * The factors the session was signed in with, the password first, each with its time
	 * (core/authentication-strength.ts: `amrOf`, `acrOf`, `authTimeOf`). A session from
	 * before they were recorded: the password alone, when it was made.
	 */
	authentication: AuthenticationFactor[];
}

/** Sessions touched less than this long ago are not written again: one write a minute at most. */
const LAST_SEEN_RESOLUTION_MS = 60_000;

/** The factor a method's answer proved at `now`: what the method says of that answer, or what it declares. */
export function methodFactor(method: SecondFactorMethod, consumed: ConsumedProof, now: number): AuthenticationFactor {
	return { method: method.name, at: now, amr: [...(consumed.amr ?? method.amr)], level: method.level };
}

/** Opens a session signed in with `factors` (the password first, then what proved the second step, if anything). */
export async function createSession(
	deps: FlowDeps,
	tx: Db,
	accountId: string,
	client: ClientInfo,
	factors: readonly AuthenticationFactor[],
	now: number,
): Promise<IssuedSession> {
	const token = newToken(deps.random);
	const expiresAt = now + deps.config.session.absoluteMs;
	const userAgent = client.userAgent?.slice(0, 512) ?? null;
	await insertSession(
		tx,
		{
			id: newId(deps.random),
			tokenHash: tokenHash(token),
			accountId,
			expiresAt,
			ip: client.ip,
			userAgent,
			authentication: serializeFactors(factors),
			authenticatedAt: authTimeOf(factors),
		},
		now,
	);
	// One account holds at most MAX_SESSIONS_PER_ACCOUNT live sessions: a new one ends the oldest.
	await endSessionsBeyond(tx, accountId, MAX_SESSIONS_PER_ACCOUNT);
	return { token, expiresAt };
}

/** Live sessions one account may hold; signing in past it ends the oldest. */
export const MAX_SESSIONS_PER_ACCOUNT = 50;

/** The account behind a session token, or `unauthenticated`. Ends sessions past either lifetime. */
export async function authenticate(deps: FlowDeps, token: string | undefined): Promise<Authenticated> {
	if (!token || !looksLikeToken(token)) throw new TesseraError("unauthenticated");
	const now = deps.clock();
	const row = await readSessionWithAccount(deps.db, tokenHash(token));
	if (!row || row.locked_at !== null) throw new TesseraError("unauthenticated");
	const lastSeen = Number(row.last_seen_at);
	const expiresAt = Number(row.expires_at);
	if (now >= expiresAt || now >= lastSeen + deps.config.session.idleMs) {
		await endSessionById(deps.db, row.session_id);
		throw new TesseraError("unauthenticated", { message: words("errors.session.ended") });
	}
	if (now - lastSeen >= LAST_SEEN_RESOLUTION_MS) {
		await touchSession(deps.db, row.session_id, now);
	}
	const { session_id, last_seen_at: _seen, expires_at: _expires, session_created_at, authentication, ...account } = row;
	return { account, sessionId: session_id, expiresAt, authentication: parseFactors(authentication, Number(session_created_at)) };
}

/** Attempts at a step-up's conditional write before giving up: each fails only when another step-up landed meanwhile. */
const STEP_UP_ATTEMPTS = 5;

/**
 * Records a factor proved for a session already signed in (a step-up), in `tx`: the
 * session's factors gain it, and the session's authentication time moves to it. A factor
 * of the same method and kind as one already there takes its place with the newer time;
 * the level never goes down. Returns the session's factors; `unauthenticated` when the
 * session has ended or is another account's. The caller has proved the factor, for
 * that account (a second step of its own: `methodFactor` makes it from what was proved).
 */
export async function recordStepUp(tx: Db, session: { sessionId: string; accountId: string }, factor: AuthenticationFactor): Promise<AuthenticationFactor[]> {
	const { sessionId } = session;
	for (let attempt = 0; attempt < STEP_UP_ATTEMPTS; attempt++) {
		const row = await readSessionAuthentication(tx, sessionId);
		// A factor proved by one account never strengthens another's session.
		if (!row || row.account_id !== session.accountId) throw new TesseraError("unauthenticated", { message: words("errors.session.ended") });
		const factors = withFactor(parseFactors(row.authentication, Number(row.created_at)), factor);
		const json = serializeFactors(factors);
		if (await replaceSessionAuthentication(tx, sessionId, row.authentication, { json, at: authTimeOf(factors) })) return factors;
	}
	throw new Error(`The session's factors kept changing during a step-up (${STEP_UP_ATTEMPTS} attempts)`);
}

/** Ends the session behind `token`, if there is one. Never fails: signing out always works. */
export async function endSession(deps: FlowDeps, token: string | undefined): Promise<void> {
	if (!token || !looksLikeToken(token)) return;
	await endSessionByTokenHash(deps.db, tokenHash(token));
}

export async function pruneExpiredSessions(deps: FlowDeps): Promise<void> {
	const now = deps.clock();
	await pruneSessions(deps.db, now, now - deps.config.session.idleMs);
	await pruneChallenges(deps.db, now - 86_400_000);
	await pruneTrustedDevices(deps.db, now);
	await pruneActionTokens(deps.db, now - 86_400_000);
}
