import type { OutgoingMessage } from "../message.ts";
import { escapeHtml } from "../../ui/html.ts";

const never = "Tessera never asks for this code by message, email or phone call. Type it only on the Tessera page where you asked for it.";

/** Who sends codes: the name in messages, and the public address whose host a text binds its code to. */
export interface CodeSender {
	issuer: string;
	publicUrl: string;
}

/**
 * The message carrying a code. It never asks the reader to share the code with anyone.
 * A text ends with the origin-bound one-time-code line (`@host #code`), so a phone
 * offers to fill the code in only on Tessera's own site. A sign-in code by email
 * comes with `notYou`: a "Wasn't you?" link bound to that address.
 */
export function codeMessage(
	channel: "email" | "sms",
	to: string,
	code: string,
	purpose: "sign_in" | "contact" | "recovery" | "password_reset",
	sender: CodeSender,
	links: { notYou?: string } = {},
): OutgoingMessage {
	const { issuer } = sender;
	const what = {
		sign_in: "to finish signing in",
		contact: "to confirm this address",
		recovery: "to start recovering your account",
		password_reset: "to reset your password",
	}[purpose];
	if (channel === "sms") {
		const host = new URL(sender.publicUrl).hostname;
		return { channel, to, text: `${issuer} code ${code} ${what}. Valid 10 minutes. ${issuer} never asks for it by message or call.\n\n@${host} #${code}` };
	}
	const subject = {
		sign_in: `${issuer} sign-in code`,
		contact: `Confirm your email for ${issuer}`,
		recovery: `${issuer} account recovery code`,
		password_reset: `${issuer} password reset code`,
	}[purpose];
	const lead = [`Your ${issuer} code ${what} is:`, "", `    ${code}`, "", "It is valid for 10 minutes.", never, ""];
	if (purpose === "sign_in") {
		// Only someone who typed the account's password gets this far.
		const notYou = links.notYou
			? ["Not you? Change your password. This link signs your account out everywhere first (no sign-in needed):", links.notYou]
			: [`Not you? Change your password with "Forgot password" on the ${issuer} sign-in page.`];
		const why = `Someone who knows your password is signing in to your ${issuer} account. If that is you, type the code on the sign-in page.`;
		const text = [why, "", ...lead, ...notYou].join("\n");
		const html = `<p>${escapeHtml(why)}</p><p>Your ${escapeHtml(issuer)} code ${escapeHtml(what)} is:</p><p style="font-size:24px;font-family:monospace;letter-spacing:4px"><strong>${escapeHtml(code)}</strong></p><p>It is valid for 10 minutes.</p><p>${escapeHtml(never)}</p>${
			links.notYou
				? `<p>${escapeHtml(notYou[0]!)}</p><p><a href="${escapeHtml(links.notYou)}">${escapeHtml(links.notYou)}</a></p>`
				: `<p>${escapeHtml(notYou[0]!)}</p>`
		}`;
		return { channel, to, subject, text, html };
	}
	const text = [...lead, "If you did not ask for it, you can ignore this email; someone may have typed your address by mistake."].join("\n");
	const html = `<p>Your ${escapeHtml(issuer)} code ${escapeHtml(what)} is:</p><p style="font-size:24px;font-family:monospace;letter-spacing:4px"><strong>${escapeHtml(code)}</strong></p><p>It is valid for 10 minutes.</p><p>${escapeHtml(never)}</p><p>If you did not ask for it, you can ignore this email.</p>`;
	return { channel, to, subject, text, html };
}
