import type { ClientView } from "../../../flows/clients.ts";
import type { AttemptView, EndpointView } from "../../../flows/webhooks.ts";
import { formatWhen } from "../../../i18n/time.ts";
import { type MessageKey, t } from "../../../i18n/translate.ts";
import { type Html, html } from "../../html.ts";
import { scrollTable } from "./lists-common.ts";

/** The apps (OpenID Connect clients) and the webhook endpoints, as `tessera clients list` and `tessera webhooks list` show them: never a secret. */

const when = (iso: string) => html`<time datetime="${iso}">${formatWhen(Date.parse(iso), { withZone: true })}</time>`;
const urls = (list: readonly string[]) => html`<ul class="values">${list.map((u) => html`<li class="ltr-text">${u}</li>`)}</ul>`;

export function appsBody(p: { clients: ClientView[] }): Html {
	return html`<h1>${t("oversight.apps.title")}</h1>
<p>${t("oversight.apps.intro")}</p>
${
	p.clients.length === 0
		? html`<p id="no-apps">${t("oversight.apps.none")}</p>`
		: scrollTable({
				id: "apps",
				caption: t("oversight.apps.table"),
				head: [
					html`${t("oversight.apps.col.name")}`,
					html`${t("oversight.apps.col.id")}`,
					html`${t("oversight.apps.col.kind")}`,
					html`${t("oversight.apps.col.redirects")}`,
					html`${t("oversight.apps.col.logout")}`,
					html`${t("oversight.apps.col.added")}`,
				],
				rows: p.clients.map(
					(c) => html`<tr data-client="${c.clientId}">
  <td>${c.name}</td>
  <td><code>${c.clientId}</code></td>
  <td>${c.public ? t("oversight.apps.kind.public") : t("oversight.apps.kind.confidential")}${c.firstParty ? html`<p class="hint">${t("oversight.apps.kind.firstParty")}</p>` : ""}</td>
  <td>${urls(c.redirectUris)}</td>
  <td>${c.backchannelLogoutUri ? html`<span class="ltr-text">${c.backchannelLogoutUri}</span>` : "—"}</td>
  <td>${when(c.createdAt)}</td>
</tr>`,
				),
			})
}`;
}

export function webhooksBody(p: { endpoints: EndpointView[] }): Html {
	return html`<h1>${t("oversight.webhooks.title")}</h1>
<p>${t("oversight.webhooks.intro")}</p>
${
	p.endpoints.length === 0
		? html`<p id="no-endpoints">${t("oversight.webhooks.none")}</p>`
		: scrollTable({
				id: "endpoints",
				caption: t("oversight.webhooks.table"),
				head: [
					html`${t("oversight.webhooks.col.url")}`,
					html`${t("oversight.webhooks.col.events")}`,
					html`${t("oversight.webhooks.col.state")}`,
					html`${t("oversight.webhooks.col.deliveries")}`,
					html`${t("oversight.webhooks.col.added")}`,
				],
				rows: p.endpoints.map(
					(e) => html`<tr data-endpoint="${e.id}">
  <td><a class="ltr-text" href="/admin/webhooks/endpoint?id=${encodeURIComponent(e.id)}">${e.url}</a><p class="hint"><code>${e.id}</code></p></td>
  <td>${e.events ? html`<ul class="values">${e.events.map((type) => html`<li><code>${type}</code></li>`)}</ul>` : t("oversight.webhooks.allEvents")}</td>
  <td data-enabled="${e.enabled ? "yes" : "no"}">${e.enabled ? t("oversight.webhooks.enabled") : t("oversight.webhooks.disabled")}${
		e.previousSecretUntil ? html`<p class="hint">${t("oversight.webhooks.rotating", { when: formatWhen(Date.parse(e.previousSecretUntil), { withZone: true }) })}</p>` : ""
	}</td>
  <td>${t("oversight.webhooks.deliveries", e.deliveries)}</td>
  <td>${when(e.createdAt)}</td>
</tr>`,
				),
			})
}`;
}

const deliveryWords: Record<string, MessageKey> = {
	pending: "oversight.webhooks.delivery.pending",
	delivered: "oversight.webhooks.delivery.delivered",
	failed: "oversight.webhooks.delivery.failed",
};

export function endpointBody(p: { endpoint: EndpointView; log: AttemptView[] }): Html {
	const e = p.endpoint;
	return html`<h1>${t("oversight.webhooks.endpointTitle", { id: e.id })}</h1>
<dl class="facts">
  <dt>${t("oversight.webhooks.col.url")}</dt><dd class="ltr-text">${e.url}</dd>
  <dt>${t("oversight.webhooks.col.events")}</dt><dd>${e.events ? e.events.join(", ") : t("oversight.webhooks.allEvents")}</dd>
  <dt>${t("oversight.webhooks.col.state")}</dt><dd data-enabled="${e.enabled ? "yes" : "no"}">${e.enabled ? t("oversight.webhooks.enabled") : t("oversight.webhooks.disabled")}</dd>
  <dt>${t("oversight.webhooks.col.deliveries")}</dt><dd>${t("oversight.webhooks.deliveries", e.deliveries)}</dd>
</dl>
<h2>${t("oversight.webhooks.log")}</h2>
${
	p.log.length === 0
		? html`<p id="no-log">${t("oversight.webhooks.noLog")}</p>`
		: scrollTable({
				id: "log",
				caption: t("oversight.webhooks.logTable"),
				head: [
					html`${t("oversight.webhooks.col.at")}`,
					html`${t("oversight.webhooks.col.type")}`,
					html`${t("oversight.webhooks.col.answer")}`,
					html`${t("oversight.webhooks.col.duration")}`,
					html`${t("oversight.webhooks.col.now")}`,
				],
				rows: p.log.map(
					(a) => html`<tr data-delivery="${a.deliveryId}">
  <td>${when(a.at)}</td>
  <td><code>${a.type ?? "—"}</code></td>
  <td>${a.status === null ? t("oversight.webhooks.noAnswer") : html`HTTP ${a.status}`}${a.error ? html`<p class="hint ltr-text">${a.error}</p>` : ""}</td>
  <td>${t("oversight.webhooks.ms", { ms: a.durationMs })}</td>
  <td>${t(deliveryWords[a.delivery ?? ""] ?? "oversight.webhooks.delivery.removed")}</td>
</tr>`,
				),
			})
}
<p><a href="/admin/webhooks">${t("oversight.webhooks.all")}</a></p>`;
}
