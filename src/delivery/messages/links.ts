import { t } from "../../i18n/translate.ts";
import type { OutgoingMessage } from "../message.ts";
import { linesToHtml, messageTime, supportLine } from "./common.ts";

/**
 * The bodies of the messages that carry links: security alerts and password
 * resets, in the current presentation's language (the account's: the caller runs
 * them there). They never carry a code and never ask for one.
 */

/** An email's closing: how to reach the operator's support, when configured. */
function closing(): string[] {
	const support = supportLine();
	return support ? ["", support] : [];
}

/** "Forgot password": the link, how long it works, and what still protects the account. */
export function resetLinkMessage(to: string, link: string): OutgoingMessage {
	const lines = [
		t("delivery.reset.asked"),
		"",
		t("delivery.reset.open"),
		link,
		"",
		t("delivery.reset.twoFactor"),
		t("delivery.reset.ignore"),
		t("delivery.reset.never"),
		...closing(),
	];
	return { channel: "email", to, subject: t("delivery.reset.subject"), text: lines.join("\n"), html: linesToHtml(lines) };
}

/**
 * The links an alert carries. None for an address that is no longer the
 * account's (removed, or replaced by a new one): it is told, and holds nothing.
 */
export interface AlertLinks {
	secure?: string;
	cancelRecovery?: string;
}

/** What an alert says, as the flow that owes it words it (in the reader's language). */
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
export function alertMessage(channel: "email" | "sms", to: string, facts: AlertFacts, links: AlertLinks): OutgoingMessage {
	const { what, where } = facts;
	const when = messageTime(facts.at);
	if (channel === "sms") {
		const parts = [
			t("delivery.alert.sms", { what, when }),
			...(links.cancelRecovery ? [t("delivery.alert.smsCancel", { link: links.cancelRecovery })] : []),
			links.secure ? t("delivery.alert.smsSecure", { link: links.secure }) : t("delivery.alert.smsNoLink"),
			t("delivery.alert.smsNever"),
		];
		return { channel, to, text: parts.join(" ") };
	}
	const lines = [
		t("delivery.alert.what", { what }),
		"",
		t("delivery.alert.when", { when }),
		...(where ? [t("delivery.alert.where", { where })] : []),
		...(facts.backupCodesLeft !== undefined ? [t("delivery.alert.codesLeft", { count: facts.backupCodesLeft })] : []),
		...(facts.recoveryReadyAt !== undefined
			? ["", t("delivery.alert.recoveryReset", { when: messageTime(facts.recoveryReadyAt) }), t("delivery.alert.recoveryStop")]
			: []),
		"",
		...(links.cancelRecovery ? [t("delivery.alert.cancel"), links.cancelRecovery, ""] : []),
		t("delivery.alert.wasYou"),
		...(links.secure ? [t("delivery.alert.secure"), links.secure] : [t("delivery.alert.noLink"), t("delivery.alert.noLinkWhatToDo")]),
		"",
		t("delivery.alert.never"),
		...closing(),
	];
	return { channel, to, subject: t("delivery.alert.subject", { what }), text: lines.join("\n"), html: linesToHtml(lines) };
}
