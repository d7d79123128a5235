import type { Brand } from "../../core/brand.ts";
import { type Presentation, presentation } from "../../i18n/context.ts";
import { asLocale, asTimeZone, direction } from "../../i18n/locales.ts";
import { formatWhen } from "../../i18n/time.ts";
import { t } from "../../i18n/translate.ts";
import { escapeHtml } from "../../ui/html.ts";

/**
 * What every message shares: the language and zone it is written in, its times,
 * the operator's support line, and an email's lines as HTML.
 */

/**
 * The presentation a message to an account is written in: the account's language
 * and time zone; where the account has none yet (or there is no account), the
 * current request's.
 */
export function messagePresentation(account: { language: string | null; time_zone: string | null } | undefined, brand: Brand): Presentation {
	const current = presentation();
	return {
		locale: asLocale(account?.language) ?? current.locale,
		timeZone: asTimeZone(account?.time_zone) ?? current.timeZone,
		brand,
	};
}

/**
 * A moment in a message: in the reader's language and zone, the zone named (a message
 * is read anywhere), and always with its date: an email read tomorrow must not say "today".
 */
export function messageTime(ms: number): string {
	return formatWhen(ms, { withZone: true, now: 0 });
}

/** How to reach the operator's support, when configured: the line an email ends with. */
export function supportLine(): string | undefined {
	const support = presentation().brand.support;
	if (!support || (!support.url && !support.email)) return undefined;
	return t("common.support", { contact: [support.url, support.email].filter(Boolean).join(" · ") });
}

/** An email's lines as HTML, in the reader's direction: each line a paragraph, a line that is a link a link. */
export function linesToHtml(lines: string[]): string {
	const { locale } = presentation();
	const body = lines
		.map((line) => (line.startsWith("http") ? `<p><a href="${escapeHtml(line)}">${escapeHtml(line)}</a></p>` : line ? `<p>${escapeHtml(line)}</p>` : ""))
		.join("");
	return `<div lang="${escapeHtml(locale)}" dir="${direction(locale)}">${body}</div>`;
}
