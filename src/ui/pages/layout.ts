import type { FieldProblem } from "../../core/errors.ts";
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
	return html`<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<title>${title} · Tessera</title>
<link rel="icon" href="/assets/icon.svg" type="image/svg+xml">
<link rel="stylesheet" href="/assets/app.css">
${(options.scripts ?? []).map((src) => html`<script src="${src}" defer></script>
`)}<script src="/assets/app.js" defer></script>
</head>
<body>
<header class="top">
  <a class="brand" href="/">Tessera</a>
  ${
		user
			? html`<form method="post" action="/sign-out" class="inline">
    <input type="hidden" name="_csrf" value="${user.csrf}">
    <span class="who">${user.username}</span>
    <button type="submit" class="link">Sign out</button>
  </form>`
			: ""
	}
</header>
<main id="main" class="${options.wide ? "wide" : ""}">
${body}
</main>
</body>
</html>`;
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
  <p>${fields.length === 1 ? "One thing to change:" : `${fields.length} things to change:`}</p>
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
