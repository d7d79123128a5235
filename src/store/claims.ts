import type { Db } from "./db.ts";

/** The single-use tables, and the column whose being set says a row was used. */
const usedColumn = { action_tokens: "used_at", login_challenges: "consumed_at" } as const;

/**
 * Uses the unexpired row `id` of `table`, once: the write is conditional on the
 * row being unused, so of two requests racing for it exactly one gets true, on
 * either database, and nothing is read first. False when it was used, expired
 * or never existed.
 */
export async function claimOnce(tx: Db, table: keyof typeof usedColumn, id: string, now: number): Promise<boolean> {
	const used = usedColumn[table];
	const claimed = await tx
		.updateTable(table)
		.set({ [used]: now })
		.where("id", "=", id)
		.where(used, "is", null)
		.where("expires_at", ">", now)
		.executeTakeFirst();
	return claimed.numUpdatedRows === 1n;
}
