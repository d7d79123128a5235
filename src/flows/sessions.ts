import { TesseraError } from "../core/errors.ts";
import { looksLikeToken, newId, newToken, tokenHash } from "../core/tokens.ts";
import type { Db } from "../store/db.ts";
import type { Account } from "../store/schema.ts";
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
	await tx
		.insertInto("sessions")
		.values({
			id: newId(deps.random),
			token_hash: tokenHash(token),
			account_id: accountId,
			created_at: now,
			last_seen_at: now,
			expires_at: expiresAt,
			ip: client.ip,
			user_agent: client.userAgent?.slice(0, 512) ?? null,
		})
		.execute();
	// One account holds at most MAX_SESSIONS_PER_ACCOUNT live sessions: a new one ends the oldest.
	await tx
		.deleteFrom("sessions")
		.where("account_id", "=", accountId)
		.where("id", "not in", (eb) =>
			eb.selectFrom("sessions").select("id").where("account_id", "=", accountId).orderBy("created_at", "desc").orderBy("id").limit(MAX_SESSIONS_PER_ACCOUNT),
		)
		.execute();
	return { token, expiresAt };
}

/** Live sessions one account may hold; signing in past it ends the oldest. */
export const MAX_SESSIONS_PER_ACCOUNT = 50;

/** The account behind a session token, or `unauthenticated`. Ends sessions past either lifetime. */
export async function authenticate(deps: FlowDeps, token: string | undefined): Promise<Authenticated> {
	if (!token || !looksLikeToken(token)) throw new TesseraError("unauthenticated");
	const now = deps.clock();
	const row = await deps.db
		.selectFrom("sessions as s")
		.innerJoin("accounts as a", "a.id", "s.account_id")
		.select([
			"s.id as session_id",
			"s.last_seen_at",
			"s.expires_at",
			"a.id",
			"a.username",
			"a.email",
			"a.password_hash",
			"a.backup_code_salt",
			"a.two_factor_enabled",
			"a.preferred_method",
			"a.created_at",
			"a.updated_at",
			"a.locked_at",
			"a.role",
			"a.two_factor_required",
			"a.codes_paused_at",
		])
		.where("s.token_hash", "=", tokenHash(token))
		.executeTakeFirst();
	if (!row || row.locked_at !== null) throw new TesseraError("unauthenticated");
	const lastSeen = Number(row.last_seen_at);
	const expiresAt = Number(row.expires_at);
	if (now >= expiresAt || now >= lastSeen + deps.config.session.idleMs) {
		await deps.db.deleteFrom("sessions").where("id", "=", row.session_id).execute();
		throw new TesseraError("unauthenticated", { message: "Your session has ended. Sign in again." });
	}
	if (now - lastSeen >= LAST_SEEN_RESOLUTION_MS) {
		await deps.db.updateTable("sessions").set({ last_seen_at: now }).where("id", "=", row.session_id).execute();
	}
	const { session_id, last_seen_at: _seen, expires_at: _expires, ...account } = row;
	return { account, sessionId: session_id, expiresAt };
}

/** Ends the session behind `token`, if there is one. Never fails: signing out always works. */
export async function endSession(deps: FlowDeps, token: string | undefined): Promise<void> {
	if (!token || !looksLikeToken(token)) return;
	await deps.db.deleteFrom("sessions").where("token_hash", "=", tokenHash(token)).execute();
}

export async function pruneExpiredSessions(deps: FlowDeps): Promise<void> {
	const now = deps.clock();
	await deps.db
		.deleteFrom("sessions")
		.where((eb) => eb.or([eb("expires_at", "<=", now), eb("last_seen_at", "<=", now - deps.config.session.idleMs)]))
		.execute();
	await deps.db.deleteFrom("login_challenges").where("expires_at", "<=", now - 86_400_000).execute();
	await deps.db.deleteFrom("trusted_devices").where("expires_at", "<=", now).execute();
	await deps.db.deleteFrom("action_tokens").where("expires_at", "<=", now - 86_400_000).execute();
}
