import type { TwoFactorState } from "../../flows/accounts.ts";
import type { ContactView } from "../../flows/contacts.ts";
import type { TrustedDeviceView } from "../../flows/trusted-devices.ts";
import type { CredentialView } from "../../methods/types.ts";
import { contactsCard } from "./contacts.ts";
import { passkeysCard } from "./passkeys.ts";
import { RUNNING_LOW_AT } from "../../core/backup-code-format.ts";
import { formatDay, formatWhen } from "../../i18n/time.ts";
import { rich, t } from "../../i18n/translate.ts";
import { type Html, html } from "../html.ts";
import { csrfField, errorSummary, type FormError, layout, type PageUser } from "./layout.ts";

/** "a, b or c", in the page's language. */
export function orList(items: readonly string[]): string {
	if (items.length < 2) return items[0] ?? "";
	return t("settings.orList", { items: items.slice(0, -1).join(t("settings.listSeparator")), last: items.at(-1)! });
}

const link = (href: string) => (content: Html) => html`<a href="${href}">${content}</a>`;
const strong = (content: Html) => html`<strong>${content}</strong>`;

export function settingsPage(p: {
	user: PageUser;
	twoFactor: TwoFactorState;
	notice?: string | undefined;
	contacts: ContactView[];
	devices: TrustedDeviceView[];
	passkeys: CredentialView[];
	/** The authenticator app's card: set up (or half set up), and whether it is the only way in besides codes. */
	authenticator: { setUp: boolean; onlyWay: boolean };
	/** With two-factor off: the primary methods already set up (a passkey, a verified phone), strongest first, which can turn it on. */
	readyToTurnOnWith: string[];
	/** With two-factor on: the strongest second step the account has, in the words "confirm it is you with …". */
	strongest?: string | undefined;
	admin?: boolean;
}): Html {
	const { twoFactor } = p;
	const codes = twoFactor.backupCodes;
	const low = codes !== null && codes.remaining <= RUNNING_LOW_AT;
	const finishing = twoFactor.requiredActions.includes("finish_two_factor");
	const pending = twoFactor.pendingBackupCodes;
	const lastWay = p.authenticator.onlyWay;
	const confirmFirst = pending ? html`<a class="button" href="/settings/backup-codes/confirm">${t("settings.codes.confirmYours")}</a> ` : "";
	return layout({
		title: t("settings.title"),
		user: p.user,
		body: html`<h1>${t("settings.title")}</h1>
${p.notice ? html`<p class="notice" role="status">${p.notice}</p>` : ""}
<section aria-labelledby="two-factor-heading" class="card">
  <h2 id="two-factor-heading">${t("settings.twoFactor.heading")}</h2>
  ${
		twoFactor.enabled
			? html`<p class="state on">${t("settings.twoFactor.on")}</p>
  ${p.strongest ? html`<p id="strongest">${t("settings.twoFactor.strongest", { method: p.strongest })}</p>` : ""}
  <p><a class="button secondary" href="/settings/two-factor/off">${t("settings.twoFactor.turnOff")}</a></p>`
			: finishing
				? html`<p class="state off">${t("settings.twoFactor.almostDone")}</p>
  <p>${confirmFirst}<a class="button ${pending ? "secondary" : ""}" href="/settings/backup-codes/new">${t("settings.codes.get")}</a></p>`
				: p.readyToTurnOnWith.length > 0
					? html`<p class="state off">${t("settings.twoFactor.off")}</p>
  <p id="turn-on-with">${t("settings.twoFactor.turnOnWith", { methods: orList(p.readyToTurnOnWith), count: p.readyToTurnOnWith.length })}</p>
  <p>${confirmFirst}<a class="button ${pending ? "secondary" : ""}" href="/settings/backup-codes/new">${t("settings.twoFactor.turnOnWithCodes")}</a></p>`
					: html`<p class="state off">${t("settings.twoFactor.offAdvice")}</p>`
	}
</section>
<section aria-labelledby="totp-heading" class="card">
  <h2 id="totp-heading">${t("settings.authenticator.heading")}</h2>
  ${
		p.authenticator.setUp || finishing
			? html`<p>${t("settings.authenticator.setUp")}</p>
  ${p.authenticator.setUp && !finishing ? html`<p><a class="button secondary" href="/settings/authenticator/replace">${t("authenticator.settings.replace")}</a></p>` : ""}
  ${
		lastWay
			? html`<p class="hint">${t("settings.authenticator.onlyWay")}</p>`
			: html`<p><a class="button secondary" href="/settings/authenticator/disable">${finishing ? t("settings.authenticator.startOver") : t("settings.authenticator.remove")}</a></p>`
	}`
			: html`<p>${t("settings.authenticator.pitch")}</p>
  <p><a class="button" href="/settings/authenticator">${t("settings.authenticator.setUpButton")}</a></p>`
	}
</section>
${
	codes
		? html`<section aria-labelledby="codes-heading" class="card">
  <h2 id="codes-heading">${t("settings.codes.heading")}</h2>
  <p class="${low ? "warning" : ""}" id="codes-remaining">${rich(
		codes.remaining === 0 ? "settings.codes.leftNone" : low ? "settings.codes.leftLow" : "settings.codes.left",
		{ remaining: codes.remaining, total: codes.total },
		{ strong },
	)}</p>
  <p class="hint">${t("settings.codes.created", { when: formatWhen(codes.createdAt) })}</p>
  ${
		pending
			? html`<p class="notice" id="codes-pending">${t("settings.codes.pending", { when: formatWhen(pending.expiresAt) })}</p>
  <p><a class="button" href="/settings/backup-codes/confirm">${t("settings.codes.confirmNew")}</a></p>`
			: ""
	}
  <p><a class="button secondary" href="/settings/backup-codes/new">${t("settings.codes.getNew")}</a></p>
</section>`
		: ""
}
${passkeysCard(p.passkeys)}
${contactsCard(p.user, p.contacts)}
${devicesCard(p.user, p.devices)}
<section aria-labelledby="account-heading" class="card">
  <h2 id="account-heading">${t("settings.account.heading")}</h2>
  <p><a href="/settings/password">${t("settings.account.changePassword")}</a></p>
  <p>${rich("settings.account.activity", {}, { link: link("/settings/activity") })}</p>
  <p>${rich("settings.account.apps", {}, { link: link("/settings/apps") })}</p>
  ${p.admin ? html`<p><a href="/admin">${t("console.nav.title")}</a></p>` : ""}
</section>
<p><a href="/help/backup-codes">${t("settings.help.codesNotWorking")}</a> · <a href="/help">${t("settings.help.centre")}</a></p>`,
	});
}

/**
 * A device's name as the person reads it. Devices are stored by the words the user
 * agent gave ("Firefox on Windows", "Unknown device"): browsers and systems are names,
 * the words between them are the page's.
 */
export function deviceName(label: string): string {
	const word = (name: string) => (name === "Browser" ? t("settings.devices.browser") : name === "App" ? t("settings.devices.app") : name);
	if (label === "Unknown device") return t("settings.devices.unknown");
	const on = /^(.+) on (.+)$/.exec(label);
	return on ? t("settings.devices.on", { browser: word(on[1]!), system: on[2]! }) : word(label);
}

function devicesCard(user: PageUser, devices: TrustedDeviceView[]): Html {
	return html`<section aria-labelledby="devices-heading" class="card">
  <h2 id="devices-heading">${t("settings.devices.heading")}</h2>
  ${
		devices.length === 0
			? html`<p>${t("settings.devices.none")}</p>`
			: html`<p class="hint">${t("settings.devices.intro")}</p>
  <ul class="plain">${devices.map(
		(d) => html`<li${d.current ? html` id="this-device"` : ""}><strong>${deviceName(d.label)}</strong>${d.current ? html` <span class="state on">${t("settings.devices.thisDevice")}</span>` : ""}
    <p class="hint">${t("settings.devices.times", { first: formatWhen(d.createdAt), last: formatWhen(d.lastUsedAt), until: formatWhen(d.expiresAt) })}</p>
    <form method="post" action="/settings/devices/revoke">${csrfField(user.csrf)}<input type="hidden" name="id" value="${d.id}"><button type="submit" class="secondary">${t("settings.devices.stop")}</button></form></li>`,
	)}</ul>
  <form method="post" action="/settings/devices/revoke-all">${csrfField(user.csrf)}<button type="submit" class="secondary">${t("settings.devices.stopAll")}</button></form>`
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
	/** Fields sent with the password, such as what the page knew when it was shown. */
	hidden?: Record<string, string> | undefined;
}): Html {
	return layout({
		title: p.title,
		user: p.user,
		body: html`<h1>${p.title}</h1>
<p>${p.explanation}</p>
${errorSummary(p.error)}
<form method="post" action="${p.action}" novalidate>
  ${csrfField(p.user.csrf)}
  ${Object.entries(p.hidden ?? {}).map(([name, value]) => html`<input type="hidden" name="${name}" value="${value}">`)}
  <label for="password">${t("settings.yourPassword")}</label>
  <input id="password" name="password" type="password" autocomplete="current-password" required maxlength="128">
  <button type="submit" class="${p.danger ? "danger" : ""}">${p.submit}</button>
</form>
<p><a href="/settings">${t("settings.back")}</a></p>`,
	});
}

export interface SavedCodes {
	/** Where the codes are for: the issuer and the site's address. */
	site: string;
	username: string;
	createdAt: number;
	codes: string[];
}

/** The .txt download: what, for whom, the day (in the person's zone), one code per line with a box to tick, and how to keep them. */
export function backupCodesText(p: SavedCodes): string {
	return [
		t("settings.file.title"),
		t("settings.file.site", { site: p.site }),
		t("settings.file.account", { username: p.username }),
		t("settings.file.created", { day: formatDay(p.createdAt) }),
		"",
		...p.codes.map((c) => `[ ] ${c}`),
		"",
		t("settings.file.keep"),
		"",
	].join("\n");
}

export function backupCodesPage(
	p: SavedCodes & { user: PageUser; expiresAt: number; firstSet: boolean; error?: FormError | undefined },
): Html {
	const text = backupCodesText(p);
	const download = `data:text/plain;charset=utf-8,${encodeURIComponent(text)}`;
	const file = `backup-codes-${p.username}`;
	const day = formatDay(p.createdAt);
	// The picture app.js draws is written here, in the page's language: the script has no words of its own.
	const imageLines = [
		t("settings.image.site", { site: p.site }),
		t("settings.image.account", { username: p.username }),
		t("settings.image.created", { day }),
	].join("\n");
	return layout({
		title: t("settings.save.title"),
		user: p.user,
		body: html`<h1>${t("settings.save.title")}</h1>
<p class="print-only">${rich("settings.save.printIntro", { username: p.username, site: p.site, day }, { strong })}</p>
<p>${rich("settings.save.intro", {}, { strong })}</p>
<ol class="codes" id="backup-codes" aria-label="${t("settings.save.listLabel")}">
${p.codes.map((c) => html`<li><code>${c}</code></li>`)}
</ol>
<p class="hint">${t("settings.save.created", { when: formatWhen(p.createdAt) })}</p>
<div class="actions">
  <button type="button" data-copy-target="backup-codes-text" data-copied="${t("settings.save.copied")}" data-copy-failed="${t("settings.save.copyByHand")}" hidden>${t("settings.save.copyAll")}</button>
  <a class="button secondary" id="download-txt" href="${download}" download="${file}.txt">${t("settings.save.downloadTxt")}</a>
  <button type="button" class="secondary" id="download-png" data-image-download="${file}.png" data-image-title="${t("settings.file.title")}" data-image-lines="${imageLines}" data-image-notes="${t("settings.image.keep")}" data-saved="${t("settings.save.imageSaved")}" hidden>${t("settings.save.downloadImage")}</button>
  <button type="button" class="secondary" data-print hidden>${t("settings.save.print")}</button>
</div>
<p class="copy-status" role="status" aria-live="polite"></p>
<textarea id="backup-codes-text" class="visually-hidden" readonly tabindex="-1" aria-hidden="true">${text}</textarea>
<section class="card confirm" aria-labelledby="confirm-heading">
  <h2 id="confirm-heading">${p.firstSet ? t("settings.save.lastStep") : t("settings.save.showSaved")}</h2>
  <p>${t(p.firstSet ? "settings.save.typeOneFirst" : "settings.save.typeOneLater", { when: formatWhen(p.expiresAt) })}</p>
  ${codeConfirmForm(p.user, p.error)}
</section>`,
	});
}

function codeConfirmForm(user: PageUser, error: FormError | undefined, typed = ""): Html {
	return html`${errorSummary(error)}
  <form method="post" action="/settings/backup-codes/confirm" novalidate>
    ${csrfField(user.csrf)}
    <label for="confirm-code">${t("settings.save.codeLabel")}</label>
    <input id="confirm-code" name="code" required autocomplete="off" autocapitalize="characters" spellcheck="false" maxlength="64" value="${typed}">
    <button type="submit">${t("settings.save.confirm")}</button>
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
		title: t("settings.codes.confirmYours"),
		user: p.user,
		body: html`<h1>${t("settings.codes.confirmYours")}</h1>
<p>${t(p.firstSet ? "settings.confirm.introFirst" : "settings.confirm.introLater", { when: formatWhen(p.expiresAt) })}</p>
${codeConfirmForm(p.user, p.error, p.typed)}
<p>${rich("settings.confirm.didntSave", {}, { link: link("/settings/backup-codes/new") })}</p>
<p><a href="/settings">${t("settings.back")}</a></p>`,
	});
}

/** After a sign-in that used a code, when few are left; or when none are left at all. */
export function runningLowPage(p: { user: PageUser; remaining: number; total: number; pendingUntil?: number | undefined }): Html {
	const none = p.remaining === 0;
	const notNow = html`<a href="/settings">${t("settings.low.notNow")}</a>`;
	if (p.pendingUntil !== undefined) {
		const when = formatWhen(p.pendingUntil);
		return layout({
			title: t("settings.low.pendingTitle"),
			user: p.user,
			body: html`<h1>${t("settings.low.pendingTitle")}</h1>
<p class="warning">${none ? t("settings.low.pendingNone", { when }) : rich("settings.low.pendingSome", { remaining: p.remaining, when }, { strong })}</p>
<p><a class="button" href="/settings/backup-codes/confirm">${t("settings.low.confirmNew")}</a></p>
<p class="hint">${t("settings.low.throwsAway")}</p>
<p><a href="/settings/backup-codes/new">${t("settings.low.getAnother")}</a>${none ? "" : html` · ${notNow}`}</p>`,
		});
	}
	const title = none ? t("settings.low.noneTitle") : t("settings.low.lowTitle");
	return layout({
		title,
		user: p.user,
		body: html`<h1>${title}</h1>
<p class="warning">${none ? t("settings.low.none") : rich("settings.low.some", { remaining: p.remaining, total: p.total }, { strong })}</p>
<p><a class="button" href="/settings/backup-codes/new">${t("settings.codes.getNew")}</a></p>
${none ? "" : html`<p>${notNow}</p>`}`,
	});
}
