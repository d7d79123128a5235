import { FEW_CODES, type ReportName, type ReportPage, reportNames } from "../../../flows/reports.ts";
import { formatWhen } from "../../../i18n/time.ts";
import { type MessageKey, t } from "../../../i18n/translate.ts";
import { type Html, html } from "../../html.ts";
import { pager, personHref, scrollTable } from "./lists-common.ts";

/** The reports: an overview with each one's count, and a page per report. */

const titles: Record<ReportName, MessageKey> = {
	no_second_factor: "oversight.reports.no_second_factor",
	few_codes: "oversight.reports.few_codes",
	locked: "oversight.reports.locked",
	in_recovery: "oversight.reports.in_recovery",
};

const abouts: Record<ReportName, MessageKey> = {
	no_second_factor: "oversight.reports.no_second_factor.about",
	few_codes: "oversight.reports.few_codes.about",
	locked: "oversight.reports.locked.about",
	in_recovery: "oversight.reports.in_recovery.about",
};

const sinceWords: Record<ReportName, MessageKey> = {
	no_second_factor: "oversight.reports.since.no_second_factor",
	few_codes: "oversight.reports.since.few_codes",
	locked: "oversight.reports.since.locked",
	in_recovery: "oversight.reports.since.in_recovery",
};

/** Reports are addressed with dashes: /admin/reports/no-second-factor. */
export function reportPath(report: ReportName): string {
	return `/admin/reports/${report.replace(/_/g, "-")}`;
}

export function reportTitle(report: ReportName): string {
	return t(titles[report]);
}

function about(report: ReportName): string {
	return t(abouts[report], { count: FEW_CODES });
}

export function reportsOverviewBody(p: { counts: Record<ReportName, number> }): Html {
	return html`<h1>${t("oversight.reports.title")}</h1>
<p>${t("oversight.reports.intro")}</p>
${scrollTable({
	id: "reports",
	caption: t("oversight.reports.table"),
	head: [html`${t("oversight.reports.col.report")}`, html`${t("oversight.reports.col.count")}`],
	rows: reportNames.map(
		(report) => html`<tr data-report="${report}">
  <td><a href="${reportPath(report)}">${reportTitle(report)}</a><p class="hint">${about(report)}</p></td>
  <td class="count" data-count="${p.counts[report]}">${p.counts[report]}</td>
</tr>`,
	),
})}`;
}

export function reportBody(p: { report: ReportName; page: ReportPage; after?: string | undefined }): Html {
	const { report, page } = p;
	const path = reportPath(report);
	const third =
		report === "few_codes" ? html`${t("oversight.reports.col.codesLeft")}` : report === "in_recovery" ? html`${t("oversight.reports.col.what")}` : undefined;
	const links: { href: string; text: string; rel?: string }[] = [];
	if (p.after) links.push({ href: path, text: t("oversight.first") });
	if (page.next) links.push({ href: `${path}?after=${encodeURIComponent(page.next)}`, text: t("oversight.next"), rel: "next" });
	return html`<h1>${reportTitle(report)}</h1>
<p>${about(report)}</p>
<p class="exports"><a id="export-csv" href="${path}/export.csv" download>${t("oversight.reports.exportCsv")}</a></p>
${
	page.rows.length === 0
		? html`<p id="report-empty">${t("oversight.reports.none")}</p>`
		: scrollTable({
				id: "report",
				caption: reportTitle(report),
				head: [html`${t("oversight.reports.col.username")}`, html`${t(sinceWords[report])}`, ...(third ? [third] : [])],
				rows: page.rows.map(
					(r) => html`<tr data-account="${r.accountId}">
  <td><a class="ltr-text" href="${personHref(r.accountId)}">${r.username}</a></td>
  <td><time datetime="${new Date(r.since).toISOString()}">${formatWhen(r.since, { withZone: true })}</time></td>
  ${
		report === "few_codes"
			? html`<td class="count">${r.note ?? ""}</td>`
			: report === "in_recovery"
				? html`<td>${r.note === "identity_check" ? t("oversight.reports.what.identity_check") : t("oversight.reports.what.recovery")}</td>`
				: ""
	}
</tr>`,
				),
			})
}
${pager(links)}
<p><a href="/admin/reports">${t("oversight.reports.all")}</a></p>`;
}
