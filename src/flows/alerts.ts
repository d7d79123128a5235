import type { Logger } from "pino";
import { maskPhone } from "../core/contact.ts";
import { formatUtc } from "../core/dates.ts";
import { newId, newToken, tokenHash } from "../core/tokens.ts";
import type { Delivery } from "../delivery/delivery.ts";
import type { OutgoingMessage } from "../delivery/message.ts";
import type { Metrics } from "../metrics.ts";
import type { MethodDeps } from "../methods/types.ts";
import type { ActionTokenPurpose } from "../store/schema.ts";
import { escapeHtml } from "../ui/html.ts";
import { describeEvent, type EventKind, type SecurityEvent } from "./events.ts";

/** How long a "Wasn't you?" link works. */
export const SECURE_LINK_TTL_MS = 7 * 86_400_000;

/**
 * Which events are worth telling the person about, and where: "primary" goes to
 * the verified email (by SMS when there is only a phone); "every" goes to every
 * verified address, for the events an attacker would most like to hide.
 */
const alertPolicy: Partial<Record<EventKind, "primary" | "every">> = {
	signed_in: "primary",
	backup_code_used: "primary",
	backup_codes_replaced: "primary",
	two_factor_enabled: "primary",
	two_factor_disabled: "primary",
	second_factor_added: "primary",
	second_factor_removed: "primary",
	// Whoever changed it may hold the mailbox: the phone hears of it too.
	password_changed: "every",
	too_many_failed_codes: "primary",
	recovery_requested: "every",
	recovery_started: "every",
	recovery_cancelled: "every",
	recovery_completed: "every",
	two_factor_reset: "every",
};

export function alertsFor(event: SecurityEvent): "primary" | "every" | undefined {
	// A sign-in is news only from a browser and network not seen in 90 days.
	if (event.kind === "signed_in" && !event.detail["newDevice"]) return undefined;
	return alertPolicy[event.kind];
}

const neverAsks = "Tessera never asks for your codes or your password by message, email or phone call. Never give a code to anyone, even someone who says they are from Tessera.";

export interface AlertTarget {
	channel: "email" | "sms";
	to: string;
}

export interface AlertLinks {
	secure: string;
	cancelRecovery?: string;
}

/** The alert itself: what happened, when, from where, and what to do if it wasn't you. No code, ever. */
export function alertMessage(
	channel: "email" | "sms",
	to: string,
	event: SecurityEvent,
	links: AlertLinks,
	issuer: string,
): OutgoingMessage {
	const what = describeEvent(event);
	const when = formatUtc(event.createdAt);
	const where = [event.device, event.ip].filter(Boolean).join(", ");
	if (channel === "sms") {
		const cancel = links.cancelRecovery ? ` Cancel it: ${links.cancelRecovery}` : "";
		return {
			channel,
			to,
			text: `${issuer} security alert: ${what}, ${when}.${cancel} Wasn't you? ${links.secure} ${issuer} never asks for codes by message.`,
		};
	}
	const lines = [
		`${what}.`,
		"",
		`When: ${when}`,
		...(where ? [`From: ${where}`] : []),
		...(event.kind === "backup_code_used" ? [`Backup codes left: ${String(event.detail["remaining"])}`] : []),
		...(event.kind === "recovery_started" && typeof event.detail["readyAt"] === "number"
			? [
					"",
					`Two-factor authentication on your account will be reset after ${formatUtc(event.detail["readyAt"])}, at the next sign-in with your password.`,
					"If you can still sign in with your second step, doing so cancels the recovery.",
				]
			: []),
		"",
		...(links.cancelRecovery ? ["Didn't ask for this? Cancel the recovery (no sign-in needed):", links.cancelRecovery, ""] : []),
		"If this was you, there is nothing to do.",
		"Wasn't you? Sign out everywhere and choose a new password:",
		links.secure,
		"",
		neverAsks,
	];
	const html = lines
		.map((line) => (line.startsWith("http") ? `<p><a href="${escapeHtml(line)}">${escapeHtml(line)}</a></p>` : line ? `<p>${escapeHtml(line)}</p>` : ""))
		.join("");
	return { channel, to, subject: `${issuer} security alert: ${what}`, text: lines.join("\n"), html };
}

/**
 * Sends alerts after the change they describe has been committed, in the
 * background: a slow mail server never holds up a sign-in. Each alert carries
 * its own single-use "Wasn't you?" link (and, for a recovery, a cancel link).
 */
export class Alerts {
	readonly #deps: MethodDeps;
	readonly #delivery: Delivery;
	readonly #logger: Logger;
	readonly #metrics: Metrics;
	readonly #inFlight = new Set<Promise<void>>();

	constructor(deps: MethodDeps, delivery: Delivery, logger: Logger, metrics: Metrics) {
		this.#deps = deps;
		this.#delivery = delivery;
		this.#logger = logger;
		this.#metrics = metrics;
	}

	/** Sends the alerts `events` call for, if any. Never throws: a failed alert is logged. */
	announce(...events: SecurityEvent[]): void {
		this.announceTo([], ...events);
	}

	/** The same, also to addresses the account no longer has (the one just removed). */
	announceTo(alsoTo: AlertTarget[], ...events: SecurityEvent[]): void {
		for (const event of events) {
			const reach = alertsFor(event);
			if (!reach || !event.accountId) continue;
			const accountId = event.accountId;
			this.later(`alert ${event.kind}`, () => this.#send(event, accountId, reach, alsoTo));
		}
	}

	/** Runs `task` after the answer has gone, like an alert: its failure is logged, never shown. */
	later(what: string, task: () => Promise<void>): void {
		// After the answer has been written: nothing done here shows in its timing.
		const run = new Promise<void>((resolve) => setImmediate(resolve)).then(task).catch((error: unknown) => {
			this.#logger.error({ task: what, reason: error instanceof Error ? error.message : String(error) }, "background task failed");
		});
		this.#inFlight.add(run);
		void run.finally(() => this.#inFlight.delete(run));
	}

	async #send(event: SecurityEvent, accountId: string, reach: "primary" | "every", alsoTo: AlertTarget[]): Promise<void> {
		const { db, config } = this.#deps;
		const contacts = await db
			.selectFrom("contacts")
			.select(["kind", "value"])
			.where("account_id", "=", accountId)
			.where("verified_at", "is not", null)
			.orderBy("kind")
			.execute();
		const email = contacts.find((c) => c.kind === "email");
		const phone = contacts.find((c) => c.kind === "phone");
		const targets: AlertTarget[] = [];
		if (email && this.#delivery.supports("email")) targets.push({ channel: "email", to: email.value });
		if (phone && this.#delivery.supports("sms") && (reach === "every" || targets.length === 0)) {
			targets.push({ channel: "sms", to: phone.value });
		}
		for (const extra of alsoTo) {
			if (this.#delivery.supports(extra.channel) && !targets.some((t) => t.to === extra.to)) targets.push(extra);
		}
		if (targets.length === 0) return;
		const links: AlertLinks = { secure: this.linkFor("/secure-account", await this.issueToken(accountId, "secure_account", SECURE_LINK_TTL_MS)) };
		const recoveryId = event.detail["recoveryId"];
		if (event.kind === "recovery_started" && typeof recoveryId === "string") {
			const token = await this.issueToken(accountId, "cancel_recovery", this.#deps.config.recoveryWaitMs + 30 * 86_400_000, recoveryId);
			links.cancelRecovery = this.linkFor("/recovery/cancel", token);
		}
		for (const target of targets) {
			let outcome: string;
			try {
				outcome = await this.#delivery.send(alertMessage(target.channel, target.to, event, links, config.issuer));
			} catch (error) {
				this.#metrics.alerts.inc({ channel: target.channel, outcome: "failed" });
				throw error;
			}
			this.#metrics.alerts.inc({ channel: target.channel, outcome });
			this.#logger.info(
				{ kind: event.kind, channel: target.channel, to: target.channel === "sms" ? maskPhone(target.to) : undefined, outcome },
				"alert sent",
			);
		}
	}

	/** A single-use token for a link, stored as its hash. */
	async issueToken(accountId: string, purpose: ActionTokenPurpose, ttlMs: number, recoveryId?: string): Promise<string> {
		const { db, clock, random } = this.#deps;
		const token = newToken(random);
		const now = clock();
		await db
			.insertInto("action_tokens")
			.values({
				id: newId(random),
				account_id: accountId,
				purpose,
				token_hash: tokenHash(token),
				code_hash: null,
				recovery_id: recoveryId ?? null,
				created_at: now,
				expires_at: now + ttlMs,
				used_at: null,
			})
			.execute();
		return token;
	}

	linkFor(path: string, token: string): string {
		return `${this.#deps.config.publicUrl}${path}?token=${token}`;
	}

	/** Waits for alerts still being sent (tests, shutdown). */
	async drain(): Promise<void> {
		while (this.#inFlight.size > 0) await Promise.allSettled([...this.#inFlight]);
	}
}
