import { formatUtc as date } from "../../core/dates.ts";
import type { CredentialView } from "../../methods/types.ts";
import { type Html, html } from "../html.ts";
import { csrfField, errorSummary, type FormError, layout, type PageUser } from "./layout.ts";

/** The "Passkeys" part of the security page. */
export function passkeysCard(passkeys: CredentialView[]): Html {
	return html`<section aria-labelledby="passkeys-heading" class="card">
  <h2 id="passkeys-heading">Passkeys</h2>
  <p class="hint">The strongest second step: your fingerprint, face or screen lock, and it only ever works on this site, so it cannot be phished.</p>
  ${
		passkeys.length
			? html`<ul class="plain">${passkeys.map(
					(p) => html`<li><strong>${p.name}</strong>
    <p class="hint">Added ${date(p.createdAt)}${p.lastUsedAt ? html` · last used ${date(p.lastUsedAt)}` : ""}</p>
    <p><a class="button secondary" href="/settings/passkeys/remove?id=${p.id}">Remove</a></p></li>`,
				)}</ul>`
			: ""
	}
  <p><a class="button secondary" href="/settings/passkeys/add">Add a passkey</a></p>
</section>`;
}

export function addPasskeyPage(p: { user: PageUser; name?: string; error?: FormError | undefined }): Html {
	return layout({
		title: "Add a passkey",
		user: p.user,
		body: html`<h1>Add a passkey</h1>
<p>Give it a name you will recognise, like the device it lives on, and enter your password.</p>
${errorSummary(p.error)}
<form method="post" action="/settings/passkeys/add" novalidate>
  ${csrfField(p.user.csrf)}
  <label for="name">Name</label>
  <input id="name" name="name" maxlength="64" required value="${p.name ?? ""}" placeholder="My phone">
  <label for="password">Your password</label>
  <input id="password" name="password" type="password" autocomplete="current-password" required maxlength="128">
  <button type="submit">Continue</button>
</form>
<p><a href="/settings">Back to security settings</a></p>`,
	});
}

/** The step where the browser creates the passkey: the options ride in a data attribute (no inline script). */
export function createPasskeyPage(p: { user: PageUser; name: string; options: unknown; error?: FormError | undefined }): Html {
	return layout({
		title: "Create your passkey",
		user: p.user,
		scripts: ["/assets/webauthn.js"],
		body: html`<h1>Create your passkey</h1>
${errorSummary(p.error)}
<p>Your browser will ask you to confirm with your fingerprint, face, screen lock or security key.</p>
<form method="post" action="/settings/passkeys/finish" id="passkey-register-form" data-passkey-register="${JSON.stringify(p.options)}">
  ${csrfField(p.user.csrf)}
  <input type="hidden" name="name" value="${p.name}">
  <input type="hidden" name="response" value="">
  <button type="button" data-passkey-start hidden>Create passkey</button>
</form>
<noscript><p class="warning">Creating a passkey needs JavaScript. Turn it on for this site and try again.</p></noscript>
<p class="copy-status" role="status" aria-live="polite"></p>
<p><a href="/settings">Cancel</a></p>`,
	});
}

export function removePasskeyPage(p: { user: PageUser; passkey: CredentialView; error?: FormError | undefined }): Html {
	return layout({
		title: "Remove passkey",
		user: p.user,
		body: html`<h1>Remove passkey “${p.passkey.name}”</h1>
<p>You will no longer be able to confirm it is you with this passkey. Enter your password to confirm.</p>
${errorSummary(p.error)}
<form method="post" action="/settings/passkeys/remove" novalidate>
  ${csrfField(p.user.csrf)}
  <input type="hidden" name="id" value="${p.passkey.id}">
  <label for="password">Your password</label>
  <input id="password" name="password" type="password" autocomplete="current-password" required maxlength="128">
  <button type="submit" class="danger">Remove</button>
</form>
<p><a href="/settings">Back to security settings</a></p>`,
	});
}
