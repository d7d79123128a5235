import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { copyFileSync, mkdtempSync, readFileSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, test } from "node:test";
import { parse } from "yaml";
import { secretVariables } from "../../src/config.ts";
import { imageHealthcheck, read, runTool, toolSkipReason } from "./tools.ts";

const skip = toolSkipReason("docker-compose", ["version"], "install it with: apt-get install -y docker-compose");

// biome-ignore lint/suspicious/noExplicitAny: the resolved compose file is checked field by field
type Service = Record<string, any>;

const TESSERAS = ["tessera-1", "tessera-2"];

describe("docker-compose config: deploy/compose.yaml", { skip }, () => {
	// biome-ignore lint/suspicious/noExplicitAny: as above
	const config: Record<string, any> = skip ? {} : parse(runTool("docker-compose", ["-f", "deploy/compose.yaml", "config"]));
	const services = (): Record<string, Service> => config["services"];
	const environment = (name: string): Record<string, string> => services()[name]!["environment"] ?? {};

	test("two Tessera instances of one image, PostgreSQL, Redis and a proxy", () => {
		assert.deepEqual(Object.keys(services()).sort(), ["postgres", "proxy", "redis", "tessera-1", "tessera-2"]);
		assert.equal(services()["tessera-1"]!["image"], services()["tessera-2"]!["image"]);
		for (const name of TESSERAS) assert.equal(services()[name]!["build"]["dockerfile"], "Containerfile");
		for (const name of TESSERAS) {
			const s = services()[name]!;
			assert.equal(s["read_only"], true, name);
			assert.deepEqual(s["cap_drop"], ["ALL"]);
			assert.equal(s["ports"], undefined, `${name} is reached through the proxy only`);
			assert.equal(s["stop_signal"], "SIGTERM");
		}
		assert.equal(services()["postgres"]!["networks"]["front"], undefined, "the database is off the proxy's network");
		assert.equal(config["networks"]["back"]["internal"], true);
	});

	test("every secret is a file, mounted and named by a *_FILE variable; no secret has a value here", () => {
		const defined: Record<string, { file?: string }> = config["secrets"];
		for (const [name, secret] of Object.entries(defined)) assert.ok(secret.file, `${name} comes from a file`);
		for (const name of TESSERAS) {
			const env = environment(name);
			const mounted = (services()[name]!["secrets"] as { source: string; target?: string }[]).map((s) => `/run/secrets/${s.target ?? s.source}`);
			for (const variable of secretVariables) assert.ok(!(variable in env), `${name} sets no ${variable}`);
			for (const variable of ["DATABASE_URL", "REDIS_URL", "TESSERA_SECRET", "TESSERA_METRICS_TOKEN"]) {
				assert.ok(mounted.includes(env[`${variable}_FILE`]!), `${name}: ${variable}_FILE=${env[`${variable}_FILE`]} is a mounted secret`);
			}
		}
		assert.equal(environment("postgres")["POSTGRES_PASSWORD_FILE"], "/run/secrets/postgres_password");
		for (const [name, service] of Object.entries(services())) {
			for (const [key, value] of Object.entries((service["environment"] ?? {}) as Record<string, string>)) {
				assert.doesNotMatch(key, /(PASSWORD|SECRET|TOKEN)$/, `${name}: ${key} would hold a secret as a value`);
				assert.doesNotMatch(String(value), /:\/\/[^/\s]*:[^/\s]*@/, `${name}: ${key} holds credentials`);
			}
		}
		assert.match(read("deploy/.gitignore"), /^secrets\/$/m);
	});

	test("Tessera trusts the proxy's address only, and the proxy balances both instances on /readyz", () => {
		const proxyAddress = services()["proxy"]!["networks"]["front"]["ipv4_address"];
		assert.ok(proxyAddress);
		for (const name of TESSERAS) assert.equal(environment(name)["TESSERA_TRUST_PROXY"], proxyAddress);
		const subnet = config["networks"]["front"]["ipam"]["config"][0]["subnet"] as string;
		assert.ok(proxyAddress.startsWith(subnet.split(".").slice(0, 3).join(".")), `${proxyAddress} in ${subnet}`);
		const caddyMount = (services()["proxy"]!["volumes"] as string[]).find((v) => v.endsWith(":/etc/caddy/Caddyfile:ro"));
		assert.ok(caddyMount);
		const caddyfile = readFileSync(caddyMount.split(":")[0]!, "utf8");
		assert.match(caddyfile, /reverse_proxy tessera-1:3000 tessera-2:3000/);
		assert.match(caddyfile, /health_uri \/readyz/);
		assert.match(caddyfile, /@metrics path \/metrics\s+respond @metrics 404/);
	});

	test("every service has a healthcheck, and each starts once what it needs is healthy", () => {
		for (const [name, service] of Object.entries(services())) {
			const check = service["healthcheck"]?.["test"] as string[] | undefined;
			assert.ok(check?.length, `${name} has a healthcheck`);
		}
		for (const name of TESSERAS) {
			assert.deepEqual(services()[name]!["healthcheck"]["test"], ["CMD", ...imageHealthcheck()], "the image's own check, without curl");
			assert.deepEqual(services()[name]!["depends_on"], { postgres: { condition: "service_healthy" }, redis: { condition: "service_healthy" } });
		}
		assert.deepEqual(services()["proxy"]!["depends_on"], {
			"tessera-1": { condition: "service_healthy" },
			"tessera-2": { condition: "service_healthy" },
		});
	});
});

describe("deploy/make-secrets.sh", () => {
	test("makes every secret the compose file mounts, consistent with each other, readable only through a private folder", () => {
		const dir = mkdtempSync(join(tmpdir(), "tessera-secrets-"));
		try {
			copyFileSync(new URL("../../deploy/make-secrets.sh", import.meta.url), join(dir, "make-secrets.sh"));
			const run = () => spawnSync("sh", [join(dir, "make-secrets.sh")], { encoding: "utf8" });
			assert.equal(run().status, 0);
			const secret = (name: string) => readFileSync(join(dir, "secrets", name), "utf8").replace(/\n$/, "");
			const compose = read("deploy/compose.yaml");
			for (const name of ["database_url", "redis_url", "tessera_secret", "metrics_token", "postgres_password", "redis_acl"]) {
				assert.ok(compose.includes(`file: ./secrets/${name}`), name);
				assert.ok(secret(name).length > 0, name);
			}
			assert.equal(statSync(join(dir, "secrets")).mode & 0o777, 0o700);
			assert.equal(secret("database_url"), `postgres://tessera:${secret("postgres_password")}@postgres:5432/tessera`);
			const redisPassword = secret("redis_password");
			assert.equal(secret("redis_url"), `redis://tessera:${redisPassword}@redis:6379`);
			assert.ok(secret("redis_acl").includes(`#${createHash("sha256").update(redisPassword).digest("hex")}`));
			assert.ok(!secret("redis_acl").includes(redisPassword), "the ACL file holds the password's hash only");
			assert.match(secret("tessera_secret"), /^[0-9a-f]{64}$/);
			const before = secret("tessera_secret");
			assert.equal(run().status, 0);
			assert.equal(secret("tessera_secret"), before, "a second run keeps the secrets it made");
		} finally {
			rmSync(dir, { recursive: true, force: true });
		}
	});
});
