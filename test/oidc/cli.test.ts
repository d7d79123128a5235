import assert from "node:assert/strict";
import { execFile } from "node:child_process";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { after, before, describe, test } from "node:test";
import { configReference } from "../../src/config.ts";
import { databaseKinds } from "../helpers/databases.ts";
import { signUp, uniqueUsername } from "../helpers/harness.ts";
import { Agent, configFor, type OidcServer, signInToApp, startOidcServer, withPassword } from "../helpers/oidc.ts";

/**
 * `tessera clients`, run as the operator runs it, against the database of a
 * running Tessera: what it prints, and what each change does to the app.
 */

const ROOT = fileURLToPath(new URL("../..", import.meta.url));
const CLI = join(ROOT, "src", "cli.ts");
const SECRET = "7c".repeat(32);

interface Run {
	code: number;
	stdout: string;
	stderr: string;
}

function tessera(env: Record<string, string>, ...args: string[]): Promise<Run> {
	return new Promise((resolve, reject) => {
		execFile(process.execPath, [CLI, ...args], { cwd: ROOT, env, timeout: 120_000 }, (error, stdout, stderr) => {
			if (error && typeof error.code !== "number") return reject(new Error(`tessera ${args.join(" ")}: ${error.message}\n${stderr}`));
			resolve({ code: error ? Number(error.code) : 0, stdout, stderr });
		});
	});
}

const show = (run: Run) => `exit ${run.code}\n--- stdout\n${run.stdout}\n--- stderr\n${run.stderr}`;

/** What the token endpoint says to these credentials (a made-up code: only the client's authentication is in question). */
async function tokenEndpointSays(server: OidcServer, clientId: string, secret: string): Promise<string> {
	const response = await fetch(`${server.base}/oidc/token`, {
		method: "POST",
		headers: { "content-type": "application/x-www-form-urlencoded", authorization: `Basic ${Buffer.from(`${encodeURIComponent(clientId)}:${encodeURIComponent(secret)}`).toString("base64")}` },
		body: new URLSearchParams({ grant_type: "authorization_code", code: "not-a-real-code", redirect_uri: "http://127.0.0.1:9/cli", code_verifier: "a".repeat(43) }),
	});
	return ((await response.json()) as { error: string }).error;
}

for (const kind of await databaseKinds()) {
	describe(`tessera clients (${kind})`, () => {
		let server: OidcServer;
		let env: Record<string, string>;
		const cli = (...args: string[]) => tessera(env, ...args);
		before(async () => {
			server = await startOidcServer(kind, { secret: Buffer.from(SECRET, "hex") });
			env = { PATH: process.env["PATH"] ?? "", HOME: process.env["HOME"] ?? "/tmp", USER: "jordan", TESSERA_SECRET: SECRET, TESSERA_DATA_DIR: server.database.dataDir };
			if (kind === "postgres") env["DATABASE_URL"] = server.database.url;
			for (const [name] of configReference) if (name !== "DATABASE_URL" && name !== "TESSERA_SECRET" && name !== "TESSERA_DATA_DIR") delete env[name];
		});
		after(() => server.close());

		type Added = { clientId: string; clientSecret: string };
		let wiki: Run;
		let phone: Run;
		let rotating: Added;
		let leaving: Added;
		let plainHttp: Run;
		let noName: Run;
		// Each run starts a process: the adds run side by side, once.
		before(async () => {
			let rot: Run;
			let leave: Run;
			[wiki, phone, rot, leave, plainHttp, noName] = await Promise.all([
				cli("clients", "add", "--name", "Wiki", "--redirect-uri", "http://127.0.0.1:9/cli", "--first-party"),
				cli("clients", "add", "--name", "Phone app", "--redirect-uri", "com.example.app:/callback", "--public"),
				cli("clients", "add", "--name", "Rotating", "--redirect-uri", "http://127.0.0.1:9/cli", "--backchannel-logout-uri", "https://rotating.example.org/logout"),
				cli("clients", "add", "--name", "Leaving", "--redirect-uri", "http://127.0.0.1:9/cli", "--first-party"),
				cli("clients", "add", "--name", "Bad", "--redirect-uri", "http://example.org/cb"),
				cli("clients", "add", "--redirect-uri", "https://example.org/cb"),
			]);
			for (const run of [rot, leave]) assert.equal(run.code, 0, show(run));
			[rotating, leaving] = [rot, leave].map((run) => JSON.parse(run.stdout) as Added) as [Added, Added];
		});

		test("add prints one JSON object with the id and the secret, and the app signs people in with them at once", async () => {
			assert.equal(wiki.code, 0, show(wiki));
			assert.equal(wiki.stdout.trim().split("\n").length, 1, "one line");
			const printed = JSON.parse(wiki.stdout) as Added;
			assert.deepEqual(Object.keys(printed).sort(), ["clientId", "clientSecret"]);
			const user = await signUp(server.tessera.app, uniqueUsername("cli"));
			const config = await configFor(server, printed.clientId, printed.clientSecret);
			const { claims } = await signInToApp(new Agent(), server, { clientId: printed.clientId, clientSecret: printed.clientSecret, redirect: "http://127.0.0.1:9/cli", config }, {}, withPassword(user.username));
			assert.equal(claims.aud, printed.clientId);
		});

		test("--public: no secret; list --json and show never print a secret; mistakes in add add nothing", async () => {
			assert.equal(phone.code, 0, show(phone));
			const publicApp = JSON.parse(phone.stdout) as Record<string, unknown>;
			assert.deepEqual(Object.keys(publicApp), ["clientId"]);
			assert.notEqual(plainHttp.code, 0, show(plainHttp));
			assert.match(plainHttp.stderr, /https/);
			assert.equal(noName.code, 64, show(noName));

			const [listJson, shown] = await Promise.all([cli("clients", "list", "--json"), cli("clients", "show", rotating.clientId)]);
			for (const run of [listJson, shown]) {
				assert.equal(run.code, 0, show(run));
				for (const added of [rotating, leaving]) assert.ok(!run.stdout.includes(added.clientSecret) && !run.stderr.includes(added.clientSecret), "no secret");
				assert.doesNotMatch(run.stdout, /secret_hash|"clientSecret"/);
			}
			const listed = JSON.parse(listJson.stdout) as { name: string; public: boolean }[];
			assert.deepEqual(listed.map((c) => c.name).sort(), ["Leaving", "Phone app", "Rotating", "Wiki"], "the mistakes added nothing");
			assert.equal(listed.find((c) => c.name === "Phone app")?.public, true);
			const view = JSON.parse(shown.stdout) as Record<string, unknown>;
			assert.equal(view["name"], "Rotating");
			assert.deepEqual(view["redirectUris"], ["http://127.0.0.1:9/cli"]);
			assert.equal(view["backchannelLogoutUri"], "https://rotating.example.org/logout");
		});

		test("rotate-secret: the old secret stops working at once, the new one works", async () => {
			assert.equal(await tokenEndpointSays(server, rotating.clientId, rotating.clientSecret), "invalid_grant", "authenticated; only the code is wrong");
			const run = await cli("clients", "rotate-secret", rotating.clientId);
			assert.equal(run.code, 0, show(run));
			const rotated = JSON.parse(run.stdout) as Added;
			assert.equal(rotated.clientId, rotating.clientId);
			assert.notEqual(rotated.clientSecret, rotating.clientSecret);
			assert.equal(await tokenEndpointSays(server, rotating.clientId, rotating.clientSecret), "invalid_client");
			assert.equal(await tokenEndpointSays(server, rotating.clientId, rotated.clientSecret), "invalid_grant");
		});

		test("remove: the app is unknown at once, and its tokens end", async () => {
			const user = await signUp(server.tessera.app, uniqueUsername("rm"));
			const config = await configFor(server, leaving.clientId, leaving.clientSecret);
			const app = { ...leaving, redirect: "http://127.0.0.1:9/cli", config };
			const { tokens } = await signInToApp(new Agent(), server, app, {}, withPassword(user.username));
			const run = await cli("clients", "remove", leaving.clientId);
			assert.equal(run.code, 0, show(run));
			assert.equal(await tokenEndpointSays(server, leaving.clientId, leaving.clientSecret), "invalid_client");
			const userinfo = await fetch(`${server.base}/oidc/userinfo`, { headers: { authorization: `Bearer ${tokens.access_token}` } });
			assert.equal(userinfo.status, 401, "its access token no longer works");
			const authorize = await new Agent().request(
				`${server.base}/oidc/auth?${new URLSearchParams({ client_id: leaving.clientId, redirect_uri: app.redirect, response_type: "code", scope: "openid", code_challenge: "a".repeat(43), code_challenge_method: "S256" })}`,
			);
			assert.equal(authorize.status, 400);
			assert.equal(authorize.headers.get("location"), null);
		});
	});
}
