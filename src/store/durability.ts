import { sql } from "kysely";
import type { Db } from "./db.ts";

/**
 * On PostgreSQL, this transaction's commit does not wait for the write-ahead
 * log to reach the disk: for writes that may be lost if the database server
 * itself crashes. Nothing single-use may be spent in such a transaction.
 */
export async function commitWithoutWaitingForDisk(tx: Db): Promise<void> {
	await sql`set local synchronous_commit to off`.execute(tx);
}
