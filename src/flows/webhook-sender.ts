import pg from "pg";
import type { Logger } from "pino";
import { newId } from "../core/tokens.ts";
import type { MethodDeps } from "../methods/types.ts";
import type { Db } from "../store/db.ts";
import {
	claimDelivery,
	claimDueDeliveries,
	insertAttempt,
	markDelivered,
	markGivenUp,
	notifyOwed,
	OWED_CHANNEL,
	pruneDeliveries,
	readEndpointSecrets,
	retryDeliveryAt,
} from "../store/webhooks.ts";
import { openSecret, RETRY_AFTER_MS, SEND_TIMEOUT_MS, type SendOutcome, signatureHeader } from "./webhooks.ts";

// Not `import http from "node:http"`: an ES import of node:http reads every export, and its
// WebSocket getters load Node's fetch implementation (undici), which Tessera does not use here.
const http = process.getBuiltinModule("node:http");
const https = process.getBuiltinModule("node:https");

// The webhooks' sender (which events make which messages, and the endpoints, are in webhooks.ts): each instance's.

/** How long one instance holds a delivery it is sending before another may try it. */
const LEASE_MS = 2 * SEND_TIMEOUT_MS;
/**
 * After a kick, passes this long after the previous one found nothing, for a
 * change whose commit the instance cannot hear of (1, 3, 6, 10 … 500 ms after).
 * Each is one indexed update that finds nothing or claims. On SQLite the first
 * pass waits for the change's transaction to end (one connection), so it finds
 * them; on PostgreSQL a listening instance is told at the commit instead.
 */
const FOLLOW_UPS_MS = { postgres: [1, 2, 3, 4, 5, 7, 8, 10, 15, 20, 25, 50, 100, 250], sqlite: [5, 50] };
/** How long to wait before listening again after the connection was lost. */
const LISTEN_RETRY_MS = 1_000;
/** Each instance looks for deliveries owed (retries, those of an instance that died) this often. */
const SWEEP_MS = 1_000;
/** Sends in flight at once per instance. */
const MAX_IN_FLIGHT = 64;
/** Deliveries and tries done are kept this long for the log. */
const KEEP_LOG_MS = 30 * 86_400_000;

type Claimed = Awaited<ReturnType<typeof claimDueDeliveries>>[number];

/** Where to send and the secrets that sign, or why this instance cannot sign for it. */
type Endpoint = { url: string; secrets: Buffer[] } | { url: string; unusable: string };


const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms).unref());

/**
 * Each instance's sender. After a change owes messages (`owed`), it sends them
 * as soon as the change commits: on PostgreSQL the change's transaction notifies
 * this instance's own connection, which hears it at the commit; otherwise
 * (SQLite, the command line, a lost connection) passes at once and for a short
 * while after (`kick`). `start()`: a sweep every second for retries and for what
 * an instance that died had claimed. A delivery is claimed by one conditional
 * write with a lease; sent with a timeout, no redirect followed; a 2xx is
 * success; otherwise due again after a backoff, until a day has passed.
 */
export class Webhooks {
	readonly #deps: MethodDeps;
	readonly #logger: Logger;
	readonly #inFlight = new Set<Promise<void>>();
	/** Deliveries this instance is sending: claimed again here (the clock moved past the lease), they are not sent twice. */
	readonly #sending = new Set<string>();
	#pumping: Promise<void> | undefined;
	#again = false;
	#followUps = 0;
	#timer: NodeJS.Timeout | undefined;
	#closed = false;
	#prunedAt = 0;
	readonly #followUpsMs: number[];
	/** PostgreSQL: where to LISTEN; undefined on SQLite. */
	readonly #listenUrl: string | undefined;
	#listener: pg.Client | undefined;
	/** This instance's name on the channel: it acts on its own changes' notices only (the sweep covers the others'). */
	readonly #instanceId: string;

	constructor(deps: MethodDeps, logger: Logger, listenUrl?: string) {
		this.#deps = deps;
		this.#logger = logger;
		this.#listenUrl = listenUrl;
		this.#followUpsMs = listenUrl ? FOLLOW_UPS_MS.postgres : FOLLOW_UPS_MS.sqlite;
		this.#instanceId = newId(deps.random);
	}

	/**
	 * Messages were just owed, in `tx` (the change's transaction): this instance
	 * sends them once it commits. Listening (PostgreSQL), the transaction
	 * notifies this instance, heard at the commit; otherwise, a kick.
	 */
	async owed(tx: Db): Promise<void> {
		if (this.#listener) await notifyOwed(tx, this.#instanceId);
		else this.kick();
	}

	/** Deliveries were just owed: look now, and again shortly if they are not visible yet. */
	kick(): void {
		if (this.#closed) return;
		this.#followUps = this.#followUpsMs.length;
		this.#pump();
	}

	/** PostgreSQL: a connection of this instance's own, LISTENing for its changes' commits; connected again when lost. */
	async #listen(): Promise<void> {
		if (this.#closed || !this.#listenUrl || this.#listener) return;
		const client = new pg.Client({ connectionString: this.#listenUrl });
		let lost = false;
		const again = () => {
			if (lost) return;
			lost = true;
			if (this.#listener === client) this.#listener = undefined;
			client.end().catch(() => {});
			if (!this.#closed) setTimeout(() => void this.#listen(), LISTEN_RETRY_MS).unref();
		};
		client.on("error", (error) => {
			if (!this.#closed) this.#logger.warn({ reason: error.message }, "webhooks: lost the connection that hears commits; sending by polling meanwhile");
			again();
		});
		client.on("end", again);
		client.on("notification", (notice) => {
			if (notice.payload === this.#instanceId) this.#pump();
		});
		try {
			await client.connect();
			await client.query(`listen ${OWED_CHANNEL}`);
			if (this.#closed) await client.end();
			else if (!lost) this.#listener = client;
		} catch {
			again();
		}
	}

	/** Starts the sweep (createTessera): retries, and what an instance that died had claimed. */
	start(): void {
		void this.#listen();
		const tick = () => {
			if (this.#closed) return;
			this.#pump();
			this.#timer = setTimeout(tick, SWEEP_MS).unref();
		};
		this.#timer = setTimeout(tick, 0).unref();
	}

	/** One pass, now: what is due is claimed and sent. Resolves when those sends are done (tests, the bench). */
	async sweep(): Promise<void> {
		await this.#pass();
		await this.drain();
	}

	#pump(): void {
		this.#again = true;
		if (this.#pumping) return;
		const run = this.#loop()
			.catch((error: unknown) => this.#logger.error({ reason: error instanceof Error ? error.message : String(error) }, "webhook delivery failed"))
			.finally(() => {
				this.#pumping = undefined;
			});
		this.#pumping = run;
	}

	async #loop(): Promise<void> {
		while (!this.#closed) {
			if (this.#again) {
				this.#again = false;
				if ((await this.#pass()) > 0) this.#again = true;
				continue;
			}
			if (this.#followUps <= 0) return;
			const wait = this.#followUpsMs[this.#followUpsMs.length - this.#followUps]!;
			this.#followUps--;
			await sleep(wait);
			this.#again = true;
		}
	}

	/** Claims what is due (as many as there is room for) and starts sending it. How many were claimed. */
	async #pass(): Promise<number> {
		while (this.#inFlight.size >= MAX_IN_FLIGHT) await Promise.race(this.#inFlight);
		const { db, clock } = this.#deps;
		// Before claiming: a failure here leaves nothing claimed and unsent.
		if (clock() - this.#prunedAt > 3_600_000) {
			this.#prunedAt = clock();
			try {
				await pruneDeliveries(db, this.#prunedAt - KEEP_LOG_MS);
			} catch (error) {
				this.#logger.error({ reason: error instanceof Error ? error.message : String(error) }, "webhooks: could not forget old deliveries");
			}
		}
		const now = clock();
		const claimed = await claimDueDeliveries(db, now, now + LEASE_MS, MAX_IN_FLIGHT - this.#inFlight.size);
		if (claimed.length === 0) return 0;
		// Marked as being sent before anything else is awaited: a send of the same delivery by this
		// instance (claimed again after the clock passed its lease) that ends meanwhile must not
		// make it look free to send a second time.
		const mine = claimed.filter((delivery) => !this.#sending.has(delivery.id));
		if (mine.length === 0) return claimed.length;
		for (const delivery of mine) this.#sending.add(delivery.id);
		let secrets: Map<string, Endpoint>;
		try {
			secrets = await this.#secrets([...new Set(mine.map((c) => c.endpoint_id))]);
		} catch (error) {
			// Not sent: their claims lapse and they are tried again.
			for (const delivery of mine) this.#sending.delete(delivery.id);
			throw error;
		}
		for (const delivery of mine) {
			const run = this.#deliver(delivery, secrets.get(delivery.endpoint_id)).finally(() => this.#sending.delete(delivery.id));
			this.#track(run.then(() => undefined));
		}
		return claimed.length;
	}

	#track(run: Promise<void>): void {
		const tracked = run.catch((error: unknown) =>
			this.#logger.error({ reason: error instanceof Error ? error.message : String(error) }, "webhook delivery failed"),
		);
		this.#inFlight.add(tracked);
		void tracked.finally(() => this.#inFlight.delete(tracked));
	}

	/**
	 * Each endpoint's address and open secrets. One whose secret cannot be opened
	 * (an instance with another TESSERA_SECRET) gets the reason instead: its
	 * deliveries fail that try, and the others' are sent.
	 */
	async #secrets(ids: string[]): Promise<Map<string, Endpoint>> {
		const rows = await readEndpointSecrets(this.#deps.db, ids);
		const now = this.#deps.clock();
		return new Map(
			rows.map((row): [string, Endpoint] => {
				try {
					const secrets = [openSecret(this.#deps, row.id, row.secret_sealed)];
					if (row.previous_secret_sealed && Number(row.previous_secret_expires_at) > now) secrets.push(openSecret(this.#deps, row.id, row.previous_secret_sealed));
					return [row.id, { url: row.url, secrets }];
				} catch {
					return [row.id, { url: row.url, unusable: "the endpoint's secret could not be opened with this instance's server secret (TESSERA_SECRET)" }];
				}
			}),
		);
	}

	/** Sends one delivery now, whoever's turn it was (a replay from the command line). Undefined when it is not pending and due. */
	async deliverNow(id: string): Promise<SendOutcome | undefined> {
		const now = this.#deps.clock();
		const claimed = await claimDelivery(this.#deps.db, id, now, now + LEASE_MS);
		if (!claimed) return undefined;
		const secrets = await this.#secrets([claimed.endpoint_id]);
		return this.#deliver(claimed, secrets.get(claimed.endpoint_id));
	}

	async #deliver(delivery: Claimed, endpoint: Endpoint | undefined): Promise<SendOutcome> {
		const { db, clock } = this.#deps;
		const attempts = Number(delivery.attempts);
		if (!endpoint) {
			// The endpoint was removed after the claim: nothing to send it to.
			await markGivenUp(db, delivery.id, attempts);
			return { delivered: false, status: null, error: "the endpoint was removed" };
		}
		const at = clock();
		const started = performance.now();
		const outcome: SendOutcome =
			"unusable" in endpoint ? { delivered: false, status: null, error: endpoint.unusable } : await send(endpoint.url, endpoint.secrets, delivery.message_id, delivery.payload);
		const durationMs = Math.round(performance.now() - started);
		const log = { endpoint: delivery.endpoint_id, message: delivery.message_id, type: delivery.type, attempts, status: outcome.status };
		if (outcome.delivered) {
			await markDelivered(db, delivery.id, clock());
			this.#logger.info(log, "webhook delivered");
		} else {
			const now = clock();
			const expiresAt = Number(delivery.expires_at);
			if (now >= expiresAt) {
				await markGivenUp(db, delivery.id, attempts);
				this.#logger.warn({ ...log, error: outcome.error }, "webhook given up");
			} else {
				const wait = RETRY_AFTER_MS[Math.min(attempts, RETRY_AFTER_MS.length) - 1]!;
				await retryDeliveryAt(db, delivery.id, attempts, Math.min(now + wait, expiresAt));
				this.#logger.warn({ ...log, error: outcome.error }, "webhook will be retried");
			}
		}
		await insertAttempt(db, {
			id: newId(this.#deps.random),
			deliveryId: delivery.id,
			endpointId: delivery.endpoint_id,
			at,
			durationMs,
			status: outcome.status,
			error: outcome.error,
		});
		return outcome;
	}

	/** Waits for the sends in flight (tests, the command line, shutdown). */
	async drain(): Promise<void> {
		while (this.#pumping || this.#inFlight.size > 0) {
			await this.#pumping;
			await Promise.allSettled([...this.#inFlight]);
		}
	}

	/** Stops looking for more; what is being sent finishes. */
	async close(): Promise<void> {
		this.#closed = true;
		clearTimeout(this.#timer);
		const listener = this.#listener;
		this.#listener = undefined;
		await listener?.end().catch(() => {});
		await this.drain();
	}
}

/**
 * Connections kept open between messages to the same receiver; an idle one is
 * closed after 4 s, before a receiver's usual 5 s would close it under a request.
 */
const agents = {
	"http:": new http.Agent({ keepAlive: true, timeout: 4_000 }),
	"https:": new https.Agent({ keepAlive: true, timeout: 4_000 }),
};

class SendTimeout extends Error {}

/** One POST: signed with every secret given, answered within SEND_TIMEOUT_MS, redirects not followed. */
export async function send(url: string, secrets: readonly Uint8Array[], id: string, body: string): Promise<SendOutcome> {
	// The time it is sent, as the receiver's clock reads it: what it checks against replays.
	const timestamp = Math.floor(Date.now() / 1000);
	const headers = {
		"content-type": "application/json",
		"content-length": String(Buffer.byteLength(body)),
		"user-agent": "Tessera-Webhooks/1",
		"webhook-id": id,
		"webhook-timestamp": String(timestamp),
		"webhook-signature": signatureHeader(secrets, id, timestamp, body),
	};
	try {
		const status = await post(new URL(url), headers, body);
		if (status >= 200 && status < 300) return { delivered: true, status, error: null };
		const error = status >= 300 && status < 400 ? `redirect to elsewhere, not followed (HTTP ${status})` : `HTTP ${status}`;
		return { delivered: false, status, error };
	} catch (error) {
		return { delivered: false, status: null, error: sendError(error) };
	}
}

/** The receiver's status, once its answer has been read to the end; the whole exchange within SEND_TIMEOUT_MS. */
function post(url: URL, headers: Record<string, string>, body: string): Promise<number> {
	return new Promise((resolve, reject) => {
		const secure = url.protocol === "https:";
		const request = (secure ? https : http).request(url, { method: "POST", headers, agent: agents[secure ? "https:" : "http:"] }, (response) => {
			response.on("error", fail);
			response.on("end", () => {
				clearTimeout(timer);
				resolve(response.statusCode ?? 0);
			});
			// Its body says nothing Tessera needs: read and dropped.
			response.resume();
		});
		const timer = setTimeout(() => request.destroy(new SendTimeout()), SEND_TIMEOUT_MS);
		function fail(error: Error) {
			clearTimeout(timer);
			reject(error);
		}
		request.on("error", fail);
		request.end(body);
	});
}

function sendError(error: unknown): string {
	if (error instanceof SendTimeout) return `no answer within ${SEND_TIMEOUT_MS / 1000} s`;
	const code = (error as { code?: unknown }).code;
	if (typeof code === "string") return `the connection failed (${code})`;
	return error instanceof Error ? error.message : String(error);
}
