import { TesseraError } from "../core/errors.ts";
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
	readSessionWithAccount,
	touchSession,
} from "../store/sessions.ts";
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
}

/** Sessions touched less than this long ago are not written again: one write a minute at most. */
const LAST_SEEN_RESOLUTION_MS = 60_000;

export async function createSession(
	deps: FlowDeps,
	tx: Db,
	accountId: string,
	client: ClientInfo,
	now: number,
): Promise<IssuedSession> {
	const token = newToken(deps.random);
	const expiresAt = now + deps.config.session.absoluteMs;
	const userAgent = client.userAgent?.slice(0, 512) ?? null;
	await insertSession(tx, { id: newId(deps.random), tokenHash: tokenHash(token), accountId, expiresAt, ip: client.ip, userAgent }, now);
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
		throw new TesseraError("unauthenticated", { message: "Your session has ended. Sign in again." });
	}
	if (now - lastSeen >= LAST_SEEN_RESOLUTION_MS) {
		await touchSession(deps.db, row.session_id, now);
	}
	const { session_id, last_seen_at: _seen, expires_at: _expires, ...account } = row;
	return { account, sessionId: session_id, expiresAt };
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
