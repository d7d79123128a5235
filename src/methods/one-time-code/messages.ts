import type { OutgoingMessage } from "../../delivery/message.ts";
import { escapeHtml } from "../../ui/html.ts";

const never = "Tessera never asks for this code by message, email or phone call. Type it only on the Tessera page where you asked for it.";

/** The message carrying a code. It never asks the reader to share the code with anyone. */
export function codeMessage(
	channel: "email" | "sms",
	to: string,
	code: string,
	purpose: "sign_in" | "contact",
	issuer: string,
): OutgoingMessage {
	const what = purpose === "sign_in" ? "to finish signing in" : "to confirm this address";
	if (channel === "sms") {
		return { channel, to, text: `${issuer} code ${code} ${what}. Valid 10 minutes. ${issuer} never asks for it by message or call.` };
	}
	const subject = purpose === "sign_in" ? `${issuer} sign-in code` : `Confirm your email for ${issuer}`;
	const text = [`Your ${issuer} code ${what} is:`, "", `    ${code}`, "", "It is valid for 10 minutes.", never, "", "If you did not ask for it, you can ignore this email; someone may have typed your address by mistake."].join("\n");
	const html = `<p>Your ${escapeHtml(issuer)} code ${escapeHtml(what)} is:</p><p style="font-size:24px;font-family:monospace;letter-spacing:4px"><strong>${escapeHtml(code)}</strong></p><p>It is valid for 10 minutes.</p><p>${escapeHtml(never)}</p><p>If you did not ask for it, you can ignore this email.</p>`;
	return { channel, to, subject, text, html };
}
