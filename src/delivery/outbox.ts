import { mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { Clock } from "../core/clock.ts";
import type { OutgoingMessage, Transport } from "./message.ts";

export interface OutboxEntry extends OutgoingMessage {
	id: string;
	sentAt: number;
}

/**
 * The development outbox: each message is written as a JSON file in the data
 * folder instead of being sent, and listed at /dev/outbox. It holds messages as
 * they would be delivered (codes included), so it is for development only.
 */
export class OutboxTransport implements Transport {
	readonly name = "outbox";
	readonly #dir: string;
	readonly #clock: Clock;
	#sequence = 0;

	constructor(dataDir: string, clock: Clock) {
		this.#dir = join(dataDir, "outbox");
		this.#clock = clock;
	}

	async send(message: OutgoingMessage): Promise<void> {
		mkdirSync(this.#dir, { recursive: true, mode: 0o700 });
		const sentAt = this.#clock();
		const id = `${String(sentAt).padStart(15, "0")}-${process.pid}-${++this.#sequence}`;
		const entry: OutboxEntry = { id, sentAt, ...message };
		writeFileSync(join(this.#dir, `${id}.json`), JSON.stringify(entry, null, 2), { mode: 0o600 });
	}

	/** Newest first. */
	list(limit = 100): OutboxEntry[] {
		let files: string[];
		try {
			files = readdirSync(this.#dir).filter((f) => f.endsWith(".json"));
		} catch {
			return [];
		}
		return files
			.sort()
			.reverse()
			.slice(0, limit)
			.map((f) => JSON.parse(readFileSync(join(this.#dir, f), "utf8")) as OutboxEntry);
	}
}
