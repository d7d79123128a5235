import { presentation } from "../../i18n/context.ts";
import { direction } from "../../i18n/locales.ts";
import { t } from "../../i18n/translate.ts";
import { escapeHtml } from "../../ui/html.ts";
import type { OutgoingMessage } from "../message.ts";
import { supportLine } from "./common.ts";

/** Who sends codes: the public address whose host a text binds its code to. The name is the brand's. */
export interface CodeSender {
	publicUrl: string;
}

export type CodePurpose = "sign_in" | "contact" | "recovery" | "password_reset";

/**
 * The message carrying a code, in the current presentation's language (the
 * account's: the caller runs it there). It never asks the reader to share the
 * code with anyone.
 *
 * A text ends with the origin-bound one-time-code line (`@host #code`), so a phone
 * offers to fill the code in only on the site's own pages. In English a text fits
 * one SMS segment (160 GSM-7 characters). French may take two: a letter outside
 * GSM-7 (ê, ç, the typographic apostrophe) makes the whole text UCS-2, 70
 * characters a segment. Arabic is always UCS-2, so two or three segments: the
 * words are kept short, but cutting them further would lose the warning.
 *
 * A sign-in code by email comes with `notYou`: a "Wasn't you?" link bound to that address.
 */
export function codeMessage(
	channel: "email" | "sms",
	to: string,
	code: string,
	purpose: CodePurpose,
	sender: CodeSender,
	links: { notYou?: string } = {},
): OutgoingMessage {
	if (channel === "sms") {
		const host = new URL(sender.publicUrl).hostname;
		// The last line is exactly `@host #code`, whatever the language.
		return { channel, to, text: `${t("delivery.code.sms", { code, purpose })}\n\n@${host} #${code}` };
	}
	const subject = t("delivery.code.subject", { purpose });
	const lead = t("delivery.code.lead", { purpose });
	const valid = t("delivery.code.valid");
	const never = t("delivery.code.never");
	const support = supportLine();
	const { locale } = presentation();
	const codeHtml = `<p style="font-size:24px;font-family:monospace;letter-spacing:4px" dir="ltr"><strong>${escapeHtml(code)}</strong></p>`;
	const wrap = (body: string) => `<div lang="${escapeHtml(locale)}" dir="${direction(locale)}">${body}</div>`;
	const p = (line: string) => `<p>${escapeHtml(line)}</p>`;
	const head = [lead, "", `    ${code}`, "", valid, never, ""];
	if (purpose === "sign_in") {
		// Only someone who typed the account's password gets this far.
		const why = t("delivery.code.signInWhy");
		const notYou = links.notYou ? t("delivery.code.notYouLink") : t("delivery.code.notYouNoLink");
		const text = [why, "", ...head, notYou, ...(links.notYou ? [links.notYou] : []), ...(support ? ["", support] : [])].join("\n");
		const html = wrap(
			`${p(why)}${p(lead)}${codeHtml}${p(valid)}${p(never)}${p(notYou)}${
				links.notYou ? `<p><a href="${escapeHtml(links.notYou)}">${escapeHtml(links.notYou)}</a></p>` : ""
			}${support ? p(support) : ""}`,
		);
		return { channel, to, subject, text, html };
	}
	const ignore = t("delivery.code.ignore");
	const text = [...head, ignore, ...(support ? ["", support] : [])].join("\n");
	const html = wrap(`${p(lead)}${codeHtml}${p(valid)}${p(never)}${p(ignore)}${support ? p(support) : ""}`);
	return { channel, to, subject, text, html };
}
