import type { AuditPage, AuditQuery } from "../../../flows/audit.ts";
import { actorGroups } from "../../../flows/audit.ts";
import { deviceWords, type EventKind, eventKinds } from "../../../flows/events.ts";
import { formatWhen } from "../../../i18n/time.ts";
import { type MessageKey, t } from "../../../i18n/translate.ts";
import { type Html, html } from "../../html.ts";
import { describedBy, errorSummary, fieldError, type FormError } from "../layout.ts";
import { type Masking, maskedNote, pager, personHref, queryString, scrollTable } from "./lists-common.ts";

/** The audit log's page body: the filters (a GET form: a view is its address), the exports of this view, the events and the pages. */

const actorWords: Record<(typeof actorGroups)[number], MessageKey> = {
	operator: "oversight.audit.actor.operator",
	person: "oversight.audit.actor.person",
	system: "oversight.audit.actor.system",
};

function who(actor: string): Html {
	if (actor === "person") return html`${t("oversight.audit.byPerson")}`;
	if (actor === "system") return html`${t("oversight.audit.bySystem")}`;
	return html`<span class="ltr-text">${actor}</span>`;
}

function details(detail: Record<string, unknown>): Html {
	const entries = Object.entries(detail);
	if (entries.length === 0) return html``;
	// Details are data as recorded (names and values, the same in every language), as the exports hold them.
	return html`<dl class="detail">${entries.map(
		([key, value]) => html`<dt><code>${key}</code></dt><dd class="list-detail">${typeof value === "string" ? value : html`<code>${JSON.stringify(value)}</code>`}</dd>`,
	)}</dl>`;
}

function select(p: { id: string; label: string; value: string | undefined; choices: { value: string; text: string }[]; error: FormError | undefined }): Html {
	const invalid = p.error?.fields?.some((f) => f.field === p.id);
	return html`<div>
  <label for="${p.id}">${p.label}</label>
  <select id="${p.id}" name="${p.id}"${invalid ? html` aria-invalid="true" aria-describedby="${describedBy(p.error, p.id)}"` : ""}>${p.choices.map(
		(c) => html`<option value="${c.value}"${c.value === (p.value ?? "") ? html` selected` : ""}>${c.text}</option>`,
	)}</select>
  ${fieldError(p.error, p.id)}
</div>`;
}

function dayField(p: { id: "from" | "to"; label: string; value: string | undefined; error: FormError | undefined }): Html {
	const invalid = p.error?.fields?.some((f) => f.field === p.id);
	return html`<div>
  <label for="${p.id}">${p.label}</label>
  <input type="date" id="${p.id}" name="${p.id}" value="${p.value ?? ""}" maxlength="10" aria-describedby="${describedBy(p.error, p.id, "day-hint")}"${invalid ? html` aria-invalid="true"` : ""}>
  ${fieldError(p.error, p.id)}
</div>`;
}

export function auditBody(p: {
	query: AuditQuery;
	page?: AuditPage | undefined;
	unknownUser?: string | undefined;
	error?: FormError | undefined;
	masking?: Masking | undefined;
}): Html {
	const q = p.query;
	const title = t("oversight.audit.title");
	const filters = { user: q.user, kind: q.kind, actor: q.actor, from: q.from, to: q.to };
	const here = queryString(filters);
	const kinds = (Object.keys(eventKinds) as EventKind[]).map((kind) => ({ value: kind, text: t(eventKinds[kind]) }));
	kinds.sort((a, b) => a.text.localeCompare(b.text));
	const entries = p.page?.entries ?? [];
	const links: { href: string; text: string; rel?: string }[] = [];
	if (p.page?.newer) {
		links.push({ href: `/admin/audit${here}`, text: t("oversight.newest") });
		links.push({ href: `/admin/audit${queryString({ ...filters, after: p.page.newer })}`, text: t("oversight.newer"), rel: "prev" });
	}
	if (p.page?.older) links.push({ href: `/admin/audit${queryString({ ...filters, before: p.page.older })}`, text: t("oversight.older"), rel: "next" });
	return html`<h1>${title}</h1>
<p>${t("oversight.audit.intro")}</p>
${errorSummary(p.error)}
<form method="get" action="/admin/audit" class="filters" novalidate>
  <fieldset>
    <legend>${t("oversight.audit.filters")}</legend>
    <div class="filter-grid">
      <div>
        <label for="user">${t("oversight.audit.user")}</label>
        <input id="user" name="user" value="${q.user ?? ""}" maxlength="64" autocomplete="off" autocapitalize="none" spellcheck="false">
      </div>
      ${select({ id: "kind", label: t("oversight.audit.kind"), value: q.kind, error: p.error, choices: [{ value: "", text: t("oversight.audit.anyKind") }, ...kinds] })}
      ${select({
				id: "actor",
				label: t("oversight.audit.actor"),
				value: q.actor,
				error: p.error,
				choices: [{ value: "", text: t("oversight.audit.anyActor") }, ...actorGroups.map((a) => ({ value: a, text: t(actorWords[a]) }))],
			})}
      ${dayField({ id: "from", label: t("oversight.audit.from"), value: q.from, error: p.error })}
      ${dayField({ id: "to", label: t("oversight.audit.to"), value: q.to, error: p.error })}
    </div>
    <p class="hint" id="day-hint">${t("oversight.audit.dayHint")}</p>
    <div class="actions">
      <button type="submit">${t("oversight.audit.apply")}</button>
      <a class="button secondary" href="/admin/audit">${t("oversight.audit.clear")}</a>
    </div>
  </fieldset>
</form>
${
	p.error
		? ""
		: html`${maskedNote(p.masking && { ...p.masking, exports: true })}<p class="exports">${t("oversight.audit.export")} <a id="export-csv" href="/admin/audit/export.csv${here}" download>${t("oversight.audit.exportCsv")}</a> · <a id="export-jsonl" href="/admin/audit/export.jsonl${here}" download>${t("oversight.audit.exportJsonl")}</a></p>`
}
${p.unknownUser !== undefined ? html`<p class="notice" role="status" id="unknown-user">${t("oversight.audit.unknownUser", { username: p.unknownUser })}</p>` : ""}
${
	p.error || p.unknownUser !== undefined
		? ""
		: entries.length === 0
			? html`<p id="no-events">${t("oversight.audit.none")}</p>`
			: scrollTable({
					id: "audit",
					caption: t("oversight.audit.table"),
					head: [
						html`${t("oversight.audit.col.when")}`,
						html`${t("oversight.audit.col.person")}`,
						html`${t("oversight.audit.col.what")}`,
						html`${t("oversight.audit.col.who")}`,
						html`${t("oversight.audit.col.from")}`,
						html`${t("oversight.audit.col.details")}`,
					],
					rows: entries.map(
						(e) => html`<tr data-event="${e.id}" data-kind="${e.kind}">
  <td><time datetime="${new Date(e.createdAt).toISOString()}">${formatWhen(e.createdAt, { withZone: true })}</time></td>
  <td>${e.accountId && e.username ? html`<a class="ltr-text" href="${personHref(e.accountId)}">${e.username}</a>` : t("oversight.audit.goneAccount")}</td>
  <td>${e.description}</td>
  <td>${who(e.actor)}</td>
  <td>${[deviceWords(e.device), e.ip].filter(Boolean).join(", ")}</td>
  <td>${details(e.detail)}</td>
</tr>`,
					),
				})
}
${pager(links)}`;
}
