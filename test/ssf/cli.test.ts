import assert from "node:assert/strict";
import { execFile } from "node:child_process";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { after, before, describe, test } from "node:test";
import { configReference } from "../../src/config.ts";
import { lockUser } from "../../src/flows/operator.ts";
import { databaseKinds } from "../helpers/databases.ts";
import { type Harness, signUp, startHarness } from "../helpers/harness.ts";
import { freePort } from "../helpers/oidc.ts";
import { type Receiver, startReceiver, transmitter } from "./receiver.ts";

/**
 * `tessera ssf`, run as the operator runs it, against the database of a running
 * Tessera: what it prints, and what each command does to the receiver.
 */

const ROOT = fileURLToPath(new URL("../..", import.meta.url));
const CLI = join(ROOT, "src", "cli.ts");
const SECRET = "3d".repeat(32);

interface Run {
	code: number;
	stdout: string;
	stderr: string;
}

function tessera(env: Record<string, string>, ...args: string[]): Promise<Run> {
	return tesseraWithInput(env, "", ...args);
}

/** The command, with `input` on its standard input. */
function tesseraWithInput(env: Record<string, string>, input: string, ...args: string[]): Promise<Run> {
	return new Promise((resolve, reject) => {
		const child = execFile(process.execPath, [CLI, ...args], { cwd: ROOT, env, timeout: 120_000 }, (error, stdout, stderr) => {
			if (error && typeof error.code !== "number") return reject(new Error(`tessera ${args.join(" ")}: ${error.message}\n${stderr}`));
			resolve({ code: error ? Number(error.code) : 0, stdout, stderr });
		});
		child.stdin?.end(input);
	});
}

const show = (run: Run) => `exit ${run.code}\n--- stdout\n${run.stdout}\n--- stderr\n${run.stderr}`;

for (const kind of await databaseKinds()) {
	describe(`tessera ssf (${kind})`, () => {
		let h: Harness;
		let base: string;
		let receiver: Receiver;
		let env: Record<string, string>;
		const cli = (...args: string[]) => tessera(env, ...args);

		before(async () => {
			const port = await freePort();
			base = `http://127.0.0.1:${port}`;
			h = await startHarness(kind, { TESSERA_SECRET: SECRET, TESSERA_PUBLIC_URL: base });
			await h.app.listen({ port, host: "127.0.0.1" });
			receiver = await startReceiver();
			env = { PATH: process.env["PATH"] ?? "", HOME: process.env["HOME"] ?? "/tmp", USER: "sam", TESSERA_SECRET: SECRET, TESSERA_DATA_DIR: h.database.dataDir, TESSERA_PUBLIC_URL: base };
			if (kind === "postgres") env["DATABASE_URL"] = h.database.url;
			for (const [name] of configReference) if (!["DATABASE_URL", "TESSERA_SECRET", "TESSERA_DATA_DIR", "TESSERA_PUBLIC_URL"].includes(name)) delete env[name];
		});
		after(async () => {
			await h.close();
			await receiver.close();
		});

		test("add prints the stream and its token once; the receiver uses it; status, log, rotate-token and remove act on it", async () => {
			const [pushed, polled, neither, both, badUrl, badEvent, noAudience, badStatus] = await Promise.all([
				cli("ssf", "add", "--audience", "https://wiki.example", "--push", `${receiver.base}/wiki`, "--push-authorization", "Bearer wiki-secret", "--events", "session-revoked,account-disabled", "--description", "Wiki"),
				cli("ssf", "add", "--audience", "https://phone.example", "--poll"),
				cli("ssf", "add", "--audience", "https://x.example"),
				cli("ssf", "add", "--audience", "https://x.example", "--poll", "--push", "https://x.example/events"),
				cli("ssf", "add", "--audience", "https://x.example", "--push", "http://x.example/events"),
				cli("ssf", "add", "--audience", "https://x.example", "--poll", "--events", "session-revoked,password-changed"),
				cli("ssf", "add", "--poll"),
				cli("ssf", "status", "0123456789abcdef0123456789abcdef", "asleep"),
			]);
			assert.equal(pushed.code, 0, show(pushed));
			assert.equal(polled.code, 0, show(polled));
			for (const run of [neither, both, noAudience, badStatus]) {
				assert.equal(run.code, 64, show(run));
				assert.match(run.stderr, /Usage: tessera ssf (add|status)/);
			}
			assert.equal(badUrl.code, 65, show(badUrl));
			assert.match(badUrl.stderr, /http:\/\/x\.example\/events cannot take pushes: use an https address/);
			assert.equal(badEvent.code, 65, show(badEvent));
			assert.match(badEvent.stderr, /"password-changed" is not an event Tessera sends/);

			const added = JSON.parse(pushed.stdout) as { streamId: string; token: string; configuration: { events_delivered: string[]; description: string } };
			assert.match(added.token, /^[A-Za-z0-9_-]{43}$/);
			assert.deepEqual(added.configuration.events_delivered.map((e) => e.split("/").at(-1)), ["session-revoked", "account-disabled"]);
			assert.equal(added.configuration.description, "Wiki");
			const poll = JSON.parse(polled.stdout) as { streamId: string; configuration: { delivery: { endpoint_url: string } } };
			assert.equal(poll.configuration.delivery.endpoint_url, `${base}/ssf/poll/${poll.streamId}`);

			// The receiver reads its stream with the printed token; the running server pushes to it.
			const read = await fetch(`${base}/ssf/stream`, { headers: { authorization: `Bearer ${added.token}` } });
			assert.equal(read.status, 200);
			const user = await signUp(h.app);
			await lockUser(h.tessera.deps, user.username, "operator:test", "");
			const ssf = await transmitter(base);
			const deadline = Date.now() + 5000;
			while (receiver.pushes.filter((p) => p.path === "/wiki").length < 2 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
			const types = await Promise.all(receiver.pushes.filter((p) => p.path === "/wiki").map(async (p) => (await ssf.verify(p.jwt, "https://wiki.example")).type));
			assert.deepEqual(types.sort(), ["account-disabled", "session-revoked"]);
			assert.ok(receiver.pushes.every((p) => p.authorization === "Bearer wiki-secret"));

			const list = await cli("ssf", "list");
			assert.equal(list.code, 0, show(list));
			assert.match(list.stdout, new RegExp(`${added.streamId}  https://wiki.example  push ${receiver.base}/wiki  enabled  2 event types`));
			assert.match(list.stdout, new RegExp(`${poll.streamId}  https://phone.example  poll  enabled  6 event types`));
			assert.ok(!list.stdout.includes(added.token) && !list.stdout.includes("wiki-secret"), "never a token or the push authorization");
			const shown = await cli("ssf", "show", added.streamId);
			assert.equal(shown.code, 0, show(shown));
			assert.equal(JSON.parse(shown.stdout).pushAuthorization, true);
			assert.ok(!shown.stdout.includes(added.token) && !shown.stdout.includes("wiki-secret"));

			const log = await cli("ssf", "log", added.streamId, "--json");
			assert.equal(log.code, 0, show(log));
			assert.deepEqual((JSON.parse(log.stdout) as { state: string }[]).map((e) => e.state), ["delivered", "delivered"]);

			// The operator pauses it: the receiver hears it, by a stream-updated SET, whatever the pause.
			const paused = await cli("ssf", "status", added.streamId, "paused", "--reason", "audit");
			assert.equal(paused.code, 0, show(paused));
			const status = await fetch(`${base}/ssf/status?stream_id=${added.streamId}`, { headers: { authorization: `Bearer ${added.token}` } });
			assert.deepEqual(await status.json(), { stream_id: added.streamId, status: "paused", reason: "audit" });
			// The command wrote it at the system's time; the server's clock is the test's.
			h.clock.set(Date.now() + 1000);
			const later = Date.now() + 5000;
			while (receiver.pushes.filter((p) => p.path === "/wiki").length < 3 && Date.now() < later) await new Promise((r) => setTimeout(r, 20));
			const updated = await ssf.verify(receiver.pushes.filter((p) => p.path === "/wiki")[2]!.jwt, "https://wiki.example");
			assert.equal(updated.type, "stream-updated");
			assert.deepEqual(updated.event, { status: "paused", reason: "audit" });

			const rotated = await cli("ssf", "rotate-token", added.streamId);
			assert.equal(rotated.code, 0, show(rotated));
			const fresh = (JSON.parse(rotated.stdout) as { token: string }).token;
			assert.equal((await fetch(`${base}/ssf/stream`, { headers: { authorization: `Bearer ${added.token}` } })).status, 401, "the old token stops at once");
			assert.equal((await fetch(`${base}/ssf/stream`, { headers: { authorization: `Bearer ${fresh}` } })).status, 200);

			const removed = await cli("ssf", "remove", added.streamId);
			assert.equal(removed.code, 0, show(removed));
			assert.equal((await fetch(`${base}/ssf/stream`, { headers: { authorization: `Bearer ${fresh}` } })).status, 401);
			const again = await cli("ssf", "remove", added.streamId);
			assert.equal(again.code, 65, show(again));
			assert.match(again.stderr, /There is no stream/);
		});

		test("the push authorization can come from a file or standard input, and must be one header line", async () => {
			const dir = await mkdtemp(join(tmpdir(), "tessera-ssf-"));
			try {
				const file = join(dir, "authorization");
				await writeFile(file, "Bearer from-a-file\n", { mode: 0o600 });
				const multiline = join(dir, "two-lines");
				await writeFile(multiline, "Bearer a\r\nX-Injected: 1\n");
				const add = (path: string, ...more: string[]) => ["ssf", "add", "--audience", `https://${path}.example`, "--push", `${receiver.base}/${path}`, "--events", "account-disabled", ...more];
				const [fromFile, fromStdin, twoLines, inArgv, both] = await Promise.all([
					cli(...add("from-file", "--push-authorization-file", file)),
					tesseraWithInput(env, "Bearer from-stdin\n", ...add("from-stdin", "--push-authorization-file", "-")),
					cli(...add("two-lines", "--push-authorization-file", multiline)),
					cli(...add("in-argv", "--push-authorization", "Bearer a\nb")),
					cli(...add("both", "--push-authorization", "Bearer x", "--push-authorization-file", file)),
				]);
				assert.equal(fromFile.code, 0, show(fromFile));
				assert.equal(fromStdin.code, 0, show(fromStdin));
				for (const run of [twoLines, inArgv, both]) {
					assert.equal(run.code, 64, show(run));
					assert.match(run.stderr, /Usage: tessera ssf add/);
				}
				assert.match(twoLines.stderr, /one line of printable ASCII/);
				const user = await signUp(h.app);
				await lockUser(h.tessera.deps, user.username, "operator:test", "");
				const at = (path: string) => receiver.pushes.filter((p) => p.path === path);
				const deadline = Date.now() + 5000;
				while ((at("/from-file").length < 1 || at("/from-stdin").length < 1) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
				assert.deepEqual(at("/from-file").map((p) => p.authorization), ["Bearer from-a-file"]);
				assert.deepEqual(at("/from-stdin").map((p) => p.authorization), ["Bearer from-stdin"]);
				for (const run of [fromFile, fromStdin]) assert.equal((await cli("ssf", "remove", (JSON.parse(run.stdout) as { streamId: string }).streamId)).code, 0);
			} finally {
				await rm(dir, { recursive: true, force: true });
			}
		});

		test("every ssf verb takes --help", async () => {
			const verbs = ["add", "list", "show", "remove", "rotate-token", "status", "log"];
			const runs = await Promise.all(verbs.map((verb) => cli("ssf", verb, "--help")));
			runs.forEach((run, i) => {
				assert.equal(run.code, 0, show(run));
				assert.ok(run.stdout.startsWith(`Usage: tessera ssf ${verbs[i]}`), show(run));
			});
		});
	});
}
