/**
 * The cost of checking one typed backup code, against one argon2id hash, in one run,
 * in process, with sets of 1 and of 20 codes (the check must stay flat: one argon2id per
 * attempt however many codes the set holds). The whole backup-code sign-in step over
 * HTTP (POST /api/v1/sessions/second-factor) is measured in compare.ts.
 */
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Writable } from "node:stream";
import { loadConfig } from "../src/config.ts";
import { backupCodeFormat, displayBackupCode, generateBackupCode } from "../src/core/backup-code-format.ts";
import { secureRandom } from "../src/core/random.ts";
import { createLogger } from "../src/logger.ts";
import { hashPassword } from "../src/hashing.ts";
import type { BackupCodeMethod } from "../src/methods/backup-code/backup-codes.ts";
import { createTessera } from "../src/server.ts";
import { openSqlite } from "../src/store/db.ts";

const quiet = new Writable({ write: (_c, _e, done) => done() });

function median(values: number[]): number {
	const sorted = [...values].sort((a, b) => a - b);
	return sorted[Math.floor(sorted.length / 2)]!;
}

async function timeIt(fn: () => Promise<unknown>): Promise<number> {
	const t0 = performance.now();
	await fn();
	return performance.now() - t0;
}

/** An in-process Tessera whose sets hold `count` codes (below the configurable minimum, for the 1-code case). */
async function checker(count: number) {
	const dir = mkdtempSync(join(tmpdir(), "tessera-bench-codes-"));
	const config = { ...loadConfig({ TESSERA_DATA_DIR: dir }), backupCodes: { format: backupCodeFormat("alphanumeric"), count } };
	const store = openSqlite(join(dir, "tessera.db"));
	const tessera = await createTessera({ config, store, secret: randomBytes(32), logger: createLogger("silent", quiet) });
	const { deps } = tessera;
	const accountId = "bench-account";
	await deps.db
		.insertInto("accounts")
		.values({
			id: accountId,
			username: "bench",
			email: null,
			password_hash: "x",
			backup_code_salt: null,
			two_factor_enabled: 1,
			preferred_method: null,
			created_at: 0,
			updated_at: 0,
		})
		.execute();
	const codes = deps.methods.fallback as BackupCodeMethod;
	const set = await codes.prepareSet(accountId);
	await deps.db.transaction().execute(async (tx) => {
		const pending = await codes.savePending(tx, accountId, set, deps.clock());
		await codes.confirmPending(tx, accountId, { setId: pending.setId, hash: set.hashes[0]! }, deps.clock());
	});
	const format = config.backupCodes.format;
	return {
		/** One wrong (well-formed) code checked end to end: hash, lookups, the refusal. */
		async checkWrong() {
			const code = displayBackupCode(format, generateBackupCode(format, secureRandom));
			const proof = await codes.prepare({ accountId }, { code });
			await deps.db
				.transaction()
				.execute((tx) => codes.consume(tx, proof, deps.clock()))
				.catch(() => {});
		},
		async close() {
			await tessera.close();
			rmSync(dir, { recursive: true, force: true });
		},
	};
}

export interface BackupCodeCheck {
	/** Medians, ms. */
	hashMs: number;
	set1Ms: number;
	set20Ms: number;
}

export async function benchBackupCodeCheck(samples = 150): Promise<BackupCodeCheck> {
	const one = await checker(1);
	const twenty = await checker(20);
	const hash: number[] = [];
	const with1: number[] = [];
	const with20: number[] = [];
	// Interleaved, so drift in the machine's load touches all three alike.
	for (let i = 0; i < samples; i++) {
		hash.push(await timeIt(() => hashPassword("bench mark horse staple 42")));
		with1.push(await timeIt(() => one.checkWrong()));
		with20.push(await timeIt(() => twenty.checkWrong()));
	}
	await one.close();
	await twenty.close();
	const h = median(hash);
	console.log("\n## Checking one backup code (in process, sequential, median of", samples, "each)");
	console.log("| case | median ms | vs one argon2id hash |");
	console.log("|---|---:|---:|");
	console.log(`| one argon2id hash | ${h.toFixed(2)} | 1.00× |`);
	console.log(`| check, set of 1 code | ${median(with1).toFixed(2)} | ${(median(with1) / h).toFixed(2)}× |`);
	console.log(`| check, set of 20 codes | ${median(with20).toFixed(2)} | ${(median(with20) / h).toFixed(2)}× |`);
	console.log(`20 codes vs 1 code: ${((100 * (median(with20) - median(with1))) / median(with1)).toFixed(1)}%`);
	return { hashMs: h, set1Ms: median(with1), set20Ms: median(with20) };
}
