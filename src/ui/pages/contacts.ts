import type { ContactView } from "../../flows/contacts.ts";
import { type MessageKey, t } from "../../i18n/translate.ts";
import type { ContactKind } from "../../store/schema.ts";
import { type Html, html } from "../html.ts";
import { csrfField, describedBy, errorSummary, type FormError, fieldError, layout, type PageUser } from "./layout.ts";

const words: Record<ContactKind, { name: MessageKey; add: MessageKey; use: MessageKey; confirm: MessageKey }> = {
	phone: {
		name: "apps.contacts.phone.name",
		add: "apps.contacts.phone.add",
		use: "apps.contacts.phone.use",
		confirm: "apps.contacts.verify.phoneTitle",
	},
	email: {
		name: "apps.contacts.email.name",
		add: "apps.contacts.email.add",
		use: "apps.contacts.email.use",
		confirm: "apps.contacts.verify.emailTitle",
	},
};

/** An example of a number written with its country code (a value: never translated). */
const PHONE_EXAMPLE = "+44 7911 123456";

/** The "Email and phone" part of the security page. */
export function contactsCard(user: PageUser, contacts: ContactView[]): Html {
	const row = (kind: ContactKind) => {
		const verified = contacts.find((c) => c.kind === kind && c.verified);
		const waiting = contacts.find((c) => c.kind === kind && !c.verified);
		return html`<li id="contact-${kind}">
    <strong>${t(words[kind].name)}</strong>
    ${verified ? html`<p>${verified.display} <span class="state on">${t("apps.contacts.verified", { kind })}</span></p><p class="hint">${t(words[kind].use)}</p>` : ""}
    ${
		waiting
			? html`<p>${waiting.display} <span class="state off">${t("apps.contacts.waiting", { kind })}</span></p>
    <p class="hint">${t("apps.contacts.whyCode")}</p>
    <form method="post" action="/settings/contacts/resend">${csrfField(user.csrf)}<input type="hidden" name="kind" value="${kind}"><button type="submit" class="secondary">${t("apps.contacts.sendCode")}</button> <a href="/settings/contacts/verify?kind=${kind}">${t("apps.contacts.haveCode")}</a></form>`
			: ""
	}
    <p>${verified ? html`<a class="button secondary" href="/settings/contacts/remove-${kind}">${t("apps.contacts.remove")}</a> ` : ""}<a class="button secondary" href="/settings/contacts/add?kind=${kind}">${verified ? t("apps.contacts.change") : t(words[kind].add)}</a></p>
  </li>`;
	};
	return html`<section aria-labelledby="contacts-heading" class="card">
  <h2 id="contacts-heading">${t("apps.contacts.heading")}</h2>
  <ul class="plain">${row("email")}${row("phone")}</ul>
  <p class="hint">${t("apps.contacts.strength")}</p>
</section>`;
}

export function addContactPage(p: { user: PageUser; kind: ContactKind; value?: string; error?: FormError | undefined }): Html {
	const isPhone = p.kind === "phone";
	return layout({
		title: t(words[p.kind].add),
		user: p.user,
		body: html`<h1>${t(words[p.kind].add)}</h1>
<p>${t("apps.contacts.add.intro")}</p>
${errorSummary(p.error)}
<form method="post" action="/settings/contacts/add" novalidate>
  ${csrfField(p.user.csrf)}
  <input type="hidden" name="kind" value="${p.kind}">
  <label for="value">${t(words[p.kind].name)}</label>
  ${isPhone ? html`<p class="hint" id="value-hint">${t("apps.contacts.add.phoneHint", { example: PHONE_EXAMPLE })}</p>` : ""}
  <input id="value" name="value" type="${isPhone ? "tel" : "email"}" autocomplete="${isPhone ? "tel" : "email"}" required maxlength="320" value="${p.value ?? ""}" aria-describedby="${describedBy(p.error, "value", isPhone ? "value-hint" : undefined)}">
  ${fieldError(p.error, "value")}
  <label for="password">${t("apps.contacts.password")}</label>
  <input id="password" name="password" type="password" autocomplete="current-password" required maxlength="128">
  <button type="submit">${t("apps.contacts.add.submit")}</button>
</form>
<p><a href="/settings">${t("apps.contacts.back")}</a></p>`,
	});
}

export function verifyContactPage(p: {
	user: PageUser;
	kind: ContactKind;
	value: string;
	delivered?: boolean | undefined;
	error?: FormError | undefined;
}): Html {
	return layout({
		title: t(words[p.kind].confirm),
		user: p.user,
		body: html`<h1>${t(words[p.kind].confirm)}</h1>
${
	p.delivered === false
		? html`<p class="warning" role="status">${t("apps.contacts.verify.notSent", { value: p.value })}</p>`
		: html`<p role="status">${t("apps.contacts.verify.sent", { value: p.value })}</p>`
}
${errorSummary(p.error)}
<form method="post" action="/settings/contacts/verify" novalidate>
  ${csrfField(p.user.csrf)}
  <input type="hidden" name="kind" value="${p.kind}">
  <label for="code">${t("apps.contacts.verify.code")}</label>
  <input id="code" name="code" required inputmode="numeric" autocomplete="one-time-code" maxlength="16">
  <button type="submit">${t("apps.contacts.verify.submit")}</button>
</form>
<form method="post" action="/settings/contacts/resend">
  ${csrfField(p.user.csrf)}
  <input type="hidden" name="kind" value="${p.kind}">
  <button type="submit" class="secondary">${t("apps.contacts.verify.resend")}</button>
</form>
<p><a href="/settings">${t("apps.contacts.back")}</a></p>`,
	});
}
