import type { TwoFactorState } from "../../flows/accounts.ts";
import type { ContactView } from "../../flows/contacts.ts";
import type { TrustedDeviceView } from "../../flows/trusted-devices.ts";
import type { CredentialView } from "../../methods/types.ts";
import { contactsCard } from "./contacts.ts";
import { passkeysCard } from "./passkeys.ts";
import { RUNNING_LOW_AT } from "../../core/backup-code-format.ts";
import { formatUtc as date } from "../../core/dates.ts";
import { type Html, html } from "../html.ts";
import { csrfField, errorSummary, type FormError, layout, type PageUser } from "./layout.ts";


export function settingsPage(p: {
	user: PageUser;
	twoFactor: TwoFactorState;
	notice?: string | undefined;
	contacts: ContactView[];
	devices: TrustedDeviceView[];
	passkeys: CredentialView[];
	/** The authenticator app's card: set up (or half set up), and whether it is the only way in besides codes. */
	authenticator: { setUp: boolean; onlyWay: boolean };
	/** With two-factor off: the primary methods already set up (a passkey, a verified phone), which can turn it on. */
	readyToTurnOnWith: string[];
	admin?: boolean;
}): Html {
	const { twoFactor } = p;
	const codes = twoFactor.backupCodes;
	const low = codes !== null && codes.remaining <= RUNNING_LOW_AT;
	const finishing = twoFactor.requiredActions.includes("finish_two_factor");
	const pending = twoFactor.pendingBackupCodes;
	const lastWay = p.authenticator.onlyWay;
	return layout({
		title: "Security",
		user: p.user,
		body: html`<h1>Security</h1>
${p.notice ? html`<p class="notice" role="status">${p.notice}</p>` : ""}
<section aria-labelledby="two-factor-heading" class="card">
  <h2 id="two-factor-heading">Two-factor authentication</h2>
  ${
		twoFactor.enabled
			? html`<p class="state on">On. Signing in needs your password and a second step.</p>
  <p><a class="button secondary" href="/settings/two-factor/off">Turn off two-factor authentication</a></p>`
			: finishing
				? html`<p class="state off">Almost done. Your authenticator app is set up; save a set of backup codes and type one back to turn two-factor authentication on.</p>
  <p>${pending ? html`<a class="button" href="/settings/backup-codes/confirm">Confirm your backup codes</a> ` : ""}<a class="button ${pending ? "secondary" : ""}" href="/settings/backup-codes/new">Get backup codes</a></p>`
				: p.readyToTurnOnWith.length > 0
					? html`<p class="state off">Off. Anyone with your password can sign in.</p>
  <p id="turn-on-with">You can turn it on with ${p.readyToTurnOnWith.join(" or ")}: save a set of backup codes and type one back, in case you lose ${p.readyToTurnOnWith.length > 1 ? "them" : "it"}.</p>
  <p>${pending ? html`<a class="button" href="/settings/backup-codes/confirm">Confirm your backup codes</a> ` : ""}<a class="button ${pending ? "secondary" : ""}" href="/settings/backup-codes/new">Turn on with backup codes</a></p>`
					: html`<p class="state off">Off. Anyone with your password can sign in. Turn on two-factor authentication to protect your account.</p>`
	}
</section>
<section aria-labelledby="totp-heading" class="card">
  <h2 id="totp-heading">Authenticator app</h2>
  ${
		p.authenticator.setUp || finishing
			? html`<p>Set up. Your app shows a new 6-digit code every 30 seconds.</p>
  ${
		lastWay
			? html`<p class="hint">It is your only second step besides backup codes. To remove it, add another way first, or turn off two-factor authentication.</p>`
			: html`<p><a class="button secondary" href="/settings/authenticator/disable">${finishing ? "Start over" : "Remove"}</a></p>`
	}`
			: html`<p>Use an app such as Google Authenticator, Microsoft Authenticator or 1Password to get sign-in codes, even without signal.</p>
  <p><a class="button" href="/settings/authenticator">Set up authenticator app</a></p>`
	}
</section>
${
	codes
		? html`<section aria-labelledby="codes-heading" class="card">
  <h2 id="codes-heading">Backup codes</h2>
  <p class="${low ? "warning" : ""}" id="codes-remaining"><strong>${codes.remaining}</strong> of ${codes.total} codes left${
		codes.remaining === 0
			? html`. You have used every code: get a new set now.`
			: low
				? html`. You are running low: get a new set and save it.`
				: "."
	}</p>
  <p class="hint">Created ${date(codes.createdAt)}. Use a backup code when you cannot use your phone. Each code works once.</p>
  ${
		pending
			? html`<p class="notice" id="codes-pending">New codes are waiting. Type one of them to start using them, by ${date(pending.expiresAt)}; until then your current codes keep working.</p>
  <p><a class="button" href="/settings/backup-codes/confirm">Confirm new codes</a></p>`
			: ""
	}
  <p><a class="button secondary" href="/settings/backup-codes/new">Get new codes</a></p>
</section>`
		: ""
}
${passkeysCard(p.passkeys)}
${contactsCard(p.user, p.contacts)}
${devicesCard(p.user, p.devices)}
<section aria-labelledby="account-heading" class="card">
  <h2 id="account-heading">Password and activity</h2>
  <p><a href="/settings/password">Change password</a></p>
  <p><a href="/settings/activity">Account activity</a>: sign-ins and security changes of the last 90 days.</p>
  <p><a href="/settings/apps">Apps with access</a>: apps you allowed to sign you in, and what they can see.</p>
  ${p.admin ? html`<p><a href="/admin/recovery">Identity checks waiting for review</a></p>` : ""}
</section>
<p><a href="/help/backup-codes">Backup codes not working?</a> · <a href="/help">Help centre</a></p>`,
	});
}

function devicesCard(user: PageUser, devices: TrustedDeviceView[]): Html {
	return html`<section aria-labelledby="devices-heading" class="card">
  <h2 id="devices-heading">Trusted devices</h2>
  ${
		devices.length === 0
			? html`<p>None. When you sign in, you can choose to trust a device for 30 days so it skips the second step.</p>`
			: html`<p class="hint">These skip the second step when you sign in, until the date shown. Changing your second steps removes them all.</p>
  <ul class="plain">${devices.map(
		(d) => html`<li${d.current ? html` id="this-device"` : ""}><strong>${d.label}</strong>${d.current ? html` <span class="state on">This device</span>` : ""}
    <p class="hint">First used ${date(d.createdAt)} · last used ${date(d.lastUsedAt)} · trusted until ${date(d.expiresAt)}</p>
    <form method="post" action="/settings/devices/revoke">${csrfField(user.csrf)}<input type="hidden" name="id" value="${d.id}"><button type="submit" class="secondary">Stop trusting</button></form></li>`,
	)}</ul>
  <form method="post" action="/settings/devices/revoke-all">${csrfField(user.csrf)}<button type="submit" class="secondary">Stop trusting all devices</button></form>`
	}
</section>`;
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

export interface SavedCodes {
	/** Where the codes are for: the issuer and the site's address. */
	site: string;
	username: string;
	createdAt: number;
	codes: string[];
}

/** The .txt download: what, for whom, when, one code per line with a box to tick, and how to keep them. */
export function backupCodesText(p: SavedCodes): string {
	return [
		"Backup codes",
		`Site:    ${p.site}`,
		`Account: ${p.username}`,
		`Created: ${date(p.createdAt)}`,
		"",
		...p.codes.map((c) => `[ ] ${c}`),
		"",
		"Each code works once: tick it off when you use it.",
		"Keep this list somewhere safe and away from your phone: a password manager,",
		"or printed and put with your important papers.",
		"A new list replaces this one; then these codes stop working.",
		"Nobody from this site will ever ask you for a code by message, email or phone call.",
		"",
	].join("\n");
}

export function backupCodesPage(
	p: SavedCodes & { user: PageUser; expiresAt: number; firstSet: boolean; error?: FormError | undefined },
): Html {
	const text = backupCodesText(p);
	const download = `data:text/plain;charset=utf-8,${encodeURIComponent(text)}`;
	const file = `backup-codes-${p.username}`;
	return layout({
		title: "Save your backup codes",
		user: p.user,
		body: html`<h1>Save your backup codes</h1>
<p class="print-only">Backup codes for <strong>${p.username}</strong> at ${p.site}, created ${date(p.createdAt)}. Each code works once: tick it off when you use it.</p>
<p>If you lose your phone, these codes are how you get back in. <strong>This is the only time they are shown.</strong> Save them now: copy, download or print them, and keep them somewhere safe.</p>
<ol class="codes" id="backup-codes" aria-label="Backup codes">
${p.codes.map((c) => html`<li><code>${c}</code></li>`)}
</ol>
<p class="hint">Created ${date(p.createdAt)}. Each code works once.</p>
<div class="actions">
  <button type="button" data-copy-target="backup-codes-text" hidden>Copy all</button>
  <a class="button secondary" id="download-txt" href="${download}" download="${file}.txt">Download .txt</a>
  <button type="button" class="secondary" id="download-png" data-image-download="${file}.png" data-site="${p.site}" data-account="${p.username}" data-created="${date(p.createdAt)}" hidden>Download as image</button>
  <button type="button" class="secondary" data-print hidden>Print</button>
</div>
<p class="copy-status" role="status" aria-live="polite"></p>
<textarea id="backup-codes-text" class="visually-hidden" readonly tabindex="-1" aria-hidden="true">${text}</textarea>
<section class="card confirm" aria-labelledby="confirm-heading">
  <h2 id="confirm-heading">${p.firstSet ? "Last step: show you saved them" : "Show you saved them"}</h2>
  <p>Type any one of the codes above from where you saved it. ${
		p.firstSet
			? "Two-factor authentication turns on when you do."
			: "Your new codes replace the old ones when you do; until then your old codes keep working."
	} The code you type stays usable. Do this by ${date(p.expiresAt)}.</p>
  ${codeConfirmForm(p.user, p.error)}
</section>`,
	});
}

function codeConfirmForm(user: PageUser, error: FormError | undefined, typed = ""): Html {
	return html`${errorSummary(error)}
  <form method="post" action="/settings/backup-codes/confirm" novalidate>
    ${csrfField(user.csrf)}
    <label for="confirm-code">One of your new codes</label>
    <input id="confirm-code" name="code" required autocomplete="off" autocapitalize="characters" spellcheck="false" maxlength="64" value="${typed}">
    <button type="submit">Confirm</button>
  </form>`;
}

/** Typing a code back, after the page with the codes was left (or after a mistake). */
export function confirmCodesPage(p: {
	user: PageUser;
	expiresAt: number;
	firstSet: boolean;
	error?: FormError | undefined;
	/** What was typed, shown again only after a typo so it can be corrected. */
	typed?: string;
}): Html {
	return layout({
		title: "Confirm your backup codes",
		user: p.user,
		body: html`<h1>Confirm your backup codes</h1>
<p>Type any one of the new codes from where you saved them, by ${date(p.expiresAt)}. ${
			p.firstSet ? "Two-factor authentication turns on when you do." : "Your new codes then replace the old ones."
		}</p>
${codeConfirmForm(p.user, p.error, p.typed)}
<p>Didn't save them? <a href="/settings/backup-codes/new">Get a new set</a>: the codes you were shown will not be shown again.</p>
<p><a href="/settings">Back to security settings</a></p>`,
	});
}

/** After a sign-in that used a code, when few are left; or when none are left at all. */
export function runningLowPage(p: { user: PageUser; remaining: number; total: number; pendingUntil?: number | undefined }): Html {
	const none = p.remaining === 0;
	if (p.pendingUntil !== undefined) {
		return layout({
			title: "Confirm your new backup codes",
			user: p.user,
			body: html`<h1>Confirm your new backup codes</h1>
<p class="warning">${none ? "No codes are left in your current list" : html`Only <strong>${p.remaining}</strong> of your current codes are left`}, and you have a new set waiting. Type one of the new codes to start using them, by ${date(p.pendingUntil)}.</p>
<p><a class="button" href="/settings/backup-codes/confirm">Confirm your new codes</a></p>
<p class="hint">Getting another set instead throws the waiting one away.</p>
<p><a href="/settings/backup-codes/new">Get another set</a>${none ? "" : html` · <a href="/settings">Not now</a>`}</p>`,
		});
	}
	return layout({
		title: none ? "You have used all your backup codes" : "You are running low on backup codes",
		user: p.user,
		body: html`<h1>${none ? "You have used all your backup codes" : "You are running low on backup codes"}</h1>
<p class="warning">${none ? "No backup codes are left" : html`Only <strong>${p.remaining}</strong> of your ${p.total} backup codes are left`}. ${
			none
				? "Get a new set before anything else, so you can still get in if you lose your phone."
				: "Get a new set now, while you can still sign in."
		}</p>
<p><a class="button" href="/settings/backup-codes/new">Get new codes</a></p>
${none ? "" : html`<p><a href="/settings">Not now</a></p>`}`,
	});
}
