import { t } from "../../../i18n/translate.ts";
import { type Html, html } from "../../html.ts";

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
