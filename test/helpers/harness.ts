import { randomBytes } from "node:crypto";
import { Writable } from "node:stream";
import type { FastifyInstance, LightMyRequestResponse } from "fastify";
import { Secret, TOTP } from "otpauth";
import { type Config, loadConfig } from "../../src/config.ts";
import { displayBackupCode, generateBackupCode } from "../../src/core/backup-code-format.ts";
import { manualClock } from "../../src/core/clock.ts";
import { secureRandom } from "../../src/core/random.ts";
import { createLogger } from "../../src/logger.ts";
import type { MethodRegistration } from "../../src/methods/types.ts";
import { createTessera, type Tessera } from "../../src/server.ts";
import { type DatabaseKind, throwawayDatabase, type ThrowawayDatabase } from "./databases.ts";

export interface Harness {
	kind: DatabaseKind;
	tessera: Tessera;
	app: FastifyInstance;
	clock: ReturnType<typeof manualClock>;
	database: ThrowawayDatabase;
	config: Config;
	/** Everything the server logged, for tests that check no secret reached a log. */
	logs: string[];
	close(): Promise<void>;
}

/**
 * A Tessera on a throwaway database with a clock the test controls. Its secret
 * is random unless `env` sets TESSERA_SECRET, for tests where another process
 * (the `tessera` command) shares the database and must share the secret too.
 */
export async function startHarness(
	kind: DatabaseKind,
	env: Record<string, string> = {},
	options: { methods?: readonly MethodRegistration[] } = {},
): Promise<Harness> {
	const database = await throwawayDatabase(kind);
	// Suites make many accounts from one address; the sign-up limit has its own test.
	const config = loadConfig({
		TESSERA_DATA_DIR: database.dataDir,
		TESSERA_LOG_LEVEL: "info",
		TESSERA_LIMIT_SIGNUP_ADDRESS: "10000/1h",
		...env,
	});
	const clock = manualClock(Date.UTC(2026, 5, 1, 12, 0, 0));
	const { logger, logs } = capturedLogger(config.logLevel);
	const secret = config.secret ?? randomBytes(32);
	const tessera = await createTessera({ config, store: database.store, secret, logger, clock, ...(options.methods ? { methods: options.methods } : {}) });
	return {
		kind,
		tessera,
		app: tessera.app,
		clock,
		database,
		config,
		logs,
		async close() {
			await tessera.close();
			await database.drop();
		},
	};
}

/** A logger whose every line is kept, for tests that look at what the server logged. */
export function capturedLogger(level: string) {
	const logs: string[] = [];
	const sink = new Writable({
		write(chunk, _encoding, done) {
			logs.push(String(chunk));
			done();
		},
	});
	return { logger: createLogger(level, sink), logs };
}

export interface ApiCall {
	method?: "GET" | "POST" | "DELETE";
	token?: string;
	body?: unknown;
	ip?: string;
}

export async function api(app: FastifyInstance, path: string, call: ApiCall = {}): Promise<LightMyRequestResponse> {
	const headers: Record<string, string> = {};
	if (call.token) headers["authorization"] = `Bearer ${call.token}`;
	if (call.body !== undefined) headers["content-type"] = "application/json";
	return app.inject({
		method: call.method ?? (call.body === undefined ? "GET" : "POST"),
		url: `/api/v1${path}`,
		headers,
		...(call.body !== undefined ? { payload: JSON.stringify(call.body) } : {}),
		remoteAddress: call.ip ?? "203.0.113.7",
	});
}

let counter = 0;
export function uniqueUsername(prefix = "user"): string {
	counter += 1;
	return `${prefix}_${process.pid}_${counter}`.slice(0, 30);
}

export const PASSWORD = "correct horse battery staple 7";

export async function signUp(app: FastifyInstance, username = uniqueUsername()) {
	const response = await api(app, "/accounts", { body: { username, password: PASSWORD } });
	if (response.statusCode !== 201) throw new Error(`sign-up failed: ${response.body}`);
	const body = response.json() as { account: { id: string; username: string }; session: { token: string } };
	return { username, id: body.account.id, token: body.session.token };
}

/** A code of the configured format with a valid check character that belongs to no set: a real wrong guess. */
export function aWrongCode(h: Harness): string {
	const format = h.config.backupCodes.format;
	return displayBackupCode(format, generateBackupCode(format, secureRandom));
}

/** Something that cannot be a code: the check character is off. */
export function aTypo(code: string): string {
	const last = code.at(-1)!;
	const swapped = code.slice(0, -2) + last + code.at(-2)!;
	if (swapped !== code) return swapped;
	return code.slice(0, -1);
}

export function totpCode(secret: string, at: number): string {
	return new TOTP({ secret: Secret.fromBase32(secret), digits: 6, period: 30, algorithm: "SHA1" }).generate({
		timestamp: at,
	});
}

/** Signs up and turns on two-factor with the authenticator; returns the secret and the backup codes. */
export async function signUpWithTwoFactor(h: Harness, username = uniqueUsername()) {
	const user = await signUp(h.app, username);
	const enroll = await api(h.app, "/account/totp", { token: user.token, body: { password: PASSWORD } });
	if (enroll.statusCode !== 201) throw new Error(`enrol failed: ${enroll.body}`);
	const { secret } = enroll.json() as { secret: string };
	const confirm = await api(h.app, "/account/totp/confirm", {
		token: user.token,
		body: { code: totpCode(secret, h.clock()) },
	});
	if (confirm.statusCode !== 200) throw new Error(`confirm failed: ${confirm.body}`);
	const codes = (confirm.json() as { backupCodes: { codes: string[] } }).backupCodes.codes;
	// Two-factor counts as on once one code of the first set is typed back; that code stays usable.
	const saved = await api(h.app, "/account/backup-codes/confirm", { token: user.token, body: { code: codes[9] } });
	if (saved.statusCode !== 200) throw new Error(`confirming the backup codes failed: ${saved.body}`);
	// Later codes must come from a later step: the first one is spent.
	h.clock.advance(30_000);
	return { ...user, secret, codes };
}

export async function passwordStep(h: Harness, username: string, ip?: string) {
	const response = await api(h.app, "/sessions", { body: { username, password: PASSWORD }, ...(ip ? { ip } : {}) });
	if (response.statusCode !== 200) throw new Error(`password step: ${response.statusCode} ${response.body}`);
	return (response.json() as { secondFactor: { challenge: string; methods: string[]; preferred: string } }).secondFactor;
}

export function errorCode(response: LightMyRequestResponse): string | undefined {
	try {
		return (response.json() as { error?: { code?: string } }).error?.code;
	} catch {
		return undefined;
	}
}

/**
 * The second step of a password reset on an account with two-factor: a backup
 * code (never a code by email or SMS) confirms the new password.
 */
export async function confirmReset(h: Harness, waiting: LightMyRequestResponse, backupCode: string): Promise<LightMyRequestResponse> {
	const body = waiting.json() as { status: string; secondFactor?: { challenge: string } };
	if (body.status !== "second_factor_required" || !body.secondFactor) throw new Error(`expected a reset waiting for its second step: ${waiting.body}`);
	return api(h.app, "/password-reset/second-factor", { body: { challenge: body.secondFactor.challenge, method: "backup_code", code: backupCode } });
}
