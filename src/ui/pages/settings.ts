import type { TwoFactorState } from "../../flows/accounts.ts";
import type { TotpEnrollment } from "../../methods/totp/totp.ts";
import { displayBackupCode } from "../../core/backup-code-format.ts";
import { formatUtc as date } from "../../core/dates.ts";
import { type Html, html, trusted } from "../html.ts";
import { csrfField, errorSummary, type FormError, layout, type PageUser } from "./layout.ts";


export function settingsPage(p: { user: PageUser; twoFactor: TwoFactorState; notice?: string | undefined }): Html {
	const { twoFactor } = p;
	const codes = twoFactor.backupCodes;
	const low = codes !== null && codes.remaining <= 3;
	return layout({
		title: "Security",
		user: p.user,
		body: html`<h1>Security</h1>
${p.notice ? html`<p class="notice" role="status">${p.notice}</p>` : ""}
<section aria-labelledby="two-factor-heading" class="card">
  <h2 id="two-factor-heading">Two-factor authentication</h2>
  ${
		twoFactor.enabled
			? html`<p class="state on">On. Signing in needs your password and a second step.</p>`
			: html`<p class="state off">Off. Anyone with your password can sign in. Turn on two-factor authentication to protect your account.</p>`
	}
</section>
<section aria-labelledby="totp-heading" class="card">
  <h2 id="totp-heading">Authenticator app</h2>
  ${
		twoFactor.methods.includes("totp")
			? html`<p>Set up. Your app shows a new 6-digit code every 30 seconds.</p>
  <p><a class="button secondary" href="/settings/authenticator/disable">Turn off</a></p>`
			: html`<p>Use an app such as Google Authenticator, Microsoft Authenticator or 1Password to get sign-in codes, even without signal.</p>
  <p><a class="button" href="/settings/authenticator">Set up authenticator app</a></p>`
	}
</section>
${
	codes
		? html`<section aria-labelledby="codes-heading" class="card">
  <h2 id="codes-heading">Backup codes</h2>
  <p class="${low ? "warning" : ""}" id="codes-remaining"><strong>${codes.remaining}</strong> of ${codes.total} codes left${low ? ". You are running low: get a new set and save it." : "."}</p>
  <p class="hint">Created ${date(codes.createdAt)}. Use a backup code when you cannot use your phone. Each code works once.</p>
  <p><a class="button secondary" href="/settings/backup-codes/new">Get new codes</a></p>
</section>`
		: ""
}`,
	});
}

export function passwordConfirmPage(p: {
	user: PageUser;
	title: string;
	explanation: string;
	action: string;
	submit: string;
	error?: FormError | undefined;
	danger?: boolean;
}): Html {
	return layout({
		title: p.title,
		user: p.user,
		body: html`<h1>${p.title}</h1>
<p>${p.explanation}</p>
${errorSummary(p.error)}
<form method="post" action="${p.action}" novalidate>
  ${csrfField(p.user.csrf)}
  <label for="password">Your password</label>
  <input id="password" name="password" type="password" autocomplete="current-password" required maxlength="128">
  <button type="submit" class="${p.danger ? "danger" : ""}">${p.submit}</button>
</form>
<p><a href="/settings">Back to security settings</a></p>`,
	});
}

function groupKey(secret: string): string {
	return secret.replace(/(.{4})/g, "$1 ").trim();
}

export function totpEnrollPage(p: { user: PageUser; enrollment: TotpEnrollment; error?: FormError | undefined }): Html {
	return layout({
		title: "Set up authenticator app",
		user: p.user,
		body: html`<h1>Set up authenticator app</h1>
<ol class="steps">
  <li>
    <p>Open your authenticator app, add an account, and scan this QR code.</p>
    <figure class="qr" aria-label="QR code for your authenticator app">${trusted(p.enrollment.qrCodeSvg)}</figure>
    <details>
      <summary>Can't scan it? Enter the key instead</summary>
      <p>Key (spaces don't matter): <code class="key" id="totp-key">${groupKey(p.enrollment.secret)}</code></p>
      <p class="hint">Time-based, 6 digits, every 30 seconds.</p>
    </details>
  </li>
  <li>
    <p>Enter the 6-digit code the app now shows for Tessera.</p>
    ${errorSummary(p.error)}
    <form method="post" action="/settings/authenticator/confirm" novalidate>
      ${csrfField(p.user.csrf)}
      <label for="code">6-digit code</label>
      <input id="code" name="code" required inputmode="numeric" autocomplete="one-time-code" maxlength="16">
      <button type="submit">Turn on</button>
    </form>
  </li>
</ol>
<p><a href="/settings">Cancel</a></p>`,
	});
}

export function backupCodesText(codes: string[], username: string, createdAt: number): string {
	return [
		`Tessera backup codes for ${username}`,
		`Created ${date(createdAt)}`,
		"",
		...codes.map((c, i) => `${String(i + 1).padStart(2, " ")}. ${displayBackupCode(c)}`),
		"",
		"Each code works once. Keep them somewhere safe, away from your phone.",
		"A new set replaces this one: then these codes stop working.",
		"Tessera never asks for a code by message, email or phone call.",
		"",
	].join("\n");
}

export function backupCodesPage(p: { user: PageUser; codes: string[]; createdAt: number; firstSet: boolean }): Html {
	const text = backupCodesText(p.codes, p.user.username, p.createdAt);
	const download = `data:text/plain;charset=utf-8,${encodeURIComponent(text)}`;
	return layout({
		title: "Save your backup codes",
		user: p.user,
		body: html`<h1>Save your backup codes</h1>
${
	p.firstSet
		? html`<p class="notice" role="status">Two-factor authentication is on.</p>`
		: html`<p class="notice" role="status">Your new codes are ready. Your old codes no longer work.</p>`
}
<p>If you lose your phone, these codes are how you get back in. <strong>This is the only time they are shown.</strong> Save them now: copy, download or print them, and keep them somewhere safe.</p>
<ol class="codes" id="backup-codes" aria-label="Backup codes">
${p.codes.map((c) => html`<li><code>${displayBackupCode(c)}</code></li>`)}
</ol>
<p class="hint">Created ${date(p.createdAt)}. Each code works once.</p>
<div class="actions">
  <button type="button" data-copy-target="backup-codes-text" hidden>Copy codes</button>
  <a class="button secondary" href="${download}" download="tessera-backup-codes-${p.user.username}.txt">Download (.txt)</a>
  <button type="button" class="secondary" data-print hidden>Print</button>
</div>
<p class="copy-status" role="status" aria-live="polite"></p>
<textarea id="backup-codes-text" class="visually-hidden" readonly tabindex="-1" aria-hidden="true">${text}</textarea>
<p><a class="button" href="/settings">I have saved my codes</a></p>`,
	});
}
