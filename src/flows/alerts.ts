import type { Logger } from "pino";
import { maskPhone } from "../core/contact.ts";
import type { Delivery } from "../delivery/delivery.ts";
import { messagePresentation } from "../delivery/messages/common.ts";
import { type AlertFacts, type AlertLinks, alertMessage } from "../delivery/messages/links.ts";
import { withPresentation } from "../i18n/context.ts";
import type { Metrics } from "../metrics.ts";
import type { MethodDeps } from "../methods/types.ts";
import { readAccountById } from "../store/accounts.ts";
import { listVerifiedContacts } from "../store/contacts.ts";
import { claimDueAlert, listDueAlerts, markAlertFailed, markAlertSent, retryAlertAt } from "../store/events.ts";
import type { ActionTokenPurpose } from "../store/schema.ts";
import { issueActionToken } from "./action-tokens.ts";
import { type AlertTarget, alertsFor, describeEvent, deviceWords, eventFromRow, type MethodWords, type SecurityEvent } from "./events.ts";

export { type AlertTarget, alertsFor };

/** How long one instance holds an alert it is sending before another may try. */
const CLAIM_MS = 60_000;
/** Waits before the next tries of an alert that could not be sent; after the last, it is given up. */
const ALERT_RETRIES_MS = [60_000, 5 * 60_000, 30 * 60_000, 2 * 3_600_000, 12 * 3_600_000];

/** How long a "Wasn't you?" link works. */
export const SECURE_LINK_TTL_MS = 7 * 86_400_000;

/** What an alert says about `event`, in the flow's words; the delivery layer writes the message. */
export function alertFacts(event: SecurityEvent, methods: MethodWords): AlertFacts {
	const facts: AlertFacts = { what: describeEvent(event, methods), at: event.createdAt, where: [deviceWords(event.device), event.ip].filter(Boolean).join(", ") };
	if (event.kind === "backup_code_used") facts.backupCodesLeft = Number(event.detail["remaining"]);
	if (event.kind === "recovery_started" && typeof event.detail["readyAt"] === "number") facts.recoveryReadyAt = event.detail["readyAt"];
	return facts;
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

	readonly #methods: MethodWords;

	constructor(deps: MethodDeps, delivery: Delivery, logger: Logger, metrics: Metrics, methods: MethodWords) {
		this.#methods = methods;
		this.#deps = deps;
		this.#delivery = delivery;
		this.#logger = logger;
		this.#metrics = metrics;
	}

	/**
	 * Sends, right away, the alerts owed for `events` (recorded, with their
	 * alert, in the transaction of their change). Never throws: what fails is
	 * tried again by `sweep`, from any instance.
	 */
	announce(...events: SecurityEvent[]): void {
		for (const event of events) {
			if (alertsFor(event) && event.accountId) this.later(`alert ${event.kind}`, () => this.deliver(event.id));
		}
	}

	/** Alerts still owed and due (their instance died, or their delivery failed): sent now. A shutdown waits for it. */
	sweep(limit = 50): Promise<void> {
		const run = this.#sweep(limit);
		this.#inFlight.add(run);
		void run.finally(() => this.#inFlight.delete(run));
		return run;
	}

	async #sweep(limit: number): Promise<void> {
		const due = await listDueAlerts(this.#deps.db, this.#deps.clock(), limit);
		for (const { id } of due) {
			try {
				await this.deliver(id);
			} catch (error) {
				this.#logger.error({ reason: error instanceof Error ? error.message : String(error) }, "alert not sent");
			}
		}
	}

	/**
	 * Claims the alert of event `id` for a while (one conditional write: one
	 * instance at a time), sends it, and marks it sent. On failure it is due
	 * again after a backoff; after the last try it is marked failed.
	 */
	async deliver(id: string): Promise<void> {
		const { db, clock } = this.#deps;
		const now = clock();
		const claimed = await claimDueAlert(db, id, now, now + CLAIM_MS);
		if (!claimed?.account_id) return;
		const event = eventFromRow(claimed);
		const reach = alertsFor(event);
		try {
			const alsoTo = claimed.alert_also_to ? (JSON.parse(claimed.alert_also_to) as AlertTarget[]) : [];
			if (reach) await this.#send(event, claimed.account_id, reach, alsoTo);
		} catch (error) {
			const attempts = Number(claimed.alert_attempts);
			const last = attempts > ALERT_RETRIES_MS.length;
			if (last) await markAlertFailed(db, id);
			else await retryAlertAt(db, id, clock() + ALERT_RETRIES_MS[attempts - 1]!);
			const reason = error instanceof Error ? error.message : String(error);
			this.#logger.warn({ kind: event.kind, attempts, reason }, last ? "alert given up" : "alert will be retried");
			return;
		}
		// Sent: if only this write fails, the claim lapses and the alert may go twice, never not at all.
		await markAlertSent(db, id);
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
		const contacts = await listVerifiedContacts(db, accountId);
		const email = contacts.find((c) => c.kind === "email");
		const phone = contacts.find((c) => c.kind === "phone");
		// An address of the account's gets links bound to it; one that is not (any more) gets none.
		const targets: (AlertTarget & { contactId?: string })[] = [];
		if (email && this.#delivery.supports("email")) targets.push({ channel: "email", to: email.value, contactId: email.id });
		if (phone && this.#delivery.supports("sms") && (reach === "every" || targets.length === 0)) {
			targets.push({ channel: "sms", to: phone.value, contactId: phone.id });
		}
		for (const extra of alsoTo) {
			if (this.#delivery.supports(extra.channel) && !targets.some((t) => t.to === extra.to)) targets.push({ channel: extra.channel, to: extra.to });
		}
		if (targets.length === 0) return;
		const inAccountLanguage = messagePresentation(await readAccountById(db, accountId), config.brand);
		const recoveryId = event.detail["recoveryId"];
		let undelivered = 0;
		for (const target of targets) {
			let sent: boolean;
			try {
				const links: AlertLinks = {};
				if (target.contactId) {
					const bound = { accountId, contactId: target.contactId };
					links.secure = this.linkFor("/secure-account", await this.issueToken({ ...bound, purpose: "secure_account", ttlMs: SECURE_LINK_TTL_MS }));
					if (event.kind === "recovery_started" && typeof recoveryId === "string") {
						const ttlMs = this.#deps.config.recoveryWaitMs + 30 * 86_400_000;
						links.cancelRecovery = this.linkFor("/recovery/cancel", await this.issueToken({ ...bound, purpose: "cancel_recovery", ttlMs, recoveryId }));
					}
				}
				// In the account's language and time zone, whoever's request raised the event.
				const message = withPresentation(inAccountLanguage, () => alertMessage(target.channel, target.to, alertFacts(event, this.#methods), links));
				sent = await this.#delivery.trySend(message);
			} catch {
				sent = false;
			}
			const outcome = sent ? "sent" : "failed";
			if (!sent) undelivered++;
			this.#metrics.alerts.inc({ channel: target.channel, outcome });
			this.#logger.info(
				{ kind: event.kind, channel: target.channel, to: target.channel === "sms" ? maskPhone(target.to) : undefined, outcome },
				"alert sent",
			);
		}
		// Reached at least one address: done. Reached none: tried again later, from any instance.
		if (undelivered === targets.length) throw new Error(`the alert reached none of its ${targets.length} addresses`);
	}

	/** A single-use token for a link to one of the account's addresses, stored as its hash. */
	issueToken(input: { accountId: string; contactId: string; purpose: ActionTokenPurpose; ttlMs: number; recoveryId?: string }): Promise<string> {
		return issueActionToken(this.#deps, this.#deps.db, input);
	}

	linkFor(path: string, token: string): string {
		return `${this.#deps.config.publicUrl}${path}?token=${token}`;
	}

	/** Waits for alerts still being sent (tests, shutdown). */
	async drain(): Promise<void> {
		while (this.#inFlight.size > 0) await Promise.allSettled([...this.#inFlight]);
	}
}
