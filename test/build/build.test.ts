/**
 * `npm run build` and what `npm start` runs: the compiled server starts on its own from the
 * output folder (no TypeScript left in it), finds the files it reads from disk, answers pages
 * and the API, and loads what it loads lazily; bin/tessera-server starts it with its settings.
 */
import assert from "node:assert/strict";
import { type ChildProcess, execFileSync, spawn } from "node:child_process";
import { chmodSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, describe, test } from "node:test";
import { build, leftoverTsImports } from "../../tools/build.ts";
import { freePort } from "../helpers/oidc.ts";

const ROOT = join(import.meta.dirname, "..", "..");
const PASSWORD = "correct horse battery staple 7";

describe("npm run build", () => {
	let out: string;
	let data: string;
	let child: ChildProcess | undefined;
	let base: string;
	let output = "";

	before(async () => {
		out = mkdtempSync(join(ROOT, "dist-test-"));
		data = mkdtempSync(join(tmpdir(), "tessera-build-"));
		build(out);
		writeFileSync(
			join(data, "loaded.mjs"),
			[
				'import { renameSync, writeFileSync } from "node:fs";',
				'import { registerHooks } from "node:module";',
				"const seen = new Set();",
				"registerHooks({ resolve(specifier, context, next) { const found = next(specifier, context); seen.add(found.url); return found; } });",
				"process.on(\"SIGUSR2\", () => { const file = process.env.LOADED_FILE; writeFileSync(file + \".part\", JSON.stringify({ builtins: process.moduleLoadList, modules: [...seen] })); renameSync(file + \".part\", file); });",
			].join("\n"),
		);
		const port = await freePort();
		base = `http://127.0.0.1:${port}`;
		child = spawn(process.execPath, ["--import", join(data, "loaded.mjs"), join(out, "main.js")], {
			cwd: data,
			env: {
				PATH: process.env["PATH"] ?? "",
				HOST: "127.0.0.1",
				PORT: String(port),
				TESSERA_DATA_DIR: data,
				TESSERA_PUBLIC_URL: base,
				TESSERA_LOG_LEVEL: "warn",
				LOADED_FILE: join(data, "loaded.json"),
			},
			stdio: ["ignore", "pipe", "pipe"],
		});
		child.stdout!.on("data", (chunk) => (output += chunk));
		child.stderr!.on("data", (chunk) => (output += chunk));
		for (let i = 0; i < 200; i++) {
			if (child.exitCode !== null) break;
			try {
				if ((await fetch(`${base}/readyz`)).status === 200) return;
			} catch {}
			await new Promise((r) => setTimeout(r, 100));
		}
		throw new Error(`the compiled server did not start:\n${output}`);
	});

	after(async () => {
		if (child && child.exitCode === null) {
			const exited = new Promise((r) => child!.once("exit", r));
			child.kill("SIGTERM");
			await exited;
		}
		rmSync(out, { recursive: true, force: true });
		rmSync(data, { recursive: true, force: true });
	});

	test("leaves plain JavaScript: no .ts file and no import of one", () => {
		const files = readdirSync(out, { recursive: true }).map(String);
		assert.ok(files.includes("main.js") && files.includes("cli.js"));
		assert.deepEqual(
			files.filter((f) => f.endsWith(".ts")),
			[],
		);
		assert.deepEqual(leftoverTsImports(out), []);
		for (const file of ["app.css", "app.js", "icon.svg"]) assert.ok(existsSync(join(out, "ui", "static", file)), file);
	});

	test("the compiled server is healthy and serves its pages and their assets", async () => {
		const health = await fetch(`${base}/healthz`);
		assert.equal(health.status, 200);
		const page = await fetch(`${base}/sign-in`);
		assert.equal(page.status, 200);
		assert.match(await page.text(), /<form[^>]*method="post"/i);
		for (const asset of ["app.css", "app.js", "icon.svg"]) {
			const response = await fetch(`${base}/assets/${asset}`);
			assert.equal(response.status, 200, asset);
			assert.ok((await response.arrayBuffer()).byteLength > 0, asset);
		}
	});

	test("the compiled server signs up, signs in and checks a session through the API", async () => {
		const username = `built${Date.now().toString(36)}`;
		const json = { "content-type": "application/json" };
		const signUp = await fetch(`${base}/api/v1/accounts`, { method: "POST", headers: json, body: JSON.stringify({ username, password: PASSWORD }) });
		assert.equal(signUp.status, 201, await signUp.clone().text());
		const signIn = await fetch(`${base}/api/v1/sessions`, { method: "POST", headers: json, body: JSON.stringify({ username, password: PASSWORD }) });
		assert.equal(signIn.status, 201);
		const { session } = (await signIn.json()) as { session: { token: string } };
		const current = await fetch(`${base}/api/v1/sessions/current`, { headers: { authorization: `Bearer ${session.token}` } });
		assert.equal(current.status, 200);
		const wrong = await fetch(`${base}/api/v1/sessions`, { method: "POST", headers: json, body: JSON.stringify({ username, password: "not the password" }) });
		assert.equal(wrong.status, 401);
	});

	test("what most requests never need is not loaded by pages, sign-in and session checks", async () => {
		const file = join(data, "loaded.json");
		child!.kill("SIGUSR2");
		for (let i = 0; i < 100 && !existsSync(file); i++) await new Promise((r) => setTimeout(r, 20));
		const { builtins, modules } = JSON.parse(readFileSync(file, "utf8")) as { builtins: string[]; modules: string[] };
		assert.ok(modules.some((url) => url.includes("/node_modules/fastify/")), "the hook sees what is loaded");
		// Node's fetch implementation (undici), which an ES import of node:http brings in.
		assert.deepEqual(
			builtins.filter((name) => name.includes("undici")),
			[],
		);
		for (const lazy of ["oidc-provider", "koa", "@simplewebauthn/server", "qrcode", "nodemailer", "ioredis"]) {
			assert.deepEqual(
				modules.filter((url) => url.includes(`/node_modules/${lazy}/`)),
				[],
				lazy,
			);
		}
	});

	test("what is loaded on first use still loads from the build: OpenID discovery, the API document", async () => {
		const discovery = await fetch(`${base}/.well-known/openid-configuration`);
		assert.equal(discovery.status, 200);
		assert.equal(((await discovery.json()) as { issuer: string }).issuer, base);
		const openapi = await fetch(`${base}/api/v1/openapi.json`);
		assert.equal(openapi.status, 200);
		const document = (await openapi.json()) as { paths: Record<string, unknown> };
		assert.ok(document.paths["/api/v1/sessions"]);
	});
});

describe("bin/tessera-server", () => {
	/** Runs the launcher with a stand-in for node that prints what it was given. */
	function launch(env: Record<string, string>): { args: string; nodeOptions: string; arenas: string } {
		const dir = mkdtempSync(join(tmpdir(), "tessera-launcher-"));
		try {
			const fake = join(dir, "node");
			writeFileSync(fake, '#!/bin/sh\nprintf "%s\\n%s\\n%s\\n" "$*" "$NODE_OPTIONS" "$MALLOC_ARENA_MAX"\n');
			chmodSync(fake, 0o755);
			const printed = execFileSync(join(ROOT, "bin", "tessera-server"), ["--extra"], {
				env: { PATH: process.env["PATH"] ?? "", NODE: fake, ...env },
				encoding: "utf8",
			});
			const [args = "", nodeOptions = "", arenas = ""] = printed.split("\n");
			return { args, nodeOptions, arenas };
		} finally {
			rmSync(dir, { recursive: true, force: true });
		}
	}

	test("starts dist/main.js with small V8 generations and two malloc arenas", () => {
		const run = launch({});
		assert.equal(run.args, `${join(ROOT, "bin")}/../dist/main.js --extra`);
		assert.match(run.nodeOptions, /--max-semi-space-size=\d+/);
		assert.match(run.nodeOptions, /--max-old-space-size=\d+/);
		assert.equal(run.arenas, "2");
	});

	test("an operator's own NODE_OPTIONS and MALLOC_ARENA_MAX win", () => {
		const run = launch({ NODE_OPTIONS: "--max-old-space-size=1024", MALLOC_ARENA_MAX: "4" });
		// V8 takes the last of a repeated flag: the operator's comes last.
		assert.match(run.nodeOptions, /--max-old-space-size=\d+ .*--max-old-space-size=1024$/);
		assert.equal(run.arenas, "4");
	});
});
