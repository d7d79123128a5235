import { sql } from "kysely";
import type { Db } from "./db.ts";

/**
 * The console's reports: accounts an operator should look at. Each page is one
 * statement, in username order, a page at a time by keyset (the last username
 * shown), never by OFFSET; the counts are one statement for all four.
 *
 * What each reads:
 * - two-factor off and locked: the partial indexes accounts_two_factor_off and
 *   accounts_locked (migration 018) hold only those accounts, in username order.
 *   "Since" for two-factor off is the latest event that turned it off, read per
 *   row of the page through security_events_account (account_id, created_at).
 * - running low on backup codes: every working set (backup_code_sets_one_active)
 *   and its codes (through the unique index on set_id, code_hash) of accounts with
 *   two-factor on. No index can hold "three or fewer left", so the count and the
 *   pages read every working set's codes, about ten rows per account with
 *   two-factor on: a read of one narrow table, done when an operator opens the
 *   report, never on a person's request.
 * - in recovery: waiting recoveries and open identity checks, through the partial
 *   unique indexes on each (account_recoveries_one_waiting, recovery_requests_one_open);
 *   there are few of them at any time.
 */

export type ReportName = "no_second_factor" | "few_codes" | "locked" | "in_recovery";

/** At most this many codes left counts as running low. */
export const FEW_CODES = 3;

/** Kinds of event after which two-factor is off: the latest is when it went off. */
const turnedOff = ["two_factor_disabled", "two_factor_reset", "recovery_completed"];

export interface ReportRow {
	accountId: string;
	username: string;
	/** Since when it is in the report (ms). */
	since: number;
	/** Codes left (few_codes); which kind of recovery (in_recovery: "recovery" or "identity_check"). */
	note?: string | number;
}

/** Where a page starts: after this username (and, in_recovery, this kind). */
export interface ReportKey {
	username: string;
	note?: string | undefined;
}

function twoFactorOffQuery(db: Db) {
	return db
		.selectFrom("accounts as a")
		.select([
			"a.id",
			"a.username",
			"a.created_at",
			(eb) =>
				eb
					.selectFrom("security_events as e")
					.select((e) => e.fn.max("e.created_at").as("at"))
					.whereRef("e.account_id", "=", "a.id")
					.where("e.kind", "in", turnedOff)
					.as("off_at"),
		])
		.where("a.two_factor_enabled", "=", 0);
}

function fewCodesQuery(db: Db) {
	return db
		.selectFrom("accounts as a")
		.innerJoin("backup_code_sets as s", (join) => join.onRef("s.account_id", "=", "a.id").on("s.status", "=", "active"))
		.innerJoin("backup_codes as c", "c.set_id", "s.id")
		.select([
			"a.id",
			"a.username",
			sql<number>`sum(case when c.used_at is null then 1 else 0 end)`.as("remaining"),
			// Running low since the last code was used.
			sql<number | null>`max(c.used_at)`.as("last_used_at"),
			"s.activated_at",
		])
		.where("a.two_factor_enabled", "=", 1)
		.groupBy(["a.id", "a.username", "s.id", "s.activated_at"])
		.having(sql<number>`sum(case when c.used_at is null then 1 else 0 end)`, "<=", FEW_CODES);
}

function lockedQuery(db: Db) {
	return db.selectFrom("accounts as a").select(["a.id", "a.username", "a.locked_at"]).where("a.locked_at", "is not", null);
}

/** Waiting recoveries not lapsed by `lapsedBefore`, and open identity checks, one row each. */
function inRecoveryQuery(db: Db, lapsedBefore: number) {
	const under = db
		.selectFrom("account_recoveries as r")
		.select(["r.account_id", "r.started_at as since", sql<string>`'recovery'`.as("what")])
		.where("r.status", "=", "waiting")
		.where("r.ready_at", ">", lapsedBefore)
		.unionAll(
			db
				.selectFrom("recovery_requests as q")
				.select(["q.account_id", "q.created_at as since", sql<string>`'identity_check'`.as("what")])
				.where("q.status", "=", "open"),
		);
	return db
		.selectFrom(under.as("x"))
		.innerJoin("accounts as a", "a.id", "x.account_id")
		.select(["a.id", "a.username", "x.since", "x.what"]);
}

/** One page of a report, in username order, after `after` when given: `limit` rows at most. */
export async function listReportPage(db: Db, report: ReportName, options: { after?: ReportKey | undefined; limit: number; lapsedBefore: number }): Promise<ReportRow[]> {
	const { after, limit } = options;
	switch (report) {
		case "no_second_factor": {
			let q = twoFactorOffQuery(db);
			if (after) q = q.where("a.username", ">", after.username);
			const rows = await q.orderBy("a.username").limit(limit).execute();
			return rows.map((r) => ({ accountId: r.id, username: r.username, since: Number(r.off_at ?? r.created_at) }));
		}
		case "few_codes": {
			let q = fewCodesQuery(db);
			if (after) q = q.where("a.username", ">", after.username);
			const rows = await q.orderBy("a.username").limit(limit).execute();
			return rows.map((r) => ({ accountId: r.id, username: r.username, since: Number(r.last_used_at ?? r.activated_at ?? 0), note: Number(r.remaining) }));
		}
		case "locked": {
			let q = lockedQuery(db);
			if (after) q = q.where("a.username", ">", after.username);
			const rows = await q.orderBy("a.username").limit(limit).execute();
			return rows.map((r) => ({ accountId: r.id, username: r.username, since: Number(r.locked_at) }));
		}
		case "in_recovery": {
			let q = inRecoveryQuery(db, options.lapsedBefore);
			if (after) {
				const { username, note = "" } = after;
				q = q.where((eb) => eb.or([eb("a.username", ">", username), eb.and([eb("a.username", "=", username), eb("x.what", ">", note)])]));
			}
			const rows = await q.orderBy("a.username").orderBy("x.what").limit(limit).execute();
			return rows.map((r) => ({ accountId: r.id, username: r.username, since: Number(r.since), note: r.what }));
		}
	}
}

/** How many accounts each report lists: one statement. */
export async function countReports(db: Db, lapsedBefore: number): Promise<Record<ReportName, number>> {
	const row = await db
		.selectNoFrom((eb) => [
			eb.selectFrom(twoFactorOffQuery(db).clearSelect().select("a.id").as("t")).select((e) => e.fn.countAll<number>().as("n")).as("no_second_factor"),
			eb.selectFrom(fewCodesQuery(db).as("t")).select((e) => e.fn.countAll<number>().as("n")).as("few_codes"),
			eb.selectFrom(lockedQuery(db).as("t")).select((e) => e.fn.countAll<number>().as("n")).as("locked"),
			eb.selectFrom(inRecoveryQuery(db, lapsedBefore).as("t")).select((e) => e.fn.countAll<number>().as("n")).as("in_recovery"),
		])
		.executeTakeFirstOrThrow();
	return {
		no_second_factor: Number(row.no_second_factor),
		few_codes: Number(row.few_codes),
		locked: Number(row.locked),
		in_recovery: Number(row.in_recovery),
	};
}
