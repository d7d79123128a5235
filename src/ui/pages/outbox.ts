import { formatUtc } from "../../core/dates.ts";
import type { OutboxEntry } from "../../delivery/outbox.ts";
import { type Html, html } from "../html.ts";
import { layout } from "./layout.ts";

/** /dev/outbox: what would have been sent, newest first. Development only. */
export function outboxPage(entries: OutboxEntry[]): Html {
	return layout({
		title: "Outbox",
		wide: true,
		body: html`<h1>Outbox</h1>
<p class="warning">Development mode: messages are kept here instead of being sent (TESSERA_DELIVERY=outbox).</p>
${entries.length === 0 ? html`<p>No messages yet.</p>` : ""}
${entries.map(
	(e) => html`<article class="card outbox-message">
  <p><strong>${e.channel === "sms" ? "Text message" : "Email"}</strong> to ${e.to} · ${formatUtc(e.sentAt)}</p>
  ${e.subject ? html`<p>Subject: ${e.subject}</p>` : ""}
  <pre>${e.text}</pre>
</article>`,
)}`,
	});
}
