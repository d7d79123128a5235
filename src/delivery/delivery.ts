import type { Logger } from "pino";
import { DeliveryError, type OutgoingMessage, type Transport } from "./message.ts";

export type DeliveryOutcome = "sent" | "delayed";

export interface DeliveryOptions {
	/** How long the person may be kept waiting for a send, retries included. */
	deadlineMs: number;
	/** One attempt's limit. */
	attemptTimeoutMs: number;
	/** Waits before later attempts made in the background, after the deadline passed. */
	backgroundBackoffMs: readonly number[];
}

export const defaultDeliveryOptions: DeliveryOptions = {
	deadlineMs: 1500,
	attemptTimeoutMs: 1000,
	backgroundBackoffMs: [2_000, 8_000, 30_000],
};

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
/** A wait that does not keep the process alive: background retries never hold up a shutdown. */
const idle = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms).unref());

/**
 * Sends messages through the transport for their channel, retrying with
 * backoff. The person waits at most `deadlineMs`: if the message has not gone
 * by then, the answer is "delayed" (the page says so and offers the other ways
 * in) and further attempts continue in the background.
 */
export class Delivery {
	readonly #transports: Partial<Record<OutgoingMessage["channel"], Transport>>;
	readonly #logger: Logger;
	readonly #options: DeliveryOptions;
	readonly #background = new Set<Promise<void>>();

	constructor(
		transports: Partial<Record<OutgoingMessage["channel"], Transport>>,
		logger: Logger,
		options: DeliveryOptions = defaultDeliveryOptions,
	) {
		this.#transports = transports;
		this.#logger = logger;
		this.#options = options;
	}

	/** Whether messages can be sent on this channel at all (is it configured?). */
	supports(channel: OutgoingMessage["channel"]): boolean {
		return this.#transports[channel] !== undefined;
	}

	async send(message: OutgoingMessage): Promise<DeliveryOutcome> {
		const transport = this.#transports[message.channel];
		if (!transport) throw new DeliveryError(`no ${message.channel} delivery is configured`, false);
		if (await this.trySend(message)) return "sent";
		this.#retryInBackground(transport, message);
		return "delayed";
	}

	/**
	 * Tries within the deadline, without retrying in the background: true when
	 * sent. For messages whose retries are kept durably elsewhere (alerts).
	 */
	async trySend(message: OutgoingMessage): Promise<boolean> {
		const transport = this.#transports[message.channel];
		if (!transport) throw new DeliveryError(`no ${message.channel} delivery is configured`, false);
		const deadline = performance.now() + this.#options.deadlineMs;
		let wait = 100;
		let lastError: DeliveryError | undefined;
		while (performance.now() < deadline) {
			const budget = Math.min(this.#options.attemptTimeoutMs, deadline - performance.now());
			try {
				await transport.send(message, AbortSignal.timeout(Math.max(1, budget)));
				return true;
			} catch (error) {
				lastError = error instanceof DeliveryError ? error : new DeliveryError(String(error), true);
				this.#logger.warn({ channel: message.channel, transport: transport.name, reason: lastError.message }, "send failed");
				if (!lastError.retryable) throw lastError;
			}
			if (performance.now() + wait >= deadline) break;
			await sleep(wait);
			wait *= 3;
		}
		return false;
	}

	#retryInBackground(transport: Transport, message: OutgoingMessage): void {
		const run = (async () => {
			for (const wait of this.#options.backgroundBackoffMs) {
				await idle(wait);
				try {
					await transport.send(message, AbortSignal.timeout(this.#options.attemptTimeoutMs * 5));
					this.#logger.info({ channel: message.channel, transport: transport.name }, "sent after retrying");
					return;
				} catch (error) {
					const reason = error instanceof Error ? error.message : String(error);
					this.#logger.warn({ channel: message.channel, transport: transport.name, reason }, "retry failed");
					if (error instanceof DeliveryError && !error.retryable) return;
				}
			}
			this.#logger.error({ channel: message.channel, transport: transport.name }, "gave up sending");
		})();
		this.#background.add(run);
		void run.finally(() => this.#background.delete(run));
	}

	/** Closes the transports' kept-open connections. */
	close(): void {
		for (const transport of new Set(Object.values(this.#transports))) transport?.close?.();
	}

	/** Waits for background retries (in tests). */
	async drain(): Promise<void> {
		await Promise.allSettled([...this.#background]);
	}
}
