import { t } from "../../../i18n/translate.ts";
import { type Html, html } from "../../html.ts";
import { csrfField } from "../layout.ts";

/** How a list shows contact values: masked or not, and, for an admin, the way to see them in full. */
export interface Masking {
	masked: boolean;
	/** The operator may ask to see them in full (an admin): the form's token and the page to come back to. */
	show?: { csrf: string; to: string } | undefined;
	/** The page has exports that follow it. */
	exports?: boolean | undefined;
}

/** Says that contact values are masked here (and in the exports), with "Show in full" for an admin. */
export function maskedNote(m: Masking | undefined): Html {
	if (!m?.masked) return html``;
	return html`<div class="notice" id="masked"><p>${t("oversight.masked.page")}${m.exports ? html` ${t("oversight.masked.exports")}` : ""}</p>${
		m.show
			? html`<form method="post" action="/admin/show-in-full">
  ${csrfField(m.show.csrf)}
  <input type="hidden" name="to" value="${m.show.to}">
  <p class="hint">${t("oversight.masked.confirm")}</p>
  <button type="submit" class="secondary">${t("oversight.masked.show")}</button>
</form>`
			: ""
	}</div>`;
}

/** What the console's lists share: the link to a person's page, tables that scroll on a phone, and page links. */

/** A person's page in the console. */
export function personHref(accountId: string): string {
	return `/admin/person?id=${encodeURIComponent(accountId)}`;
}

/**
 * A table inside a region that scrolls sideways on a narrow screen: focusable,
 * so a keyboard can scroll it too, and named by its caption.
 */
export function scrollTable(p: { id: string; caption: string; head: Html[]; rows: Html[] }): Html {
	return html`<div class="table-wrap" role="region" aria-labelledby="${p.id}-caption" tabindex="0">
<table class="list" id="${p.id}">
  <caption id="${p.id}-caption">${p.caption}</caption>
  <thead><tr>${p.head.map((h) => html`<th scope="col">${h}</th>`)}</tr></thead>
  <tbody>${p.rows}</tbody>
</table>
</div>`;
}

/** Links between pages, in a navigation landmark of their own. */
export function pager(links: { href: string; text: string; rel?: string }[]): Html {
	if (links.length === 0) return html``;
	return html`<nav class="pager" aria-label="${t("oversight.pages")}"><ul>${links.map(
		(l) => html`<li><a href="${l.href}"${l.rel ? html` rel="${l.rel}"` : ""}>${l.text}</a></li>`,
	)}</ul></nav>`;
}

/** A query string from the values that are set, for links that keep a view. */
export function queryString(values: Record<string, string | undefined>): string {
	const params = new URLSearchParams();
	for (const [name, value] of Object.entries(values)) if (value !== undefined && value !== "") params.set(name, value);
	const text = params.toString();
	return text ? `?${text}` : "";
}
