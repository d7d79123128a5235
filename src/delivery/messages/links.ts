import { formatUtc } from "../../core/dates.ts";
import { escapeHtml } from "../../ui/html.ts";
import type { OutgoingMessage } from "../message.ts";

/**
 * The bodies of the messages that carry links: security alerts and password
 * resets. They never carry a code and never ask for one.
 */

const neverAsks = "Tessera never asks for your codes or your password by message, email or phone call. Never give a code to anyone, even someone who says they are from Tessera.";

/** An email's lines as HTML: each line a paragraph, a line that is a link a link. */
function linesToHtml(lines: string[]): string {
	return lines
		.map((line) => (line.startsWith("http") ? `<p><a href="${escapeHtml(line)}">${escapeHtml(line)}</a></p>` : line ? `<p>${escapeHtml(line)}</p>` : ""))
		.join("");
}

/** "Forgot password": the link, how long it works, and what still protects the account. */
export function resetLinkMessage(to: string, link: string, issuer: string): OutgoingMessage {
	const lines = [
		`Someone asked to reset the password of your ${issuer} account.`,
		"",
		"To choose a new password, open this link within 30 minutes. It works once:",
		link,
		"",
		"If your account has two-factor authentication, the new password takes effect only once you confirm it with your authenticator app, a passkey or a backup code.",
		"If you did not ask for this, ignore this email: your password stays as it is.",
		`${issuer} never asks for your codes or your password by message, email or phone call.`,
	];
	return { channel: "email", to, subject: `Reset your ${issuer} password`, text: lines.join("\n"), html: linesToHtml(lines) };
}

/**
 * The links an alert carries. None for an address that is no longer the
 * account's (removed, or replaced by a new one): it is told, and holds nothing.
 */
export interface AlertLinks {
	secure?: string;
	cancelRecovery?: string;
}

/** What an alert says, as the flow that owes it words it. */
export interface AlertFacts {
	/** "Backup code used", "Password changed", … */
	what: string;
	at: number;
	/** Browser and device, and address, when known. */
	where: string;
	backupCodesLeft?: number;
	/** A recovery under way: when two-factor will be reset. */
	recoveryReadyAt?: number;
}

/** The alert itself: what happened, when, from where, and what to do if it wasn't you. No code, ever. */
export function alertMessage(channel: "email" | "sms", to: string, facts: AlertFacts, links: AlertLinks, issuer: string): OutgoingMessage {
	const { what, where } = facts;
	const when = formatUtc(facts.at);
	if (channel === "sms") {
		const cancel = links.cancelRecovery ? ` Cancel it: ${links.cancelRecovery}` : "";
		const secure = links.secure ? ` Wasn't you? ${links.secure}` : " This number is no longer on the account.";
		return {
			channel,
			to,
			text: `${issuer} security alert: ${what}, ${when}.${cancel}${secure} ${issuer} never asks for codes by message.`,
		};
	}
	const lines = [
		`${what}.`,
		"",
		`When: ${when}`,
		...(where ? [`From: ${where}`] : []),
		...(facts.backupCodesLeft !== undefined ? [`Backup codes left: ${facts.backupCodesLeft}`] : []),
		...(facts.recoveryReadyAt !== undefined
			? [
					"",
					`Two-factor authentication on your account will be reset after ${formatUtc(facts.recoveryReadyAt)}, at the next sign-in with your password.`,
					"If you can still sign in with your second step, doing so cancels the recovery.",
				]
			: []),
		"",
		...(links.cancelRecovery ? ["Didn't ask for this? Cancel the recovery (no sign-in needed):", links.cancelRecovery, ""] : []),
		"If this was you, there is nothing to do.",
		...(links.secure
			? ["Wasn't you? Sign out everywhere (no sign-in needed), then reset your password:", links.secure]
			: [
					"This address is no longer on the account, so this message carries no link.",
					`Wasn't you? Sign in to ${issuer} as you usually do, or use "Forgot password" on its sign-in page.`,
				]),
		"",
		neverAsks,
	];
	return { channel, to, subject: `${issuer} security alert: ${what}`, text: lines.join("\n"), html: linesToHtml(lines) };
}
