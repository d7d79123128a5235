import { type Html, html, trusted } from "../html.ts";
import { csrfField, layout, type PageUser } from "./layout.ts";

/** What each scope lets an app see, in a person's words. */
const scopeWords: Record<string, string> = {
	openid: "Know that it is you (an identifier for your account)",
	profile: "See your username",
	email: "See your confirmed email address",
	offline_access: "Stay signed in to you when you are not using it",
};

function scopeList(scopes: string[]): Html {
	return html`<ul class="scopes">${scopes.map((s) => html`<li>${scopeWords[s] ?? s}</li>`)}</ul>`;
}

/** A third-party app asks to sign the person in: name, address, and what it would see. */
export function consentPage(p: { user: PageUser; uid: string; app: { name: string; address: string }; scopes: string[] }): Html {
	return layout({
		title: `Allow ${p.app.name}?`,
		user: p.user,
		body: html`<h1>Allow ${p.app.name} to sign you in?</h1>
<p><strong>${p.app.name}</strong> at <strong>${p.app.address}</strong> wants to:</p>
${scopeList(p.scopes)}
<p>You can withdraw this at any time in <a href="/settings/apps">Apps with access</a>. Tessera never gives an app your password or your codes.</p>
<form method="post" action="/oidc/interaction/${p.uid}/consent">
  ${csrfField(p.user.csrf)}
  <button type="submit" name="decision" value="allow">Allow</button>
  <button type="submit" name="decision" value="deny" class="secondary">Don't allow</button>
</form>`,
	});
}

/** The app asked for a stronger sign-in than the account can give. */
export function cannotStepUpPage(p: { user: PageUser; uid: string; app: string; level: string }): Html {
	return layout({
		title: "A stronger sign-in is needed",
		user: p.user,
		body: html`<h1>${p.app} asks for a stronger sign-in</h1>
<p>${p.app} asks you to confirm it is you with ${p.level}, and your account has no such way set up.</p>
<p>Set one up in <a href="/settings">your settings</a>, then go back to ${p.app} and try again.</p>
<form method="post" action="/oidc/interaction/${p.uid}/abort">
  ${csrfField(p.user.csrf)}
  <button type="submit">Go back to ${p.app}</button>
</form>`,
	});
}

export interface AppView {
	clientId: string;
	name: string;
	address: string;
	scopes: string[];
	allowedAt: string;
}

/** "Apps with access": every third-party app the person allowed, with a way to withdraw it. */
export function appsPage(p: { user: PageUser; apps: AppView[]; notice?: string | undefined }): Html {
	return layout({
		title: "Apps with access",
		user: p.user,
		body: html`<h1>Apps with access</h1>
${p.notice ? html`<p class="notice" role="status">${p.notice}</p>` : ""}
${
	p.apps.length === 0
		? html`<p>No app outside this service can sign you in. When you allow one, it is listed here.</p>`
		: html`<ul class="apps">${p.apps.map(
				(app) => html`<li>
  <h2>${app.name}</h2>
  <p>${app.address} · allowed ${app.allowedAt}</p>
  ${scopeList(app.scopes)}
  <form method="post" action="/settings/apps/withdraw">
    ${csrfField(p.user.csrf)}
    <input type="hidden" name="client" value="${app.clientId}">
    <button type="submit" class="secondary">Withdraw access</button>
  </form>
</li>`,
			)}</ul>`
}
<p><a href="/settings">Back to settings</a></p>`,
	});
}

/** An app asked to sign the person out (RP-initiated logout): confirm on Tessera's page. */
export function signOutConfirmPage(p: { app: string | undefined; providerForm: string; marker: string }): Html {
	return layout({
		title: "Sign out?",
		body: html`<h1>Sign out${p.app ? html` of ${p.app}` : ""}?</h1>
<p>You will be signed out of Tessera on this device, and of the apps you signed in to through it here.</p>
${trusted(p.providerForm)}
<input type="hidden" form="op.logoutForm" name="${p.marker}" value="yes">
<button type="submit" form="op.logoutForm" name="logout" value="yes">Sign out</button>
<button type="submit" form="op.logoutForm" class="secondary">Stay signed in</button>`,
	});
}

export function signedOutPage(p: { app: string | undefined }): Html {
	return layout({
		title: "Signed out",
		body: html`<h1>You're signed out</h1>
<p>${p.app ? html`You have signed out of ${p.app}. ` : ""}You can close this page, or <a href="/sign-in">sign in again</a>.</p>`,
	});
}

/** The provider refused an app's request: what went wrong, in words, with the code an app's support can look up. */
export function appErrorPage(p: { error: string; description: string | undefined }): Html {
	return layout({
		title: "The app's request could not go on",
		body: html`<h1>The app's sign-in request could not go on</h1>
<p>${p.description ?? "The request was not valid."}</p>
<p>Go back to the app and try again. If it keeps happening, tell the app's support that Tessera refused the request with <code>${p.error}</code>.</p>`,
	});
}
