import { rich, t } from "../../i18n/translate.ts";
import { formatWhen } from "../../i18n/time.ts";
import type { RecoveryOffer } from "../../flows/sign-in.ts";
import type { AnswerError, MethodView } from "../../methods/types.ts";
import { type Html, html } from "../html.ts";
import { helpFor } from "./help.ts";
import { csrfField, describedBy, errorSummary, type FormError, fieldError, helpLink, layout } from "./layout.ts";

/**
 * Shows the password as text and hides it again. Hidden until app.js wires it up,
 * so a page without JavaScript shows no button that does nothing. Its name stays
 * "Show password"; aria-pressed says whether it is shown.
 */
function showPasswordButton(field: string): Html {
	return html`<button type="button" class="secondary show-password" data-show-password="${field}" aria-controls="${field}" aria-pressed="false" hidden>${t("auth.showPassword")}</button>`;
}

/** A link made from a message's `<link>…</link>`. */
const linkTo = (href: string) => ({ link: (content: Html) => html`<a href="${href}">${content}</a>` });

/**
 * A help link that leads back to `back` (this page, a local path): the help centre
 * shows a "Back" link to it. `?back=` goes before any "#step-n", where the browser still sends it.
 */
function withBack(href: string, back: string | undefined): string {
	if (!back) return href;
	const [path, fragment] = href.split("#") as [string, string | undefined];
	return `${path}${path.includes("?") ? "&" : "?"}back=${encodeURIComponent(back)}${fragment ? `#${fragment}` : ""}`;
}

/**
 * When a refusal says how long to wait (`too_many_attempts`), the page says it in the
 * person's words: how many minutes, and when that is in their zone.
 */
export interface RetryAfter {
	seconds: number;
	now: number;
}

/** The error box's words: "try again in 14 minutes (today, 20:34)" when the wait is known. */
function withRetry(error: FormError | undefined, retry: RetryAfter | undefined): FormError | undefined {
	if (!error || !retry || error.code !== "too_many_attempts") return error;
	const minutes = Math.max(1, Math.ceil(retry.seconds / 60));
	// The minute it may be tried again, never one too early: 20:00:30 is said 20:01.
	const at = Math.ceil((retry.now + retry.seconds * 1000) / 60_000) * 60_000;
	const when = formatWhen(at, { now: retry.now });
	return { ...error, message: t("auth.tooMany", { minutes, when }) };
}

export function signUpPage(p: {
	csrf: string;
	username?: string;
	email?: string;
	/** The password typed, given back only when it was not what was refused. */
	password?: string | undefined;
	error?: FormError;
}): Html {
	const e = p.error;
	const labels = { username: t("auth.field.username"), email: t("auth.field.email"), password: t("auth.field.password") };
	return layout({
		title: t("auth.signUp.title"),
		body: html`<h1>${t("auth.signUp.title")}</h1>
${errorSummary(e, labels)}
<form method="post" action="/sign-up" novalidate>
  ${csrfField(p.csrf)}
  <label for="username">${labels.username}</label>
  <p class="hint" id="username-hint">${t("auth.signUp.usernameHint")}</p>
  <input id="username" name="username" autocomplete="username" autocapitalize="none" spellcheck="false" required minlength="3" maxlength="30" value="${p.username ?? ""}" aria-describedby="${describedBy(e, "username", "username-hint")}">
  ${fieldError(e, "username")}
  <label for="email">${rich("auth.signUp.emailLabel", {}, { optional: (content) => html`<span class="optional">${content}</span>` })}</label>
  <input id="email" name="email" type="email" autocomplete="email" maxlength="254" value="${p.email ?? ""}" aria-describedby="${describedBy(e, "email")}">
  ${fieldError(e, "email")}
  <label for="password">${labels.password}</label>
  <p class="hint" id="password-hint">${t("auth.signUp.passwordHint")}</p>
  <input id="password" name="password" type="password" autocomplete="new-password" required minlength="8" maxlength="128"${p.password ? html` value="${p.password}"` : ""} aria-describedby="${describedBy(e, "password", "password-hint")}">
  ${showPasswordButton("password")}
  ${fieldError(e, "password")}
  <button type="submit">${t("auth.signUp.submit")}</button>
</form>
<p>${rich("auth.signUp.haveAccount", {}, linkTo("/sign-in"))}</p>`,
	});
}

export function signInPage(p: { csrf: string; username?: string; error?: FormError; notice?: string; retry?: RetryAfter }): Html {
	return layout({
		title: t("auth.signIn.title"),
		body: html`<h1>${t("auth.signIn.title")}</h1>
${p.notice ? html`<p class="notice" role="status">${p.notice}</p>` : ""}
${errorSummary(withRetry(p.error, p.retry))}
<form method="post" action="/sign-in" novalidate>
  ${csrfField(p.csrf)}
  <label for="username">${t("auth.signIn.username")}</label>
  <input id="username" name="username" autocomplete="username" autocapitalize="none" spellcheck="false" required maxlength="254" value="${p.username ?? ""}">
  <label for="password">${t("auth.field.password")}</label>
  <input id="password" name="password" type="password" autocomplete="current-password" required maxlength="128">
  ${showPasswordButton("password")}
  <button type="submit">${t("auth.signIn.submit")}</button>
</form>
<p><a href="/forgot-password">${t("auth.signIn.forgot")}</a></p>
<p>${rich("auth.signIn.newHere", {}, linkTo("/sign-up"))}</p>`,
	});
}

type CodeError = AnswerError;

const codeErrors = new Set<string>(["code_typo", "code_already_used", "code_replaced", "invalid_code"] satisfies CodeError[]);

/**
 * What to do next when a code fails, always in the same order: re-type it, try
 * another unused code, use another method, start recovery. The first step says
 * what this particular failure means.
 */
function nextSteps(code: CodeError, method: MethodView, others: MethodView[], base: string, back: string): Html {
	// Each method's own advice: a wrong texted code is not a clock problem.
	const first = method.copy.advice[code] ?? method.copy.advice.invalid_code ?? t("auth.next.checkTyped");
	return html`<div class="next-steps" id="next-steps">
  <h2>${t("auth.next.title")}</h2>
  <ol>
    <li>${first}</li>
    <li>${method.role === "fallback" ? t("auth.next.anotherCode") : method.sendsCodes ? t("auth.next.sendNew") : t("auth.next.backupCode")}</li>
    <li>${others.length > 0 ? rich("auth.next.anotherWay", {}, linkTo(`${base}/methods`)) : t("auth.next.anotherWayNone")}</li>
    <li>${rich("auth.next.lockedOut", {}, linkTo(withBack("/help/backup-codes", back)))}</li>
  </ol>
</div>`;
}

/** The "send me a code" part of the page, for methods that send codes. */
function sendCodePart(p: {
	csrf: string;
	method: MethodView;
	destination?: string | undefined;
	sent?: SentNotice | undefined;
	base: string;
}): Html {
	const sending = p.method.copy.sending;
	if (!p.method.sendsCodes || !sending) return html``;
	const where = p.destination ?? sending.nowhere;
	const notice = p.sent
		? p.sent.delivered
			? html`<p class="notice" role="status" id="code-sent">${t("auth.send.sent", { where })}</p>`
			: html`<p class="warning" role="status" id="code-sent">${t("auth.send.delayed", { where })}</p>`
		: html`<p>${t("auth.send.willSend", { verb: sending.verb, where })}</p>`;
	return html`${notice}
<form method="post" action="${p.base}/send" class="send-code">
  ${csrfField(p.csrf)}
  <input type="hidden" name="method" value="${p.method.name}">
  ${p.sent ? html`<input type="hidden" name="sent" value="yes">` : ""}
  <button type="submit" class="${p.sent ? "secondary" : ""}">${p.sent ? t("auth.send.again") : t("auth.send.first")}</button>
</form>`;
}

/** The passkey button: the browser answers the options, and the answer is posted as the "code". */
function passkeyPart(p: { csrf: string; method: MethodView; passkeyOptions?: unknown; base: string; allowTrust: boolean }): Html {
	if (p.method.answer !== "webauthn" || p.passkeyOptions === undefined) return html``;
	return html`<form method="post" action="${p.base}" id="passkey-sign-in-form" data-passkey-authenticate="${JSON.stringify(p.passkeyOptions)}" data-passkey-unsupported="${t("auth.passkey.unsupported")}" data-passkey-failed="${t("auth.passkey.failed")}">
  ${csrfField(p.csrf)}
  <input type="hidden" name="method" value="${p.method.name}">
  <input type="hidden" name="code" value="">
  ${p.allowTrust ? html`<p class="checkbox"><input type="checkbox" id="trust-passkey" name="trust" value="yes"> <label for="trust-passkey">${t("auth.second.trust")}</label></p>` : ""}
  <button type="button" data-passkey-start hidden>${t("auth.passkey.use")}</button>
</form>
<noscript><p class="warning">${t("auth.passkey.noScript")}</p></noscript>
<p class="copy-status" role="status" aria-live="polite"></p>`;
}

export interface SentNotice {
	delivered: boolean;
}

/**
 * The help page for an error on a second-step page, with the way back to that page:
 * the help centre shows a "Back" link, so reading help does not lose the sign-in.
 */
function secondStepHelp(error: FormError, back: string): FormError {
	if (!error.code) return error;
	const help = error.help ?? helpFor(error.code);
	return { ...error, help: { href: withBack(help.href, back), text: help.text } };
}

export function secondFactorPage(p: {
	csrf: string;
	method: MethodView;
	methods: MethodView[];
	error?: FormError;
	/** Too many attempts: how long to wait, said in the error. */
	retry?: RetryAfter | undefined;
	/** What was typed, shown again only after a typo so it can be corrected. */
	typed?: string;
	destination?: string | undefined;
	/** A code is on its way: the page says where, and shows the field to type it in. Until then a method that sends codes shows none. */
	sent?: SentNotice | undefined;
	passkeyOptions?: unknown;
	/** Where the step's forms post: "/sign-in/verify", or the turn-off confirmation. */
	base?: string;
	/** Why the second step is asked for, when it is not a sign-in. */
	purpose?: { heading: string; intro: string; recoverable?: boolean; cancel?: string };
}): Html {
	const copy = p.method.copy;
	const isPasskey = p.method.answer === "webauthn";
	const base = p.base ?? "/sign-in/verify";
	// This page, as a help page's "Back" link returns to it.
	const here = `${base}?method=${encodeURIComponent(p.method.name)}`;
	const allowTrust = p.purpose === undefined;
	// Sign-in and a password reset lead on to recovery; a settings change does not.
	const recoverable = p.purpose === undefined || p.purpose.recoverable === true;
	const others = p.methods.filter((m) => m.name !== p.method.name);
	const failedCode = p.error?.code !== undefined && codeErrors.has(p.error.code);
	const tooMany = p.error?.code === "too_many_attempts";
	const heading = p.purpose?.heading ?? t("auth.second.title");
	const shownError = p.error
		? secondStepHelp(
				withRetry(failedCode && p.method.sendsCodes ? { ...p.error, help: { href: "/help", text: t("auth.second.helpCentre") } } : p.error, p.retry)!,
				here,
			)
		: undefined;
	return layout({
		title: heading,
		...(isPasskey ? { scripts: ["/assets/webauthn.js"] } : {}),
		body: html`<h1>${heading}</h1>
<p>${t("auth.second.intro", { intro: p.purpose?.intro ?? t("auth.second.passwordRight"), method: copy.confirmWith })}</p>
${errorSummary(shownError)}
${tooMany && others.length > 0 ? html`<p class="another-way" id="another-way-now"><a href="${base}/methods">${t("auth.second.anotherWay")}</a></p>` : ""}
${sendCodePart({ ...p, base })}
${passkeyPart({ ...p, base, allowTrust })}
${failedCode ? nextSteps(p.error!.code! as CodeError, p.method, others, base, here) : ""}
${isPasskey || (p.method.sendsCodes && !p.sent) ? "" : html`<form method="post" action="${base}" novalidate>
  ${csrfField(p.csrf)}
  <input type="hidden" name="method" value="${p.method.name}">
  ${p.sent ? html`<input type="hidden" name="sent" value="yes">` : ""}
  <label for="code">${copy.label}</label>
  <p class="hint" id="code-hint">${copy.hint}</p>
  <input id="code" name="code" required autofocus value="${p.typed ?? ""}" inputmode="${copy.inputMode}" autocomplete="${copy.autocomplete}" autocapitalize="characters" spellcheck="false" maxlength="${copy.maxLength}" aria-describedby="code-hint">
  ${
		allowTrust
			? html`<p class="checkbox"><input type="checkbox" id="trust" name="trust" value="yes"> <label for="trust">${t("auth.second.trust")}</label></p>
  <p class="hint">${t("auth.second.trustHint")}</p>`
			: ""
	}
  <button type="submit">${t("auth.second.verify")}</button>
</form>`}
${others.length > 0 ? html`<p><a href="${base}/methods">${t("auth.second.anotherWay")}</a></p>` : ""}
${recoverable ? html`<p><a href="/sign-in/recover">${t("auth.second.cantUse")}</a></p>` : ""}
<p class="safety">${t("auth.second.safety")}</p>
<p>${allowTrust ? html`<a href="/sign-in">${t("auth.second.restart")}</a>` : html`<a href="${p.purpose?.cancel ?? "/settings"}">${t("auth.second.cancel")}</a>`}</p>`,
	});
}

/** How a method is described in the chooser, with where its codes go. */
function choiceText(method: MethodView, destination: string | undefined): string {
	const sending = method.copy.sending;
	if (sending) return t("auth.other.choice", { choose: sending.choose, where: destination ?? sending.nowhere });
	return method.copy.hint;
}

export function anotherWayPage(p: {
	methods: MethodView[];
	destinations: Partial<Record<string, string>>;
	base?: string;
	/** What account recovery adds to the ways listed (`recoveryOnOffer`). */
	recovery: RecoveryOffer;
}): Html {
	const base = p.base ?? "/sign-in/verify";
	const recovery = p.recovery;
	return layout({
		title: t("auth.other.title"),
		body: html`<h1>${t("auth.other.title")}</h1>
<p>${t("auth.other.intro")}</p>
<ul class="choices">
${p.methods.map(
	(m) => html`<li><a class="choice" href="${base}?method=${m.name}"><strong>${m.copy.title}</strong><span>${choiceText(m, p.destinations[m.name])}</span></a></li>`,
)}
</ul>
${
	recovery.kind === "adds"
		? html`<p id="recover">${rich("auth.other.recover", {}, linkTo("/sign-in/recover"))}</p>`
		: recovery.kind === "under_way"
			? html`<p class="notice" id="recovery-under-way">${rich("auth.other.underWay", { when: formatWhen(recovery.readyAt) }, linkTo("/sign-in/recover"))}</p>`
			: recovery.kind === "requested"
				? html`<p class="notice" id="identity-check-asked">${t("auth.other.requested")}</p>`
				: ""
}
<p><a href="/sign-in">${t("auth.second.restart")}</a></p>`,
	});
}

export function messagePage(p: { title: string; message: string; link?: { href: string; text: string }; code?: string }): Html {
	return layout({
		title: p.title,
		body: html`<h1>${p.title}</h1>
<p>${p.message}</p>
${p.link ? html`<p><a href="${p.link.href}">${p.link.text}</a></p>` : ""}
${helpLink(p.code)}`,
	});
}
