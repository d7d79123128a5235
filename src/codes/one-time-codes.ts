import { createHmac } from "node:crypto";
import { addressBucket } from "../core/address.ts";
import { lockAccount } from "../store/errors.ts";
import { TesseraError, words } from "../core/errors.ts";
import type { RandomSource } from "../core/random.ts";
import { newId } from "../core/tokens.ts";
import type { Delivery, DeliveryOutcome } from "../delivery/delivery.ts";
import { DeliveryError, type OutgoingMessage } from "../delivery/message.ts";
import { messagePresentation } from "../delivery/messages/common.ts";
import { withPresentation } from "../i18n/context.ts";
import type { AttemptCounter } from "../limits/attempts.ts";
import { readAccountById } from "../store/accounts.ts";
import type { Db } from "../store/db.ts";
import type { OneTimeCodesTable } from "../store/schema.ts";
import type { MethodDeps } from "../methods/types.ts";

/** Six digits, valid ten minutes, once. */
export const ONE_TIME_CODE_TTL_MS = 10 * 60_000;
/** A new code may be sent a minute after the last one. */
export const RESEND_AFTER_MS = 60_000;
/** At most five sends an hour per account and per destination. */
export const SENDS_PER_HOUR = { max: 5, windowMs: 60 * 60_000 } as const;
/** And at most twenty an hour from one client address (an IPv6 /64), whatever the accounts. */
export const SENDS_PER_ADDRESS = { max: 20, windowMs: 60 * 60_000 } as const;

export interface CodeScope {
	accountId: string;
	purpose: OneTimeCodesTable["purpose"];
	channel: OneTimeCodesTable["channel"];
	/** For purpose "contact": the address being proved. */
	contactId?: string;
	/** For purpose "sign_in": the sign-in the code belongs to. */
	challengeId?: string;
}

export interface IssuedCode {
	expiresAt: number;
	resendAfter: number;
	delivery: DeliveryOutcome;
}

/** Six uniform digits: bytes of 250 or more are drawn again, so no digit is favoured. */
export function sixDigits(random: RandomSource): string {
	let code = "";
	while (code.length < 6) {
		for (const byte of random(8)) if (byte < 250 && code.length < 6) code += String(byte % 10);
	}
	return code;
}

/**
 * Codes sent by SMS or email, to prove an address or as a second factor.
 * Stored as HMACs under a server key (a six-digit code is no secret against a
 * search, but nothing useful rests in the database); a new code for the same
 * purpose supersedes the old one; each is claimed once by a conditional write.
 */
export class OneTimeCodes {
	readonly #deps: MethodDeps;
	readonly #attempts: AttemptCounter;
	readonly #delivery: Delivery;

	constructor(deps: MethodDeps, attempts: AttemptCounter, delivery: Delivery) {
		this.#deps = deps;
		this.#attempts = attempts;
		this.#delivery = delivery;
	}

	hash(id: string, code: string): string {
		return createHmac("sha256", this.#deps.keys.hmacKey("one-time-code")).update(`${id}:${code}`).digest("base64url");
	}

	#scoped(db: Db, scope: CodeScope) {
		let query = db
			.selectFrom("one_time_codes")
			.where("account_id", "=", scope.accountId)
			.where("purpose", "=", scope.purpose)
			.where("channel", "=", scope.channel);
		if (scope.contactId) query = query.where("contact_id", "=", scope.contactId);
		if (scope.challengeId) query = query.where("challenge_id", "=", scope.challengeId);
		return query;
	}

	/**
	 * Makes a new code for `scope`, retiring any earlier one, and sends it.
	 * Refused within a minute of the last send (`resend_too_soon`) and past five
	 * sends an hour to the account or to the destination (`too_many_attempts`).
	 * Failed guesses are counted elsewhere, per account: a new code never resets them.
	 */
	async issue(
		scope: CodeScope,
		destination: string,
		client: { ip: string },
		/** Written once the code is made, so what it carries is made only for a code that goes. */
		message: (code: string) => OutgoingMessage | Promise<OutgoingMessage>,
	): Promise<IssuedCode> {
		if (!this.#delivery.supports(scope.channel)) throw new TesseraError("channel_unavailable");
		const { db, clock, random } = this.#deps;
		const id = newId(random);
		const code = sixDigits(random);
		let expiresAt = 0;
		let now = 0;
		// The wait, the counts and the new code in one transaction under the account lock:
		// parallel requests are judged one after the other.
		await db.transaction().execute(async (tx) => {
			await lockAccount(tx, scope.accountId);
			now = clock();
			expiresAt = now + ONE_TIME_CODE_TTL_MS;
			const last = await tx
				.selectFrom("one_time_codes")
				.select("created_at")
				.where("account_id", "=", scope.accountId)
				.where("purpose", "=", scope.purpose)
				.where("channel", "=", scope.channel)
				.orderBy("created_at", "desc")
				.executeTakeFirst();
			if (last && Number(last.created_at) + RESEND_AFTER_MS > now) {
				const retryAfterSeconds = Math.ceil((Number(last.created_at) + RESEND_AFTER_MS - now) / 1000);
				throw new TesseraError("resend_too_soon", { retryAfterSeconds });
			}
			await this.endOutstanding(tx, scope, now);
			await tx
				.insertInto("one_time_codes")
				.values({
					id,
					account_id: scope.accountId,
					purpose: scope.purpose,
					channel: scope.channel,
					contact_id: scope.contactId ?? null,
					challenge_id: scope.challengeId ?? null,
					code_hash: this.hash(id, code),
					created_at: now,
					expires_at: expiresAt,
					used_at: null,
					superseded_at: null,
				})
				.execute();
		});
		// Counted once the code exists (the counter must not run inside this transaction: on
		// SQLite it shares the one connection); over a limit, the new code is withdrawn.
		try {
			await this.#attempts.count([
				{ key: this.#attempts.key("send:account", scope.accountId), limit: SENDS_PER_HOUR },
				// Proving an address and signing in have budgets of their own, so adding
				// someone's number cannot use up their sign-in texts.
				{ key: this.#attempts.key(`send:destination:${scope.purpose}`, destination), limit: SENDS_PER_HOUR },
				{ key: this.#attempts.key("send:address", addressBucket(client.ip)), limit: SENDS_PER_ADDRESS },
			]);
		} catch (error) {
			await db.updateTable("one_time_codes").set({ superseded_at: now }).where("id", "=", id).execute();
			throw error;
		}
		// Written in the account's language and time zone (the request's, until the account has one).
		const account = await readAccountById(db, scope.accountId);
		const written = await withPresentation(messagePresentation(account, this.#deps.config.brand), async () => message(code));
		let delivery: DeliveryOutcome;
		try {
			delivery = await this.#delivery.send(written);
		} catch (error) {
			if (error instanceof DeliveryError) throw new TesseraError("delivery_failed");
			throw error;
		}
		return { expiresAt, resendAfter: now + RESEND_AFTER_MS, delivery };
	}

	/** The live code for `scope` and the hash of what was typed, checked outside any transaction. */
	async prepare(scope: CodeScope, typed: string): Promise<{ id: string; hash: string }> {
		const digits = typed.normalize("NFKC").replace(/[\s-]/gu, "");
		const live = await this.#scoped(this.#deps.db, scope)
			.select(["id", "expires_at", "used_at", "superseded_at"])
			.orderBy("created_at", "desc")
			.executeTakeFirst();
		if (!live || live.superseded_at !== null || Number(live.expires_at) <= this.#deps.clock()) {
			throw new TesseraError("invalid_code", {
				message: words("errors.sentCode.expired"),
			});
		}
		if (!/^\d{6}$/.test(digits)) {
			throw new TesseraError("invalid_code", { message: words("errors.sentCode.sixDigits") });
		}
		return { id: live.id, hash: this.hash(live.id, digits) };
	}

	/** Codes for `scope` (its address and sign-in too, when it names them) not yet used stop working, in `tx`. */
	/** Deletes codes a day after they expired. */
	async prune(db: Db, now: number): Promise<void> {
		await db.deleteFrom("one_time_codes").where("expires_at", "<=", now - 86_400_000).execute();
	}

	async endOutstanding(tx: Db, scope: CodeScope, now: number): Promise<void> {
		let supersede = tx
			.updateTable("one_time_codes")
			.set({ superseded_at: now })
			.where("account_id", "=", scope.accountId)
			.where("purpose", "=", scope.purpose)
			.where("channel", "=", scope.channel)
			.where("used_at", "is", null)
			.where("superseded_at", "is", null);
		if (scope.contactId) supersede = supersede.where("contact_id", "=", scope.contactId);
		if (scope.challengeId) supersede = supersede.where("challenge_id", "=", scope.challengeId);
		await supersede.execute();
	}

	/** Claims the code: once, unexpired, not superseded, and only if it matches. */
	async consume(tx: Db, checked: { id: string; hash: string }, now: number): Promise<void> {
		const claimed = await tx
			.updateTable("one_time_codes")
			.set({ used_at: now })
			.where("id", "=", checked.id)
			.where("code_hash", "=", checked.hash)
			.where("used_at", "is", null)
			.where("superseded_at", "is", null)
			.where("expires_at", ">", now)
			.executeTakeFirst();
		if (claimed.numUpdatedRows === 1n) return;
		const row = await tx
			.selectFrom("one_time_codes")
			.select(["used_at", "code_hash", "channel"])
			.where("id", "=", checked.id)
			.executeTakeFirst();
		if (row?.used_at != null && row.code_hash === checked.hash) {
			throw new TesseraError("code_already_used", { method: row.channel, usedAt: Number(row.used_at) });
		}
		throw new TesseraError("invalid_code", { message: words("errors.sentCode.wrong") });
	}
}
