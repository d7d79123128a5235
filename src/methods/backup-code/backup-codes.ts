import { createHmac } from "node:crypto";
import { sql } from "kysely";
import {
	type BackupCodeFormat,
	type BackupCodeFormatName,
	backupCodeFormat,
	displayBackupCode,
	generateBackupCodes,
	parseBackupCode,
} from "../../core/backup-code-format.ts";
import { TesseraError, words } from "../../core/errors.ts";
import { newId } from "../../core/tokens.ts";
import type { Db } from "../../store/db.ts";
import type { BackupCodeSetStatus } from "../../store/schema.ts";
import { hashWithPepper } from "../../hashing.ts";
import {
	type ConsumedProof,
	type CredentialView,
	type EnrolmentContext,
	type MethodAnswer,
	type MethodCopy,
	type MethodDeps,
	type MethodEnrolment,
	type MethodRegistration,
	type MethodStatus,
	type PreparedProof,
	type SecondFactorMethod,
	translatedCopy,
	typedCode,
} from "../types.ts";

/** A new set waits this long for one of its codes to be typed back, then it is dropped. */
export const PENDING_SET_TTL_MS = 60 * 60_000;
/** Replaced sets kept (as hashes) so an old code can be recognised as old. */
export const REPLACED_SETS_KEPT = 3;
export type BackupCodeStatus = MethodStatus;

export interface PendingSet {
	setId: string;
	expiresAt: number;
}

/** A freshly generated set: the codes as shown once, and their hashes. */
export interface PreparedSet {
	setId: string;
	/** "alphanumeric:8": the format and length the set's codes are read back in. */
	format: string;
	salt: string;
	/** Codes as people see them: XXXX-XXXX. */
	codes: string[];
	hashes: string[];
}

interface CandidateSet {
	id: string;
	status: BackupCodeSetStatus;
	format: string;
	salt: string;
	expires_at: number | null;
	replaced_at: number | null;
	/** The account's salt for codes, read with the sets (the same for each). */
	account_salt?: string | null;
}

interface BackupProofDetail {
	/** The typed code's hash under each set it could belong to. */
	candidates: { setId: string; status: BackupCodeSetStatus; hash: string; replacedAt: number | null }[];
}

const copy: MethodCopy = translatedCopy(
	{
		title: "methods.backup_code.title",
		label: "methods.backup_code.label",
		hint: "methods.backup_code.hint",
		advice: {
			code_typo: "methods.backup_code.advice.code_typo",
			code_already_used: "methods.backup_code.advice.code_already_used",
			code_replaced: "methods.backup_code.advice.code_replaced",
			invalid_code: "methods.backup_code.advice.invalid_code",
		},
		noun: "methods.backup_code.noun",
		confirmWith: "methods.backup_code.confirmWith",
		signedInWith: "methods.backup_code.signedInWith",
	},
	{ inputMode: "text", autocomplete: "off", maxLength: 64 },
);

/**
 * Backup codes.
 *
 * Storage: a typed code goes through argon2id once, with the account's salt and
 * the server's pepper; the result is then keyed per set with HMAC-SHA-256 under
 * the set's own salt. So checking a code costs exactly one slow hash whatever
 * the number of codes, and one HMAC per set kept (the working set, a pending
 * one, the last few replaced ones), which is what lets Tessera tell "already
 * used" and "from an old list" from "wrong". Nothing stored can be turned back
 * into a code without the pepper and an argon2id per guess.
 *
 * Life of a set: pending (shown once, waiting for one of its codes to be typed
 * back) → active (the working set) → replaced (kept as hashes for a while).
 */
export class BackupCodeMethod implements SecondFactorMethod {
	readonly name = "backup_code";
	readonly label = copy.title;
	readonly copy = copy;
	readonly answer = "code";
	readonly reachableByReset = false;
	readonly role = "fallback";
	readonly keptWhenTurnedOff = false;
	readonly sendsCodes = false;
	readonly amr = ["otp"];
	readonly level = "two_factor";
	/**
	 * A set: begun with new codes (hashed before the transaction), pending until one of
	 * them is typed back, which makes it the working set and the old one replaced.
	 */
	readonly enrolment: MethodEnrolment;
	readonly #deps: MethodDeps;
	/** argon2id computations made to check typed codes (not to make new sets): one per attempt. */
	readonly stats = { checkHashes: 0 };

	constructor(deps: MethodDeps) {
		this.#deps = deps;
		this.enrolment = {
			credentials: "one",
			prepareBegin: (context) => this.prepareSet(context.accountId),
			begin: async (tx, context, prepared, now) => {
				const set = prepared as PreparedSet;
				const pending = await this.savePending(tx, context.accountId, set, now);
				return { kind: "code_set", codes: set.codes, expiresAt: pending.expiresAt };
			},
			pending: async (db, context) => {
				const pending = await this.pending(db, context.accountId);
				return pending ? { kind: "code_set", codes: [], expiresAt: pending.expiresAt } : undefined;
			},
			check: (context: EnrolmentContext, answer) => this.checkPendingCode(context.accountId, typedCode(answer)),
			confirm: async (tx, context, checked, now) => {
				const status = await this.confirmPending(tx, context.accountId, checked as { setId: string; hash: string }, now);
				return { id: (checked as { setId: string }).setId, name: `${status.total} backup codes`, createdAt: now, lastUsedAt: null };
			},
			list: async (db, accountId): Promise<CredentialView[]> => {
				const status = await this.status(db, accountId);
				return status ? [{ id: "working-set", name: `${status.remaining} of ${status.total} backup codes left`, createdAt: status.createdAt, lastUsedAt: null }] : [];
			},
			remove: async (tx, accountId, _id, now) => {
				const had = (await this.status(tx, accountId)) !== undefined || (await this.pending(tx, accountId)) !== undefined;
				await this.retireAll(tx, accountId, now);
				return had;
			},
		};
	}

	get format(): BackupCodeFormat {
		return this.#deps.config.backupCodes.format;
	}

	/**
	 * Offered while an unused code is left, in the working set or in a new set
	 * still waiting for confirmation (saved, perhaps, but not yet typed back).
	 */
	async isEnrolled(db: Db, accountId: string): Promise<boolean> {
		if (((await this.status(db, accountId))?.remaining ?? 0) > 0) return true;
		return (await this.pending(db, accountId)) !== undefined;
	}

	/** The working set's counts and date, or undefined when there is none. */
	async status(db: Db, accountId: string): Promise<BackupCodeStatus | undefined> {
		const row = await db
			.selectFrom("backup_code_sets as s")
			.innerJoin("backup_codes as c", "c.set_id", "s.id")
			.select([
				"s.created_at",
				sql<number>`count(*)`.as("total"),
				sql<number>`sum(case when c.used_at is null then 1 else 0 end)`.as("remaining"),
			])
			.where("s.account_id", "=", accountId)
			.where("s.status", "=", "active")
			.groupBy(["s.id", "s.created_at"])
			.executeTakeFirst();
		if (!row) return undefined;
		return { remaining: Number(row.remaining), total: Number(row.total), createdAt: Number(row.created_at) };
	}

	/** The set waiting for confirmation, if it has not expired. */
	async pending(db: Db, accountId: string): Promise<PendingSet | undefined> {
		const row = await db
			.selectFrom("backup_code_sets")
			.select(["id", "expires_at"])
			.where("account_id", "=", accountId)
			.where("status", "=", "pending")
			.where("expires_at", ">", this.#deps.clock())
			.executeTakeFirst();
		return row ? { setId: row.id, expiresAt: Number(row.expires_at) } : undefined;
	}

	/** The account's argon2id salt for codes, made once. */
	async #accountSalt(accountId: string): Promise<Buffer> {
		const { db, random } = this.#deps;
		const read = () =>
			db.selectFrom("accounts").select("backup_code_salt").where("id", "=", accountId).executeTakeFirstOrThrow();
		let { backup_code_salt: salt } = await read();
		if (salt === null) {
			await db
				.updateTable("accounts")
				.set({ backup_code_salt: Buffer.from(random(16)).toString("base64url") })
				.where("id", "=", accountId)
				.where("backup_code_salt", "is", null)
				.execute();
			({ backup_code_salt: salt } = await read());
		}
		return Buffer.from(salt!, "base64url");
	}

	/** The slow part: argon2id of the canonical code. One per attempt. */
	async #digest(accountId: string, code: string, knownSalt?: string | null): Promise<Buffer> {
		const salt = knownSalt ? Buffer.from(knownSalt, "base64url") : await this.#accountSalt(accountId);
		return hashWithPepper(code, salt, this.#deps.keys.key("backup-code-pepper"));
	}

	#keyed(digest: Buffer, setSalt: string): string {
		return createHmac("sha256", Buffer.from(setSalt, "base64url")).update(digest).digest("base64url");
	}

	/** Generates and hashes a new set (one argon2id per code), outside any transaction. */
	async prepareSet(accountId: string): Promise<PreparedSet> {
		const { random, config } = this.#deps;
		const format = this.format;
		const codes = generateBackupCodes(format, random, config.backupCodes.count);
		const salt = Buffer.from(random(16)).toString("base64url");
		const digests = await Promise.all(codes.map((code) => this.#digest(accountId, code)));
		return {
			setId: newId(random),
			format: `${format.name}:${format.length}`,
			salt,
			codes: codes.map((code) => displayBackupCode(format, code)),
			hashes: digests.map((d) => this.#keyed(d, salt)),
		};
	}

	/** Stores a prepared set as the account's pending set, replacing any pending one. */
	async savePending(tx: Db, accountId: string, set: PreparedSet, now: number): Promise<PendingSet> {
		await this.#dropPending(tx, accountId);
		const expiresAt = now + PENDING_SET_TTL_MS;
		await tx
			.insertInto("backup_code_sets")
			.values({
				id: set.setId,
				account_id: accountId,
				format: set.format,
				salt: set.salt,
				status: "pending",
				created_at: now,
				expires_at: expiresAt,
				activated_at: null,
				replaced_at: null,
			})
			.execute();
		await tx
			.insertInto("backup_codes")
			.values(
				set.hashes.map((code_hash) => ({
					id: newId(this.#deps.random),
					set_id: set.setId,
					account_id: accountId,
					code_hash,
					used_at: null,
				})),
			)
			.execute();
		return { setId: set.setId, expiresAt };
	}

	async #dropPending(tx: Db, accountId: string): Promise<void> {
		const pending = tx
			.selectFrom("backup_code_sets")
			.select("id")
			.where("account_id", "=", accountId)
			.where("status", "=", "pending");
		await tx.deleteFrom("backup_codes").where("set_id", "in", pending).execute();
		await tx
			.deleteFrom("backup_code_sets")
			.where("account_id", "=", accountId)
			.where("status", "=", "pending")
			.execute();
	}

	/**
	 * Makes the pending set the working one, with one conditional write: only a
	 * pending, unexpired set of this account. The old working set is replaced.
	 * The caller holds the account lock; if another request has just activated
	 * this very set, there is nothing left to do.
	 */
	async #activate(tx: Db, accountId: string, setId: string, now: number): Promise<void> {
		const set = await tx
			.selectFrom("backup_code_sets")
			.select(["status", "expires_at"])
			.where("id", "=", setId)
			.where("account_id", "=", accountId)
			.executeTakeFirst();
		if (set?.status === "active") return;
		if (set?.status !== "pending" || Number(set.expires_at) <= now) throw new TesseraError("no_pending_codes");
		await this.#retireActive(tx, accountId, now);
		const activated = await tx
			.updateTable("backup_code_sets")
			.set({ status: "active", activated_at: now, expires_at: null })
			.where("id", "=", setId)
			.where("account_id", "=", accountId)
			.where("status", "=", "pending")
			.where("expires_at", ">", now)
			.executeTakeFirst();
		if (activated.numUpdatedRows !== 1n) throw new TesseraError("no_pending_codes");
		await this.#forgetOldSets(tx, accountId);
	}

	async #retireActive(tx: Db, accountId: string, now: number): Promise<void> {
		await tx
			.updateTable("backup_code_sets")
			.set({ status: "replaced", replaced_at: now })
			.where("account_id", "=", accountId)
			.where("status", "=", "active")
			.execute();
	}

	/** Keeps the last few replaced sets; older ones are deleted with their codes. */
	async #forgetOldSets(tx: Db, accountId: string): Promise<void> {
		const old = await tx
			.selectFrom("backup_code_sets")
			.select("id")
			.where("account_id", "=", accountId)
			.where("status", "=", "replaced")
			.orderBy("replaced_at", "desc")
			.orderBy("id")
			.offset(REPLACED_SETS_KEPT)
			.limit(1000)
			.execute();
		if (old.length === 0) return;
		const ids = old.map((r) => r.id);
		await tx.deleteFrom("backup_codes").where("set_id", "in", ids).execute();
		await tx.deleteFrom("backup_code_sets").where("id", "in", ids).execute();
	}

	/** Two-factor turned off: the working set is replaced and any pending one dropped. */
	async retireAll(tx: Db, accountId: string, now: number): Promise<void> {
		await this.#retireActive(tx, accountId, now);
		await this.#dropPending(tx, accountId);
	}

	/** Sets a typed code might belong to: the working one, a pending one, recent replaced ones. */
	async #candidateSets(accountId: string): Promise<CandidateSet[]> {
		// With the account's salt for codes: one statement before the hash, not two.
		return this.#deps.db
			.selectFrom("backup_code_sets as s")
			.innerJoin("accounts as a", "a.id", "s.account_id")
			.select(["s.id", "s.status", "s.format", "s.salt", "s.expires_at", "s.replaced_at", "a.backup_code_salt as account_salt"])
			.where("s.account_id", "=", accountId)
			.where((eb) =>
				eb.or([
					eb("s.status", "in", ["active", "replaced"]),
					eb.and([eb("s.status", "=", "pending"), eb("s.expires_at", ">", this.#deps.clock())]),
				]),
			)
			.execute();
	}

	/**
	 * Reads what was typed against every set it could belong to. A string that
	 * cannot be a code of any of their formats is a typo (`code_typo`), found
	 * without hashing; otherwise the code is hashed once.
	 */
	async #readTyped(accountId: string, typed: string, sets: CandidateSet[]): Promise<BackupProofDetail> {
		const digests = new Map<string, Promise<Buffer>>();
		const candidates: BackupProofDetail["candidates"] = [];
		const parsed = new Map<string, string | undefined>();
		const parse = (set: CandidateSet) => {
			if (!parsed.has(set.format)) {
				const [name, length] = set.format.split(":");
				parsed.set(set.format, parseBackupCode(backupCodeFormat(name as BackupCodeFormatName, Number(length)), typed));
			}
			return parsed.get(set.format);
		};
		// Whether it is a typo is judged by the sets that can still sign in; old sets in another
		// format are looked at only for what passes that test.
		if (!sets.some((set) => set.status !== "replaced" && parse(set) !== undefined)) throw new TesseraError("code_typo");
		for (const set of sets) {
			const code = parse(set);
			if (code === undefined) continue;
			let digest = digests.get(code);
			if (!digest) {
				this.stats.checkHashes++;
				digest = this.#digest(accountId, code, set.account_salt);
				digests.set(code, digest);
			}
			candidates.push({
				setId: set.id,
				status: set.status,
				hash: this.#keyed(await digest, set.salt),
				replacedAt: set.replaced_at === null ? null : Number(set.replaced_at),
			});
		}
		if (candidates.length === 0) throw new TesseraError("code_typo");
		return { candidates };
	}

	async prepare({ accountId }: { accountId: string }, answer: MethodAnswer): Promise<PreparedProof> {
		const sets = await this.#candidateSets(accountId);
		if (!sets.some((s) => s.status === "active" || s.status === "pending")) throw new TesseraError("method_not_available");
		return { method: this.name, accountId, detail: await this.#readTyped(accountId, typedCode(answer), sets) };
	}

	/**
	 * Inside the sign-in transaction: claims the code with one conditional write,
	 * or explains precisely why it cannot be claimed. A code from a set still
	 * waiting for confirmation proves that set was saved: the set becomes the
	 * working one and the code is used.
	 */
	async consume(tx: Db, proof: PreparedProof, now: number): Promise<ConsumedProof> {
		const { candidates } = proof.detail as BackupProofDetail;
		for (const candidate of candidates.filter((c) => c.status === "active" || c.status === "pending")) {
			if (candidate.status === "pending") {
				if (!(await this.#find(tx, candidate.setId, candidate.hash))) continue;
				await this.#activate(tx, proof.accountId, candidate.setId, now);
			}
			const claimed = await tx
				.updateTable("backup_codes")
				.set({ used_at: now })
				.where("set_id", "=", candidate.setId)
				.where("code_hash", "=", candidate.hash)
				.where("used_at", "is", null)
				.where((eb) =>
					eb.exists(
						eb.selectFrom("backup_code_sets").select("id").where("id", "=", candidate.setId).where("status", "=", "active"),
					),
				)
				.returning("id")
				.executeTakeFirst();
			if (claimed) return { remaining: await this.#remaining(tx, candidate.setId) };
			const used = await this.#find(tx, candidate.setId, candidate.hash);
			if (used?.used_at != null) {
				throw new TesseraError("code_already_used", {
					method: this.name,
					usedAt: Number(used.used_at),
					remaining: await this.#remaining(tx, candidate.setId),
				});
			}
		}
		for (const candidate of candidates.filter((c) => c.status === "replaced")) {
			if (await this.#find(tx, candidate.setId, candidate.hash)) {
				throw new TesseraError("code_replaced", { replacedAt: candidate.replacedAt ?? now });
			}
		}
		throw new TesseraError("invalid_code", {
			message: words("methods.backup_code.wrongCode"),
		});
	}

	/** The stored code with this hash in this set, if there is one. */
	#find(db: Db, setId: string, hash: string) {
		return db
			.selectFrom("backup_codes")
			.select(["id", "used_at"])
			.where("set_id", "=", setId)
			.where("code_hash", "=", hash)
			.executeTakeFirst();
	}

	async #remaining(tx: Db, setId: string): Promise<number> {
		const row = await tx
			.selectFrom("backup_codes")
			.select(sql<number>`count(*)`.as("n"))
			.where("set_id", "=", setId)
			.where("used_at", "is", null)
			.executeTakeFirstOrThrow();
		return Number(row.n);
	}

	/**
	 * Checks a code typed back from the pending set (outside a transaction: one
	 * argon2id). The code stays usable. Returns the set to activate.
	 */
	async checkPendingCode(accountId: string, typed: string): Promise<{ setId: string; hash: string }> {
		const pending = await this.#deps.db
			.selectFrom("backup_code_sets")
			.select(["id", "status", "format", "salt", "expires_at", "replaced_at"])
			.where("account_id", "=", accountId)
			.where("status", "=", "pending")
			.where("expires_at", ">", this.#deps.clock())
			.executeTakeFirst();
		if (!pending) throw new TesseraError("no_pending_codes");
		const { candidates } = await this.#readTyped(accountId, typed, [pending]);
		const candidate = candidates[0]!;
		if (!(await this.#find(this.#deps.db, candidate.setId, candidate.hash))) {
			throw new TesseraError("invalid_code", {
				message: words("methods.backup_code.notNewCode"),
			});
		}
		return { setId: candidate.setId, hash: candidate.hash };
	}

	/**
	 * Confirms the pending set inside the caller's transaction (which holds the
	 * account lock): the code checked outside must still be in that set, or the
	 * set has gone meanwhile. Returns the new working set's status.
	 */
	async confirmPending(tx: Db, accountId: string, checked: { setId: string; hash: string }, now: number): Promise<BackupCodeStatus> {
		if (!(await this.#find(tx, checked.setId, checked.hash))) throw new TesseraError("no_pending_codes");
		await this.#activate(tx, accountId, checked.setId, now);
		return (await this.status(tx, accountId))!;
	}

	removeAll(tx: Db, accountId: string, now: number): Promise<void> {
		return this.retireAll(tx, accountId, now);
	}

	/** Deletes pending sets that were never confirmed. */
	async prune(db: Db, now: number): Promise<void> {
		const expired = db
			.selectFrom("backup_code_sets")
			.select("id")
			.where("status", "=", "pending")
			.where("expires_at", "<=", now);
		await db.deleteFrom("backup_codes").where("set_id", "in", expired).execute();
		await db.deleteFrom("backup_code_sets").where("status", "=", "pending").where("expires_at", "<=", now).execute();
	}
}

/** Registered in src/methods/registry.ts. */
export const backupCodes: MethodRegistration = { name: "backup_code", create: (deps) => new BackupCodeMethod(deps) };
