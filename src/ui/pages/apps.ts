import { formatWhen } from "../../i18n/time.ts";
import { type MessageKey, rich, t } from "../../i18n/translate.ts";
import { type Html, html, trusted } from "../html.ts";
import { csrfField, layout, type PageUser } from "./layout.ts";

/** What each scope lets an app see, in a person's words. */
const scopeWords: Record<string, MessageKey> = {
	openid: "apps.scope.openid",
	profile: "apps.scope.profile",
	email: "apps.scope.email",
	offline_access: "apps.scope.offline_access",
};

function scopeList(scopes: string[]): Html {
	return html`<ul class="scopes">${scopes.map((s) => html`<li>${Object.hasOwn(scopeWords, s) ? t(scopeWords[s]!) : s}</li>`)}</ul>`;
}

const strong = (content: Html) => html`<strong>${content}</strong>`;
const link = (href: string) => (content: Html) => html`<a href="${href}">${content}</a>`;

/** A third-party app asks to sign the person in: name, address, and what it would see. */
export function consentPage(p: { user: PageUser; uid: string; app: { name: string; address: string }; scopes: string[] }): Html {
	return layout({
		title: t("apps.consent.title", { app: p.app.name }),
		user: p.user,
		body: html`<h1>${t("apps.consent.heading", { app: p.app.name })}</h1>
<p>${rich("apps.consent.wants", { app: p.app.name, address: p.app.address }, { strong })}</p>
${scopeList(p.scopes)}
<p>${rich("apps.consent.withdraw", {}, { apps: link("/settings/apps") })}</p>
<form method="post" action="/oidc/interaction/${p.uid}/consent">
  ${csrfField(p.user.csrf)}
  <button type="submit" name="decision" value="allow">${t("apps.consent.allow")}</button>
  <button type="submit" name="decision" value="deny" class="secondary">${t("apps.consent.deny")}</button>
</form>`,
	});
}

/** The app asked for a stronger sign-in than the account can give. `level` is in the person's words. */
export function cannotStepUpPage(p: { user: PageUser; uid: string; app: string; level: string }): Html {
	return layout({
		title: t("apps.stepUp.title"),
		user: p.user,
		body: html`<h1>${t("apps.stepUp.heading", { app: p.app })}</h1>
<p>${t("apps.stepUp.noWay", { app: p.app, level: p.level })}</p>
<p>${rich("apps.stepUp.setUp", { app: p.app }, { settings: link("/settings") })}</p>
<form method="post" action="/oidc/interaction/${p.uid}/abort">
  ${csrfField(p.user.csrf)}
  <button type="submit">${t("apps.stepUp.goBack", { app: p.app })}</button>
</form>`,
	});
}

export interface AppView {
	clientId: string;
	name: string;
	address: string;
	scopes: string[];
	/** When the person allowed it (ms). */
	allowedAt: number;
}

/** "Apps with access": every third-party app the person allowed, with a way to withdraw it. */
export function appsPage(p: { user: PageUser; apps: AppView[]; notice?: string | undefined }): Html {
	return layout({
		title: t("apps.list.title"),
		user: p.user,
		body: html`<h1>${t("apps.list.title")}</h1>
${p.notice ? html`<p class="notice" role="status">${p.notice}</p>` : ""}
${
	p.apps.length === 0
		? html`<p>${t("apps.list.none")}</p>`
		: html`<ul class="apps">${p.apps.map(
				(app) => html`<li>
  <h2>${app.name}</h2>
  <p>${t("apps.list.allowed", { address: app.address, when: formatWhen(app.allowedAt) })}</p>
  ${scopeList(app.scopes)}
  <form method="post" action="/settings/apps/withdraw">
    ${csrfField(p.user.csrf)}
    <input type="hidden" name="client" value="${app.clientId}">
    <button type="submit" class="secondary">${t("apps.list.withdraw")}</button>
  </form>
</li>`,
			)}</ul>`
}
<p><a href="/settings">${t("apps.list.back")}</a></p>`,
	});
}

/** An app asked to sign the person out (RP-initiated logout): confirm on the provider's own page. */
export function signOutConfirmPage(p: { app: string | undefined; providerForm: string; marker: string }): Html {
	return layout({
		title: t("apps.signOut.title"),
		body: html`<h1>${p.app ? t("apps.signOut.headingOf", { app: p.app }) : t("apps.signOut.title")}</h1>
<p>${t("apps.signOut.body")}</p>
${trusted(p.providerForm)}
<input type="hidden" form="op.logoutForm" name="${p.marker}" value="yes">
<button type="submit" form="op.logoutForm" name="logout" value="yes">${t("apps.signOut.confirm")}</button>
<button type="submit" form="op.logoutForm" class="secondary">${t("apps.signOut.stay")}</button>`,
	});
}

export function signedOutPage(p: { app: string | undefined }): Html {
	const signIn = link("/sign-in");
	return layout({
		title: t("apps.signedOut.title"),
		body: html`<h1>${t("apps.signedOut.heading")}</h1>
<p>${p.app ? rich("apps.signedOut.bodyOf", { app: p.app }, { signIn }) : rich("apps.signedOut.body", {}, { signIn })}</p>`,
	});
}

/**
 * The provider refused an app's request: what went wrong, in words, with the code an app's support can look up.
 * The provider's own description of the problem is in English, and marked so.
 */
export function appErrorPage(p: { error: string; description: string | undefined }): Html {
	return layout({
		title: t("apps.error.title"),
		body: html`<h1>${t("apps.error.heading")}</h1>
<p>${p.description ? html`<span lang="en">${p.description}</span>` : t("apps.error.invalid")}</p>
<p>${rich("apps.error.advice", { error: p.error }, { code: (content) => html`<code>${content}</code>` })}</p>`,
	});
}
