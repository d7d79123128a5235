import { timingSafeEqual } from "node:crypto";
import { addressBucket } from "../core/address.ts";
import { canonicalEmail, canonicalPhone } from "../core/contact.ts";
import { isTesseraError, TesseraError, words } from "../core/errors.ts";
import { looksLikeToken, newId, newToken, tokenHash } from "../core/tokens.ts";
import { canonicalUsername } from "../core/username.ts";
import { codeMessage } from "../delivery/messages/codes.ts";
import { messagePresentation } from "../delivery/messages/common.ts";
import { resetLinkMessage } from "../delivery/messages/links.ts";
import { withPresentation } from "../i18n/context.ts";
import { ONE_TIME_CODE_TTL_MS, SENDS_PER_ADDRESS, SENDS_PER_HOUR, sixDigits } from "../codes/one-time-codes.ts";
import { electiveHashing, hashPassword } from "../hashing.ts";
import { liftCodesPause, lockAccount, readAccountById, readTwoFactorEnabled, setPassword } from "../store/accounts.ts";
import { claimActionToken, findSecureAccountLink, readResetToken } from "../store/action-tokens.ts";
import { readPendingReset } from "../store/challenges.ts";
import { findResetAddressByEmail, findResetAddressByUsername, findResetAddressesByPhone } from "../store/contacts.ts";
import type { Db } from "../store/db.ts";
import type { Account } from "../store/schema.ts";
import { issueActionToken } from "./action-tokens.ts";
import { requirePassword } from "./accounts.ts";
import type { ClientInfo, FlowDeps } from "./deps.ts";
import { recordEvent, type SecurityEvent } from "./events.ts";
import { completeReadyRecovery } from "./recovery.ts";
import { endAllAccess } from "./access.ts";
import type { MethodAnswer, MethodName } from "../methods/types.ts";
import { createChallenge, methodsFor, type SecondFactorChallenge } from "./challenge.ts";
import { proveSecondFactor } from "./sign-in.ts";

/**
 * Changing a password, resetting a forgotten one, and "Wasn't you?".
 *
 * Whichever way a password changes, the same things follow in the same
 * transaction: other sessions end, trusted devices are forgotten, sign-ins
 * in progress and reset links stop working. Two-factor is never touched.
 *
 * No link or texted code ever grants a session, and on an account with
 * two-factor a reset sets the password only once a factor that no reset can
 * reach (authenticator app, passkey, backup code) confirms it:
 *
 *   link or code ──(two-factor off)────────────────────────────► new password
 *                └─(two-factor on)─► challenge ──(strong factor)─► new password
 *                                              └─(none left)─► account recovery,
 *                       whose wait, alerts and cancel links come before any reset
 *
 * "Wasn't you?" signs out everywhere and sets nothing.
 */

/** What "forgot password" answers: the same words whether or not an account matched (the pages say it in the person's language: "recovery.resetSent.message"). */
export const resetRequestedMessage =
	"If an account matches, we sent a link to its confirmed email address, or a code by text message to its confirmed phone. The link works for 30 minutes, the code for 10.";

/** A reset link sent by email works this long. */
export const RESET_LINK_TTL_MS = 30 * 60_000;
/** Wrong codes one SMS reset allows before it must be asked for again. */
const RESET_CODE_ATTEMPTS = { max: 5, windowMs: ONE_TIME_CODE_TTL_MS };
/** And per account, across every request: ten an hour. */
const RESET_CODES_PER_ACCOUNT = { max: 10, windowMs: 60 * 60_000 };
/** New passwords offered through good links or codes, per account: each costs an argon2id. */
const RESET_COMPLETIONS_PER_ACCOUNT = { max: 10, windowMs: 60 * 60_000 };

function checkNewPassword(deps: FlowDeps, password: string, username: string | undefined): void {
	const problem = deps.passwordPolicy.check(password, username);
	if (!problem) return;
	if (problem.kind === "length") throw new TesseraError("invalid_request", { fields: [problem.problem] });
	throw new TesseraError("weak_password", { message: () => problem.problem.problem, fields: [problem.problem] });
}

/**
 * The new password in place, and everything that trusted the old one ended:
 * other sessions, trusted devices, sign-ins in progress, reset and "Wasn't
 * you?" links, a recovery under way. After a reset no strong factor confirmed
 * (`pauseCodes`: an account without two-factor), codes by email and SMS stop
 * counting as a second step until a strong factor signs in: the reset came
 * through one of those channels. The caller holds the account lock.
 */
async function applyNewPassword(
	deps: FlowDeps,
	tx: Db,
	input: { accountId: string; passwordHash: string; now: number; keepSessionId?: string; pauseCodes: boolean; by: string; client: ClientInfo },
): Promise<SecurityEvent[]> {
	const { accountId, passwordHash, now } = input;
	await setPassword(tx, accountId, passwordHash, now, input.pauseCodes);
	return endAllAccess(deps, tx, input);
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
	const passwordHash = await electiveHashing(() => hashPassword(input.password));
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
	contactId: string;
	channel: "email" | "sms";
	to: string;
}

/**
 * Who a "forgot password" request is for: an email, a phone number or a
 * username, always a verified address, never a locked account. One statement
 * whatever the answer, so an existing name costs no more time than an unknown one.
 */
async function resetTarget(deps: FlowDeps, identifier: string): Promise<ResetTarget | undefined> {
	const text = identifier.trim();
	const target = (row: { id: string; account_id: string; kind: string; value: string }): ResetTarget => ({
		accountId: row.account_id,
		contactId: row.id,
		channel: row.kind === "email" ? "email" : "sms",
		to: row.value,
	});
	if (text.includes("@")) {
		const email = canonicalEmail(text) ?? "";
		const row = await findResetAddressByEmail(deps.db, email);
		return row ? target(row) : undefined;
	}
	if (/^\+?[\d\s().-]{6,}$/.test(text)) {
		const phone = canonicalPhone(text).value ?? "";
		// A number shared by several accounts names none of them: the username must be used.
		const rows = await findResetAddressesByPhone(deps.db, phone);
		return rows.length === 1 ? target(rows[0]!) : undefined;
	}
	// Email before phone: "email" sorts first.
	const row = await findResetAddressByUsername(deps.db, canonicalUsername(text));
	return row ? target(row) : undefined;
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
	// Written in the account's language and time zone (the request's, until the account has one).
	const inAccountLanguage = messagePresentation(await readAccountById(deps.db, target.accountId), deps.config.brand);
	let message: Parameters<typeof deps.delivery.send>[0];
	if (target.channel === "email") {
		const link = await issueActionToken(deps, deps.db, {
			accountId: target.accountId,
			contactId: target.contactId,
			purpose: "password_reset",
			ttlMs: RESET_LINK_TTL_MS,
		});
		message = withPresentation(inAccountLanguage, () => resetLinkMessage(target.to, `${deps.config.publicUrl}/reset-password?token=${link}`));
	} else {
		const code = sixDigits(deps.random);
		const codeHash = deps.oneTimeCodes.hash(id, code);
		await issueActionToken(deps, deps.db, {
			id,
			accountId: target.accountId,
			contactId: target.contactId,
			purpose: "password_reset_sms",
			token: flowToken,
			codeHash,
			ttlMs: ONE_TIME_CODE_TTL_MS,
		});
		message = withPresentation(inAccountLanguage, () => codeMessage("sms", target.to, code, "password_reset", deps.config));
	}
	await recordEvent(deps, deps.db, { accountId: target.accountId, kind: "password_reset_requested", method: target.channel, client }, now);
	await deps.delivery.send(message);
}

const wrongResetCode = () =>
	new TesseraError("invalid_code", {
		message: words("errors.reset.wrongCode"),
	});

/** What a reset's link (or texted code) led to. */
export type PasswordResetOutcome =
	| { status: "password_changed" }
	/** Two-factor is on: the new password takes effect once a strong factor answers this challenge. */
	| { status: "second_factor_required"; secondFactor: SecondFactorChallenge };

/**
 * A new password, with the emailed link's token, or with the request's token
 * and the code texted to the phone. Once, and only before it expires. The
 * password is judged against the username only once the token (and code) are
 * known good, so a guess at it tells nothing about whose number it was.
 *
 * On an account with two-factor nothing changes yet: the new password waits,
 * hashed, in a challenge that only a factor no reset can reach may answer
 * (`completePasswordResetSecondFactor`). With none of those left, the person is
 * offered account recovery from that challenge; once a recovery's wait is over,
 * the reset completes it instead (two-factor is reset, every address alerted).
 */
export async function completePasswordReset(
	deps: FlowDeps,
	input: { token: string; code?: string | undefined; password: string },
	client: ClientInfo,
): Promise<PasswordResetOutcome> {
	const viaCode = input.code !== undefined;
	checkNewPassword(deps, input.password, undefined);
	const row = looksLikeToken(input.token)
		? await readResetToken(deps.db, tokenHash(input.token), viaCode ? "password_reset_sms" : "password_reset")
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
				const typed = Buffer.from(deps.oneTimeCodes.hash(row?.id ?? "none", digits), "utf8");
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
	const account = row!;
	checkNewPassword(deps, input.password, account.username);
	// With two-factor on, a link (or code) stays good until its second step: each try hashes a
	// new password, so one link buys a few, not without end.
	await deps.attempts.count([{ key: deps.attempts.key("reset:complete", account.id), limit: RESET_COMPLETIONS_PER_ACCOUNT }]);
	const passwordHash = await hashPassword(input.password);
	const { id, account_id: accountId } = account;
	const via = viaCode ? "sms" : "email";
	const invalid = () => (viaCode ? wrongResetCode() : new TesseraError("invalid_link"));
	if (account.two_factor_enabled) {
		// A recovery whose wait is over (with alerts and cancel links on every channel) completes here.
		const recovered = await deps.db.transaction().execute(async (tx) => {
			const now = deps.clock();
			await lockAccount(tx, accountId);
			const completed = await completeReadyRecovery(deps, tx, accountId, client, now);
			if (!completed) return undefined;
			if (!(await claimActionToken(tx, id, now))) throw invalid();
			const ended = await applyNewPassword(deps, tx, { accountId, passwordHash, now, pauseCodes: false, by: "password_reset", client });
			return [...completed, ...ended, await passwordChangedEvent(deps, tx, accountId, via, client, now)];
		});
		if (recovered) {
			deps.alerts.announce(...recovered);
			return { status: "password_changed" };
		}
		const methods = await methodsFor(deps, "password_reset", { id: accountId, two_factor_enabled: account.two_factor_enabled, codes_paused_at: account.codes_paused_at });
		const secondFactor = await createChallenge(deps, { id: accountId, preferred_method: account.preferred_method }, "password_reset", methods, client, deps.db, {
			actionTokenId: id,
			newPasswordHash: passwordHash,
		});
		return { status: "second_factor_required", secondFactor };
	}
	const events = await deps.db.transaction().execute(async (tx) => {
		const now = deps.clock();
		// The account first, then the token: every path that changes a password locks in that order.
		await lockAccount(tx, accountId);
		if (!(await claimActionToken(tx, id, now))) throw invalid();
		// Two-factor was turned on meanwhile: this reset is no longer enough.
		if ((await readTwoFactorEnabled(tx, accountId)).two_factor_enabled) throw invalid();
		const ended = await applyNewPassword(deps, tx, { accountId, passwordHash, now, pauseCodes: true, by: "password_reset", client });
		return [...ended, await passwordChangedEvent(deps, tx, accountId, via, client, now)];
	});
	deps.alerts.announce(...events);
	return { status: "password_changed" };
}

function passwordChangedEvent(deps: FlowDeps, tx: Db, accountId: string, method: string, client: ClientInfo, now: number) {
	return recordEvent(deps, tx, { accountId, kind: "password_changed", method, client, detail: { via: "reset" } }, now);
}

/**
 * The reset's second step: a factor no reset can reach answers the challenge,
 * and in one transaction the challenge closes, the factor is claimed, the
 * link (or texted code) is claimed, and the new password takes effect. Nothing
 * signs in: the person signs in with the new password afterwards.
 */
export async function completePasswordResetSecondFactor(
	deps: FlowDeps,
	input: { challenge: string; method: MethodName; answer: MethodAnswer },
	client: ClientInfo,
): Promise<PasswordResetOutcome> {
	const events = await proveSecondFactor(deps, "password_reset", input, client, async (tx, { accountId, challengeId, now, consumed }) => {
		const pending = await readPendingReset(tx, challengeId);
		if (!pending.action_token_id || !pending.new_password_hash || !(await claimActionToken(tx, pending.action_token_id, now))) {
			throw new TesseraError("invalid_link");
		}
		const ended = await applyNewPassword(deps, tx, {
			accountId,
			passwordHash: pending.new_password_hash,
			now,
			pauseCodes: false,
			by: "password_reset",
			client,
		});
		await liftCodesPause(tx, accountId);
		const used =
			consumed.remaining === undefined
				? []
				: [await recordEvent(deps, tx, { accountId, kind: "backup_code_used", method: input.method, client, detail: { remaining: consumed.remaining, via: "reset" } }, now)];
		return [...ended, ...used, await passwordChangedEvent(deps, tx, accountId, input.method, client, now)];
	});
	deps.alerts.announce(...events);
	return { status: "password_changed" };
}

/**
 * "Wasn't you?": the link in an alert signs the account out everywhere, forgets
 * every trusted device, ends sign-ins and resets in progress, and cancels a
 * recovery under way, all at once. It sets no password and signs nobody in: a
 * link's holder may be the one who should not be there. A new password comes
 * through "Forgot password", which asks for the second step like any other.
 */
export async function secureAccount(deps: FlowDeps, input: { token: string }, client: ClientInfo): Promise<void> {
	if (!looksLikeToken(input.token)) throw new TesseraError("invalid_link");
	const events = await deps.db.transaction().execute(async (tx) => {
		const now = deps.clock();
		const row = await findSecureAccountLink(tx, tokenHash(input.token));
		if (!row) throw new TesseraError("invalid_link");
		await lockAccount(tx, row.account_id);
		if (!(await claimActionToken(tx, row.id, now))) throw new TesseraError("invalid_link");
		const ended = await endAllAccess(deps, tx, { accountId: row.account_id, now, by: "secure_account", client });
		return [await recordEvent(deps, tx, { accountId: row.account_id, kind: "sessions_ended", client }, now), ...ended];
	});
	deps.alerts.announce(...events);
}
