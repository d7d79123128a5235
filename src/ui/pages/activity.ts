import { isOperatorActor } from "../../core/actors.ts";
import { type DescribedEvent, deviceWords } from "../../flows/events.ts";
import { formatWhen } from "../../i18n/time.ts";
import { rich, t } from "../../i18n/translate.ts";
import { type Html, html } from "../html.ts";
import { layout, type PageUser } from "./layout.ts";

/**
 * Where "This wasn't me" leads a signed-in person: changing the password, which
 * signs out every other session and forgets trusted devices (the same securing a
 * "Wasn't you?" link starts from an email).
 */
export const SECURE_ACCOUNT_PAGE = "/settings/password";

/** One event, one line: what happened, when, from which browser and address, and "This wasn't me" when it could be someone else. */
function eventLine(e: DescribedEvent): Html {
	const byOperator = isOperatorActor(e.actor);
	const what = byOperator ? t("activity.byOperator", { what: e.description }) : e.description;
	const where = [deviceWords(e.device), e.ip].filter((part): part is string => Boolean(part));
	return html`<li data-kind="${e.kind}" id="event-${e.id}"><span class="what" id="what-${e.id}">${what}</span> <span class="hint">· ${formatWhen(e.createdAt)}${where.map((part) => html` · <bdi>${part}</bdi>`)}</span>${
		e.disownable ? html` <a class="not-me" href="${SECURE_ACCOUNT_PAGE}" aria-describedby="what-${e.id}">${t("activity.notMe")}</a>` : ""
	}</li>`;
}

export function activityPage(p: { user: PageUser; events: DescribedEvent[] }): Html {
	return layout({
		title: t("activity.title"),
		user: p.user,
		wide: true,
		body: html`<h1>${t("activity.title")}</h1>
<p>${t("activity.intro")}</p>
<p>${rich("activity.settings", undefined, { link: (content) => html`<a href="/settings">${content}</a>` })}</p>
${
	p.events.length === 0
		? html`<p>${t("activity.none")}</p>`
		: html`<ul class="plain activity" aria-label="${t("activity.listLabel")}">
${p.events.map((e) => html`${eventLine(e)}
`)}</ul>`
}
<p><a href="/settings">${t("activity.back")}</a></p>`,
	});
}
