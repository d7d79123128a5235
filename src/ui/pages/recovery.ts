
import type { RecoveryContact, RecoveryOptions } from "../../flows/recovery.ts";
import type { ContactKind } from "../../store/schema.ts";
import { type Html, html } from "../html.ts";
import { csrfField, describedBy, errorSummary, type FormError, fieldError, layout, type PageUser } from "./layout.ts";
import { ONE_TIME_CODE_TTL_MS } from "../../codes/one-time-codes.ts";
import { formatWhen } from "../../i18n/time.ts";
import { listParts, rich, t } from "../../i18n/translate.ts";

const neverAsks = () => html`<p class="safety">${t("recovery.neverAsks")}</p>`;

/** An address, a code or a name inside a sentence: kept whole and in its own direction (a phone number in Arabic text). */
function value(text: string): Html {
	return html`<bdi>${text}</bdi>`;
}

/** "a, b and c" (or "a or b") in the person's language, the items kept as they are. */
function listOf(items: Html[], type: "conjunction" | "disjunction"): Html {
	return html`${listParts(items.length, type).map((part) => ("element" in part ? items[part.element]! : part.literal))}`;
}

/** A link whose words come from a message's `<link>…</link>`. */
function linkTo(href: string): (content: Html) => Html {
	return (content) => html`<a href="${href}">${content}</a>`;
}

function newPasswordField(e: FormError | undefined): Html {
	return html`<label for="password">${t("recovery.newPassword.label")}</label>
  <p class="hint" id="password-hint">${t("recovery.newPassword.hint")}</p>
  <input id="password" name="password" type="password" autocomplete="new-password" required minlength="8" maxlength="128" aria-describedby="${describedBy(e, "password", "password-hint")}">
  ${fieldError(e, "password")}`;
}

// ── Forgot password ─────────────────────────────────────────────────────────

export function forgotPasswordPage(p: { csrf: string; identifier?: string; error?: FormError }): Html {
	const title = t("recovery.forgot.title");
	return layout({
		title,
		body: html`<h1>${title}</h1>
<p>${t("recovery.forgot.intro")}</p>
${errorSummary(p.error)}
<form method="post" action="/forgot-password" novalidate>
  ${csrfField(p.csrf)}
  <label for="identifier">${t("recovery.forgot.identifier")}</label>
  <input id="identifier" name="identifier" autocomplete="username" autocapitalize="none" spellcheck="false" required maxlength="320" value="${p.identifier ?? ""}">
  <button type="submit">${t("recovery.forgot.submit")}</button>
</form>
<p class="hint">${t("recovery.forgot.twoFactorNote")}</p>
<p><a href="/sign-in">${t("recovery.backToSignIn")}</a></p>`,
	});
}

export function resetSentPage(p: { csrf: string; error?: FormError; typed?: string }): Html {
	const title = t("recovery.resetSent.title");
	return layout({
		title,
		body: html`<h1>${title}</h1>
<p class="notice" role="status">${t("recovery.resetSent.message")}</p>
<h2>${t("recovery.resetSent.emailHeading")}</h2>
<p>${t("recovery.resetSent.emailBody")}</p>
<h2>${t("recovery.resetSent.textHeading")}</h2>
${errorSummary(p.error)}
<form method="post" action="/forgot-password/code" novalidate>
  ${csrfField(p.csrf)}
  <label for="code">${t("recovery.code.label")}</label>
  <input id="code" name="code" inputmode="numeric" autocomplete="one-time-code" required maxlength="16" value="${p.typed ?? ""}" aria-describedby="${describedBy(p.error, "code")}">
  ${fieldError(p.error, "code")}
  ${newPasswordField(p.error)}
  <button type="submit">${t("recovery.resetSent.submit")}</button>
</form>
<p>${rich("recovery.resetSent.nothing", {}, { link: linkTo("/forgot-password") })}</p>
${neverAsks()}`,
	});
}

export function newPasswordPage(p: {
	csrf: string;
	action: string;
	token: string;
	title: string;
	intro: string;
	submit: string;
	error?: FormError;
}): Html {
	return layout({
		title: p.title,
		body: html`<h1>${p.title}</h1>
<p>${p.intro}</p>
${errorSummary(p.error)}
<form method="post" action="${p.action}" novalidate>
  ${csrfField(p.csrf)}
  <input type="hidden" name="token" value="${p.token}">
  ${newPasswordField(p.error)}
  <button type="submit">${p.submit}</button>
</form>
${neverAsks()}`,
	});
}

export function linkExpiredPage(p: { title: string; message: string; again?: { href: string; text: string } }): Html {
	return layout({
		title: p.title,
		body: html`<h1>${p.title}</h1>
<p>${p.message}</p>
${p.again ? html`<p><a class="button" href="${p.again.href}">${p.again.text}</a></p>` : ""}
<p><a href="/sign-in">${t("recovery.goToSignIn")}</a> · <a href="/help">${t("recovery.helpCentre")}</a></p>`,
	});
}

export function passwordResetDonePage(): Html {
	const title = t("recovery.resetDone.title");
	return layout({
		title,
		body: html`<h1>${title}</h1>
<p class="notice" role="status" id="password-reset-done">${t("recovery.resetDone.notice")}</p>
<p>${t("recovery.resetDone.next")}</p>
<p><a class="button" href="/sign-in">${t("recovery.signIn")}</a></p>`,
	});
}

/** "Wasn't you?": one button, so that a scanner following the link changes nothing. */
export function secureAccountPage(p: { csrf: string; token: string }): Html {
	const title = t("recovery.secure.title");
	return layout({
		title,
		body: html`<h1>${title}</h1>
<p>${t("recovery.secure.intro")}</p>
<form method="post" action="/secure-account">
  ${csrfField(p.csrf)}
  <input type="hidden" name="token" value="${p.token}">
  <button type="submit" class="danger">${t("recovery.secure.submit")}</button>
</form>
<p>${t("recovery.secure.next")}</p>
${neverAsks()}`,
	});
}

export function secureAccountDonePage(): Html {
	const title = t("recovery.secureDone.title");
	return layout({
		title,
		body: html`<h1>${title}</h1>
<p class="notice" role="status" id="secure-account-done">${t("recovery.secureDone.notice")}</p>
<p>${t("recovery.secureDone.next")}</p>
<p><a class="button" href="/forgot-password">${t("recovery.secureDone.choose")}</a></p>
<p><a href="/sign-in">${t("recovery.signIn")}</a> · <a href="/help">${t("recovery.helpCentre")}</a></p>`,
	});
}

export function changePasswordPage(p: { user: PageUser; error?: FormError | undefined }): Html {
	const title = t("recovery.change.title");
	return layout({
		title,
		user: p.user,
		body: html`<h1>${title}</h1>
<p>${t("recovery.change.intro")}</p>
${errorSummary(p.error)}
<form method="post" action="/settings/password" novalidate>
  ${csrfField(p.user.csrf)}
  <label for="current">${t("recovery.change.current")}</label>
  <input id="current" name="current" type="password" autocomplete="current-password" required maxlength="128" aria-describedby="${describedBy(p.error, "current")}">
  ${fieldError(p.error, "current")}
  ${newPasswordField(p.error)}
  <button type="submit">${t("recovery.change.submit")}</button>
</form>
<p><a href="/settings">${t("recovery.backToSettings")}</a></p>`,
	});
}

// ── Account recovery ────────────────────────────────────────────────────────

/** Why the buttons of codes by email and text are disabled, beside them (their aria-describedby). */
const PAUSED_REASON_ID = "codes-paused-reason";

function contactChoice(csrf: string, contact: RecoveryContact, paused: boolean): Html {
	const what = rich(contact.kind === "phone" ? "recovery.start.textCode" : "recovery.start.emailCode", { address: value(contact.masked) });
	return html`<li><form method="post" action="/sign-in/recover/send">
    ${csrfField(csrf)}
    <input type="hidden" name="kind" value="${contact.kind}">
    ${
			paused
				? html`<button type="submit" class="secondary" disabled aria-describedby="${PAUSED_REASON_ID}">${what}</button>`
				: html`<button type="submit" class="secondary">${what}</button>`
		}
  </form></li>`;
}

export function recoverStartPage(p: { csrf: string; options: RecoveryOptions; waitHours: number; error?: FormError }): Html {
	const { options } = p;
	if (options.recovery) {
		const title = t("recovery.waiting.title");
		return layout({
			title,
			body: html`<h1>${title}</h1>
<p class="notice" role="status" id="recovery-waiting">${t("recovery.waiting.notice", { startedAt: formatWhen(options.recovery.startedAt), readyAt: formatWhen(options.recovery.readyAt) })}</p>
<p>${t("recovery.waiting.found")}</p>
<p><a href="/sign-in">${t("recovery.backToSignIn")}</a></p>
${neverAsks()}`,
		});
	}
	const paused = options.codesPausedAt !== null;
	const title = t("recovery.start.title");
	return layout({
		title,
		body: html`<h1>${title}</h1>
${
	options.codesPausedAt !== null && options.contacts.length > 0
		? html`<p class="warning" role="status" id="codes-paused">${t("recovery.start.paused", { when: formatWhen(options.codesPausedAt) })}</p>`
		: ""
}
<p>${t("recovery.start.intro", { hours: p.waitHours })}</p>
${errorSummary(p.error)}
${
	options.contacts.length > 0
		? html`<h2>${t("recovery.start.prove")}</h2>
<ul class="plain recover-contacts">${options.contacts.map((c) => contactChoice(p.csrf, c, paused))}</ul>
${paused ? html`<p class="hint" id="${PAUSED_REASON_ID}">${t("recovery.start.pausedReason")}</p>` : ""}`
		: html`<p>${t("recovery.start.noContacts")}</p>`
}
<h2>${t("recovery.start.noAccess")}</h2>
${
	options.requestOpen
		? html`<p class="notice" id="request-open">${t("recovery.start.requestOpen")}</p>`
		: html`${
				options.deniedRequest
					? html`<p class="warning" id="request-denied">${t("recovery.start.lastDenied", { askedAt: formatWhen(options.deniedRequest.askedAt) })}</p>`
					: ""
			}<p>${rich("recovery.start.askIdentity", {}, { link: linkTo("/sign-in/recover/identity") })}</p>`
}
<p><a href="/sign-in/verify/methods">${t("recovery.start.otherWays")}</a> · <a href="/help/backup-codes">${t("recovery.help")}</a></p>
${neverAsks()}`,
	});
}

export function recoverCodePage(p: { csrf: string; kind: ContactKind; sentTo: string; delivered?: boolean; error?: FormError }): Html {
	const title = t("recovery.code.title");
	const facts = { address: value(p.sentTo), minutes: Math.round(ONE_TIME_CODE_TTL_MS / 60_000) };
	return layout({
		title,
		body: html`<h1>${title}</h1>
${
	p.delivered === undefined
		? html`<p>${rich("recovery.code.enter", facts)}</p>`
		: p.delivered
			? html`<p class="notice" role="status">${rich("recovery.code.sent", facts)}</p>`
			: html`<p class="warning" role="status">${rich("recovery.code.notSent", facts)}</p>`
}
${errorSummary(p.error)}
<form method="post" action="/sign-in/recover/code" novalidate>
  ${csrfField(p.csrf)}
  <input type="hidden" name="kind" value="${p.kind}">
  <label for="code">${t("recovery.code.label")}</label>
  <input id="code" name="code" inputmode="numeric" autocomplete="one-time-code" required maxlength="16">
  <button type="submit">${t("recovery.code.submit")}</button>
</form>
<form method="post" action="/sign-in/recover/send">
  ${csrfField(p.csrf)}
  <input type="hidden" name="kind" value="${p.kind}">
  <button type="submit" class="secondary">${t("recovery.code.resend")}</button>
</form>
<p><a href="/sign-in/recover">${t("recovery.back")}</a></p>
${neverAsks()}`,
	});
}

export function recoveryStartedPage(p: { readyAt: number }): Html {
	const title = t("recovery.started.title");
	return layout({
		title,
		body: html`<h1>${title}</h1>
<p class="notice" role="status" id="recovery-started">${t("recovery.started.notice", { readyAt: formatWhen(p.readyAt) })}</p>
<p>${t("recovery.started.told")}</p>
<p>${t("recovery.started.found")}</p>
<p><a href="/sign-in">${t("recovery.backToSignIn")}</a></p>`,
	});
}

/**
 * What a person asking for an identity check is owed before and after sending
 * it: how long it takes (a person decides, at no set time; then the configured
 * wait) and where the answer comes (the addresses a recovery's alerts reach, masked).
 */
function identityCheckFacts(p: { answerTo: RecoveryContact[]; waitHours: number }): Html {
	const addresses = listOf(
		p.answerTo.map((c) => value(c.masked)),
		"conjunction",
	);
	return html`<h2>${t("recovery.identity.howLongHeading")}</h2>
<p id="identity-how-long">${t("recovery.identity.howLong", { hours: p.waitHours })}</p>
<h2>${t("recovery.identity.answerHeading")}</h2>
<p id="identity-answer">${p.answerTo.length > 0 ? rich("recovery.identity.answerTo", { addresses }) : t("recovery.identity.answerNowhere")}</p>`;
}

export function identityCheckPage(p: {
	csrf: string;
	answerTo: RecoveryContact[];
	waitHours: number;
	values?: { message: string; contactsUsed: string; lastSignIn: string };
	error?: FormError;
}): Html {
	const v = p.values ?? { message: "", contactsUsed: "", lastSignIn: "" };
	const title = t("recovery.identity.title");
	return layout({
		title,
		body: html`<h1>${title}</h1>
<p>${t("recovery.identity.intro")}</p>
${identityCheckFacts(p)}
${errorSummary(p.error)}
<form method="post" action="/sign-in/recover/identity" novalidate>
  ${csrfField(p.csrf)}
  <label for="message">${t("recovery.identity.message")}</label>
  <textarea id="message" name="message" rows="6" maxlength="2000" required aria-describedby="${describedBy(p.error, "message")}">${v.message}</textarea>
  ${fieldError(p.error, "message")}
  <label for="contactsUsed">${t("recovery.identity.contactsUsed")} <span class="optional">${t("recovery.optional")}</span></label>
  <input id="contactsUsed" name="contactsUsed" maxlength="500" value="${v.contactsUsed}">
  <label for="lastSignIn">${t("recovery.identity.lastSignIn")} <span class="optional">${t("recovery.optional")}</span></label>
  <input id="lastSignIn" name="lastSignIn" maxlength="100" value="${v.lastSignIn}">
  <button type="submit">${t("recovery.identity.submit")}</button>
</form>
<p><a href="/sign-in/recover">${t("recovery.back")}</a></p>`,
	});
}

export function identityCheckSentPage(p: { answerTo: RecoveryContact[]; waitHours: number }): Html {
	const title = t("recovery.identitySent.title");
	return layout({
		title,
		body: html`<h1>${title}</h1>
<p class="notice" role="status" id="request-sent">${t("recovery.identitySent.notice")}</p>
${identityCheckFacts(p)}
<p><a href="/sign-in">${t("recovery.backToSignIn")}</a></p>
${neverAsks()}`,
	});
}

export function cancelRecoveryPage(p: { csrf: string; token: string }): Html {
	const title = t("recovery.cancel.title");
	return layout({
		title,
		body: html`<h1>${title}</h1>
<p>${t("recovery.cancel.intro")}</p>
<form method="post" action="/recovery/cancel">
  ${csrfField(p.csrf)}
  <input type="hidden" name="token" value="${p.token}">
  <button type="submit" class="danger">${t("recovery.cancel.submit")}</button>
</form>
<p class="hint">${t("recovery.cancel.hint")}</p>`,
	});
}

export function recoveryCancelledPage(): Html {
	const title = t("recovery.cancelled.title");
	return layout({
		title,
		body: html`<h1>${title}</h1>
<p class="notice" role="status" id="recovery-cancelled">${t("recovery.cancelled.notice")}</p>
<p>${rich("recovery.cancelled.next", {}, { link: linkTo("/forgot-password") })}</p>
<p><a href="/sign-in">${t("recovery.goToSignIn")}</a></p>`,
	});
}

/** After recovery or an operator reset two-factor: setting it up again comes first. */
/** `readyWith`: the ways in the account still has (a verified phone or email, a passkey added since), which can turn it on with new codes. */
export function setUpAgainPage(p: { user: PageUser; readyWith: string[]; pendingCodes: boolean }): Html {
	const title = t("recovery.setUpAgain.title");
	const ways = listOf(
		p.readyWith.map((way) => html`${way}`),
		"disjunction",
	);
	return layout({
		title,
		user: p.user,
		body: html`<h1>${title}</h1>
<p class="notice" role="status" id="set-up-again">${t("recovery.setUpAgain.notice")}</p>
<p><a class="button" href="/settings/authenticator">${t("recovery.setUpAgain.authenticator")}</a> <a class="button secondary" href="/settings/passkeys/add">${t("recovery.setUpAgain.passkey")}</a></p>
${
	p.readyWith.length > 0
		? html`<p id="ready-with">${rich("recovery.setUpAgain.readyWith", { ways })}</p>
<p>${p.pendingCodes ? html`<a class="button" href="/settings/backup-codes/confirm">${t("recovery.setUpAgain.confirmCodes")}</a> ` : ""}<a class="button secondary" href="/settings/backup-codes/new">${t("recovery.setUpAgain.getCodes")}</a></p>`
		: ""
}
<p class="hint">${t("recovery.setUpAgain.hint")}</p>`,
	});
}
