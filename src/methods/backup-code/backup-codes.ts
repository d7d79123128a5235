import { sql } from "kysely";
import { generateBackupCodes, normalizeBackupCode } from "../../core/backup-code-format.ts";
import { formatUtc } from "../../core/dates.ts";
import { TesseraError } from "../../core/errors.ts";
import { newId } from "../../core/tokens.ts";
import type { Db } from "../../store/db.ts";
import { hashWithPepper } from "../password/hashing.ts";
import type { ConsumedProof, MethodDeps, PreparedProof, SecondFactorMethod } from "../types.ts";

export interface BackupCodeStatus {
	remaining: number;
	total: number;
	createdAt: number;
}

export interface PreparedSet {
	setId: string;
	salt: string;
	codes: string[];
	hashes: string[];
}

/**
 * Backup codes. Every code of a set is hashed with argon2id under the set's own
 * salt and the server's pepper; checking a typed code is therefore one hash,
 * then an exact lookup, however many codes the set holds.
 */
export class BackupCodeMethod implements SecondFactorMethod {
	readonly name = "backup_code" as const;
	readonly label = "Backup code";
	readonly #deps: MethodDeps;

	constructor(deps: MethodDeps) {
		this.#deps = deps;
	}

	#hash(code: string, salt: string): Promise<string> {
		return hashWithPepper(code, Buffer.from(salt, "base64url"), this.#deps.keys.key("backup-code-pepper")).then((h) =>
			h.toString("base64url"),
		);
	}

	/** Offered only while an unused code is left: a spent list is no way in. */
	async isEnrolled(db: Db, accountId: string): Promise<boolean> {
		return ((await this.status(db, accountId))?.remaining ?? 0) > 0;
	}

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
			.where("s.replaced_at", "is", null)
			.groupBy(["s.id", "s.created_at"])
			.executeTakeFirst();
		if (!row) return undefined;
		return { remaining: Number(row.remaining), total: Number(row.total), createdAt: Number(row.created_at) };
	}

	/** Generates and hashes a new set (slow: one argon2id per code), outside any transaction. */
	async prepareSet(): Promise<PreparedSet> {
		const { random } = this.#deps;
		const codes = generateBackupCodes(random);
		const salt = Buffer.from(random(16)).toString("base64url");
		const hashes = await Promise.all(codes.map((code) => this.#hash(code, salt)));
		return { setId: newId(random), salt, codes, hashes };
	}

	/** Makes the prepared set the account's only working set. */
	async install(tx: Db, accountId: string, set: PreparedSet, now: number): Promise<void> {
		await this.retireAll(tx, accountId, now);
		await tx
			.insertInto("backup_code_sets")
			.values({ id: set.setId, account_id: accountId, salt: set.salt, created_at: now, replaced_at: null })
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
	}

	/** Retires every working set: when a new one is installed, or two-factor is turned off. */
	async retireAll(tx: Db, accountId: string, now: number): Promise<void> {
		await tx
			.updateTable("backup_code_sets")
			.set({ replaced_at: now })
			.where("account_id", "=", accountId)
			.where("replaced_at", "is", null)
			.execute();
	}

	async prepare(accountId: string, typed: string): Promise<PreparedProof> {
		const code = normalizeBackupCode(typed);
		const set = await this.#deps.db
			.selectFrom("backup_code_sets")
			.select(["id", "salt"])
			.where("account_id", "=", accountId)
			.where("replaced_at", "is", null)
			.executeTakeFirst();
		if (!set) throw new TesseraError("method_not_available");
		if (code === undefined) {
			throw new TesseraError("invalid_code", {
				message: "That is not a backup code: they have 8 letters and digits, like ABCD-1234. Check it and try again.",
			});
		}
		return { method: "backup_code", accountId, detail: { setId: set.id, hash: await this.#hash(code, set.salt) } };
	}

	async consume(tx: Db, proof: PreparedProof, now: number): Promise<ConsumedProof> {
		const { setId, hash } = proof.detail as { setId: string; hash: string };
		const claimed = await tx
			.updateTable("backup_codes")
			.set({ used_at: now })
			.where("set_id", "=", setId)
			.where("code_hash", "=", hash)
			.where("used_at", "is", null)
			.where((eb) =>
				eb.exists(
					eb
						.selectFrom("backup_code_sets")
						.select("id")
						.where("id", "=", setId)
						.where("replaced_at", "is", null),
				),
			)
			.returning("id")
			.executeTakeFirst();
		if (!claimed) {
			const used = await tx
				.selectFrom("backup_codes")
				.select("used_at")
				.where("set_id", "=", setId)
				.where("code_hash", "=", hash)
				.executeTakeFirst();
			if (used?.used_at != null) {
				throw new TesseraError("code_already_used", {
					message: `That backup code was already used on ${formatUtc(Number(used.used_at))}. Each code works once: try another unused code from your list.`,
				});
			}
			throw new TesseraError("invalid_code", {
				message:
					"That backup code didn't work. Check each character, try another code from your newest list, or try another way.",
			});
		}
		const remaining = await tx
			.selectFrom("backup_codes")
			.select(sql<number>`count(*)`.as("n"))
			.where("set_id", "=", setId)
			.where("used_at", "is", null)
			.executeTakeFirstOrThrow();
		return { backupCodesRemaining: Number(remaining.n) };
	}
}
