import { readFileSync } from "node:fs";
import { isIP } from "node:net";
import {
	BACKUP_CODE_COUNT,
	BACKUP_CODE_LENGTH,
	type BackupCodeFormat,
	type BackupCodeFormatName,
	backupCodeFormat,
	formatNames,
	MIN_RANDOM_BITS,
	randomBitsPerCode,
} from "./core/backup-code-format.ts";
import { type Brand, contrastRatio, MIN_CONTRAST } from "./core/brand.ts";
import { parseDuration } from "./core/duration.ts";

/** A limit of `max` events per `windowMs`, written "10/15m" in the environment. */
export interface RateLimit {
	max: number;
	windowMs: number;
}

export interface Config {
	port: number;
	host: string;
	dataDir: string;
	databaseUrl: string | undefined;
	/** redis://…: attempt counters in Redis instead of the database. */
	redisUrl: string | undefined;
	/** TESSERA_SECRET, at least 32 bytes (hex or base64), or undefined to use the key file. */
	secret: Uint8Array | undefined;
	/** false, a number of proxy hops to trust, or the proxies' addresses/CIDR ranges. */
	trustProxy: false | number | string[];
	logLevel: string;
	/** The name authenticator apps show for the account: TESSERA_ISSUER, else the product's name. */
	issuer: string;
	/** The operator's branding, on every page, email and text. */
	brand: Brand;
	/** Offers the pseudo-locale en-XA (translators' and tests' check for strings outside the catalogs). */
	pseudoLocale: boolean;
	/** Where people reach this Tessera (https://id.example.com), for links in messages. */
	publicUrl: string;
	/** Bearer token /metrics asks for; unset, /metrics answers loopback and private addresses only. */
	metricsToken: string | undefined;
	/** Client connections accepted at once; more are refused. */
	maxConnections: number;
	/** How long account recovery waits, with alerts on every channel, before two-factor is reset. */
	recoveryWaitMs: number;
	session: { absoluteMs: number; idleMs: number };
	oidc: { keyRotationMs: number };
	challengeTtlMs: number;
	backupCodes: { format: BackupCodeFormat; count: number };
	delivery: {
		mode: "outbox" | "live";
		smtpUrl: string | undefined;
		emailFrom: string;
		sms: { baseUrl: string; accountId: string; token: string; from: string } | undefined;
	};
	emailSecondFactor: boolean;
	phoneAccountsMax: number;
	limits: {
		passwordPerAccount: RateLimit;
		passwordPerAddress: RateLimit;
		codePerAccount: RateLimit;
		codePerAddress: RateLimit;
		signUpPerAddress: RateLimit;
	};
}

/** Every variable Tessera reads, its default and what it means. The README's table is made from this. */
export const configReference = [
	["PORT", "3000", "TCP port to listen on."],
	["HOST", "localhost", "Address to listen on (`0.0.0.0` for every interface)."],
	["TESSERA_DATA_DIR", "./data", "Folder for the embedded SQLite database and the server key file."],
	["DATABASE_URL", "(unset: SQLite)", "`postgres://user:pass@host:5432/db` to use PostgreSQL instead of SQLite."],
	[
		"REDIS_URL",
		"(unset: counters in the database)",
		"`redis://host:6379` to keep attempt counters (throttling) in Redis, shared by every instance. Optional: without it they are counted in the database.",
	],
	[
		"TESSERA_SECRET",
		"(unset: key file)",
		"Server secret, 32+ bytes as hex or base64. Unset, Tessera creates `secret.key` (mode 0600) in the data folder on first start. Back it up: without it, authenticator keys and backup codes cannot be checked.",
	],
	[
		"TESSERA_TRUST_PROXY",
		"false",
		"Behind a reverse proxy: the number of proxy hops in front of Tessera (`1`, or `true` for the same), or the proxies' addresses and CIDR ranges (`10.0.0.5,10.1.0.0/16`). The client address is then read from X-Forwarded-For, trusting only those hops, and the scheme from X-Forwarded-Proto.",
	],
	[
		"TESSERA_METRICS_TOKEN",
		"(unset: private networks only)",
		"Bearer token Prometheus must send to read `/metrics`. Unset, `/metrics` answers only loopback and private (RFC 1918, IPv6 unique-local) addresses that ask for it by address, `localhost` or the public URL's name, and never through a proxy Tessera does not trust.",
	],
	[
		"TESSERA_MAX_CONNECTIONS",
		"1000",
		"Open client connections one instance accepts at once; past it, new ones are refused. Keep it below the process's file-descriptor limit (`ulimit -n`), leaving room for the database.",
	],
	["TESSERA_LOG_LEVEL", "info", "pino log level: fatal, error, warn, info, debug, trace, silent. At info, one access line a request: its id, method, address without its query's values, status, time taken and client address (no headers, no body); debug adds a line as each arrives."],
	["TESSERA_ISSUER", "(TESSERA_BRAND_NAME)", "Name shown for the account in authenticator apps; by default the product's name."],
	["TESSERA_BRAND_NAME", "Tessera", "The product's name, on every page, email and text (at most 40 characters)."],
	[
		"TESSERA_BRAND_LOGO",
		"(unset)",
		"Path to the logo shown at the top of every page: an SVG or PNG file of at most 100 KB, served from Tessera's own address.",
	],
	[
		"TESSERA_BRAND_COLOR",
		"(unset: Tessera's blue)",
		"Accent colour of buttons and links, as `#rrggbb`. It must reach a contrast of 4.5:1 against white (WCAG AA), or Tessera refuses to start and says the ratio.",
	],
	["TESSERA_SUPPORT_URL", "(unset)", "A web page where people reach your support team; shown on every page, in the help centre and in emails."],
	["TESSERA_SUPPORT_EMAIL", "(unset)", "An email address for your support team; shown like TESSERA_SUPPORT_URL."],
	[
		"TESSERA_PSEUDO_LOCALE",
		"false",
		"`true` offers the pseudo-language `en-XA` in the switcher: English with every translated string marked, so words that bypass the catalogs stand out. For translators, not for production.",
	],
	[
		"TESSERA_PUBLIC_URL",
		"http://localhost:$PORT",
		"The address people reach Tessera at (`https://id.example.com`), used for the links in emails and texts: password reset, \"Wasn't you?\" and cancelling a recovery.",
	],
	[
		"TESSERA_RECOVERY_WAIT",
		"72h",
		"How long account recovery waits before two-factor is reset. Every channel of the account is alerted, with a link that cancels it.",
	],
	["TESSERA_SESSION_MAX_AGE", "30d", "Absolute session lifetime; a session ends this long after sign-in whatever happens."],
	["TESSERA_SESSION_IDLE_TIMEOUT", "7d", "A session unused this long ends."],
	["TESSERA_CHALLENGE_TTL", "10m", "How long a sign-in waits for its second factor."],
	["TESSERA_OIDC_KEY_ROTATION", "30d", "How often the OpenID Connect signing key is replaced; the old one stays published until its tokens expire."],
	[
		"TESSERA_BACKUP_CODE_FORMAT",
		"alphanumeric",
		"`alphanumeric`: 8 characters of Crockford's base32, shown XXXX-XXXX (35 random bits); `numeric`: 8 digits, shown XXXX XXXX (23 random bits). The last character is a check character.",
	],
	["TESSERA_BACKUP_CODE_LENGTH", "8", "Characters per code, check character included (6 to 16); at least 20 random bits are required."],
	["TESSERA_BACKUP_CODE_COUNT", "10", "Codes per set (5 to 20)."],
	[
		"TESSERA_DELIVERY",
		"(outbox with SQLite on a loopback HOST, live otherwise)",
		"`outbox`: messages are written to `outbox/` in the data folder and listed at /dev/outbox, for development; nothing is sent. The outbox page answers only browsers on this machine that ask for it by a loopback name, never through a proxy. `live`: email through SMTP and SMS through the HTTP provider configured below.",
	],
	["TESSERA_SMTP_URL", "(unset)", "`smtp://user:pass@host:587` (STARTTLS) or `smtps://user:pass@host:465`. Unset, email cannot be sent live."],
	["TESSERA_EMAIL_FROM", "Tessera <no-reply@localhost>", "The From address of every email."],
	[
		"TESSERA_SMS_BASE_URL",
		"(unset)",
		"SMS provider speaking the Messages REST shape: messages are POSTed to {base}/2010-04-01/Accounts/{account}/Messages.json. With the next three, enables SMS.",
	],
	["TESSERA_SMS_ACCOUNT_ID", "(unset)", "SMS provider account id (HTTP Basic user)."],
	["TESSERA_SMS_TOKEN", "(unset)", "SMS provider auth token (HTTP Basic password)."],
	["TESSERA_SMS_FROM", "(unset)", "The number or sender id texts come from."],
	[
		"TESSERA_EMAIL_SECOND_FACTOR",
		"true",
		"`false` stops email codes being offered as a second factor (email is the weakest one); verified emails still sign in as names.",
	],
	["TESSERA_PHONE_ACCOUNTS_MAX", "1", "How many accounts one phone number may protect at a time."],
	[
		"TESSERA_LIMIT_PASSWORD_ACCOUNT",
		"10/15m",
		"Wrong passwords per account per window (its username and email count together; a name no account has counts on its own, just the same).",
	],
	["TESSERA_LIMIT_PASSWORD_ADDRESS", "50/15m", "Wrong passwords per client IP address per window."],
	["TESSERA_LIMIT_CODE_ACCOUNT", "10/1h", "Wrong second-factor codes per account per window, across every challenge."],
	["TESSERA_LIMIT_CODE_ADDRESS", "50/1h", "Wrong second-factor codes per client IP address per window."],
	["TESSERA_LIMIT_SIGNUP_ADDRESS", "20/1h", "Sign-up attempts per client IP address per window, successful or not."],
] as const;

export class ConfigError extends Error {
	override name = "ConfigError";
}

type Env = Record<string, string | undefined>;

function defaultOf(name: (typeof configReference)[number][0]): string {
	return configReference.find(([key]) => key === name)![1];
}

function read(env: Env, name: (typeof configReference)[number][0]): string {
	const value = env[name];
	return value === undefined || value === "" ? defaultOf(name) : value;
}

function readBoolean(env: Env, name: (typeof configReference)[number][0]): boolean {
	const text = read(env, name);
	if (text !== "true" && text !== "false") throw new ConfigError(`${name} must be true or false.`);
	return text === "true";
}

const MAX_LOGO_BYTES = 100 * 1024;

/** The operator's branding, each part checked: a name people can read, a logo we can serve, a colour people can read. */
function readBrand(env: Env): Brand {
	const name = read(env, "TESSERA_BRAND_NAME").trim();
	if (name.length === 0 || name.length > 40 || /[\p{Cc}<>]/u.test(name)) {
		throw new ConfigError("TESSERA_BRAND_NAME must be 1 to 40 characters, without < > or control characters.");
	}
	const brand: Brand = { name };
	const logoPath = env["TESSERA_BRAND_LOGO"];
	if (logoPath) {
		let body: Buffer;
		try {
			body = readFileSync(logoPath);
		} catch {
			throw new ConfigError(`TESSERA_BRAND_LOGO=${logoPath}: the file cannot be read.`);
		}
		if (body.length > MAX_LOGO_BYTES) throw new ConfigError(`TESSERA_BRAND_LOGO is ${body.length} bytes; at most ${MAX_LOGO_BYTES} are served.`);
		const isPng = body.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
		const isSvg = !isPng && /<svg[\s>]/.test(body.subarray(0, 4096).toString("utf8"));
		if (!isPng && !isSvg) throw new ConfigError("TESSERA_BRAND_LOGO must be an SVG or PNG file.");
		brand.logo = { body, type: isPng ? "image/png" : "image/svg+xml" };
	}
	const color = env["TESSERA_BRAND_COLOR"];
	if (color) {
		if (!/^#[0-9a-fA-F]{6}$/.test(color)) throw new ConfigError("TESSERA_BRAND_COLOR must be a colour written #rrggbb, such as #0b57d0.");
		const ratio = contrastRatio(color.toLowerCase(), "#ffffff");
		if (ratio < MIN_CONTRAST) {
			throw new ConfigError(
				`TESSERA_BRAND_COLOR=${color} has a contrast of ${ratio.toFixed(2)}:1 against white; buttons and links need ${MIN_CONTRAST}:1. Choose a darker colour.`,
			);
		}
		brand.color = color.toLowerCase();
	}
	const url = env["TESSERA_SUPPORT_URL"];
	if (url && !/^https?:\/\/[^\s<>"]+$/.test(url)) throw new ConfigError("TESSERA_SUPPORT_URL must be an http:// or https:// address.");
	const email = env["TESSERA_SUPPORT_EMAIL"];
	if (email && !/^[^\s@<>"]+@[^\s@<>"]+\.[^\s@<>"]+$/.test(email)) throw new ConfigError("TESSERA_SUPPORT_EMAIL must be an email address.");
	if (url || email) brand.support = { url: url || undefined, email: email || undefined };
	return brand;
}

function readDuration(env: Env, name: (typeof configReference)[number][0]): number {
	const text = read(env, name);
	const ms = parseDuration(text);
	if (ms === undefined) throw new ConfigError(`${name}=${text} is not a duration; write e.g. 90s, 15m, 12h or 30d.`);
	return ms;
}

function readWholeNumber(env: Env, name: (typeof configReference)[number][0], least: number): number {
	const text = read(env, name);
	const value = Number(text);
	if (!Number.isSafeInteger(value) || value < least) throw new ConfigError(`${name}=${text} must be a whole number, ${least} or more.`);
	return value;
}

function readLimit(env: Env, name: (typeof configReference)[number][0]): RateLimit {
	const text = read(env, name);
	const [maxText, windowText] = text.split("/");
	const max = Number(maxText);
	const windowMs = windowText === undefined ? undefined : parseDuration(windowText);
	if (!Number.isSafeInteger(max) || max < 1 || windowMs === undefined) {
		throw new ConfigError(`${name}=${text} is not a limit; write attempts/window, e.g. 10/15m.`);
	}
	return { max, windowMs };
}

function readSecret(env: Env): Uint8Array | undefined {
	const text = env["TESSERA_SECRET"];
	if (text === undefined || text === "") return undefined;
	const bytes = /^[0-9a-fA-F]+$/.test(text) && text.length % 2 === 0 ? Buffer.from(text, "hex") : Buffer.from(text, "base64");
	if (bytes.length < 32) {
		throw new ConfigError(
			"TESSERA_SECRET must hold at least 32 bytes (64 hex characters or 44 base64 characters). Make one with: openssl rand -hex 32",
		);
	}
	return bytes;
}

/**
 * Never "trust every hop": the leftmost X-Forwarded-For entry is written by the
 * client, and trusting it would let anyone pick the address they are throttled as.
 */
function readTrustProxy(text: string): false | number | string[] {
	if (text === "false" || text === "0") return false;
	if (text === "true") return 1;
	if (/^\d+$/.test(text)) return Number(text);
	const entries = text.split(",").map((e) => e.trim());
	for (const entry of entries) {
		const [address, prefix] = entry.split("/");
		const family = isIP(address ?? "");
		const prefixOk = prefix === undefined || (/^\d+$/.test(prefix) && Number(prefix) <= (family === 6 ? 128 : 32));
		if (family === 0 || !prefixOk) {
			throw new ConfigError(
				`TESSERA_TRUST_PROXY: "${entry}" is neither a number of hops nor an IP address or CIDR range (e.g. 1, or 10.0.0.5,10.1.0.0/16).`,
			);
		}
	}
	return entries;
}

function readBackupCodes(env: Env): { format: BackupCodeFormat; count: number } {
	const name = read(env, "TESSERA_BACKUP_CODE_FORMAT");
	if (!formatNames.includes(name as BackupCodeFormatName)) {
		throw new ConfigError(`TESSERA_BACKUP_CODE_FORMAT=${name}: use alphanumeric or numeric.`);
	}
	const length = Number(read(env, "TESSERA_BACKUP_CODE_LENGTH"));
	if (!Number.isInteger(length) || length < BACKUP_CODE_LENGTH.min || length > BACKUP_CODE_LENGTH.max) {
		throw new ConfigError(
			`TESSERA_BACKUP_CODE_LENGTH must be a whole number from ${BACKUP_CODE_LENGTH.min} to ${BACKUP_CODE_LENGTH.max}.`,
		);
	}
	const format = backupCodeFormat(name as BackupCodeFormatName, length);
	const bits = randomBitsPerCode(format);
	if (bits < MIN_RANDOM_BITS) {
		throw new ConfigError(
			`Backup codes of ${length} ${name} characters hold only ${bits.toFixed(1)} random bits (one character is the check character); at least ${MIN_RANDOM_BITS} are needed. Make TESSERA_BACKUP_CODE_LENGTH larger or use the alphanumeric format.`,
		);
	}
	const count = Number(read(env, "TESSERA_BACKUP_CODE_COUNT"));
	if (!Number.isInteger(count) || count < BACKUP_CODE_COUNT.min || count > BACKUP_CODE_COUNT.max) {
		throw new ConfigError(`TESSERA_BACKUP_CODE_COUNT must be a whole number from ${BACKUP_CODE_COUNT.min} to ${BACKUP_CODE_COUNT.max}.`);
	}
	return { format, count };
}

/** Whether HOST names only this machine's loopback interface. */
function isLoopbackListen(host: string): boolean {
	const h = host.toLowerCase().replace(/^\[|\]$/g, "");
	return h === "localhost" || h === "::1" || /^127\.\d+\.\d+\.\d+$/.test(h);
}

/**
 * The variables that hold a secret. Each may instead name a file holding it,
 * as `<NAME>_FILE` (a container's secret, mounted read-only): the file is read
 * once at start, and one trailing newline is dropped.
 */
export const secretVariables = ["DATABASE_URL", "REDIS_URL", "TESSERA_SECRET", "TESSERA_METRICS_TOKEN", "TESSERA_SMTP_URL", "TESSERA_SMS_TOKEN"] as const;

/** `env` with every `<NAME>_FILE` of a secret variable read into `<NAME>`. */
export function withSecretFiles(env: Env): Env {
	let resolved: Env | undefined;
	for (const name of secretVariables) {
		const path = env[`${name}_FILE`];
		if (!path) continue;
		if (env[name]) throw new ConfigError(`Set ${name} or ${name}_FILE, not both.`);
		let text: string;
		try {
			text = readFileSync(path, "utf8");
		} catch (error) {
			const reason = (error as NodeJS.ErrnoException).code ?? (error instanceof Error ? error.message : String(error));
			throw new ConfigError(`${name}_FILE=${path} cannot be read (${reason}).`);
		}
		const value = text.replace(/\r?\n$/, "");
		if (!value.trim()) throw new ConfigError(`${name}_FILE=${path} is empty.`);
		resolved ??= { ...env };
		resolved[name] = value;
	}
	return resolved ?? env;
}

export function loadConfig(given: Env = process.env): Config {
	const env = withSecretFiles(given);
	const port = Number(read(env, "PORT"));
	if (!Number.isInteger(port) || port < 0 || port > 65535) throw new ConfigError(`PORT=${env["PORT"]} is not a port number.`);
	const databaseUrl = env["DATABASE_URL"] || undefined;
	if (databaseUrl && !/^postgres(ql)?:\/\//.test(databaseUrl)) {
		throw new ConfigError("DATABASE_URL must start with postgres:// (leave it unset for the embedded SQLite database).");
	}
	const redisUrl = env["REDIS_URL"] || undefined;
	if (redisUrl && !/^rediss?:\/\//.test(redisUrl)) throw new ConfigError("REDIS_URL must start with redis:// or rediss://.");
	const trustProxy = readTrustProxy(read(env, "TESSERA_TRUST_PROXY"));
	const brand = readBrand(env);
	const issuer = env["TESSERA_ISSUER"] || brand.name.replaceAll(":", "").slice(0, 64);
	if (issuer.includes(":") || issuer.length > 64) throw new ConfigError("TESSERA_ISSUER must be at most 64 characters, without a colon.");
	const publicUrl = (env["TESSERA_PUBLIC_URL"] || `http://localhost:${port}`).replace(/\/+$/, "");
	if (!/^https?:\/\/[^/?#\s]+(\/[^?#\s]*)?$/.test(publicUrl)) {
		throw new ConfigError("TESSERA_PUBLIC_URL must be an http:// or https:// address, such as https://id.example.com.");
	}
	const recoveryWaitMs = readDuration(env, "TESSERA_RECOVERY_WAIT");
	const session = {
		absoluteMs: readDuration(env, "TESSERA_SESSION_MAX_AGE"),
		idleMs: readDuration(env, "TESSERA_SESSION_IDLE_TIMEOUT"),
	};
	if (session.idleMs > session.absoluteMs) {
		throw new ConfigError("TESSERA_SESSION_IDLE_TIMEOUT cannot be longer than TESSERA_SESSION_MAX_AGE.");
	}
	const host = read(env, "HOST");
	// The outbox publishes every code it holds to this machine: by default only when nothing else can reach it.
	const deliveryMode = env["TESSERA_DELIVERY"] || (databaseUrl || !isLoopbackListen(host) ? "live" : "outbox");
	if (deliveryMode !== "outbox" && deliveryMode !== "live") throw new ConfigError("TESSERA_DELIVERY must be outbox or live.");
	const smsParts = ["TESSERA_SMS_BASE_URL", "TESSERA_SMS_ACCOUNT_ID", "TESSERA_SMS_TOKEN", "TESSERA_SMS_FROM"].map((k) => env[k] || undefined);
	if (smsParts.some(Boolean) && !smsParts.every(Boolean)) {
		throw new ConfigError("Set all of TESSERA_SMS_BASE_URL, TESSERA_SMS_ACCOUNT_ID, TESSERA_SMS_TOKEN and TESSERA_SMS_FROM, or none.");
	}
	if (smsParts[0] && !/^https?:\/\//.test(smsParts[0])) throw new ConfigError("TESSERA_SMS_BASE_URL must start with http:// or https://.");
	const smtpUrl = env["TESSERA_SMTP_URL"] || undefined;
	if (smtpUrl && !/^smtps?:\/\//.test(smtpUrl)) throw new ConfigError("TESSERA_SMTP_URL must start with smtp:// or smtps://.");
	const emailSecondFactor = read(env, "TESSERA_EMAIL_SECOND_FACTOR");
	if (emailSecondFactor !== "true" && emailSecondFactor !== "false") {
		throw new ConfigError("TESSERA_EMAIL_SECOND_FACTOR must be true or false.");
	}
	const phoneAccountsMax = Number(read(env, "TESSERA_PHONE_ACCOUNTS_MAX"));
	if (!Number.isInteger(phoneAccountsMax) || phoneAccountsMax < 1) {
		throw new ConfigError("TESSERA_PHONE_ACCOUNTS_MAX must be a whole number, 1 or more.");
	}
	return {
		delivery: {
			mode: deliveryMode,
			smtpUrl,
			emailFrom: read(env, "TESSERA_EMAIL_FROM"),
			sms: smsParts.every(Boolean)
				? { baseUrl: smsParts[0]!, accountId: smsParts[1]!, token: smsParts[2]!, from: smsParts[3]! }
				: undefined,
		},
		emailSecondFactor: emailSecondFactor === "true",
		phoneAccountsMax,
		backupCodes: readBackupCodes(env),
		port,
		host,
		dataDir: read(env, "TESSERA_DATA_DIR"),
		databaseUrl,
		redisUrl,
		secret: readSecret(env),
		trustProxy,
		logLevel: read(env, "TESSERA_LOG_LEVEL"),
		issuer,
		brand,
		pseudoLocale: readBoolean(env, "TESSERA_PSEUDO_LOCALE"),
		publicUrl,
		recoveryWaitMs,
		metricsToken: env["TESSERA_METRICS_TOKEN"] || undefined,
		maxConnections: readWholeNumber(env, "TESSERA_MAX_CONNECTIONS", 1),
		session,
		oidc: { keyRotationMs: readDuration(env, "TESSERA_OIDC_KEY_ROTATION") },
		challengeTtlMs: readDuration(env, "TESSERA_CHALLENGE_TTL"),
		limits: {
			passwordPerAccount: readLimit(env, "TESSERA_LIMIT_PASSWORD_ACCOUNT"),
			passwordPerAddress: readLimit(env, "TESSERA_LIMIT_PASSWORD_ADDRESS"),
			codePerAccount: readLimit(env, "TESSERA_LIMIT_CODE_ACCOUNT"),
			codePerAddress: readLimit(env, "TESSERA_LIMIT_CODE_ADDRESS"),
			signUpPerAddress: readLimit(env, "TESSERA_LIMIT_SIGNUP_ADDRESS"),
		},
	};
}
