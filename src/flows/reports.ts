import { csvLine } from "../core/csv.ts";
import { fieldProblem, TesseraError, words } from "../core/errors.ts";
import { countReports, listReportPage, type ReportKey, type ReportName, type ReportRow } from "../store/reports.ts";
import type { FlowDeps } from "./deps.ts";
import { RECOVERY_LAPSES_AFTER_MS } from "./recovery.ts";

/**
 * Reports for operators: accounts with two-factor off, with few backup codes
 * left, locked, or in recovery (a recovery waiting, or an identity check open).
 * Counted together for the overview; each listed in username order a page at a
 * time, and exported whole as CSV, a page at a time.
 */

export const reportNames = ["no_second_factor", "few_codes", "locked", "in_recovery"] as const satisfies readonly ReportName[];
export type { ReportName, ReportRow };
export { FEW_CODES } from "../store/reports.ts";

export const REPORT_PAGE_SIZE = 50;
const EXPORT_PAGE_SIZE = 500;

export function isReportName(name: string): name is ReportName {
	return (reportNames as readonly string[]).includes(name);
}

export function reportCounts(deps: FlowDeps): Promise<Record<ReportName, number>> {
	return countReports(deps.db, deps.clock() - RECOVERY_LAPSES_AFTER_MS);
}

/** A page's place, as a link carries it: the last username shown (and, in recovery, which kind: "name~kind"). */
export function reportKeyOf(row: ReportRow): string {
	return typeof row.note === "string" ? `${row.username}~${row.note}` : row.username;
}

export function parseReportKey(value: string | undefined): ReportKey | undefined {
	if (value === undefined || value === "") return undefined;
	const match = /^([a-z0-9._-]{1,64})(?:~(recovery|identity_check))?$/.exec(value);
	if (!match) throw new TesseraError("invalid_request", { message: words("oversight.badPage"), fields: [fieldProblem("after", "not_valid", undefined, "oversight.badPage")] });
	return { username: match[1]!, note: match[2] };
}

export interface ReportPage {
	rows: ReportRow[];
	/** The key of the next page, when there is one. */
	next?: string;
}

export async function reportPage(deps: FlowDeps, report: ReportName, after: ReportKey | undefined, pageSize = REPORT_PAGE_SIZE): Promise<ReportPage> {
	const rows = await listReportPage(deps.db, report, { after, limit: pageSize + 1, lapsedBefore: deps.clock() - RECOVERY_LAPSES_AFTER_MS });
	const shown = rows.slice(0, pageSize);
	return rows.length > pageSize ? { rows: shown, next: reportKeyOf(shown.at(-1)!) } : { rows: shown };
}

/** Every account of the report, in username order, read a page at a time. */
export async function* reportRows(deps: FlowDeps, report: ReportName): AsyncGenerator<ReportRow> {
	let after: ReportKey | undefined;
	for (;;) {
		const rows = await listReportPage(deps.db, report, { after, limit: EXPORT_PAGE_SIZE, lapsedBefore: deps.clock() - RECOVERY_LAPSES_AFTER_MS });
		for (const row of rows) yield row;
		if (rows.length < EXPORT_PAGE_SIZE) return;
		const last = rows.at(-1)!;
		after = { username: last.username, note: typeof last.note === "string" ? last.note : undefined };
	}
}

/** The CSV's columns: the third says what the report counts beside the time (codes left, or which recovery). */
export function reportCsvHeader(report: ReportName): string {
	const third = report === "few_codes" ? "codes_left" : report === "in_recovery" ? "what" : undefined;
	return csvLine(["username", "account_id", "since", ...(third ? [third] : [])]);
}

export function reportCsvLine(report: ReportName, row: ReportRow): string {
	const cells: (string | number)[] = [row.username, row.accountId, new Date(row.since).toISOString()];
	if (report === "few_codes" || report === "in_recovery") cells.push(row.note ?? "");
	return csvLine(cells);
}
