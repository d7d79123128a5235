import { type DescribedEvent, deviceWords } from "../../../flows/events.ts";
import type { RecoveryRequestView } from "../../../flows/identity-checks.ts";
import { formatWhen } from "../../../i18n/time.ts";
import { type MessageKey, rich, t } from "../../../i18n/translate.ts";
import { type Html, html } from "../../html.ts";
import { csrfField, describedBy, errorSummary, fieldError, type FormError } from "../layout.ts";
import { type Masking, maskedNote, personHref } from "./lists-common.ts";

/**
 * The identity-check queue in the console: the open requests, oldest first, and
 * one request with what the person says, the account's recent activity and the
 * decision's form. What support may not read in full (addresses) comes masked.
 */

const statusWords: Record<RecoveryRequestView["status"], MessageKey> = {
	open: "recovery.admin.status.open",
	approved: "recovery.admin.status.approved",
	denied: "recovery.admin.status.denied",
	withdrawn: "recovery.admin.status.withdrawn",
};

/** The network address a request came from, as this operator may read it: support reads none. */
function addressWords(ip: string | null, showAddresses: boolean): string {
	return showAddresses ? (ip ?? t("recovery.admin.unknownAddress")) : t("oversight.ipHidden");
}

export function identityChecksBody(p: { requests: RecoveryRequestView[]; notice?: string | undefined; showAddresses: boolean }): Html {
	return html`<h1>${t("recovery.admin.title")}</h1>
${p.notice ? html`<p class="notice" role="status" id="identity-notice">${p.notice}</p>` : ""}
${
	p.requests.length === 0
		? html`<p id="no-requests">${t("recovery.admin.none")}</p>`
		: html`<ul class="plain" id="identity-checks">${p.requests.map(
				(r) => html`<li data-request="${r.id}"><a href="/admin/recovery/request?id=${r.id}"><strong class="ltr-text">${r.username}</strong></a>
    <p class="hint">${t("recovery.admin.asked", {
			when: formatWhen(r.createdAt),
			device: deviceWords(r.device) ?? t("recovery.admin.anUnknownDevice"),
			ip: addressWords(r.ip, p.showAddresses),
		})}</p></li>`,
			)}</ul>`
}`;
}

export function identityCheckBody(p: {
	csrf: string;
	request: RecoveryRequestView;
	events: DescribedEvent[];
	error?: FormError | undefined;
	/** What the operator typed before confirming it was them. */
	note?: string | undefined;
	/** Why this operator may not decide it (support on an admin's request): said in place of the form. */
	refused?: string | undefined;
	masking?: Masking | undefined;
	/** Whether this operator reads network addresses (admins; support reads none). */
	showAddresses: boolean;
}): Html {
	const r = p.request;
	return html`<h1>${rich("recovery.admin.requestTitle", { username: html`<bdi>${r.username}</bdi>` })}</h1>
${errorSummary(p.error)}
${maskedNote(p.masking)}
<dl class="facts">
  <dt>${t("recovery.admin.status")}</dt><dd data-status="${r.status}">${t(statusWords[r.status])}</dd>
  <dt>${t("recovery.admin.askedLabel")}</dt><dd>${t("recovery.admin.askedValue", {
		when: formatWhen(r.createdAt),
		device: deviceWords(r.device) ?? t("recovery.admin.unknownDevice"),
		ip: addressWords(r.ip, p.showAddresses),
	})}</dd>
  <dt>${t("recovery.admin.says")}</dt><dd class="prewrap" id="request-message">${r.message}</dd>
  <dt>${t("recovery.admin.contactsUsed")}</dt><dd id="contacts-used">${r.contactsUsed || "—"}</dd>
  <dt>${t("recovery.admin.lastSignIn")}</dt><dd>${r.lastSignIn || "—"}</dd>
</dl>
<p><a href="${personHref(r.accountId)}">${r.username}</a></p>
<h2>${t("recovery.admin.activity")}</h2>
<ul>${p.events
		.slice(0, 20)
		.map(
			(e) =>
				html`<li>${t("recovery.admin.event", { when: formatWhen(e.createdAt), description: e.description, device: deviceWords(e.device) ?? "—", ip: p.showAddresses ? (e.ip ?? "—") : t("oversight.ipHidden") })}</li>`,
		)}</ul>
${
	r.status === "open" && p.refused
		? html`<p class="notice" id="not-yours">${p.refused}</p>`
		: r.status === "open"
		? html`<form method="post" action="/admin/recovery/decide" novalidate>
  ${csrfField(p.csrf)}
  <input type="hidden" name="id" value="${r.id}">
  <label for="note">${t("recovery.admin.note")}</label>
  <textarea id="note" name="note" rows="3" maxlength="1000" required aria-describedby="${describedBy(p.error, "note")}">${p.note ?? ""}</textarea>
  ${fieldError(p.error, "note")}
  <div class="actions">
    <button type="submit" name="decision" value="approve">${t("recovery.admin.approve")}</button>
    <button type="submit" name="decision" value="deny" class="secondary">${t("recovery.admin.deny")}</button>
  </div>
</form>`
		: html`<p id="decided">${t("recovery.admin.decided", {
				when: r.decidedAt ? formatWhen(r.decidedAt) : "—",
				by: r.decidedBy ?? "—",
				note: r.decisionNote ?? "",
			})}</p>`
}
<p><a href="/admin/recovery">${t("recovery.admin.all")}</a></p>`;
}
