import type { MethodName } from "../../methods/types.ts";
import { type Html, html } from "../html.ts";
import { csrfField, describedBy, errorSummary, type FormError, fieldError, helpLink, layout } from "./layout.ts";

export function signUpPage(p: { csrf: string; username?: string; email?: string; error?: FormError }): Html {
	const e = p.error;
	return layout({
		title: "Create your account",
		body: html`<h1>Create your account</h1>
${errorSummary(e)}
<form method="post" action="/sign-up" novalidate>
  ${csrfField(p.csrf)}
  <label for="username">Username</label>
  <p class="hint" id="username-hint">3 to 30 characters: letters, digits, dots and underscores.</p>
  <input id="username" name="username" autocomplete="username" autocapitalize="none" spellcheck="false" required minlength="3" maxlength="30" value="${p.username ?? ""}" aria-describedby="${describedBy(e, "username", "username-hint")}">
  ${fieldError(e, "username")}
  <label for="email">Email <span class="optional">(optional)</span></label>
  <input id="email" name="email" type="email" autocomplete="email" maxlength="254" value="${p.email ?? ""}" aria-describedby="${describedBy(e, "email")}">
  ${fieldError(e, "email")}
  <label for="password">Password</label>
  <p class="hint" id="password-hint">At least 8 characters. A few unrelated words make a strong password that is easy to remember.</p>
  <input id="password" name="password" type="password" autocomplete="new-password" required minlength="8" maxlength="128" aria-describedby="${describedBy(e, "password", "password-hint")}">
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
  <label for="username">Username</label>
  <input id="username" name="username" autocomplete="username" autocapitalize="none" spellcheck="false" required maxlength="30" value="${p.username ?? ""}">
  <label for="password">Password</label>
  <input id="password" name="password" type="password" autocomplete="current-password" required maxlength="128">
  <button type="submit">Sign in</button>
</form>
<p><a href="/forgot-password">Forgot your password?</a></p>
<p>New here? <a href="/sign-up">Create an account</a></p>`,
	});
}

export interface MethodCopy {
	title: string;
	label: string;
	hint: string;
	inputMode: string;
	autocomplete: string;
	maxLength: number;
	/** The first thing to do when an answer by this method fails, by error code. */
	advice: Partial<Record<CodeError, string>>;
}

type CodeError = "code_typo" | "code_already_used" | "code_replaced" | "invalid_code";

const sentCodeAdvice: MethodCopy["advice"] = {
	invalid_code: "Check that you typed the code from the newest message: a new code replaces the one before, and each works for 10 minutes. If it has expired, send a new one.",
	code_already_used: "That code has been used already. Send a new code, then type that one.",
};

export const methodCopy: Record<MethodName, MethodCopy> = {
	passkey: {
		title: "Passkey",
		label: "Passkey",
		hint: "Use the passkey on this device or a security key: your fingerprint, face or screen lock confirms it is you.",
		inputMode: "text",
		autocomplete: "off",
		maxLength: 8192,
		advice: {
			invalid_code: "Try your passkey again, on the device or security key you registered for this account.",
			code_already_used: "Try your passkey again: each answer from it works once.",
		},
	},
	totp: {
		title: "Authenticator app",
		label: "6-digit code",
		hint: "Open your authenticator app and enter the code it shows for Tessera.",
		inputMode: "numeric",
		autocomplete: "one-time-code",
		maxLength: 16,
		advice: {
			code_already_used: "Wait for your app to show a new code, then type that one.",
			invalid_code: "Check that your phone's clock is right and that the code is the one shown for Tessera, then type it again.",
		},
	},
	sms: {
		title: "Text message",
		label: "6-digit code",
		hint: "Enter the 6-digit code we sent by text message.",
		inputMode: "numeric",
		autocomplete: "one-time-code",
		maxLength: 16,
		advice: sentCodeAdvice,
	},
	email: {
		title: "Email",
		label: "6-digit code",
		hint: "Enter the 6-digit code we sent by email.",
		inputMode: "numeric",
		autocomplete: "one-time-code",
		maxLength: 16,
		advice: sentCodeAdvice,
	},
	backup_code: {
		title: "Backup code",
		label: "Backup code",
		hint: "Enter one of the backup codes you saved. Each code works once; spaces and dashes don't matter.",
		inputMode: "text",
		autocomplete: "off",
		maxLength: 64,
		advice: {
			code_typo: "Type it again, comparing each character with your list: one is probably missing or extra, or two are swapped.",
			code_already_used: "Cross that code off your list: it has been used. Check that you typed the one you meant.",
			code_replaced: "Find your newest list: codes from a list you replaced no longer work.",
			invalid_code: "Type it again carefully, checking each character against your list.",
		},
	},
};

const codeErrors = new Set<string>(["code_typo", "code_already_used", "code_replaced", "invalid_code"] satisfies CodeError[]);

/**
 * What to do next when a code fails, always in the same order: re-type it, try
 * another unused code, use another method, start recovery. The first step says
 * what this particular failure means.
 */
function nextSteps(code: CodeError, method: MethodName, others: MethodName[], base: string): Html {
	// Each method's own advice: a wrong texted code is not a clock problem.
	const first = methodCopy[method].advice[code] ?? methodCopy[method].advice.invalid_code ?? "Check what you typed, then try again.";
	return html`<div class="next-steps" id="next-steps">
  <h2>What to do next</h2>
  <ol>
    <li>${first}</li>
    ${method === "backup_code" ? html`<li>Try another unused code from your newest list.</li>` : html`<li>Use a backup code instead, if you have your list.</li>`}
    ${others.length > 0 ? html`<li><a href="${base}/methods">Try another way</a> to sign in.</li>` : html`<li>Use another way to sign in, if you have set one up.</li>`}
    <li>Still locked out? <a href="/help/backup-codes">See how to get back into your account</a>.</li>
  </ol>
</div>`;
}

/** The "send me a code" part of the page, for methods that send codes. */
function sendCodePart(p: {
	csrf: string;
	method: MethodName;
	destination?: string | undefined;
	sent?: SentNotice | undefined;
	base: string;
}): Html {
	if (p.method !== "sms" && p.method !== "email") return html``;
	const where = p.destination ?? (p.method === "sms" ? "your phone" : "your email address");
	const notice = p.sent
		? p.sent.delivered
			? html`<p class="notice" role="status" id="code-sent">We sent a code to ${where}. It is valid for 10 minutes.</p>`
			: html`<p class="warning" role="status" id="code-sent">We couldn't send the code to ${where} right away. It may still arrive in a minute; if it doesn't, send another or try another way.</p>`
		: html`<p>We'll ${p.method === "sms" ? "text" : "email"} a 6-digit code to ${where}.</p>`;
	return html`${notice}
<form method="post" action="${p.base}/send" class="send-code">
  ${csrfField(p.csrf)}
  <input type="hidden" name="method" value="${p.method}">
  <button type="submit" class="${p.sent ? "secondary" : ""}">${p.sent ? "Send a new code" : "Send code"}</button>
</form>`;
}

/** The passkey button: the browser answers the options, and the answer is posted as the "code". */
function passkeyPart(p: { csrf: string; method: MethodName; passkeyOptions?: unknown; base: string; allowTrust: boolean }): Html {
	if (p.method !== "passkey" || p.passkeyOptions === undefined) return html``;
	return html`<form method="post" action="${p.base}" id="passkey-sign-in-form" data-passkey-authenticate="${JSON.stringify(p.passkeyOptions)}">
  ${csrfField(p.csrf)}
  <input type="hidden" name="method" value="passkey">
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
	method: MethodName;
	methods: MethodName[];
	error?: FormError;
	/** What was typed, shown again only after a typo so it can be corrected. */
	typed?: string;
	destination?: string | undefined;
	sent?: SentNotice | undefined;
	passkeyOptions?: unknown;
	/** Where the step's forms post: "/sign-in/verify", or the turn-off confirmation. */
	base?: string;
	/** Why the second step is asked for, when it is not a sign-in. */
	purpose?: { heading: string; intro: string; recoverable?: boolean; cancel?: string };
}): Html {
	const copy = methodCopy[p.method];
	const isPasskey = p.method === "passkey";
	const base = p.base ?? "/sign-in/verify";
	const allowTrust = p.purpose === undefined;
	// Sign-in and a password reset lead on to recovery; a settings change does not.
	const recoverable = p.purpose === undefined || p.purpose.recoverable === true;
	const others = p.methods.filter((m) => m !== p.method);
	const failedCode = p.error?.code !== undefined && codeErrors.has(p.error.code);
	return layout({
		title: p.purpose?.heading ?? "Two-step verification",
		...(isPasskey ? { scripts: ["/assets/webauthn.js"] } : {}),
		body: html`<h1>${p.purpose?.heading ?? "Two-step verification"}</h1>
<p>${p.purpose?.intro ?? "Your password was right."} Now confirm it is you with ${p.method === "sms" ? "a text message" : p.method === "email" ? "an email" : html`your ${copy.title.toLowerCase()}`}.</p>
${errorSummary(p.error)}
${sendCodePart({ ...p, base })}
${passkeyPart({ ...p, base, allowTrust })}
${failedCode ? nextSteps(p.error!.code! as CodeError, p.method, others, base) : ""}
${isPasskey ? "" : html`<form method="post" action="${base}" novalidate>
  ${csrfField(p.csrf)}
  <input type="hidden" name="method" value="${p.method}">
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
function choiceText(method: MethodName, destination: string | undefined): string {
	if (method === "sms") return `Get a code by text message to ${destination ?? "your phone"}.`;
	if (method === "email") return `Get a code by email at ${destination ?? "your email address"}.`;
	return methodCopy[method].hint;
}

export function anotherWayPage(p: {
	methods: MethodName[];
	destinations: Partial<Record<MethodName, string>>;
	base?: string;
}): Html {
	const base = p.base ?? "/sign-in/verify";
	return layout({
		title: "Try another way",
		body: html`<h1>Try another way</h1>
<p>Choose how to confirm it is you.</p>
<ul class="choices">
${p.methods.map(
	(m) => html`<li><a class="choice" href="${base}?method=${m}"><strong>${methodCopy[m].title}</strong><span>${choiceText(m, p.destinations[m])}</span></a></li>`,
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
