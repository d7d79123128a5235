import type { ContactView } from "../../flows/contacts.ts";
import type { ContactKind } from "../../store/schema.ts";
import { type Html, html } from "../html.ts";
import { csrfField, describedBy, errorSummary, type FormError, fieldError, layout, type PageUser } from "./layout.ts";

const words: Record<ContactKind, { name: string; add: string; use: string }> = {
	phone: {
		name: "Phone number",
		add: "Add phone number",
		use: "Receives sign-in codes by text message when you choose “Try another way”.",
	},
	email: {
		name: "Email address",
		add: "Add email address",
		use: "Works as your sign-in name, and can receive sign-in codes by email.",
	},
};

/** The "Email and phone" part of the security page. */
export function contactsCard(user: PageUser, contacts: ContactView[]): Html {
	const row = (kind: ContactKind) => {
		const verified = contacts.find((c) => c.kind === kind && c.verified);
		const waiting = contacts.find((c) => c.kind === kind && !c.verified);
		return html`<li id="contact-${kind}">
    <strong>${words[kind].name}</strong>
    ${verified ? html`<p>${verified.display} <span class="state on">Verified</span></p><p class="hint">${words[kind].use}</p>` : ""}
    ${
		waiting
			? html`<p>${waiting.display} <span class="state off">Not confirmed yet</span></p>
    <p class="hint">We send it a 6-digit code to make sure it is yours.</p>
    <form method="post" action="/settings/contacts/resend">${csrfField(user.csrf)}<input type="hidden" name="kind" value="${kind}"><button type="submit" class="secondary">Send the code</button> <a href="/settings/contacts/verify?kind=${kind}">I have a code</a></form>`
			: ""
	}
    <p>${verified ? html`<a class="button secondary" href="/settings/contacts/remove-${kind}">Remove</a> ` : ""}<a class="button secondary" href="/settings/contacts/add?kind=${kind}">${verified ? "Change" : words[kind].add}</a></p>
  </li>`;
	};
	return html`<section aria-labelledby="contacts-heading" class="card">
  <h2 id="contacts-heading">Email and phone</h2>
  <ul class="plain">${row("email")}${row("phone")}</ul>
  <p class="hint">Text messages and email can be intercepted or redirected, so they are best kept as other ways in.</p>
</section>`;
}

export function addContactPage(p: { user: PageUser; kind: ContactKind; value?: string; error?: FormError | undefined }): Html {
	const isPhone = p.kind === "phone";
	return layout({
		title: words[p.kind].add,
		user: p.user,
		body: html`<h1>${words[p.kind].add}</h1>
<p>We'll send a 6-digit code to it to make sure it is yours.</p>
${errorSummary(p.error)}
<form method="post" action="/settings/contacts/add" novalidate>
  ${csrfField(p.user.csrf)}
  <input type="hidden" name="kind" value="${p.kind}">
  <label for="value">${words[p.kind].name}</label>
  ${isPhone ? html`<p class="hint" id="value-hint">With your country code, like +44 7911 123456.</p>` : ""}
  <input id="value" name="value" type="${isPhone ? "tel" : "email"}" autocomplete="${isPhone ? "tel" : "email"}" required maxlength="320" value="${p.value ?? ""}" aria-describedby="${describedBy(p.error, "value", isPhone ? "value-hint" : undefined)}">
  ${fieldError(p.error, "value")}
  <label for="password">Your password</label>
  <input id="password" name="password" type="password" autocomplete="current-password" required maxlength="128">
  <button type="submit">Send code</button>
</form>
<p><a href="/settings">Back to security settings</a></p>`,
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
		title: `Confirm your ${p.kind === "phone" ? "phone number" : "email address"}`,
		user: p.user,
		body: html`<h1>Confirm your ${p.kind === "phone" ? "phone number" : "email address"}</h1>
${
	p.delivered === false
		? html`<p class="warning" role="status">We couldn't send the code to ${p.value} right away. It may still arrive in a minute; if not, send another.</p>`
		: html`<p role="status">We sent a 6-digit code to ${p.value}. It is valid for 10 minutes.</p>`
}
${errorSummary(p.error)}
<form method="post" action="/settings/contacts/verify" novalidate>
  ${csrfField(p.user.csrf)}
  <input type="hidden" name="kind" value="${p.kind}">
  <label for="code">6-digit code</label>
  <input id="code" name="code" required inputmode="numeric" autocomplete="one-time-code" maxlength="16">
  <button type="submit">Confirm</button>
</form>
<form method="post" action="/settings/contacts/resend">
  ${csrfField(p.user.csrf)}
  <input type="hidden" name="kind" value="${p.kind}">
  <button type="submit" class="secondary">Send a new code</button>
</form>
<p><a href="/settings">Back to security settings</a></p>`,
	});
}
