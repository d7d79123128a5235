import type { PasswordPolicy } from "../core/password-policy.ts";
import type { Delivery } from "../delivery/delivery.ts";
import type { OutboxTransport } from "../delivery/outbox.ts";
import type { AttemptCounter } from "../limits/attempts.ts";
import type { OneTimeCodes } from "../codes/one-time-codes.ts";
import type { MethodRegistry } from "../methods/registry.ts";
import type { MethodDeps } from "../methods/types.ts";
import type { Metrics } from "../metrics.ts";
import type { Db } from "../store/db.ts";
import type { Alerts } from "./alerts.ts";
import type { Signals } from "./signal-pushes.ts";
import type { Webhooks } from "./webhook-sender.ts";

/** Everything a flow needs; built once in main.ts (or by a test) and passed down. */
export interface FlowDeps extends MethodDeps {
	methods: MethodRegistry;
	/**
	 * Six-digit codes sent to an address: proving a contact, recovery, a reset by
	 * text, and (through the sms and email methods) a second step.
	 */
	oneTimeCodes: OneTimeCodes;
	attempts: AttemptCounter;
	passwordPolicy: PasswordPolicy;
	delivery: Delivery;
	/** The development outbox, when messages go there instead of out. */
	outbox: OutboxTransport | undefined;
	/** Security alerts and other work done after the answer has gone. */
	alerts: Alerts;
	/** Shared Signals: the Security Event Tokens owed to receivers, pushed from every instance. */
	signals: Signals;
	/** Sends the webhooks owed (kicked after a change records some). */
	webhooks: Webhooks;
	metrics: Metrics;
	/**
	 * The same database, for transactions whose commit need not wait for the disk: on
	 * PostgreSQL its connections commit without waiting for the write-ahead log to be
	 * flushed (a crash of the database server itself may lose them); on SQLite it is `db`.
	 * Nothing single-use may be spent through it.
	 */
	relaxedDb: Db;
	/** Which database: a few statements are worth writing for each (row locks, commit durability). */
	databaseKind: "sqlite" | "postgres";
}

/** Who is asking: used for throttling per address and shown in session lists. */
export interface ClientInfo {
	ip: string;
	userAgent: string | undefined;
	/** The origin the page was served from (https://id.example.com), for passkeys. */
	origin?: string;
	/** The WebAuthn relying-party id: the host name, without port. */
	rpId?: string;
}
