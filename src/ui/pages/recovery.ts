import { formatUtc as date } from "../../core/dates.ts";
import type { RecoveryRequestView } from "../../flows/identity-checks.ts";
import type { RecoveryContact, RecoveryOptions } from "../../flows/recovery.ts";
import type { DescribedEvent } from "../../flows/events.ts";
import type { ContactKind } from "../../store/schema.ts";
import { type Html, html } from "../html.ts";
import { csrfField, describedBy, errorSummary, type FormError, fieldError, layout, type PageUser } from "./layout.ts";

const neverAsks = html`<p class="safety">Tessera never asks for a code or your password by message, email or phone call. Type them only on these pages.</p>`;

function newPasswordField(e: FormError | undefined, label = "New password"): Html {
	return html`<label for="password">${label}</label>
  <p class="hint" id="password-hint">At least 8 characters. A few unrelated words make a strong password that is easy to remember.</p>
  <input id="password" name="password" type="password" autocomplete="new-password" required minlength="8" maxlength="128" aria-describedby="${describedBy(e, "password", "password-hint")}">
  ${fieldError(e, "password")}`;
}

// ── Forgot password ─────────────────────────────────────────────────────────

export function forgotPasswordPage(p: { csrf: string; identifier?: string; error?: FormError }): Html {
	return layout({
		title: "Forgot your password?",
		body: html`<h1>Forgot your password?</h1>
<p>Enter your username, or the email address or phone number you confirmed on your account. We'll send a link to your email, or a code by text message to your phone.</p>
${errorSummary(p.error)}
<form method="post" action="/forgot-password" novalidate>
  ${csrfField(p.csrf)}
  <label for="identifier">Username, email or phone</label>
  <input id="identifier" name="identifier" autocomplete="username" autocapitalize="none" spellcheck="false" required maxlength="320" value="${p.identifier ?? ""}">
  <button type="submit">Send me a link or code</button>
</form>
<p class="hint">Resetting your password does not turn off two-factor authentication: you will still need your second step, or a backup code, to sign in.</p>
<p><a href="/sign-in">Back to sign-in</a></p>`,
	});
}

export function resetSentPage(p: { csrf: string; message: string; error?: FormError; typed?: string }): Html {
	return layout({
		title: "Check your email or phone",
		body: html`<h1>Check your email or phone</h1>
<p class="notice" role="status">${p.message}</p>
<h2>Got an email?</h2>
<p>Open the link in it on any device. You can close this page.</p>
<h2>Got a text message?</h2>
${errorSummary(p.error)}
<form method="post" action="/forgot-password/code" novalidate>
  ${csrfField(p.csrf)}
  <label for="code">6-digit code</label>
  <input id="code" name="code" inputmode="numeric" autocomplete="one-time-code" required maxlength="16" value="${p.typed ?? ""}" aria-describedby="${describedBy(p.error, "code")}">
  ${fieldError(p.error, "code")}
  ${newPasswordField(p.error)}
  <button type="submit">Save new password</button>
</form>
<p>Nothing arrived after a few minutes? Check your spam folder, then <a href="/forgot-password">ask again</a>. If your phone number is shared by several accounts, type your username instead.</p>
${neverAsks}`,
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
${neverAsks}`,
	});
}

export function linkExpiredPage(p: { title: string; message: string; again?: { href: string; text: string } }): Html {
	return layout({
		title: p.title,
		body: html`<h1>${p.title}</h1>
<p>${p.message}</p>
${p.again ? html`<p><a class="button" href="${p.again.href}">${p.again.text}</a></p>` : ""}
<p><a href="/sign-in">Go to sign-in</a> · <a href="/help">Help centre</a></p>`,
	});
}

export function passwordResetDonePage(): Html {
	return layout({
		title: "Password changed",
		body: html`<h1>Password changed</h1>
<p class="notice" role="status" id="password-reset-done">Your new password is saved. Every session was signed out and trusted devices were forgotten.</p>
<p>Sign in with your new password. If two-factor authentication is on, you will still need your second step or a backup code.</p>
<p><a class="button" href="/sign-in">Sign in</a></p>`,
	});
}

/** "Wasn't you?": one button, so that a scanner following the link changes nothing. */
export function secureAccountPage(p: { csrf: string; token: string }): Html {
	return layout({
		title: "Secure your account",
		body: html`<h1>Secure your account</h1>
<p>This signs your account out on every device, forgets every trusted device, stops any password reset or account recovery under way, and withdraws an identity check not yet decided. It changes nothing else: your password and two-factor authentication stay as they are.</p>
<form method="post" action="/secure-account">
  ${csrfField(p.csrf)}
  <input type="hidden" name="token" value="${p.token}">
  <button type="submit" class="danger">Sign out everywhere</button>
</form>
<p>Next, choose a new password with “Forgot password”: if two-factor authentication is on, you confirm it with your authenticator app, a passkey or a backup code.</p>
${neverAsks}`,
	});
}

export function secureAccountDonePage(): Html {
	return layout({
		title: "Signed out everywhere",
		body: html`<h1>Signed out everywhere</h1>
<p class="notice" role="status" id="secure-account-done">Every session is signed out, trusted devices are forgotten, and resets and recoveries under way are stopped.</p>
<p>If someone else may know your password, choose a new one now. Then sign in and check your account activity.</p>
<p><a class="button" href="/forgot-password">Choose a new password</a></p>
<p><a href="/sign-in">Sign in</a> · <a href="/help">Help centre</a></p>`,
	});
}

export function changePasswordPage(p: { user: PageUser; error?: FormError | undefined }): Html {
	return layout({
		title: "Change password",
		user: p.user,
		body: html`<h1>Change password</h1>
<p>Every other session signs out and trusted devices are forgotten. This browser stays signed in.</p>
${errorSummary(p.error)}
<form method="post" action="/settings/password" novalidate>
  ${csrfField(p.user.csrf)}
  <label for="current">Current password</label>
  <input id="current" name="current" type="password" autocomplete="current-password" required maxlength="128" aria-describedby="${describedBy(p.error, "current")}">
  ${fieldError(p.error, "current")}
  ${newPasswordField(p.error)}
  <button type="submit">Change password</button>
</form>
<p><a href="/settings">Back to security settings</a></p>`,
	});
}

// ── Account recovery ────────────────────────────────────────────────────────

function contactChoice(csrf: string, contact: RecoveryContact): Html {
	const what = contact.kind === "phone" ? `Text a code to ${contact.masked}` : `Email a code to ${contact.masked}`;
	return html`<li><form method="post" action="/sign-in/recover/send">
    ${csrfField(csrf)}
    <input type="hidden" name="kind" value="${contact.kind}">
    <button type="submit" class="secondary">${what}</button>
  </form></li>`;
}

export function recoverStartPage(p: { csrf: string; options: RecoveryOptions; waitHours: number; error?: FormError }): Html {
	const { options } = p;
	if (options.recovery) {
		return layout({
			title: "Recovery under way",
			body: html`<h1>Recovery under way</h1>
<p class="notice" role="status" id="recovery-waiting">Your account recovery started on ${date(options.recovery.startedAt)}. After ${date(options.recovery.readyAt)}, sign in with your password: two-factor authentication will be reset and you will set it up again.</p>
<p>Found your phone or your codes? Sign in with them as usual: that cancels the recovery.</p>
<p><a href="/sign-in">Back to sign-in</a></p>
${neverAsks}`,
		});
	}
	return layout({
		title: "Recover your account",
		body: html`<h1>Recover your account</h1>
<p>If you can't use any of your second steps, you can still get back in. For your safety it takes time: after you prove you still have your email or phone, there is a waiting period of ${p.waitHours} hours. During it, every address on your account is told, with a link to cancel, and signing in with any working second step cancels it too.</p>
${errorSummary(p.error)}
${
	options.contacts.length > 0
		? html`<h2>Prove it's you</h2>
<ul class="plain recover-contacts">${options.contacts.map((c) => contactChoice(p.csrf, c))}</ul>`
		: html`<p>Your account has no confirmed email address or phone number.</p>`
}
<h2>No access to any of these?</h2>
${
	options.requestOpen
		? html`<p class="notice" id="request-open">You have already asked for an identity check. The people who run this service will look at it.</p>`
		: html`<p><a href="/sign-in/recover/identity">Ask for an identity check</a>: tell the people who run this service what you know about the account, and they will decide.</p>`
}
<p><a href="/sign-in/verify/methods">Back to other ways to sign in</a> · <a href="/help/backup-codes">Help</a></p>
${neverAsks}`,
	});
}

export function recoverCodePage(p: { csrf: string; kind: ContactKind; sentTo: string; delivered?: boolean; error?: FormError }): Html {
	return layout({
		title: "Enter the code",
		body: html`<h1>Enter the code</h1>
${
	p.delivered === undefined
		? html`<p>Enter the code we sent to ${p.sentTo}. It is valid for 10 minutes.</p>`
		: p.delivered
			? html`<p class="notice" role="status">We sent a code to ${p.sentTo}. It is valid for 10 minutes.</p>`
			: html`<p class="warning" role="status">We couldn't send the code to ${p.sentTo} right away. It may still arrive in a minute.</p>`
}
${errorSummary(p.error)}
<form method="post" action="/sign-in/recover/code" novalidate>
  ${csrfField(p.csrf)}
  <input type="hidden" name="kind" value="${p.kind}">
  <label for="code">6-digit code</label>
  <input id="code" name="code" inputmode="numeric" autocomplete="one-time-code" required maxlength="16">
  <button type="submit">Start recovery</button>
</form>
<form method="post" action="/sign-in/recover/send">
  ${csrfField(p.csrf)}
  <input type="hidden" name="kind" value="${p.kind}">
  <button type="submit" class="secondary">Send a new code</button>
</form>
<p><a href="/sign-in/recover">Back</a></p>
${neverAsks}`,
	});
}

export function recoveryStartedPage(p: { readyAt: number }): Html {
	return layout({
		title: "Recovery started",
		body: html`<h1>Recovery started</h1>
<p class="notice" role="status" id="recovery-started">After ${date(p.readyAt)}, sign in with your username and password. Two-factor authentication will be reset, and you will set up an authenticator app and save new backup codes before anything else.</p>
<p>We've told every email address and phone number on your account, with a link to cancel. If you didn't start this, someone knows your password: use that link, then change your password.</p>
<p>Found your phone or codes meanwhile? Sign in with them as usual: that cancels the recovery.</p>
<p><a href="/sign-in">Back to sign-in</a></p>`,
	});
}

export function identityCheckPage(p: {
	csrf: string;
	values?: { message: string; contactsUsed: string; lastSignIn: string };
	error?: FormError;
}): Html {
	const v = p.values ?? { message: "", contactsUsed: "", lastSignIn: "" };
	return layout({
		title: "Ask for an identity check",
		body: html`<h1>Ask for an identity check</h1>
<p>The people who run this service will read this and decide. If they approve, the same waiting period and alerts as any recovery follow. Never include a password or a code.</p>
${errorSummary(p.error)}
<form method="post" action="/sign-in/recover/identity" novalidate>
  ${csrfField(p.csrf)}
  <label for="message">What happened, and anything that shows the account is yours</label>
  <textarea id="message" name="message" rows="6" maxlength="2000" required aria-describedby="${describedBy(p.error, "message")}">${v.message}</textarea>
  ${fieldError(p.error, "message")}
  <label for="contactsUsed">Email addresses or phone numbers you used with the account <span class="optional">(optional)</span></label>
  <input id="contactsUsed" name="contactsUsed" maxlength="500" value="${v.contactsUsed}">
  <label for="lastSignIn">When you last signed in, roughly <span class="optional">(optional)</span></label>
  <input id="lastSignIn" name="lastSignIn" maxlength="100" value="${v.lastSignIn}">
  <button type="submit">Send</button>
</form>
<p><a href="/sign-in/recover">Back</a></p>`,
	});
}

export function identityCheckSentPage(): Html {
	return layout({
		title: "Request sent",
		body: html`<h1>Request sent</h1>
<p class="notice" role="status" id="request-sent">The people who run this service will look at your request. If they approve it, the recovery waiting period starts and every address on your account is told; after it, you can sign in with your password and set up two-factor again.</p>
<p><a href="/sign-in">Back to sign-in</a></p>
${neverAsks}`,
	});
}

export function cancelRecoveryPage(p: { csrf: string; token: string }): Html {
	return layout({
		title: "Cancel account recovery",
		body: html`<h1>Cancel account recovery</h1>
<p>Someone started recovering your account, which would reset its two-factor authentication after the waiting period. If it wasn't you, cancel it now. No sign-in is needed.</p>
<form method="post" action="/recovery/cancel">
  ${csrfField(p.csrf)}
  <input type="hidden" name="token" value="${p.token}">
  <button type="submit" class="danger">Cancel the recovery</button>
</form>
<p class="hint">If you did start it and still need it, close this page.</p>`,
	});
}

export function recoveryCancelledPage(): Html {
	return layout({
		title: "Recovery cancelled",
		body: html`<h1>Recovery cancelled</h1>
<p class="notice" role="status" id="recovery-cancelled">The recovery is cancelled. Your two-factor authentication stays as it was.</p>
<p>Whoever started it knew your password. Change it now: <a href="/forgot-password">reset your password</a>, or sign in and change it in your security settings.</p>
<p><a href="/sign-in">Go to sign-in</a></p>`,
	});
}

/** After recovery or an operator reset two-factor: setting it up again comes first. */
/** `readyWith`: the ways in the account still has (a verified phone or email, a passkey added since), which can turn it on with new codes. */
export function setUpAgainPage(p: { user: PageUser; readyWith: string[]; pendingCodes: boolean }): Html {
	return layout({
		title: "Set up two-factor again",
		user: p.user,
		body: html`<h1>Set up two-factor again</h1>
<p class="notice" role="status" id="set-up-again">Your account's two-factor authentication was reset. Before anything else, set up an authenticator app and save a new set of backup codes.</p>
<p><a class="button" href="/settings/authenticator">Set up authenticator app</a> <a class="button secondary" href="/settings/passkeys/add">Add a passkey</a></p>
${
	p.readyWith.length > 0
		? html`<p id="ready-with">Or turn it on with ${p.readyWith.join(" or ")}: save a new set of backup codes and type one back.</p>
<p>${p.pendingCodes ? html`<a class="button" href="/settings/backup-codes/confirm">Confirm your backup codes</a> ` : ""}<a class="button secondary" href="/settings/backup-codes/new">Get backup codes</a></p>`
		: ""
}
<p class="hint">Your old authenticator entry, passkeys and backup codes no longer work. You can delete the old entry from your app.</p>`,
	});
}

// ── Admin: identity checks ──────────────────────────────────────────────────

export function adminRequestsPage(p: { user: PageUser; requests: RecoveryRequestView[]; notice?: string | undefined }): Html {
	return layout({
		title: "Identity checks",
		user: p.user,
		wide: true,
		body: html`<h1>Identity checks</h1>
${p.notice ? html`<p class="notice" role="status">${p.notice}</p>` : ""}
${
	p.requests.length === 0
		? html`<p>No request is waiting.</p>`
		: html`<ul class="plain">${p.requests.map(
				(r) => html`<li><a href="/admin/recovery/request?id=${r.id}"><strong>${r.username}</strong></a>
    <p class="hint">Asked ${date(r.createdAt)} from ${r.device ?? "an unknown device"}, ${r.ip ?? "unknown address"}</p></li>`,
			)}</ul>`
}
<p><a href="/settings">Back to security settings</a></p>`,
	});
}

export function adminRequestPage(p: { user: PageUser; request: RecoveryRequestView; events: DescribedEvent[]; error?: FormError }): Html {
	const r = p.request;
	return layout({
		title: `Identity check: ${r.username}`,
		user: p.user,
		wide: true,
		body: html`<h1>Identity check: ${r.username}</h1>
${errorSummary(p.error)}
<dl class="facts">
  <dt>Status</dt><dd>${r.status}</dd>
  <dt>Asked</dt><dd>${date(r.createdAt)}, ${r.device ?? "unknown device"}, ${r.ip ?? "unknown address"}</dd>
  <dt>What they say</dt><dd class="prewrap">${r.message}</dd>
  <dt>Addresses they used</dt><dd>${r.contactsUsed || "—"}</dd>
  <dt>Last sign-in, as they remember it</dt><dd>${r.lastSignIn || "—"}</dd>
</dl>
<h2>Recent activity on the account</h2>
<ul>${p.events.slice(0, 20).map((e) => html`<li>${date(e.createdAt)}: ${e.description} (${e.device ?? "—"}, ${e.ip ?? "—"})</li>`)}</ul>
${
	r.status === "open"
		? html`<form method="post" action="/admin/recovery/decide" novalidate>
  ${csrfField(p.user.csrf)}
  <input type="hidden" name="id" value="${r.id}">
  <label for="note">Note for the audit log</label>
  <textarea id="note" name="note" rows="3" maxlength="1000" required></textarea>
  <div class="actions">
    <button type="submit" name="decision" value="approve">Approve: start the waiting period</button>
    <button type="submit" name="decision" value="deny" class="secondary">Deny</button>
  </div>
</form>`
		: html`<p>Decided ${r.decidedAt ? date(r.decidedAt) : ""} by ${r.decidedBy ?? "—"}: ${r.decisionNote ?? ""}</p>`
}
<p><a href="/admin/recovery">All requests</a></p>`,
	});
}
