import type { AnswerError, MethodView } from "../../methods/types.ts";
import { type Html, html } from "../html.ts";
import { csrfField, describedBy, errorSummary, type FormError, fieldError, helpLink, layout } from "./layout.ts";

/**
 * Shows the password as text and hides it again. Hidden until app.js wires it up,
 * so a page without JavaScript shows no button that does nothing. Its name stays
 * "Show password"; aria-pressed says whether it is shown.
 */
function showPasswordButton(field: string): Html {
	return html`<button type="button" class="secondary show-password" data-show-password="${field}" aria-controls="${field}" aria-pressed="false" hidden>Show password</button>`;
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
	return layout({
		title: "Create your account",
		body: html`<h1>Create your account</h1>
${errorSummary(e, { username: "Username", email: "Email", password: "Password" })}
<form method="post" action="/sign-up" novalidate>
  ${csrfField(p.csrf)}
  <label for="username">Username</label>
  <p class="hint" id="username-hint">3 to 30 characters: lower-case letters, digits, dots and underscores.</p>
  <input id="username" name="username" autocomplete="username" autocapitalize="none" spellcheck="false" required minlength="3" maxlength="30" value="${p.username ?? ""}" aria-describedby="${describedBy(e, "username", "username-hint")}">
  ${fieldError(e, "username")}
  <label for="email">Email <span class="optional">(optional)</span></label>
  <input id="email" name="email" type="email" autocomplete="email" maxlength="254" value="${p.email ?? ""}" aria-describedby="${describedBy(e, "email")}">
  ${fieldError(e, "email")}
  <label for="password">Password</label>
  <p class="hint" id="password-hint">At least 8 characters. A few unrelated words make a strong password that is easy to remember.</p>
  <input id="password" name="password" type="password" autocomplete="new-password" required minlength="8" maxlength="128"${p.password ? html` value="${p.password}"` : ""} aria-describedby="${describedBy(e, "password", "password-hint")}">
  ${showPasswordButton("password")}
  ${fieldError(e, "password")}
  <button type="submit">Create account</button>
</form>
<p>Already have an account? <a href="/sign-in">Sign in</a></p>`,
	});
}

export function signInPage(p: { csrf: string; username?: string; error?: FormError; notice?: string }): Html {
	return layout({
		title: "Sign in",
		body: html`<h1>Sign in</h1>
${p.notice ? html`<p class="notice" role="status">${p.notice}</p>` : ""}
${errorSummary(p.error)}
<form method="post" action="/sign-in" novalidate>
  ${csrfField(p.csrf)}
  <label for="username">Username or email</label>
  <input id="username" name="username" autocomplete="username" autocapitalize="none" spellcheck="false" required maxlength="254" value="${p.username ?? ""}">
  <label for="password">Password</label>
  <input id="password" name="password" type="password" autocomplete="current-password" required maxlength="128">
  ${showPasswordButton("password")}
  <button type="submit">Sign in</button>
</form>
<p><a href="/forgot-password">Forgot your password?</a></p>
<p>New here? <a href="/sign-up">Create an account</a></p>`,
	});
}

type CodeError = AnswerError;

const codeErrors = new Set<string>(["code_typo", "code_already_used", "code_replaced", "invalid_code"] satisfies CodeError[]);

/**
 * What to do next when a code fails, always in the same order: re-type it, try
 * another unused code, use another method, start recovery. The first step says
 * what this particular failure means.
 */
function nextSteps(code: CodeError, method: MethodView, others: MethodView[], base: string): Html {
	// Each method's own advice: a wrong texted code is not a clock problem.
	const first = method.copy.advice[code] ?? method.copy.advice.invalid_code ?? "Check what you typed, then try again.";
	return html`<div class="next-steps" id="next-steps">
  <h2>What to do next</h2>
  <ol>
    <li>${first}</li>
    ${
			method.role === "fallback"
				? html`<li>Try another unused code from your newest list.</li>`
				: method.sendsCodes
					? html`<li>Still no luck? Send a new code, wait for it, then type that one.</li>`
					: html`<li>Use a backup code instead, if you have your list.</li>`
		}
    ${others.length > 0 ? html`<li><a href="${base}/methods">Try another way</a> to sign in.</li>` : html`<li>Use another way to sign in, if you have set one up.</li>`}
    <li>Still locked out? <a href="/help/backup-codes">See how to get back into your account</a>.</li>
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
			? html`<p class="notice" role="status" id="code-sent">We sent a code to ${where}. It is valid for 10 minutes.</p>`
			: html`<p class="warning" role="status" id="code-sent">We couldn't send the code to ${where} right away. It may still arrive in a minute; if it doesn't, send another or try another way.</p>`
		: html`<p>We'll ${sending.verb} a 6-digit code to ${where}.</p>`;
	return html`${notice}
<form method="post" action="${p.base}/send" class="send-code">
  ${csrfField(p.csrf)}
  <input type="hidden" name="method" value="${p.method.name}">
  ${p.sent ? html`<input type="hidden" name="sent" value="yes">` : ""}
  <button type="submit" class="${p.sent ? "secondary" : ""}">${p.sent ? "Send a new code" : "Send code"}</button>
</form>`;
}

/** The passkey button: the browser answers the options, and the answer is posted as the "code". */
function passkeyPart(p: { csrf: string; method: MethodView; passkeyOptions?: unknown; base: string; allowTrust: boolean }): Html {
	if (p.method.answer !== "webauthn" || p.passkeyOptions === undefined) return html``;
	return html`<form method="post" action="${p.base}" id="passkey-sign-in-form" data-passkey-authenticate="${JSON.stringify(p.passkeyOptions)}">
  ${csrfField(p.csrf)}
  <input type="hidden" name="method" value="${p.method.name}">
  <input type="hidden" name="code" value="">
  ${p.allowTrust ? html`<p class="checkbox"><input type="checkbox" id="trust-passkey" name="trust" value="yes"> <label for="trust-passkey">Trust this device for 30 days</label></p>` : ""}
  <button type="button" data-passkey-start hidden>Use passkey</button>
</form>
<noscript><p class="warning">Passkeys need JavaScript. Turn it on for this site, or try another way.</p></noscript>
<p class="copy-status" role="status" aria-live="polite"></p>`;
}

export interface SentNotice {
	delivered: boolean;
}

export function secondFactorPage(p: {
	csrf: string;
	method: MethodView;
	methods: MethodView[];
	error?: FormError;
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
	const allowTrust = p.purpose === undefined;
	// Sign-in and a password reset lead on to recovery; a settings change does not.
	const recoverable = p.purpose === undefined || p.purpose.recoverable === true;
	const others = p.methods.filter((m) => m.name !== p.method.name);
	const failedCode = p.error?.code !== undefined && codeErrors.has(p.error.code);
	return layout({
		title: p.purpose?.heading ?? "Two-step verification",
		...(isPasskey ? { scripts: ["/assets/webauthn.js"] } : {}),
		body: html`<h1>${p.purpose?.heading ?? "Two-step verification"}</h1>
<p>${p.purpose?.intro ?? "Your password was right."} Now confirm it is you with ${copy.confirmWith}.</p>
${errorSummary(failedCode && p.method.sendsCodes && p.error ? { ...p.error, help: { href: "/help", text: "Help centre" } } : p.error)}
${sendCodePart({ ...p, base })}
${passkeyPart({ ...p, base, allowTrust })}
${failedCode ? nextSteps(p.error!.code! as CodeError, p.method, others, base) : ""}
${isPasskey || (p.method.sendsCodes && !p.sent) ? "" : html`<form method="post" action="${base}" novalidate>
  ${csrfField(p.csrf)}
  <input type="hidden" name="method" value="${p.method.name}">
  ${p.sent ? html`<input type="hidden" name="sent" value="yes">` : ""}
  <label for="code">${copy.label}</label>
  <p class="hint" id="code-hint">${copy.hint}</p>
  <input id="code" name="code" required autofocus value="${p.typed ?? ""}" inputmode="${copy.inputMode}" autocomplete="${copy.autocomplete}" autocapitalize="characters" spellcheck="false" maxlength="${copy.maxLength}" aria-describedby="code-hint">
  ${
		allowTrust
			? html`<p class="checkbox"><input type="checkbox" id="trust" name="trust" value="yes"> <label for="trust">Trust this device for 30 days</label></p>
  <p class="hint">Only on a device you alone use. It will skip this step when you sign in with your password.</p>`
			: ""
	}
  <button type="submit">Verify</button>
</form>`}
${others.length > 0 ? html`<p><a href="${base}/methods">Try another way</a></p>` : ""}
${recoverable ? html`<p><a href="/sign-in/recover">Can't use any of these?</a></p>` : ""}
<p class="safety">Tessera never asks for a code by message, email or phone call. Type codes only on this page.</p>
<p>${allowTrust ? html`<a href="/sign-in">Cancel and start again</a>` : html`<a href="${p.purpose?.cancel ?? "/settings"}">Cancel</a>`}</p>`,
	});
}

/** How a method is described in the chooser, with where its codes go. */
function choiceText(method: MethodView, destination: string | undefined): string {
	const sending = method.copy.sending;
	if (sending) return `${sending.choose} ${destination ?? sending.nowhere}.`;
	return method.copy.hint;
}

export function anotherWayPage(p: {
	methods: MethodView[];
	destinations: Partial<Record<string, string>>;
	base?: string;
}): Html {
	const base = p.base ?? "/sign-in/verify";
	return layout({
		title: "Try another way",
		body: html`<h1>Try another way</h1>
<p>Choose how to confirm it is you.</p>
<ul class="choices">
${p.methods.map(
	(m) => html`<li><a class="choice" href="${base}?method=${m.name}"><strong>${m.copy.title}</strong><span>${choiceText(m, p.destinations[m.name])}</span></a></li>`,
)}
</ul>
${base === "/sign-in/verify" || base === "/reset-password/verify" ? html`<p><a href="/sign-in/recover">Can't use any of these?</a> Recover your account.</p>` : ""}
<p><a href="/sign-in">Cancel and start again</a></p>`,
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
