import type { FieldProblem } from "../../core/errors.ts";
import { presentation } from "../../i18n/context.ts";
import { direction, type Locale, localeNames, locales } from "../../i18n/locales.ts";
import { rich, t } from "../../i18n/translate.ts";
import { type Html, html } from "../html.ts";
import { helpFor } from "./help.ts";

export interface PageUser {
	username: string;
	csrf: string;
}

export interface FormError {
	message: string;
	fields?: FieldProblem[] | undefined;
	code?: string;
	/** The help page to offer, when the page knows better than the error code alone. */
	help?: { href: string; text: string };
}

export function layout(options: {
	title: string;
	body: Html;
	user?: PageUser | undefined;
	wide?: boolean;
	/** Extra scripts from /assets, loaded before app.js. */
	scripts?: string[];
}): Html {
	const { title, body, user } = options;
	const p = presentation();
	const brand = p.brand;
	return html`<!doctype html>
<html lang="${p.locale}" dir="${direction(p.locale)}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<title>${t("common.title", { title })}</title>
<link rel="icon" href="/assets/icon.svg" type="image/svg+xml">
<link rel="stylesheet" href="/assets/app.css">
${brand.color ? html`<link rel="stylesheet" href="/assets/brand.css">
` : ""}${(options.scripts ?? []).map(
		(src) => html`<script src="${src}" defer></script>
`,
	)}<script src="/assets/app.js" defer></script>
</head>
<body>
<header class="top">
  <a class="brand" href="/">${brand.logo ? html`<img src="/assets/brand-logo" alt="${t("common.logoAlt")}">` : brand.name}</a>
  ${
		user
			? html`<form method="post" action="/sign-out" class="inline">
    <input type="hidden" name="_csrf" value="${user.csrf}">
    <span class="who">${user.username}</span>
    <button type="submit" class="link">${t("common.signOut")}</button>
  </form>`
			: ""
	}
</header>
<main id="main" class="${options.wide ? "wide" : ""}">
${body}
</main>
<footer class="foot">
  ${supportLine()}
  <nav aria-label="${t("common.language")}">
    <ul class="languages">${languageChoices().map(
			(choice) =>
				html`<li><a href="${choice.href}" lang="${choice.locale}" hreflang="${choice.locale}"${choice.current ? html` aria-current="true"` : ""}>${choice.name}</a></li>`,
		)}</ul>
  </nav>
</footer>
</body>
</html>`;
}

/** The operator's support contact, when configured: a link, an address, or both. */
export function supportLine(): Html {
	const support = presentation().brand.support;
	if (!support) return html``;
	const contact = html`${support.url ? html`<a href="${support.url}">${support.url.replace(/^https?:\/\//, "")}</a>` : ""}${
		support.url && support.email ? " · " : ""
	}${support.email ? html`<a href="mailto:${support.email}">${support.email}</a>` : ""}`;
	return html`<p class="support">${rich("common.support", { contact })}</p>`;
}

/** Every language Tessera speaks, each linking to this page in it. */
function languageChoices(): { locale: Locale; name: string; href: string; current: boolean }[] {
	const p = presentation();
	const offered: Locale[] = [...locales, ...(p.locale === "en-XA" ? (["en-XA"] as const) : [])];
	const back = p.page?.startsWith("/") && !p.page.startsWith("//") ? p.page : "/";
	return offered.map((locale) => ({
		locale,
		name: localeNames[locale],
		href: `/language?to=${encodeURIComponent(locale)}&back=${encodeURIComponent(back)}`,
		current: locale === p.locale,
	}));
}

/**
 * The error box at the top of a form: what went wrong and, per field, what to change.
 * `inline` names the fields the form shows their problem beside (field → label):
 * when every problem is one of those, the box only counts them and links to each
 * field, so no problem is said twice.
 */
export function errorSummary(error: FormError | undefined, inline?: Record<string, string>): Html {
	if (!error) return html``;
	const fields = error.fields ?? [];
	if (inline && fields.length > 0 && fields.every((f) => inline[f.field] !== undefined)) {
		return html`<div class="error" role="alert" id="form-error" tabindex="-1" data-code="${error.code ?? ""}">
  <p>${t("common.oneThing", { count: fields.length })}</p>
  <ul>${fields.map((f) => html`<li><a href="#${f.field}">${inline[f.field]!}</a></li>`)}</ul>
  ${error.help ? html`<p class="help-link"><a href="${error.help.href}">${error.help.text}</a></p>` : helpLink(error.code)}
</div>`;
	}
	return html`<div class="error" role="alert" id="form-error" tabindex="-1" data-code="${error.code ?? ""}">
  <p>${error.message}</p>
  ${error.fields?.length ? html`<ul>${error.fields.map((f) => html`<li>${f.problem}</li>`)}</ul>` : ""}
  ${error.help ? html`<p class="help-link"><a href="${error.help.href}">${error.help.text}</a></p>` : helpLink(error.code)}
</div>`;
}

/** Every error links to the help page that answers it. */
export function helpLink(code: string | undefined): Html {
	if (!code) return html``;
	const help = helpFor(code);
	return html`<p class="help-link"><a href="${help.href}">${help.text}</a></p>`;
}

export function csrfField(csrf: string): Html {
	return html`<input type="hidden" name="_csrf" value="${csrf}">`;
}

export function fieldError(error: FormError | undefined, field: string): Html {
	const problem = error?.fields?.find((f) => f.field === field);
	return problem ? html`<p class="field-error" id="${field}-error">${problem.problem}</p>` : html``;
}

export function describedBy(error: FormError | undefined, field: string, hint?: string): string {
	const ids = [hint, error?.fields?.some((f) => f.field === field) ? `${field}-error` : undefined].filter(Boolean);
	return ids.join(" ");
}
