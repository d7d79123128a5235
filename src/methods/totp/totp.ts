import { Secret, TOTP } from "otpauth";
import { TesseraError, words } from "../../core/errors.ts";
import type { Db } from "../../store/db.ts";
import {
	type ConsumedProof,
	type CredentialView,
	type EnrolmentAnswer,
	type EnrolmentContext,
	type EnrolmentStart,
	type MethodAnswer,
	type MethodCopy,
	type MethodDeps,
	type MethodEnrolment,
	type MethodRegistration,
	type PreparedProof,
	type SecondFactorMethod,
	translatedCopy,
	typedCode,
} from "../types.ts";
import { open, seal } from "../../core/secret-box.ts";

/** RFC 6238 as authenticator apps implement it: SHA-1, 6 digits, 30-second steps. */
export const TOTP_PERIOD_SECONDS = 30;
export const TOTP_DIGITS = 6;
/** One step of clock drift either way. */
export const TOTP_WINDOW = 1;
const SECRET_BYTES = 20;
/**
 * How long a new phone's key waits for its first code. It was shown after the
 * password; past this, whoever holds only the session cannot bring it back to
 * take the account's codes over: the replacement starts again, password first.
 */
export const REPLACEMENT_TTL_MS = 30 * 60_000;

export interface CheckedPendingKey {
	step: number;
	sealed: string;
	/** The key of a new phone, to take the place of the one in use. */
	replacing: boolean;
}

function totpFor(secret: Secret, issuer: string, label: string): TOTP {
	return new TOTP({ issuer, label, algorithm: "SHA1", digits: TOTP_DIGITS, period: TOTP_PERIOD_SECONDS, secret });
}

/** Matches `code` against the steps around `now`; returns the step it belongs to. */
export function matchTotpStep(secret: Uint8Array, code: string, now: number): number | undefined {
	const cleaned = code.normalize("NFKC").replace(/[\s-]/gu, "");
	if (!/^\d{6}$/.test(cleaned)) return undefined;
	const totp = totpFor(new Secret({ buffer: Uint8Array.from(secret).buffer }), "x", "x");
	const delta = totp.validate({ token: cleaned, timestamp: now, window: TOTP_WINDOW });
	if (delta === null) return undefined;
	return Math.floor(now / 1000 / TOTP_PERIOD_SECONDS) + delta;
}

const copy: MethodCopy = translatedCopy(
	{
		title: "methods.totp.title",
		label: "methods.totp.label",
		hint: "methods.totp.hint",
		advice: { code_already_used: "methods.totp.advice.code_already_used", invalid_code: "methods.totp.advice.invalid_code" },
		// Setting up, the person has no backup codes yet: a wrong code is almost always the phone's clock.
		setUpAdvice: { invalid_code: "methods.totp.setUpAdvice.invalid_code" },
		noun: "methods.totp.noun",
		confirmWith: "methods.totp.confirmWith",
		signedInWith: "methods.totp.signedInWith",
	},
	{ inputMode: "numeric", autocomplete: "one-time-code", maxLength: 16 },
);

/** The authenticator app (RFC 6238): one key per account, sealed at rest; each step's code works once. */
export class TotpMethod implements SecondFactorMethod {
	readonly name = "totp";
	readonly label = copy.title;
	readonly copy = copy;
	readonly answer = "code";
	readonly reachableByReset = false;
	readonly role = "primary";
	readonly keptWhenTurnedOff = false;
	readonly sendsCodes = false;
	readonly amr = ["otp"];
	readonly level = "two_factor";
	readonly enrolment: MethodEnrolment;
	readonly #deps: MethodDeps;

	constructor(deps: MethodDeps) {
		this.#deps = deps;
		this.enrolment = {
			credentials: "one",
			begin: (tx, context, _prepared, now) => this.#begin(tx, context, now),
			beginReplacement: (tx, context, now) => this.#beginReplacement(tx, context, now),
			pending: (db, context) => this.#pending(db, context),
			check: (context, answer) => this.#checkPendingCode(context.accountId, answer),
			confirm: (tx, context, checked, now) => this.#confirm(tx, context.accountId, checked as CheckedPendingKey, now),
			list: (db, accountId) => this.#list(db, accountId),
			remove: async (tx, accountId) => {
				const result = await tx.deleteFrom("totp_credentials").where("account_id", "=", accountId).executeTakeFirst();
				return result.numDeletedRows > 0n;
			},
		};
	}

	#key() {
		return this.#deps.keys.key("totp-secret-encryption");
	}

	async isEnrolled(db: Db, accountId: string): Promise<boolean> {
		const row = await db
			.selectFrom("totp_credentials")
			.select("account_id")
			.where("account_id", "=", accountId)
			.where("confirmed_at", "is not", null)
			.executeTakeFirst();
		return row !== undefined;
	}

	async #list(db: Db, accountId: string): Promise<CredentialView[]> {
		const row = await db
			.selectFrom("totp_credentials")
			.select("confirmed_at")
			.where("account_id", "=", accountId)
			.where("confirmed_at", "is not", null)
			.executeTakeFirst();
		return row ? [{ id: "authenticator", name: copy.title, createdAt: Number(row.confirmed_at), lastUsedAt: null }] : [];
	}

	/** Starts (or restarts) enrolment: a new key, stored sealed and unconfirmed. */
	async #begin(tx: Db, context: EnrolmentContext, now: number): Promise<EnrolmentStart> {
		const { random, config } = this.#deps;
		const bytes = random(SECRET_BYTES);
		const sealed = seal(this.#key(), bytes, context.accountId, random);
		// A confirmed key is never overwritten: restarting enrolment only replaces a pending one.
		const written = await tx
			.insertInto("totp_credentials")
			.values({ account_id: context.accountId, secret_sealed: sealed, created_at: now, confirmed_at: null, last_used_step: null })
			.onConflict((oc) =>
				oc
					.column("account_id")
					.doUpdateSet({ secret_sealed: sealed, created_at: now, confirmed_at: null, last_used_step: null })
					.where("totp_credentials.confirmed_at", "is", null),
			)
			.executeTakeFirst();
		if (written.numInsertedOrUpdatedRows !== 1n) throw new TesseraError("two_factor_already_enabled");
		return this.#present(bytes, context.username, config.issuer);
	}

	/**
	 * Moving to a new phone: a new key waits beside the one in use, which keeps
	 * working until a code from the new app is confirmed. Starting again replaces
	 * the waiting key, never the one in use.
	 */
	async #beginReplacement(tx: Db, context: EnrolmentContext, now: number): Promise<EnrolmentStart> {
		const { random, config } = this.#deps;
		const bytes = random(SECRET_BYTES);
		const sealed = seal(this.#key(), bytes, context.accountId, random);
		const written = await tx
			.updateTable("totp_credentials")
			.set({ replacement_sealed: sealed, replacement_created_at: now })
			.where("account_id", "=", context.accountId)
			.where("confirmed_at", "is not", null)
			.executeTakeFirst();
		if (written.numUpdatedRows !== 1n) throw new TesseraError("two_factor_not_enabled");
		return this.#present(bytes, context.username, config.issuer);
	}

	/** The key still waiting for its first code (a first set-up, or a new phone's), shown again after a wrong one. */
	async #pending(db: Db, context: EnrolmentContext): Promise<EnrolmentStart | undefined> {
		const row = await db
			.selectFrom("totp_credentials")
			.select(["secret_sealed", "confirmed_at", "replacement_sealed", "replacement_created_at"])
			.where("account_id", "=", context.accountId)
			.executeTakeFirst();
		const waiting = row?.confirmed_at === null ? row.secret_sealed : row ? this.#replacementOf(row) : undefined;
		if (!waiting) return undefined;
		return this.#present(open(this.#key(), waiting, context.accountId), context.username, this.#deps.config.issuer);
	}

	async #present(bytes: Uint8Array, username: string, issuer: string): Promise<EnrolmentStart> {
		const secret = new Secret({ buffer: Uint8Array.from(bytes).buffer });
		const uri = totpFor(secret, issuer, username).toString();
		// qrcode (and the PNG writer under it) is loaded when a first QR code is drawn.
		const { default: QRCode } = await import("qrcode");
		const qrCodeSvg = await QRCode.toString(uri, { type: "svg", errorCorrectionLevel: "M", margin: 2 });
		return { kind: "shared_secret", secret: secret.base32, uri, qrCodeSvg };
	}

	/** The new phone's key, while it may still be confirmed. */
	#replacementOf(row: { replacement_sealed: string | null; replacement_created_at: number | null }): string | undefined {
		if (row.replacement_sealed === null || row.replacement_created_at === null) return undefined;
		return Number(row.replacement_created_at) > this.#deps.clock() - REPLACEMENT_TTL_MS ? row.replacement_sealed : undefined;
	}

	/**
	 * Checks the first code from the app against the pending key (a first set-up's,
	 * or a new phone's). The caller confirms with the result inside its transaction.
	 */
	async #checkPendingCode(accountId: string, answer: EnrolmentAnswer): Promise<CheckedPendingKey> {
		const row = await this.#deps.db
			.selectFrom("totp_credentials")
			.select(["secret_sealed", "confirmed_at", "replacement_sealed", "replacement_created_at"])
			.where("account_id", "=", accountId)
			.executeTakeFirst();
		// Set up already: the code is the new phone's, for the key waiting to replace it.
		const replacing = row !== undefined && row.confirmed_at !== null;
		const sealed = replacing ? this.#replacementOf(row) : row?.secret_sealed;
		if (!sealed) throw new TesseraError("totp_not_pending");
		const step = matchTotpStep(open(this.#key(), sealed, accountId), typedCode(answer), this.#deps.clock());
		if (step === undefined) {
			throw new TesseraError("invalid_code", {
				// The set-up's own advice (copy.setUpAdvice): the phone's clock, never backup codes, which do not exist yet.
				message: words("methods.totp.setUp.wrongCode"),
			});
		}
		return { step, sealed, replacing };
	}

	/**
	 * Marks the pending key confirmed, recording the first code's step so it
	 * cannot be replayed. Only the very key the code was checked against is
	 * confirmed: if enrolment restarted meanwhile (a new key the person never
	 * scanned), nothing is confirmed. A new phone's key takes the old key's place
	 * in this one write: the old app's codes stop working at the same moment.
	 */
	async #confirm(tx: Db, accountId: string, checked: CheckedPendingKey, now: number): Promise<CredentialView> {
		const result = checked.replacing
			? await tx
					.updateTable("totp_credentials")
					.set({
						secret_sealed: checked.sealed,
						created_at: now,
						confirmed_at: now,
						last_used_step: checked.step,
						replacement_sealed: null,
						replacement_created_at: null,
					})
					.where("account_id", "=", accountId)
					.where("confirmed_at", "is not", null)
					.where("replacement_sealed", "=", checked.sealed)
					.where("replacement_created_at", ">", now - REPLACEMENT_TTL_MS)
					.executeTakeFirst()
			: await tx
					.updateTable("totp_credentials")
					.set({ confirmed_at: now, last_used_step: checked.step })
					.where("account_id", "=", accountId)
					.where("confirmed_at", "is", null)
					.where("secret_sealed", "=", checked.sealed)
					.executeTakeFirst();
		if (result.numUpdatedRows !== 1n) throw new TesseraError("totp_not_pending");
		return { id: "authenticator", name: copy.title, createdAt: now, lastUsedAt: null };
	}

	async removeAll(tx: Db, accountId: string): Promise<void> {
		await tx.deleteFrom("totp_credentials").where("account_id", "=", accountId).execute();
	}

	async prepare({ accountId }: { accountId: string }, answer: MethodAnswer): Promise<PreparedProof> {
		const row = await this.#deps.db
			.selectFrom("totp_credentials")
			.select("secret_sealed")
			.where("account_id", "=", accountId)
			.where("confirmed_at", "is not", null)
			.executeTakeFirst();
		if (!row) throw new TesseraError("method_not_available");
		const step = matchTotpStep(open(this.#key(), row.secret_sealed, accountId), typedCode(answer), this.#deps.clock());
		if (step === undefined) {
			throw new TesseraError("invalid_code", {
				message: words("methods.totp.wrongCode"),
			});
		}
		return { method: this.name, accountId, detail: step };
	}

	async consume(tx: Db, proof: PreparedProof): Promise<ConsumedProof> {
		const step = proof.detail as number;
		const result = await tx
			.updateTable("totp_credentials")
			.set({ last_used_step: step })
			.where("account_id", "=", proof.accountId)
			.where("confirmed_at", "is not", null)
			.where((eb) => eb.or([eb("last_used_step", "is", null), eb("last_used_step", "<", step)]))
			.executeTakeFirst();
		if (result.numUpdatedRows !== 1n) {
			throw new TesseraError("code_already_used", { method: this.name });
		}
		return {};
	}
}

/** Registered in src/methods/registry.ts. */
export const totp: MethodRegistration = { name: "totp", create: (deps) => new TotpMethod(deps) };
