import { timingSafeEqual } from "node:crypto";
import { addressBucket } from "../core/address.ts";
import { canonicalEmail, canonicalPhone } from "../core/contact.ts";
import { isTesseraError, TesseraError } from "../core/errors.ts";
import { looksLikeToken, newId, newToken, tokenHash } from "../core/tokens.ts";
import { canonicalUsername } from "../core/username.ts";
import { codeMessage } from "../methods/one-time-code/messages.ts";
import { ONE_TIME_CODE_TTL_MS, SENDS_PER_ADDRESS, SENDS_PER_HOUR, sixDigits } from "../methods/one-time-code/one-time-codes.ts";
import { hashPassword } from "../methods/password/hashing.ts";
import type { Db } from "../store/db.ts";
import { lockAccount } from "../store/errors.ts";
import type { Account } from "../store/schema.ts";
import { escapeHtml } from "../ui/html.ts";
import { claimActionToken, issueActionToken } from "./action-tokens.ts";
import { requirePassword } from "./accounts.ts";
import type { ClientInfo, FlowDeps } from "./deps.ts";
import { recordEvent, type SecurityEvent } from "./events.ts";
import { endRecoveryAttempts } from "./recovery.ts";

/**
 * Changing a password, resetting a forgotten one, and "Wasn't you?".
 *
 * Whichever way a password changes, the same things follow in the same
 * transaction: other sessions end, trusted devices are forgotten, sign-ins
 * in progress and reset links stop working. Two-factor is never touched: after
 * a reset, signing in still needs the second step.
 */

/** A reset link sent by email works this long. */
export const RESET_LINK_TTL_MS = 30 * 60_000;
/** Wrong codes one SMS reset allows before it must be asked for again. */
const RESET_CODE_ATTEMPTS = { max: 5, windowMs: ONE_TIME_CODE_TTL_MS };
/** And per account, across every request: ten an hour. */
const RESET_CODES_PER_ACCOUNT = { max: 10, windowMs: 60 * 60_000 };

function checkNewPassword(deps: FlowDeps, password: string, username: string | undefined): void {
	const problem = deps.passwordPolicy.check(password, username);
	if (!problem) return;
	if (problem.kind === "length") throw new TesseraError("invalid_request", { fields: [problem.problem] });
	throw new TesseraError("weak_password", { message: problem.problem.problem, fields: [problem.problem] });
}

/**
 * The new password in place, and everything that trusted the old one ended:
 * other sessions, trusted devices, sign-ins in progress, reset and "Wasn't
 * you?" links, a recovery under way. After a reset (`pauseCodes`), codes by
 * email and SMS stop counting as a second step for the recovery wait: the
 * reset came through one of those channels. The caller holds the account lock.
 */
async function applyNewPassword(
	deps: FlowDeps,
	tx: Db,
	input: { accountId: string; passwordHash: string; now: number; keepSessionId?: string; pauseCodes: boolean; by: string; client: ClientInfo },
): Promise<SecurityEvent[]> {
	const { accountId, passwordHash, now, keepSessionId } = input;
	await tx
		.updateTable("accounts")
		.set({ password_hash: passwordHash, updated_at: now, ...(input.pauseCodes ? { codes_paused_until: now + deps.config.recoveryWaitMs } : {}) })
		.where("id", "=", accountId)
		.execute();
	let sessions = tx.deleteFrom("sessions").where("account_id", "=", accountId);
	if (keepSessionId) sessions = sessions.where("id", "!=", keepSessionId);
	await sessions.execute();
	await tx.deleteFrom("trusted_devices").where("account_id", "=", accountId).execute();
	await tx
		.updateTable("login_challenges")
		.set({ consumed_at: now })
		.where("account_id", "=", accountId)
		.where("consumed_at", "is", null)
		.execute();
	await tx
		.updateTable("action_tokens")
		.set({ used_at: now })
		.where("account_id", "=", accountId)
		.where("purpose", "in", ["password_reset", "password_reset_sms", "secure_account"])
		.where("used_at", "is", null)
		.execute();
	return endRecoveryAttempts(deps, tx, accountId, input.by, input.client, now);
}

/** Signed in: the current password, then a new one. This session stays; every other one ends. */
export async function changePassword(
	deps: FlowDeps,
	account: Account,
	input: { current: string; password: string },
	client: ClientInfo,
	keepSessionId: string,
): Promise<void> {
	checkNewPassword(deps, input.password, account.username);
	await requirePassword(deps, account, input.current, client);
	const passwordHash = await hashPassword(input.password);
	const events = await deps.db.transaction().execute(async (tx) => {
		const now = deps.clock();
		await lockAccount(tx, account.id);
		const ended = await applyNewPassword(deps, tx, { accountId: account.id, passwordHash, now, keepSessionId, pauseCodes: false, by: "password_change", client });
		return [
			...ended,
			await recordEvent(deps, tx, { accountId: account.id, kind: "password_changed", method: "password", client, detail: { via: "change" } }, now),
		];
	});
	deps.alerts.announce(...events);
}

interface ResetTarget {
	accountId: string;
	channel: "email" | "sms";
	to: string;
}

/** Who a "forgot password" request is for: an email, a phone number or a username, always a verified address. */
async function resetTarget(deps: FlowDeps, identifier: string): Promise<ResetTarget | undefined> {
	const target = await matchResetTarget(deps, identifier);
	if (!target) return undefined;
	// A locked account gets nothing, and the answer does not say so.
	const account = await deps.db.selectFrom("accounts").select("locked_at").where("id", "=", target.accountId).executeTakeFirst();
	return account && account.locked_at === null ? target : undefined;
}

async function matchResetTarget(deps: FlowDeps, identifier: string): Promise<ResetTarget | undefined> {
	const text = identifier.trim();
	const verified = deps.db.selectFrom("contacts").select(["account_id", "kind", "value"]).where("verified_at", "is not", null);
	if (text.includes("@")) {
		const email = canonicalEmail(text);
		if (!email) return undefined;
		const row = await verified.where("kind", "=", "email").where("value", "=", email).executeTakeFirst();
		return row ? { accountId: row.account_id, channel: "email", to: row.value } : undefined;
	}
	if (/^\+?[\d\s().-]{6,}$/.test(text)) {
		const phone = canonicalPhone(text).value;
		if (!phone) return undefined;
		// A number shared by several accounts names none of them: the username must be used.
		const rows = await verified.where("kind", "=", "phone").where("value", "=", phone).limit(2).execute();
		return rows.length === 1 ? { accountId: rows[0]!.account_id, channel: "sms", to: phone } : undefined;
	}
	const account = await deps.db.selectFrom("accounts").select("id").where("username", "=", canonicalUsername(text)).executeTakeFirst();
	if (!account) return undefined;
	const contacts = await verified.where("account_id", "=", account.id).execute();
	const email = contacts.find((c) => c.kind === "email");
	if (email) return { accountId: account.id, channel: "email", to: email.value };
	const phone = contacts.find((c) => c.kind === "phone");
	return phone ? { accountId: account.id, channel: "sms", to: phone.value } : undefined;
}

/**
 * "Forgot password": a link to the verified email (30 minutes), or a code to
 * the verified phone (10 minutes). The answer is the same whether or not an
 * account matched, and comes as fast: the lookup is the same either way, and
 * everything that only happens for a real account happens after the answer.
 * The token returned goes with an SMS code; alone it is worth nothing.
 */
export async function requestPasswordReset(deps: FlowDeps, identifier: string, client: ClientInfo): Promise<{ token: string }> {
	await deps.attempts.count([{ key: deps.attempts.key("reset:address", addressBucket(client.ip)), limit: SENDS_PER_ADDRESS }]);
	const token = newToken(deps.random);
	const target = await resetTarget(deps, identifier);
	if (target) deps.alerts.later("password reset", () => sendReset(deps, target, token, client));
	return { token };
}

async function sendReset(deps: FlowDeps, target: ResetTarget, flowToken: string, client: ClientInfo): Promise<void> {
	try {
		await deps.attempts.count([{ key: deps.attempts.key("reset:account", target.accountId), limit: SENDS_PER_HOUR }]);
	} catch {
		return; // Over the hourly budget: nothing more is sent, and nobody is told.
	}
	const now = deps.clock();
	const id = newId(deps.random);
	let message: Parameters<typeof deps.delivery.send>[0];
	if (target.channel === "email") {
		const link = await issueActionToken(deps, deps.db, { accountId: target.accountId, purpose: "password_reset", ttlMs: RESET_LINK_TTL_MS });
		message = resetLinkMessage(target.to, `${deps.config.publicUrl}/reset-password?token=${link}`, deps.config.issuer);
	} else {
		const code = sixDigits(deps.random);
		const codeHash = deps.methods.oneTimeCodes.hash(id, code);
		await issueActionToken(deps, deps.db, { id, accountId: target.accountId, purpose: "password_reset_sms", token: flowToken, codeHash, ttlMs: ONE_TIME_CODE_TTL_MS });
		message = codeMessage("sms", target.to, code, "password_reset", deps.config.issuer);
	}
	await recordEvent(deps, deps.db, { accountId: target.accountId, kind: "password_reset_requested", method: target.channel, client }, now);
	await deps.delivery.send(message);
}

function resetLinkMessage(to: string, link: string, issuer: string) {
	const text = [
		`Someone asked to reset the password of your ${issuer} account.`,
		"",
		"To choose a new password, open this link within 30 minutes. It works once:",
		link,
		"",
		"Your second step (authenticator app, passkey or backup codes) is still needed to sign in afterwards.",
		"If you did not ask for this, ignore this email: your password stays as it is.",
		`${issuer} never asks for your codes or your password by message, email or phone call.`,
	].join("\n");
	return {
		channel: "email" as const,
		to,
		subject: `Reset your ${issuer} password`,
		text,
		html: text
			.split("\n")
			.map((line) => (line.startsWith("http") ? `<p><a href="${escapeHtml(line)}">${escapeHtml(line)}</a></p>` : line ? `<p>${escapeHtml(line)}</p>` : ""))
			.join(""),
	};
}

const wrongResetCode = () =>
	new TesseraError("invalid_code", {
		message: "That code didn't work, or it has expired. Check the text message, or ask for a new code.",
	});

/** Whether a reset link is still good: the page asks for a new password only then. */
export async function resetLinkIsLive(deps: FlowDeps, token: string | undefined, purpose: "password_reset" | "secure_account"): Promise<boolean> {
	if (!token || !looksLikeToken(token)) return false;
	const row = await deps.db
		.selectFrom("action_tokens")
		.select("id")
		.where("token_hash", "=", tokenHash(token))
		.where("purpose", "=", purpose)
		.where("used_at", "is", null)
		.where("expires_at", ">", deps.clock())
		.executeTakeFirst();
	return row !== undefined;
}

/**
 * A new password, with the emailed link's token, or with the request's token
 * and the code texted to the phone. Once, and only before it expires. The
 * password is judged against the username only once the token (and code) are
 * known good, so a guess at it tells nothing about whose number it was.
 */
export async function completePasswordReset(
	deps: FlowDeps,
	input: { token: string; code?: string | undefined; password: string },
	client: ClientInfo,
): Promise<void> {
	const viaCode = input.code !== undefined;
	checkNewPassword(deps, input.password, undefined);
	const row = looksLikeToken(input.token)
		? await deps.db
				.selectFrom("action_tokens as t")
				.innerJoin("accounts as a", "a.id", "t.account_id")
				.select(["t.id", "t.account_id", "t.purpose", "t.code_hash", "t.expires_at", "t.used_at", "a.username", "a.locked_at"])
				.where("t.token_hash", "=", tokenHash(input.token))
				.where("t.purpose", "=", viaCode ? "password_reset_sms" : "password_reset")
				.executeTakeFirst()
		: undefined;
	const live = row !== undefined && row.used_at === null && Number(row.expires_at) > deps.clock() && row.locked_at === null;
	if (viaCode) {
		// Counted per request, per account (a budget of its own: guessing here must not lock the
		// person's sign-in codes) and per address, whether or not the request names an account.
		const limits = [
			{ key: deps.attempts.key("reset:code", tokenHash(input.token)), limit: RESET_CODE_ATTEMPTS },
			{ key: deps.attempts.key("reset:code-account", row?.account_id ?? tokenHash(input.token)), limit: RESET_CODES_PER_ACCOUNT },
			{ key: deps.attempts.key("code:address", addressBucket(client.ip)), limit: deps.config.limits.codePerAddress },
		];
		try {
			await deps.attempts.attempt(limits, async () => {
				const digits = (input.code ?? "").normalize("NFKC").replace(/[\s-]/gu, "");
				const expected = Buffer.from(row?.code_hash ?? "", "utf8");
				const typed = Buffer.from(deps.methods.oneTimeCodes.hash(row?.id ?? "none", digits), "utf8");
				const matches = expected.length === typed.length && timingSafeEqual(expected, typed);
				if (!live || !matches || !/^\d{6}$/.test(digits)) throw wrongResetCode();
			});
		} catch (error) {
			if (row && isTesseraError(error) && error.code === "too_many_attempts") {
				deps.alerts.announce(await recordEvent(deps, deps.db, { accountId: row.account_id, kind: "too_many_failed_codes", method: "sms", client }));
			}
			throw error;
		}
	} else if (!live) {
		throw new TesseraError("invalid_link");
	}
	checkNewPassword(deps, input.password, row!.username);
	const passwordHash = await hashPassword(input.password);
	const { id, account_id: accountId } = row!;
	const events = await deps.db.transaction().execute(async (tx) => {
		const now = deps.clock();
		// The account first, then the token: every path that changes a password locks in that order.
		await lockAccount(tx, accountId);
		if (!(await claimActionToken(tx, id, now))) throw viaCode ? wrongResetCode() : new TesseraError("invalid_link");
		const ended = await applyNewPassword(deps, tx, { accountId, passwordHash, now, pauseCodes: true, by: "password_reset", client });
		return [
			...ended,
			await recordEvent(deps, tx, { accountId, kind: "password_changed", method: viaCode ? "sms" : "email", client, detail: { via: "reset" } }, now),
		];
	});
	deps.alerts.announce(...events);
}

/**
 * "Wasn't you?": the link in an alert ends every session and trusted device,
 * cancels a recovery in progress and sets a new password, all at once. It
 * signs nobody in.
 */
export async function secureAccount(
	deps: FlowDeps,
	input: { token: string; password: string },
	client: ClientInfo,
): Promise<void> {
	const row = looksLikeToken(input.token)
		? await deps.db
				.selectFrom("action_tokens as t")
				.innerJoin("accounts as a", "a.id", "t.account_id")
				.select(["t.id", "t.account_id", "t.expires_at", "t.used_at", "a.username"])
				.where("t.token_hash", "=", tokenHash(input.token))
				.where("t.purpose", "=", "secure_account")
				.executeTakeFirst()
		: undefined;
	if (!row || row.used_at !== null || Number(row.expires_at) <= deps.clock()) throw new TesseraError("invalid_link");
	checkNewPassword(deps, input.password, row.username);
	const passwordHash = await hashPassword(input.password);
	const events = await deps.db.transaction().execute(async (tx) => {
		const now = deps.clock();
		await lockAccount(tx, row.account_id);
		if (!(await claimActionToken(tx, row.id, now))) throw new TesseraError("invalid_link");
		const ended = await applyNewPassword(deps, tx, {
			accountId: row.account_id,
			passwordHash,
			now,
			pauseCodes: true,
			by: "secure_account",
			client,
		});
		const out: SecurityEvent[] = [await recordEvent(deps, tx, { accountId: row.account_id, kind: "sessions_ended", client }, now), ...ended];
		out.push(
			await recordEvent(deps, tx, { accountId: row.account_id, kind: "password_changed", client, detail: { via: "secure_account" } }, now),
		);
		return out;
	});
	deps.alerts.announce(...events);
}
