import { importJWK, SignJWT } from "jose";
import type { Logger } from "pino";
import { loadSigningKeys } from "../oidc/keys.ts";
import { KEEP_RETIRED_KEY_MS } from "../oidc/lifetimes.ts";
import {
	claimDuePushes,
	expirePollSetsBefore,
	giveUpPushesBefore,
	pruneSettledSets,
	readStream,
	retrySetAt,
	type SetRow,
	type StreamRow,
	settleSet,
} from "../store/signals.ts";
import type { FlowDeps } from "./deps.ts";
import {
	CLAIM_AT_ONCE,
	GIVE_UP_MS,
	KICK_AFTER_MS,
	LEASE_MS,
	NEW_KEY_GRACE_MS,
	openAuthorization,
	POLL_KEEP_MS,
	PUSHES_AT_ONCE,
	PUSH_TIMEOUT_MS,
	SWEEP_MS,
	type Subject,
} from "./signals.ts";
import { PushTimeout, postSet, refusal } from "./set-transport.ts";

// The Shared Signals transmitter's sender (the rules of streams and SETs are in signals.ts): signs and pushes, in every instance.

interface Signer {
	kid: string;
	key: CryptoKey | Uint8Array;
	checkedAt: number;
}

/**
 * Sends the pushes owed, from any instance: at once when a change here records
 * one (`kick`), and every SWEEP_MS for retries and for what another instance
 * left. Each push is claimed by a conditional write with a lease; a receiver's
 * 2xx settles it, its 400 (RFC 8935 `err`) refuses it for good, anything else is
 * tried again with a growing wait until it is a day old.
 */
export class Signals {
	readonly #getDeps: () => FlowDeps;
	readonly #logger: Logger;
	readonly #timers = new Set<NodeJS.Timeout>();
	readonly #waiters = new Set<() => void>();
	#running = false;
	#stopping = false;
	#sweeping: Promise<unknown> | undefined;
	#again = false;
	#signer: Signer | undefined;
	#lastGiveUp = 0;
	/** Streams this instance is sending on now. */
	readonly #sending = new Set<string>();
	readonly #inFlight = new Set<Promise<number>>();

	/** `deps` is read when needed: the transmitter is itself one of the flows' dependencies. */
	constructor(deps: () => FlowDeps, logger: Logger) {
		this.#getDeps = deps;
		this.#logger = logger;
	}

	get #deps(): FlowDeps {
		return this.#getDeps();
	}

	/** For the flows: what an operator should see in the log (never a secret). */
	warn(fields: Record<string, unknown>, message: string): void {
		this.#logger.warn(fields, message);
	}

	start(): void {
		if (this.#running) return;
		this.#running = true;
		const tick = () => {
			if (!this.#running) return;
			this.#sweepSoon();
			this.#after(SWEEP_MS, tick);
		};
		this.#after(0, tick);
	}

	async close(): Promise<void> {
		this.#running = false;
		this.#stopping = true;
		for (const timer of this.#timers) clearTimeout(timer);
		this.#timers.clear();
		for (const wake of this.#waiters) wake();
		while (this.#sweeping) await this.#sweeping;
		await Promise.all([...this.#inFlight]);
	}

	#after(ms: number, task: () => void): void {
		const timer = setTimeout(() => {
			this.#timers.delete(timer);
			task();
		}, ms);
		timer.unref();
		this.#timers.add(timer);
	}

	/** SETs were recorded: pushes go now (when this instance sends), and polls waiting here wake. */
	kick(): void {
		for (const wake of this.#waiters) wake();
		this.#waiters.clear();
		if (!this.#running) return;
		for (const ms of KICK_AFTER_MS) this.#after(ms, () => this.#sweepSoon());
	}

	/** The server is stopping: polls waiting for a SET answer now. */
	stopWaiting(): void {
		this.#stopping = true;
		for (const wake of this.#waiters) wake();
	}

	get stopping(): boolean {
		return this.#stopping;
	}

	readonly #longPolls = new Set<string>();

	/** A long poll on the stream may wait here: false when one already does. */
	startLongPoll(streamId: string): boolean {
		if (this.#longPolls.has(streamId)) return false;
		this.#longPolls.add(streamId);
		return true;
	}

	endLongPoll(streamId: string): void {
		this.#longPolls.delete(streamId);
	}

	/** Resolves after `ms`, or sooner when a SET is recorded in this instance. */
	waitForSets(ms: number): Promise<void> {
		return new Promise((resolve) => {
			const wake = () => {
				clearTimeout(timer);
				this.#waiters.delete(wake);
				resolve();
			};
			const timer = setTimeout(wake, Math.max(0, ms));
			timer.unref();
			this.#waiters.add(wake);
		});
	}

	#sweepSoon(): void {
		if (this.#sweeping) {
			this.#again = true;
			return;
		}
		this.#sweeping = this.#dispatch()
			.catch((error: unknown) => this.#logger.error({ reason: error instanceof Error ? error.message : String(error) }, "shared signals: delivery failed"))
			.finally(() => {
				this.#sweeping = undefined;
				if (this.#again && this.#running) {
					this.#again = false;
					this.#sweepSoon();
				}
			});
	}

	/**
	 * Sends every push due now; returns how many were accepted. Tests call it directly.
	 * A background sweep may be holding claims (or the day's give-up) at that moment:
	 * this waits for it and for its sends, then sweeps in its place, so that when it
	 * resolves every push due at the call has been tried or settled.
	 */
	async deliverDue(): Promise<number> {
		while (this.#sweeping || this.#inFlight.size > 0) {
			await this.#sweeping;
			await Promise.all([...this.#inFlight]);
		}
		const dispatching = this.#dispatch();
		this.#sweeping = dispatching
			.catch(() => undefined)
			.finally(() => {
				this.#sweeping = undefined;
				if (this.#again && this.#running) {
					this.#again = false;
					this.#sweepSoon();
				}
			});
		const results = await Promise.all(await dispatching);
		return results.reduce((a, b) => a + b, 0);
	}

	/**
	 * Claims the pushes due, CLAIM_AT_ONCE at a time, and starts sending each
	 * stream's on its own: a receiver that hangs holds up only its own stream.
	 * A stream this instance is sending on is skipped until that finishes. Returns
	 * the sends it started (each resolves to how many were accepted).
	 */
	async #dispatch(): Promise<Promise<number>[]> {
		const { db, clock } = this.#deps;
		const now = clock();
		if (now - this.#lastGiveUp >= 60_000 || now < this.#lastGiveUp) {
			this.#lastGiveUp = now;
			const given = await giveUpPushesBefore(db, now - GIVE_UP_MS, now);
			if (given) {
				this.#deps.metrics.ssfPushes.inc({ outcome: "given_up" }, given);
				this.#logger.warn({ count: given }, "shared signals: pushes given up after a day");
			}
		}
		const started: Promise<number>[] = [];
		for (;;) {
			const claimed = await claimDuePushes(db, this.#deps.databaseKind, now, LEASE_MS, CLAIM_AT_ONCE, [...this.#sending]);
			if (claimed.length === 0) return started;
			const byStream = new Map<string, SetRow[]>();
			for (const row of claimed) byStream.set(row.stream_id, [...(byStream.get(row.stream_id) ?? []), row]);
			for (const [streamId, rows] of byStream) {
				this.#sending.add(streamId);
				const sending = this.#sendOnStream(streamId, rows).finally(() => {
					this.#sending.delete(streamId);
					this.#inFlight.delete(sending);
					// What was skipped while this stream was busy goes now.
					if (this.#running) this.#sweepSoon();
				});
				this.#inFlight.add(sending);
				started.push(sending);
			}
			if (claimed.length < CLAIM_AT_ONCE) return started;
		}
	}

	/** One stream's claimed SETs, oldest first, PUSHES_AT_ONCE at a time; how many were accepted. */
	async #sendOnStream(streamId: string, rows: SetRow[]): Promise<number> {
		try {
			const stream = await readStream(this.#deps.db, streamId);
			if (!stream) return 0;
			let ok = 0;
			let next = 0;
			const worker = async () => {
				while (next < rows.length) if (await this.#push(rows[next++]!, stream)) ok++;
			};
			await Promise.all(Array.from({ length: Math.min(PUSHES_AT_ONCE, rows.length) }, worker));
			return ok;
		} catch (error) {
			this.#logger.error({ stream: streamId, reason: error instanceof Error ? error.message : String(error) }, "shared signals: delivery failed");
			return 0;
		}
	}

	async #push(row: SetRow, stream: StreamRow): Promise<boolean> {
		const { db, clock } = this.#deps;
		let outcome: { ok: true } | { ok: false; retry: boolean; error: string };
		try {
			const headers: Record<string, string> = { "content-type": "application/secevent+jwt", accept: "application/json" };
			const authorization = openAuthorization(this.#deps, stream);
			if (authorization) headers["authorization"] = authorization;
			const answer = await postSet(stream.endpoint_url!, headers, await this.sign(row, stream), stream.endpoint_by === "receiver");
			if (answer.status >= 200 && answer.status < 300) outcome = { ok: true };
			else if (answer.status === 400) outcome = { ok: false, retry: false, error: refusal(answer.body) };
			else outcome = { ok: false, retry: true, error: `HTTP ${answer.status}` };
		} catch (error) {
			const reason = error instanceof PushTimeout ? `no answer within ${PUSH_TIMEOUT_MS / 1000} s` : error instanceof Error ? error.message : String(error);
			outcome = { ok: false, retry: true, error: reason };
		}
		const now = clock();
		const metrics = this.#deps.metrics.ssfPushes;
		// Each write holds only while the claim is this instance's: one that took it after the lease decides instead.
		if (outcome.ok) {
			if (await settleSet(db, row.jti, row.attempts, "delivered", now, null)) metrics.inc({ outcome: "delivered" });
			return true;
		}
		if (!outcome.retry) {
			if (await settleSet(db, row.jti, row.attempts, "failed", now, outcome.error)) metrics.inc({ outcome: "refused" });
			this.#logger.warn({ stream: stream.id, jti: row.jti, reason: outcome.error }, "shared signals: the receiver refused a SET");
			return false;
		}
		const wait = Math.min(3_600_000, 5_000 * 2 ** Math.min(row.attempts - 1, 12));
		if (await retrySetAt(db, row.jti, row.attempts, now + wait, outcome.error.slice(0, 500))) metrics.inc({ outcome: "retry" });
		this.#logger.warn({ stream: stream.id, jti: row.jti, attempts: row.attempts, reason: outcome.error }, "shared signals: push not accepted; will retry");
		return false;
	}

	/** The SET for `row` on `stream`, signed now with the provider's signing key (RS256, its kid). */
	async sign(row: SetRow, stream: StreamRow): Promise<string> {
		const signer = await this.#currentSigner();
		const audience = JSON.parse(stream.audience) as string[];
		const claims = {
			iss: this.#deps.config.publicUrl,
			aud: audience.length === 1 ? audience[0]! : audience,
			iat: Math.floor(Number(row.created_at) / 1000),
			jti: row.jti,
			...(row.txn ? { txn: row.txn } : {}),
			sub_id: JSON.parse(row.subject) as Subject,
			events: { [row.event_type]: JSON.parse(row.event) as Record<string, unknown> },
		};
		return new SignJWT(claims).setProtectedHeader({ alg: "RS256", kid: signer.kid, typ: "secevent+jwt" }).sign(signer.key);
	}

	/**
	 * The key to sign with, looked up again at most every second: a rotation anywhere is followed
	 * within one. A key newer than NEW_KEY_GRACE_MS signs only when no older one is still
	 * published: receivers that fetched the JWKS just before the rotation verify SETs with what
	 * they hold until they fetch it again.
	 */
	async #currentSigner(): Promise<Signer> {
		const cached = this.#signer;
		if (cached && Date.now() - cached.checkedAt < 1_000) return cached;
		const { keys, newestCreatedAt } = await loadSigningKeys(this.#deps, KEEP_RETIRED_KEY_MS);
		const tooNew = this.#deps.clock() - newestCreatedAt < NEW_KEY_GRACE_MS && keys.length > 1;
		const jwk = tooNew ? keys[1]! : keys[0]!;
		const kid = String(jwk["kid"]);
		if (cached && cached.kid === kid) {
			cached.checkedAt = Date.now();
			return cached;
		}
		const signer: Signer = { kid, key: (await importJWK(jwk as never, "RS256")) as CryptoKey, checkedAt: Date.now() };
		this.#signer = signer;
		return signer;
	}

	/**
	 * Forgets settled SETs older than a week (the operator's log keeps that long), SETs
	 * whose stream is gone, and poll SETs not acknowledged within POLL_KEEP_MS (expired,
	 * logged: the receiver has not polled for a week).
	 */
	async prune(): Promise<void> {
		const now = this.#deps.clock();
		const orphans = await pruneSettledSets(this.#deps.db, now - 7 * 86_400_000);
		if (orphans) this.#logger.warn({ count: orphans }, "shared signals: SETs of removed streams deleted");
		const expired = await expirePollSetsBefore(this.#deps.db, now - POLL_KEEP_MS);
		if (expired) this.#logger.warn({ count: expired }, "shared signals: poll SETs not acknowledged within 7 days expired");
	}
}
