import { formatWhen } from "../../i18n/time.ts";
import { t } from "../../i18n/translate.ts";
import type { CredentialView } from "../../methods/types.ts";
import { type Html, html } from "../html.ts";
import { csrfField, errorSummary, type FormError, layout, type PageUser } from "./layout.ts";

/** The "Passkeys" part of the security page. */
export function passkeysCard(passkeys: CredentialView[]): Html {
	return html`<section aria-labelledby="passkeys-heading" class="card">
  <h2 id="passkeys-heading">${t("apps.passkeys.heading")}</h2>
  <p class="hint">${t("apps.passkeys.strength")}</p>
  ${
		passkeys.length
			? html`<ul class="plain">${passkeys.map(
					(p) => html`<li><strong>${p.name}</strong>
    <p class="hint">${
			p.lastUsedAt
				? t("apps.passkeys.addedAndUsed", { added: formatWhen(p.createdAt), used: formatWhen(p.lastUsedAt) })
				: t("apps.passkeys.added", { added: formatWhen(p.createdAt) })
		}</p>
    <p><a class="button secondary" href="/settings/passkeys/remove?id=${p.id}">${t("apps.passkeys.remove")}</a></p></li>`,
				)}</ul>`
			: ""
	}
  <p><a class="button secondary" href="/settings/passkeys/add">${t("apps.passkeys.add")}</a></p>
</section>`;
}

export function addPasskeyPage(p: { user: PageUser; name?: string; error?: FormError | undefined }): Html {
	return layout({
		title: t("apps.passkeys.add"),
		user: p.user,
		body: html`<h1>${t("apps.passkeys.add")}</h1>
<p>${t("apps.passkeys.add.intro")}</p>
${errorSummary(p.error)}
<form method="post" action="/settings/passkeys/add" novalidate>
  ${csrfField(p.user.csrf)}
  <label for="name">${t("apps.passkeys.name")}</label>
  <input id="name" name="name" maxlength="64" required value="${p.name ?? ""}" placeholder="${t("apps.passkeys.namePlaceholder")}">
  <label for="password">${t("apps.passkeys.password")}</label>
  <input id="password" name="password" type="password" autocomplete="current-password" required maxlength="128">
  <button type="submit">${t("apps.passkeys.continue")}</button>
</form>
<p><a href="/settings">${t("apps.passkeys.back")}</a></p>`,
	});
}

/** The step where the browser creates the passkey: the options ride in a data attribute (no inline script). */
export function createPasskeyPage(p: { user: PageUser; name: string; options: unknown; error?: FormError | undefined }): Html {
	return layout({
		title: t("apps.passkeys.create.title"),
		user: p.user,
		scripts: ["/assets/webauthn.js"],
		body: html`<h1>${t("apps.passkeys.create.title")}</h1>
${errorSummary(p.error)}
<p>${t("apps.passkeys.create.intro")}</p>
<form method="post" action="/settings/passkeys/finish" id="passkey-register-form" data-passkey-register="${JSON.stringify(p.options)}" data-passkey-unsupported="${t("apps.passkeys.create.unsupported")}" data-passkey-failed="${t("apps.passkeys.create.failed")}">
  ${csrfField(p.user.csrf)}
  <input type="hidden" name="name" value="${p.name}">
  <input type="hidden" name="response" value="">
  <button type="button" data-passkey-start hidden>${t("apps.passkeys.create.start")}</button>
</form>
<noscript><p class="warning">${t("apps.passkeys.create.noScript")}</p></noscript>
<p class="copy-status" role="status" aria-live="polite"></p>
<p><a href="/settings">${t("apps.passkeys.cancel")}</a></p>`,
	});
}

export function removePasskeyPage(p: { user: PageUser; passkey: CredentialView; error?: FormError | undefined }): Html {
	return layout({
		title: t("apps.passkeys.remove.title"),
		user: p.user,
		body: html`<h1>${t("apps.passkeys.remove.heading", { name: p.passkey.name })}</h1>
<p>${t("apps.passkeys.remove.body")}</p>
${errorSummary(p.error)}
<form method="post" action="/settings/passkeys/remove" novalidate>
  ${csrfField(p.user.csrf)}
  <input type="hidden" name="id" value="${p.passkey.id}">
  <label for="password">${t("apps.passkeys.password")}</label>
  <input id="password" name="password" type="password" autocomplete="current-password" required maxlength="128">
  <button type="submit" class="danger">${t("apps.passkeys.remove")}</button>
</form>
<p><a href="/settings">${t("apps.passkeys.back")}</a></p>`,
	});
}
