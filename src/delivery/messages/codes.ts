import type { OutgoingMessage } from "../message.ts";
import { escapeHtml } from "../../ui/html.ts";

const never = "Tessera never asks for this code by message, email or phone call. Type it only on the Tessera page where you asked for it.";

/** The message carrying a code. It never asks the reader to share the code with anyone. */
export function codeMessage(
	channel: "email" | "sms",
	to: string,
	code: string,
	purpose: "sign_in" | "contact" | "recovery" | "password_reset",
	issuer: string,
): OutgoingMessage {
	const what = {
		sign_in: "to finish signing in",
		contact: "to confirm this address",
		recovery: "to start recovering your account",
		password_reset: "to reset your password",
	}[purpose];
	if (channel === "sms") {
		return { channel, to, text: `${issuer} code ${code} ${what}. Valid 10 minutes. ${issuer} never asks for it by message or call.` };
	}
	const subject = {
		sign_in: `${issuer} sign-in code`,
		contact: `Confirm your email for ${issuer}`,
		recovery: `${issuer} account recovery code`,
		password_reset: `${issuer} password reset code`,
	}[purpose];
	const text = [`Your ${issuer} code ${what} is:`, "", `    ${code}`, "", "It is valid for 10 minutes.", never, "", "If you did not ask for it, you can ignore this email; someone may have typed your address by mistake."].join("\n");
	const html = `<p>Your ${escapeHtml(issuer)} code ${escapeHtml(what)} is:</p><p style="font-size:24px;font-family:monospace;letter-spacing:4px"><strong>${escapeHtml(code)}</strong></p><p>It is valid for 10 minutes.</p><p>${escapeHtml(never)}</p><p>If you did not ask for it, you can ignore this email.</p>`;
	return { channel, to, subject, text, html };
}
