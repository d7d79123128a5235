import type { OutboxEntry } from "../../delivery/outbox.ts";
import { formatWhen } from "../../i18n/time.ts";
import { rich, t } from "../../i18n/translate.ts";
import { type Html, html } from "../html.ts";
import { layout } from "./layout.ts";

const strong = (content: Html) => html`<strong>${content}</strong>`;

/** /dev/outbox: what would have been sent, newest first. Development only. */
export function outboxPage(entries: OutboxEntry[]): Html {
	return layout({
		title: t("apps.outbox.title"),
		wide: true,
		body: html`<h1>${t("apps.outbox.title")}</h1>
<p class="warning">${t("apps.outbox.warning", { setting: "TESSERA_DELIVERY=outbox" })}</p>
${entries.length === 0 ? html`<p>${t("apps.outbox.empty")}</p>` : ""}
${entries.map(
	(e) => html`<article class="card outbox-message">
  <p>${rich(e.channel === "sms" ? "apps.outbox.sms" : "apps.outbox.email", { to: e.to, when: formatWhen(e.sentAt) }, { strong })}</p>
  ${e.subject ? html`<p>${t("apps.outbox.subject", { subject: e.subject })}</p>` : ""}
  <pre>${e.text}</pre>
</article>`,
)}`,
	});
}
