import { rich, t } from "../../i18n/translate.ts";
import { type Html, html, trusted } from "../html.ts";
import { csrfField, errorSummary, type FormError, layout, type PageUser } from "./layout.ts";

/**
 * The authenticator app's own pages: setting it up, moving it to a new phone
 * (the new key waits beside the one in use until its first code), removing it.
 */

/** Where a person moves their authenticator to a new phone; settings link here too. */
export const REPLACE_AUTHENTICATOR = "/settings/authenticator/replace";

/** The key in groups of four, as people type it: the app ignores the spaces. */
function groupKey(secret: string): string {
	return secret.replace(/(.{4})/g, "$1 ").trim();
}

/**
 * The key to put into the app: a QR code to scan from another screen, and for a
 * person on the phone the app is on, a link that opens the app with the key
 * (the very `otpauth://` address the QR code holds) and "Copy key". The key stays
 * on the page as text either way; the copy button needs JavaScript and is hidden
 * without it.
 */
export function totpEnrollPage(p: {
	user: PageUser;
	enrollment: { secret: string; uri: string; qrCodeSvg: string };
	/** Moving to a new phone: the app in use keeps working until this one is confirmed. */
	replacing?: boolean;
	error?: FormError | undefined;
}): Html {
	const replacing = p.replacing === true;
	const title = t(replacing ? "authenticator.replace.title" : "authenticator.setUp.title");
	// A wrong code here is about the phone's clock and the app's entry, never backup codes.
	const error = p.error && p.error.code === "invalid_code" ? { ...p.error, help: { href: "/help", text: t("authenticator.setUp.help") } } : p.error;
	return layout({
		title,
		user: p.user,
		body: html`<h1>${title}</h1>
${replacing ? html`<p>${t("authenticator.replace.intro")}</p>` : ""}
<ol class="steps">
  <li>
    <p>${t(replacing ? "authenticator.replace.scan" : "authenticator.setUp.scan")}</p>
    <figure class="qr" aria-label="${t("authenticator.setUp.qrLabel")}">${trusted(p.enrollment.qrCodeSvg)}</figure>
    <p class="hint">${t("authenticator.setUp.onThisPhone")}</p>
    <div class="actions">
      <a class="button secondary" id="open-in-app" href="${p.enrollment.uri}">${t("authenticator.setUp.openInApp")}</a>
      <button type="button" class="secondary" data-copy-target="totp-key" data-copied="${t("authenticator.setUp.keyCopied")}" data-copy-failed="${t("authenticator.setUp.copyFailed")}" hidden>${t("authenticator.setUp.copyKey")}</button>
    </div>
    <p class="copy-status" role="status" aria-live="polite"></p>
    <details>
      <summary>${t("authenticator.setUp.cantScan")}</summary>
      <p>${rich("authenticator.setUp.key", { key: html`<code class="key" dir="ltr" id="totp-key">${groupKey(p.enrollment.secret)}</code>` })}</p>
      <p class="hint">${t("authenticator.setUp.keyKind")}</p>
    </details>
  </li>
  <li>
    <p>${t(replacing ? "authenticator.replace.enterCode" : "authenticator.setUp.enterCode")}</p>
    ${errorSummary(error)}
    <form method="post" action="${replacing ? `${REPLACE_AUTHENTICATOR}/confirm` : "/settings/authenticator/confirm"}" novalidate>
      ${csrfField(p.user.csrf)}
      <label for="code">${t("authenticator.setUp.codeLabel")}</label>
      <input id="code" name="code" required inputmode="numeric" autocomplete="one-time-code" maxlength="16">
      <button type="submit">${t(replacing ? "authenticator.replace.submit" : "authenticator.setUp.submit")}</button>
    </form>
  </li>
</ol>
<p><a href="/settings">${t(replacing ? "authenticator.replace.cancel" : "authenticator.setUp.cancel")}</a></p>`,
	});
}

/** The three doors of the authenticator's pages, each behind the password. */
export type AuthenticatorDoor = "set_up" | "replace" | "remove";

const doors = {
	set_up: { title: "authenticator.setUp.title", explanation: "authenticator.setUp.explanation", submit: "authenticator.password.continue" },
	replace: { title: "authenticator.replace.title", explanation: "authenticator.replace.explanation", submit: "authenticator.password.continue" },
	remove: { title: "authenticator.remove.title", explanation: "authenticator.remove.explanation", submit: "authenticator.remove.submit" },
} as const;

/** The password, before setting the app up, moving it to a new phone, or removing it. */
export function authenticatorPasswordPage(p: {
	user: PageUser;
	door: AuthenticatorDoor;
	action: string;
	/** The app is set up and two-factor is on: it can be moved to a new phone. */
	replaceable?: boolean;
	error?: FormError | undefined;
}): Html {
	const words = doors[p.door];
	const title = t(words.title);
	// Set up already: the way forward is moving it, not a second one.
	const error =
		p.replaceable && p.error?.code === "two_factor_already_enabled"
			? { ...p.error, help: { href: REPLACE_AUTHENTICATOR, text: t("authenticator.setUp.alreadySetUp") } }
			: p.error;
	return layout({
		title,
		user: p.user,
		body: html`<h1>${title}</h1>
<p>${t(words.explanation)}</p>
${errorSummary(error)}
<form method="post" action="${p.action}" novalidate>
  ${csrfField(p.user.csrf)}
  <label for="password">${t("authenticator.password.label")}</label>
  <input id="password" name="password" type="password" autocomplete="current-password" required maxlength="128">
  <button type="submit" class="${p.door === "remove" ? "danger" : ""}">${t(words.submit)}</button>
</form>
${
	p.door === "remove" && p.replaceable
		? html`<p id="replace-instead">${rich("authenticator.remove.replaceInstead", {}, { link: (content) => html`<a href="${REPLACE_AUTHENTICATOR}">${content}</a>` })}</p>`
		: ""
}
<p><a href="/settings">${t("authenticator.password.back")}</a></p>`,
	});
}

/** After the new phone's first code: the old app no longer works. */
export function authenticatorReplacedPage(p: { user: PageUser }): Html {
	const title = t("authenticator.replaced.title");
	return layout({
		title,
		user: p.user,
		body: html`<h1>${title}</h1>
<p class="notice" role="status">${t("authenticator.replaced.message")}</p>
<p><a class="button" href="/settings">${t("authenticator.password.back")}</a></p>`,
	});
}
