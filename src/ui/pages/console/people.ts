import { type ConsoleAction, type PersonMatch, REASON_MAX, type SearchResults } from "../../../flows/console.ts";
import { deviceWords } from "../../../flows/events.ts";
import type { AccountReport, PersonDetails } from "../../../flows/operator.ts";
import { formatWhen } from "../../../i18n/time.ts";
import { type MessageKey, t } from "../../../i18n/translate.ts";
import type { ContactKind } from "../../../store/schema.ts";
import { type Html, html } from "../../html.ts";
import { csrfField, describedBy, errorSummary, type FormError, fieldError } from "../layout.ts";
import { type ConsoleUser, consoleLayout } from "./shell.ts";

/** A contact as the page shows it: the value in full or masked, decided by the face. */
export interface ShownContact {
	kind: ContactKind;
	value: string;
	verified: boolean;
}

const roleWords = (role: string) =>
	role === "admin" ? t("console.role.admin") : role === "support" ? t("console.role.support") : t("console.role.user");

const twoFactorWords: Record<AccountReport["twoFactor"], MessageKey> = {
	on: "console.twoFactor.on",
	off: "console.twoFactor.off",
	"must be set up again": "console.twoFactor.again",
};

/** The states of an account, as the console names them: locked, in recovery, must set up two-factor again, or active. */
export function stateWords(p: { locked: boolean; inRecovery?: boolean; twoFactor: AccountReport["twoFactor"] }): string[] {
	const states: string[] = [];
	if (p.locked) states.push(t("console.state.locked"));
	if (p.inRecovery) states.push(t("console.state.recovery"));
	if (p.twoFactor === "must be set up again") states.push(t("console.state.again"));
	return states.length ? states : [t("console.state.active")];
}

const value = (text: string) => html`<bdi class="console-value">${text}</bdi>`;

// ── Search ──────────────────────────────────────────────────────────────────

function matchedWords(m: PersonMatch, shown: string | undefined): Html {
	if (m.matched.by === "username") return html`${t("console.search.byUsername")}`;
	const what = m.matched.by === "email" ? t("console.contact.email") : t("console.contact.phone");
	return html`${what}: ${value(shown ?? "")}${m.matched.verified ? "" : html` (${t("console.contact.unverified")})`}`;
}

export function consoleHomePage(p: {
	user: ConsoleUser;
	query: string;
	results?: SearchResults | undefined;
	/** The value each matched address or number is shown as (masked for support). */
	shown?: (m: PersonMatch) => string | undefined;
	/** The page after this one. */
	next?: string | undefined;
	error?: FormError | undefined;
}): Html {
	const title = t("console.people.title");
	const r = p.results;
	return consoleLayout({
		title,
		user: p.user,
		section: "people",
		body: html`<h1>${title}</h1>
<form method="get" action="/admin" class="console-search" role="search">
  <div>
    <label for="q">${t("console.search.label")}</label>
    <p class="hint" id="q-hint">${t("console.search.hint")}</p>
    <input id="q" name="q" autocapitalize="none" spellcheck="false" maxlength="320" value="${p.query}" aria-describedby="${describedBy(p.error, "q", "q-hint")}">
    ${fieldError(p.error, "q")}
  </div>
  <button type="submit">${t("console.search.submit")}</button>
</form>
${
	r
		? r.people.length === 0
			? html`<p role="status">${t("console.search.none", { query: p.query })}</p>`
			: html`<h2 id="results">${t("console.search.results")}</h2>
<div class="table-wrap" tabindex="0" role="group" aria-labelledby="results"><table class="console-table" aria-labelledby="results">
  <thead><tr><th scope="col">${t("console.person.username")}</th><th scope="col">${t("console.person.role")}</th><th scope="col">${t("console.person.state")}</th><th scope="col">${t("console.person.twoFactor")}</th><th scope="col">${t("console.search.matched")}</th></tr></thead>
  <tbody>${r.people.map(
		(m) => html`<tr>
    <td><a href="/admin/person?id=${m.id}">${value(m.username)}</a></td>
    <td>${roleWords(m.role)}</td>
    <td>${stateWords({ locked: m.locked, twoFactor: m.twoFactor }).join(" · ")}</td>
    <td>${t(twoFactorWords[m.twoFactor])}</td>
    <td>${matchedWords(m, p.shown?.(m))}</td>
  </tr>`,
	)}</tbody>
</table></div>
${p.next ? html`<p class="console-pages"><a href="/admin?q=${encodeURIComponent(p.query)}&amp;after=${encodeURIComponent(p.next)}">${t("console.search.more")}</a></p>` : ""}`
		: ""
}`,
	});
}

// ── A person ────────────────────────────────────────────────────────────────

const actionWords: Record<ConsoleAction, { label: MessageKey; explain: MessageKey; done: MessageKey }> = {
	lock: { label: "console.action.lock", explain: "console.action.lockExplain", done: "console.action.lockDone" },
	unlock: { label: "console.action.unlock", explain: "console.action.unlockExplain", done: "console.action.unlockDone" },
	sign_out: { label: "console.action.signOut", explain: "console.action.signOutExplain", done: "console.action.signOutDone" },
	reset_two_factor: { label: "console.action.reset", explain: "console.action.resetExplain", done: "console.action.resetDone" },
};

export const actionDoneWords = (action: ConsoleAction, already: boolean) =>
	already ? t(action === "lock" ? "console.action.alreadyLocked" : "console.action.alreadyUnlocked") : t(actionWords[action].done);

/** The actions the page offers for an account: lock or unlock (whichever applies), sign out everywhere, reset two-factor. */
export function actionsFor(report: AccountReport): ConsoleAction[] {
	return [report.state === "locked" ? "unlock" : "lock", "sign_out", "reset_two_factor"];
}

export function personPage(p: {
	user: ConsoleUser;
	person: PersonDetails;
	contacts: ShownContact[];
	/** The contacts are masked, and this operator may see them in full after confirming it is them. */
	canReveal: boolean;
	/** Why this operator may not act on this account, if they may not. */
	refusal?: string | undefined;
	/** The names of the account's methods, in the page's language. */
	methods: string[];
	/** Whether to show the address each session came from. */
	showAddresses: boolean;
	notice?: string | undefined;
	/** The reason typed to show the contacts in full, and what was wrong with it. */
	reveal?: { reason: string; error?: FormError | undefined } | undefined;
}): Html {
	const { report: r, sessions, devices, apps, events } = p.person;
	const title = t("console.person.title", { username: r.username });
	const inRecovery = r.recovery !== null || r.identityCheck !== null;
	const none = (words: string) => html`<p>${words}</p>`;
	return consoleLayout({
		title,
		user: p.user,
		section: "people",
		body: html`<p><a href="/admin">${t("console.person.back")}</a></p>
<h1>${title}</h1>
${p.notice ? html`<p class="notice" role="status">${p.notice}</p>` : ""}
<section class="card" aria-labelledby="summary">
  <h2 id="summary">${t("console.person.summary")}</h2>
  <dl class="console-facts">
    <dt>${t("console.person.state")}</dt><dd>${stateWords({ locked: r.state === "locked", inRecovery, twoFactor: r.twoFactor }).join(" · ")}</dd>
    <dt>${t("console.person.role")}</dt><dd>${roleWords(r.role)}</dd>
    <dt>${t("console.person.created")}</dt><dd>${formatWhen(Date.parse(r.createdAt))}</dd>
    <dt>${t("console.person.lastSignIn")}</dt><dd>${r.lastSignIn ? formatWhen(Date.parse(r.lastSignIn)) : t("console.person.never")}</dd>
    <dt>${t("console.person.twoFactor")}</dt><dd>${t(twoFactorWords[r.twoFactor])}</dd>
    <dt>${t("console.person.methods")}</dt><dd>${p.methods.length ? p.methods.join(", ") : t("console.person.noMethods")}</dd>
    <dt>${t("console.person.codes")}</dt><dd>${r.backupCodes ? t("console.person.codesLeft", { remaining: r.backupCodes.remaining, total: r.backupCodes.total }) : t("console.person.noCodes")}</dd>
    ${r.recovery ? html`<dt>${t("console.person.recovery")}</dt><dd>${t("console.person.recoveryWaiting", { when: formatWhen(Date.parse(r.recovery.readyAt)) })}</dd>` : ""}
    ${p.person.identityCheckId ? html`<dt>${t("console.person.identityCheck")}</dt><dd><a href="/admin/recovery/request?id=${p.person.identityCheckId}">${t("console.person.identityCheckOpen")}</a></dd>` : ""}
  </dl>
</section>
<section class="card" aria-labelledby="actions">
  <h2 id="actions">${t("console.person.actions")}</h2>
  ${
		p.refusal
			? html`<p>${p.refusal}</p>`
			: html`<ul class="console-actions">${actionsFor(r).map(
					(a) => html`<li><a class="button secondary" href="/admin/person/action?id=${r.id}&amp;action=${a}">${t(actionWords[a].label)}</a></li>`,
				)}</ul>
  <p class="hint">${t("console.person.actionsHint")}</p>`
	}
</section>
<section class="card" aria-labelledby="contacts">
  <h2 id="contacts">${t("console.person.contacts")}</h2>
  ${
		p.contacts.length === 0
			? none(t("console.person.noContacts"))
			: html`<ul class="plain">${p.contacts.map(
					(c) =>
						html`<li>${c.kind === "email" ? t("console.contact.email") : t("console.contact.phone")}: ${value(c.value)}${c.verified ? "" : html` (${t("console.contact.unverified")})`}</li>`,
				)}</ul>`
	}
  ${
		p.canReveal
			? html`<form method="post" action="/admin/person/reveal" novalidate>
    ${csrfField(p.user.csrf)}
    <input type="hidden" name="id" value="${r.id}">
    ${errorSummary(p.reveal?.error)}
    <label for="reason">${t("console.action.reason")}</label>
    <p class="hint" id="reveal-hint">${t("console.person.revealHint")}</p>
    <input id="reason" name="reason" maxlength="${REASON_MAX}" required value="${p.reveal?.reason ?? ""}" aria-describedby="${describedBy(p.reveal?.error, "reason", "reveal-hint")}"${p.reveal?.error ? html` aria-invalid="true"` : ""}>
    ${fieldError(p.reveal?.error, "reason")}
    <button type="submit" class="secondary">${t("console.person.reveal")}</button>
  </form>`
			: ""
	}
</section>
<section class="card" aria-labelledby="sessions">
  <h2 id="sessions">${t("console.person.sessions")}</h2>
  ${
		sessions.length === 0
			? none(t("console.person.noSessions"))
			: html`<div class="table-wrap" tabindex="0" role="group" aria-labelledby="sessions"><table class="console-table" aria-labelledby="sessions">
    <thead><tr><th scope="col">${t("console.person.device")}</th>${p.showAddresses ? html`<th scope="col">${t("console.person.address")}</th>` : ""}<th scope="col">${t("console.person.signedIn")}</th><th scope="col">${t("console.person.lastSeen")}</th></tr></thead>
    <tbody>${sessions.map(
			(s) =>
				html`<tr><td>${deviceWords(s.device) ?? ""}</td>${p.showAddresses ? html`<td>${value(s.ip ?? "")}</td>` : ""}<td>${formatWhen(s.createdAt)}</td><td>${formatWhen(s.lastSeenAt)}</td></tr>`,
		)}</tbody>
  </table></div>`
	}
</section>
<section class="card" aria-labelledby="devices">
  <h2 id="devices">${t("console.person.devices")}</h2>
  ${
		devices.length === 0
			? none(t("console.person.noDevices"))
			: html`<div class="table-wrap" tabindex="0" role="group" aria-labelledby="devices"><table class="console-table" aria-labelledby="devices">
    <thead><tr><th scope="col">${t("console.person.device")}</th><th scope="col">${t("console.person.trustedSince")}</th><th scope="col">${t("console.person.lastUsed")}</th><th scope="col">${t("console.person.until")}</th></tr></thead>
    <tbody>${devices.map(
			(d) => html`<tr><td>${deviceWords(d.label) ?? ""}</td><td>${formatWhen(d.createdAt)}</td><td>${formatWhen(d.lastUsedAt)}</td><td>${formatWhen(d.expiresAt)}</td></tr>`,
		)}</tbody>
  </table></div>`
	}
</section>
<section class="card" aria-labelledby="apps">
  <h2 id="apps">${t("console.person.apps")}</h2>
  ${
		apps.length === 0
			? none(t("console.person.noApps"))
			: html`<ul class="plain">${apps.map(
					(a) => html`<li><strong>${a.name}</strong> · ${value(a.address)}<br><span class="hint">${t("console.person.appAllowed", { scopes: a.scopes.join(" "), when: formatWhen(a.allowedAt) })}</span></li>`,
				)}</ul>`
	}
</section>
<section class="card" aria-labelledby="events">
  <h2 id="events">${t("console.person.events")}</h2>
  ${
		events.length === 0
			? none(t("console.person.noEvents"))
			: html`<ul class="plain">${events.map(
					(e) =>
						html`<li data-kind="${e.kind}">${e.description} <span class="hint">· ${formatWhen(e.createdAt)}${
							e.actor !== "person" && e.actor !== "system" ? html` · ${t("console.person.by", { actor: e.actor })}` : ""
						}</span></li>`,
				)}</ul>`
	}
</section>`,
	});
}

// ── An action ───────────────────────────────────────────────────────────────

export function actionPage(p: {
	user: ConsoleUser;
	report: AccountReport;
	action: ConsoleAction;
	reason: string;
	/** The operator's second factor is not fresh: the page says they will confirm it is them first. */
	willReprove: boolean;
	error?: FormError | undefined;
}): Html {
	const words = actionWords[p.action];
	const title = t("console.action.title", { action: t(words.label), username: p.report.username });
	const danger = p.action === "lock" || p.action === "reset_two_factor" || p.action === "sign_out";
	return consoleLayout({
		title,
		user: p.user,
		section: "people",
		body: html`<p><a href="/admin/person?id=${p.report.id}">${t("console.action.back", { username: p.report.username })}</a></p>
<h1>${title}</h1>
${errorSummary(p.error, { reason: t("console.action.reason") })}
<p>${t(words.explain)}</p>
<form method="post" action="/admin/person/action" novalidate>
  ${csrfField(p.user.csrf)}
  <input type="hidden" name="id" value="${p.report.id}">
  <input type="hidden" name="action" value="${p.action}">
  <label for="reason">${t("console.action.reason")}</label>
  <p class="hint" id="reason-hint">${t("console.action.reasonHint")}</p>
  <textarea id="reason" name="reason" rows="3" maxlength="500" required aria-describedby="${describedBy(p.error, "reason", "reason-hint")}"${
		p.error?.fields?.some((f) => f.field === "reason") ? html` aria-invalid="true"` : ""
	}>${p.reason}</textarea>
  ${fieldError(p.error, "reason")}
  ${p.willReprove ? html`<p class="hint">${t("console.action.willReprove")}</p>` : ""}
  <div class="actions">
    <button type="submit"${danger ? html` class="danger"` : ""}>${t(words.label)}</button>
    <a class="button secondary" href="/admin/person?id=${p.report.id}">${t("console.action.cancel")}</a>
  </div>
</form>`,
	});
}
