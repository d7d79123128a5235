import assert from "node:assert/strict";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, test } from "node:test";
import { ConfigError, configReference, loadConfig, secretVariables } from "../../src/config.ts";
import { parseDuration } from "../../src/core/duration.ts";
import { commonPasswordsPath, PasswordPolicy } from "../../src/core/password-policy.ts";
import { decideAdmission, retryAfterSeconds } from "../../src/core/throttle.ts";
import { canonicalUsername, usernameChangeProblem, usernameProblem } from "../../src/core/username.ts";
import { parseForm } from "../../src/http/body-parsers.ts";
import { html, trusted } from "../../src/ui/html.ts";

describe("usernames", () => {
	test("3 to 30 of a-z 0-9 . _; capitals fold to lower case", () => {
		for (const ok of ["abc", "a.b_c", "x".repeat(30), "Ada.Lovelace", "007"]) assert.equal(usernameProblem(ok), undefined, ok);
		for (const bad of ["ab", "x".repeat(31), "a-b", "a b", "ä_b", "a@b", ""]) assert.ok(usernameProblem(bad), bad);
		assert.equal(canonicalUsername(" Ada.L "), "ada.l");
	});

	test("sign-up says what a name typed with capitals or spaces would become, rather than changing it silently", () => {
		assert.match(usernameChangeProblem(" Ada.L ")!.problem, /“ada\.l”/);
		assert.equal(usernameChangeProblem("ada.l"), undefined);
		assert.equal(usernameChangeProblem("a b"), undefined, "a name not allowed at all has its own problem");
	});
});

describe("password policy", () => {
	const policy = PasswordPolicy.fromFile(commonPasswordsPath);
	test("ships at least the 10,000 most common passwords (those of 8+ characters)", () => {
		assert.ok(policy.size >= 10_000, String(policy.size));
	});
	test("refuses common passwords whatever their case, and the username inside the password", () => {
		assert.equal(policy.check("PASSWORD123")?.kind, "weak");
		assert.equal(policy.check("12345678")?.kind, "weak");
		assert.equal(policy.check("my name is ada.l!", "ada.l")?.kind, "weak");
		assert.equal(policy.check("tangerine orbit kettle"), undefined);
	});
	test("length is counted in characters, 8 to 128", () => {
		assert.equal(policy.check("1234567")?.kind, "length");
		assert.equal(policy.check("é".repeat(128)), undefined);
		assert.equal(policy.check("é".repeat(129))?.kind, "length");
	});
});

describe("throttle arithmetic", () => {
	const limit = { max: 10, windowMs: 900_000 };
	const decide = (count: number, pending: number, now = 0) =>
		decideAdmission([{ limit, state: { windowStart: 0, count, pending } }], now);

	test("admitted while failures and attempts in flight fit the limit", () => {
		assert.deepEqual(decide(1, 1), { kind: "admit" });
		assert.deepEqual(decide(10, 1), { kind: "admit" });
	});
	test("refused for the rest of the window once failures fill it", () => {
		assert.deepEqual(decide(11, 1), { kind: "refuse", retryAfterSeconds: 900 });
		assert.deepEqual(decide(11, 1, 899_999), { kind: "refuse", retryAfterSeconds: 1 });
	});
	test("asked to wait when places are held by attempts still being checked", () => {
		assert.deepEqual(decide(11, 2), { kind: "wait" });
		assert.deepEqual(decide(30, 25), { kind: "wait" });
	});
	test("the longest refusal of several counters wins; a refusal beats a wait", () => {
		const decision = decideAdmission(
			[
				{ limit, state: { windowStart: 0, count: 11, pending: 1 } },
				{ limit: { max: 5, windowMs: 3_600_000 }, state: { windowStart: 0, count: 6, pending: 1 } },
				{ limit, state: { windowStart: 0, count: 20, pending: 15 } },
			],
			0,
		);
		assert.deepEqual(decision, { kind: "refuse", retryAfterSeconds: 3600 });
		assert.equal(retryAfterSeconds({ windowStart: 0 }, 950_000, limit), 1);
	});
});

describe("configuration", () => {
	test("every secret can come from a file named by <NAME>_FILE, read once, without its trailing newline", () => {
		const dir = mkdtempSync(join(tmpdir(), "tessera-secrets-"));
		try {
			const file = (name: string, text: string) => {
				const path = join(dir, name);
				writeFileSync(path, text, { mode: 0o600 });
				return path;
			};
			const secretHex = "ab".repeat(32);
			const config = loadConfig({
				DATABASE_URL_FILE: file("db", "postgres://tessera:pa55@db:5432/tessera\n"),
				REDIS_URL_FILE: file("redis", "redis://:pa55@redis:6379\r\n"),
				TESSERA_SECRET_FILE: file("secret", `${secretHex}\n`),
				TESSERA_METRICS_TOKEN_FILE: file("metrics", "scrape-me"),
				TESSERA_SMTP_URL_FILE: file("smtp", "smtps://mail:pa55@smtp.example:465\n"),
				TESSERA_SMS_BASE_URL: "https://sms.example",
				TESSERA_SMS_ACCOUNT_ID: "AC1",
				TESSERA_SMS_TOKEN_FILE: file("sms", "sms-token\n"),
				TESSERA_SMS_FROM: "+15550100",
			});
			assert.equal(config.databaseUrl, "postgres://tessera:pa55@db:5432/tessera");
			assert.equal(config.redisUrl, "redis://:pa55@redis:6379");
			assert.equal(Buffer.from(config.secret!).toString("hex"), secretHex);
			assert.equal(config.metricsToken, "scrape-me");
			assert.equal(config.delivery.smtpUrl, "smtps://mail:pa55@smtp.example:465");
			assert.equal(config.delivery.sms?.token, "sms-token");
			// Every secret variable the README lists has a _FILE form.
			for (const name of secretVariables) assert.ok(configReference.some(([key]) => key === name), name);

			const refused = (env: Record<string, string>, message: RegExp) => assert.throws(() => loadConfig(env), (e: unknown) => e instanceof ConfigError && message.test(e.message));
			refused({ TESSERA_METRICS_TOKEN: "a", TESSERA_METRICS_TOKEN_FILE: file("m2", "b") }, /Set TESSERA_METRICS_TOKEN or TESSERA_METRICS_TOKEN_FILE, not both/);
			refused({ DATABASE_URL_FILE: join(dir, "missing") }, /DATABASE_URL_FILE=.*missing cannot be read \(ENOENT\)/);
			refused({ TESSERA_SECRET_FILE: file("empty", "\n") }, /TESSERA_SECRET_FILE=.* is empty/);
			// What the file holds is checked like the variable itself.
			refused({ DATABASE_URL_FILE: file("bad", "mysql://x") }, /DATABASE_URL must start with postgres:\/\//);
		} finally {
			rmSync(dir, { recursive: true, force: true });
		}
	});
	test("defaults are the documented ones", () => {
		const config = loadConfig({});
		assert.equal(config.port, 3000);
		assert.equal(config.dataDir, "./data");
		assert.equal(config.session.absoluteMs, 30 * 86_400_000);
		assert.equal(config.session.idleMs, 7 * 86_400_000);
		assert.equal(config.challengeTtlMs, 600_000);
		assert.deepEqual(config.limits.passwordPerAccount, { max: 10, windowMs: 900_000 });
		assert.equal(configReference.length, new Set(configReference.map(([k]) => k)).size);
	});
	test("bad values are refused with a message naming the variable", () => {
		for (const [name, value] of [
			["PORT", "http"],
			["TESSERA_SESSION_MAX_AGE", "forever"],
			["TESSERA_LIMIT_CODE_ACCOUNT", "ten"],
			["TESSERA_SECRET", "tooshort"],
			["DATABASE_URL", "mysql://x"],
		] as const) {
			assert.throws(() => loadConfig({ [name]: value }), (e: Error) => e instanceof ConfigError && e.message.includes(name.split("_")[0]!));
		}
		assert.throws(() => loadConfig({ TESSERA_SESSION_IDLE_TIMEOUT: "60d" }), ConfigError);
	});
	test("backup codes: formats, lengths and counts; fewer than 20 random bits is refused with a clear message", () => {
		assert.equal(loadConfig({}).backupCodes.format.name, "alphanumeric");
		assert.equal(loadConfig({}).backupCodes.count, 10);
		assert.equal(loadConfig({ TESSERA_BACKUP_CODE_FORMAT: "numeric", TESSERA_BACKUP_CODE_COUNT: "20" }).backupCodes.count, 20);
		assert.throws(
			() => loadConfig({ TESSERA_BACKUP_CODE_FORMAT: "numeric", TESSERA_BACKUP_CODE_LENGTH: "6" }),
			(e: Error) => e instanceof ConfigError && /16\.6 random bits.*at least 20/.test(e.message),
		);
		assert.equal(loadConfig({ TESSERA_BACKUP_CODE_FORMAT: "alphanumeric", TESSERA_BACKUP_CODE_LENGTH: "6" }).backupCodes.format.length, 6);
		for (const count of ["4", "21", "ten"]) {
			assert.throws(() => loadConfig({ TESSERA_BACKUP_CODE_COUNT: count }), /TESSERA_BACKUP_CODE_COUNT/);
		}
		assert.throws(() => loadConfig({ TESSERA_BACKUP_CODE_FORMAT: "emoji" }), /TESSERA_BACKUP_CODE_FORMAT/);
	});

	test("durations", () => {
		assert.equal(parseDuration("90s"), 90_000);
		assert.equal(parseDuration("15m"), 900_000);
		assert.equal(parseDuration("2h"), 7_200_000);
		assert.equal(parseDuration("30"), 30_000);
		assert.equal(parseDuration("0s"), undefined);
		assert.equal(parseDuration("-5m"), undefined);
	});
});

describe("HTML templates", () => {
	test("interpolations are escaped unless trusted", () => {
		const name = `<script>alert("x")</script>&'`;
		assert.equal(html`<p>${name}</p>`.value, "<p>&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;&amp;&#39;</p>");
		assert.equal(html`<p>${trusted("<b>ok</b>")}</p>`.value, "<p><b>ok</b></p>");
		assert.equal(html`${[html`<i>${"<"}</i>`, ">"]}`.value, "<i>&lt;</i>&gt;");
	});
});

describe("form bodies", () => {
	test("decodes like a browser encodes, and refuses what a browser never sends", () => {
		assert.deepEqual(parseForm("a=1&b=x+y&c=%C3%A9"), { a: "1", b: "x y", c: "é" });
		assert.throws(() => parseForm("a=%FF"), /UTF-8/);
		assert.throws(() => parseForm("a=1&a=2"));
		const proto = parseForm("__proto__=x");
		assert.equal(Object.getPrototypeOf(proto), Object.prototype);
		assert.deepEqual(Object.entries(proto), [["__proto__", "x"]], "an own field, not a new prototype");
	});
});
