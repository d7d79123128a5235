import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { once } from "node:events";
import { describe, test } from "node:test";
import { secretVariables } from "../../src/config.ts";
import { startHarness } from "../helpers/harness.ts";
import { containerfileInstructions, imageHealthcheck, read } from "./tools.ts";

const NODE_IN_IMAGE = "/opt/tessera/node_modules/node/bin/node";

describe("the Containerfile", () => {
	const instructions = containerfileInstructions();
	const froms = instructions.map((i, index) => ({ ...i, index })).filter((i) => i.keyword === "FROM");
	const finalStage = instructions.slice(froms.at(-1)!.index);

	test("the final image is made from BASE_IMAGE, a build argument with a glibc default", () => {
		const firstFrom = froms[0]!.index;
		const baseArg = instructions.slice(0, firstFrom).find((i) => i.keyword === "ARG" && i.args.startsWith("BASE_IMAGE="));
		assert.ok(baseArg, "ARG BASE_IMAGE=… before the first FROM");
		assert.match(baseArg.args, /^BASE_IMAGE=\S*debian:bookworm-slim$/);
		assert.match(froms.at(-1)!.args, /^\$\{BASE_IMAGE\}$/);
		assert.ok(
			froms.some((f) => /\bAS build$/.test(f.args)) && instructions.some((i) => i.keyword === "RUN" && /npm prune --omit=dev/.test(i.args)),
			"a build stage that prunes to production packages",
		);
	});

	test("it runs as a numeric user that is not root, and runs no command in the final stage", () => {
		const users = finalStage.filter((i) => i.keyword === "USER");
		assert.equal(users.length, 1);
		const [uid, gid] = users[0]!.args.split(":");
		assert.match(uid!, /^\d+$/);
		assert.notEqual(Number(uid), 0);
		assert.notEqual(Number(gid ?? uid), 0);
		// No RUN: the final stage works on bases without a shell.
		assert.deepEqual(
			finalStage.filter((i) => i.keyword === "RUN"),
			[],
		);
		const dataCopy = finalStage.find((i) => i.keyword === "COPY" && i.args.endsWith("/var/lib/tessera"));
		assert.ok(dataCopy?.args.includes(`--chown=${uid}:${gid}`), "the data directory belongs to the user");
		const appCopy = finalStage.find((i) => i.keyword === "COPY" && i.args.endsWith("/opt/tessera"));
		assert.ok(appCopy?.args.includes("--chown=0:0"), "the application belongs to root");
		assert.ok(finalStage.some((i) => i.keyword === "VOLUME" && i.args.includes("/var/lib/tessera")));
	});

	test("its healthcheck is Node asking /healthz, with no curl or wget", () => {
		const command = imageHealthcheck();
		assert.equal(command[0], NODE_IN_IMAGE);
		assert.ok(!command.some((part) => /\b(curl|wget)\b/.test(part)));
		assert.ok(command.join(" ").includes("/healthz"));
	});

	test("it bakes in no secret, listens on 3000 and stops on SIGTERM", () => {
		const settings = instructions.filter((i) => i.keyword === "ENV" || i.keyword === "ARG").map((i) => i.args);
		for (const name of secretVariables) {
			for (const form of [name, `${name}_FILE`]) {
				assert.ok(!settings.some((s) => new RegExp(`(^|\\s)${form}=`).test(s)), `${form} is not set in the image`);
			}
		}
		assert.ok(finalStage.some((i) => i.keyword === "EXPOSE" && i.args === "3000"));
		assert.ok(finalStage.some((i) => i.keyword === "STOPSIGNAL" && i.args === "SIGTERM"));
		assert.match(read("src/main.ts"), /process\.on\("SIGTERM"/);
		const labels = finalStage.filter((i) => i.keyword === "LABEL").map((i) => i.args).join(" ");
		for (const key of ["title", "description", "licenses", "version", "revision"]) assert.ok(labels.includes(`org.opencontainers.image.${key}=`), key);
	});

	test("it runs what `npm start` runs, with the Node the package brings and no npm", () => {
		const start = (JSON.parse(read("package.json")) as { scripts: Record<string, string> }).scripts["start"]!;
		// `node x.js` runs the package's own Node; `bin/x` is a file of the application.
		const expected = start.split(/\s+/).map((word, i) => (i === 0 ? (word === "node" ? NODE_IN_IMAGE : `/opt/tessera/${word}`) : word));
		assert.equal(finalStage.find((i) => i.keyword === "ENTRYPOINT"), undefined);
		assert.deepEqual(JSON.parse(finalStage.find((i) => i.keyword === "CMD")!.args), expected);
		const path = finalStage.find((i) => i.keyword === "ENV" && /\bPATH=/.test(i.args))?.args ?? "";
		assert.match(path, /PATH=\/opt\/tessera\/node_modules\/node\/bin:/, "`node` is the package's Node 24");
	});

	test("the build context leaves out local state, installed packages, secrets and test output, for every builder", () => {
		const ignore = read(".containerignore");
		assert.equal(read(".dockerignore"), ignore, ".dockerignore is the same list");
		const lines = ignore.split("\n").map((l) => l.trim());
		for (const entry of [".git", ".env*", "node_modules", "**/node_modules", "data", "test-output", "deploy/secrets"]) {
			assert.ok(lines.includes(entry), entry);
		}
	});
});

describe("the image's healthcheck command", () => {
	const [, ...args] = imageHealthcheck();
	// Run beside the server in this process, so never synchronously.
	const check = async (port: number) => {
		const child = spawn(process.execPath, args, { env: { PORT: String(port) }, stdio: "ignore", timeout: 15_000 });
		const [code] = (await once(child, "exit")) as [number | null];
		return code;
	};

	test("passes while Tessera answers /healthz, and fails once it has stopped", async () => {
		const h = await startHarness("sqlite");
		let closed = false;
		try {
			await h.app.listen({ port: 0, host: "127.0.0.1" });
			const address = h.app.server.address();
			assert.ok(address && typeof address === "object");
			assert.equal(await check(address.port), 0);
			await h.close();
			closed = true;
			assert.equal(await check(address.port), 1);
		} finally {
			if (!closed) await h.close();
		}
	});
});
