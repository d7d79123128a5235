/**
 * Abuse scenarios against one Tessera checkout, each on a fresh server of its own
 * (`node src/main.ts` in that checkout, on 127.0.0.1, a new temporary data folder, default
 * limits, logging silent):
 *
 * 1. Hashing bought by one address: 5 signed-in accounts with two-factor on each keep 10
 *    `POST /api/v1/account/backup-codes {password}` going for 5 s, with the right password,
 *    while 5 other accounts sign in (`POST /api/v1/sessions`), 2 at a time. Before the attack,
 *    3 s of the same sign-ins alone.
 * 2. Sockets held by slow clients: 100 connections that stop in the middle of the headers,
 *    100 that send full headers with Content-Length: 1000 and 10 bytes of body; how many the
 *    server has closed after 15, 30 and 60 s (the test ends at 65 s).
 * 3. Shutdown after aborted requests: 50 sign-ins whose sockets are destroyed ~5 ms after the
 *    request was written, 2 s of quiet, then SIGTERM: time until the process exits (cap 40 s).
 *    The same with no aborted requests is the control.
 *
 * Usage: node bench/abuse.ts [checkout]   (default: the repository this file is in)
 *        ABUSE_OUT=/path/results.json     also writes the results as JSON
 *
 * All traffic goes to 127.0.0.1. Every loop is bounded in count and time, each phase has a
 * watchdog that kills its server, and the whole run is killed after 6 minutes.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import http from "node:http";
import net from "node:net";
import { loadavg, tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { argon2id, hashMillis, PASSWORD } from "./ceilings.ts";
import { type Answer, type RequestSpec, runLoad, send } from "./load.ts";
import { type Account, tesseraSide } from "./peers.ts";
import { freePort, ProcessProbe, type Server } from "./servers.ts";

const CHECKOUT = resolve(process.argv[2] ?? join(import.meta.dirname, ".."));
const RUN_CAP_MS = 6 * 60_000;

const ATTACKERS = 5;
const PER_ATTACKER = 10;
const ATTACK_SECONDS = 5;
const BYSTANDERS = 5;
const BYSTANDER_CONNECTIONS = 2;
const QUIET_SECONDS = 3;

const SLOW_EACH = 100;
const SLOW_MARKS_S = [15, 30, 60];
const SLOW_CAP_S = 65;

const ABORTED = 50;
const ABORT_AFTER_MS = 5;
const QUIET_BEFORE_TERM_MS = 2000;
const EXIT_CAP_MS = 40_000;

const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

// ---------------------------------------------------------------------------------------------
// The server under test

interface Exit {
	code: number | null;
	signal: NodeJS.Signals | null;
	/** performance.now() when it exited. */
	at: number;
}

interface Running extends Server {
	child: ChildProcess;
	exited: Promise<Exit>;
	/** Kills it at once (a watchdog's last resort). */
	kill(): void;
}

const children = new Set<ChildProcess>();
const alive = (child: ChildProcess) => child.exitCode === null && child.signalCode === null;
process.on("exit", () => {
	for (const child of children) if (alive(child)) child.kill("SIGKILL");
});

async function startServer(label: string): Promise<Running> {
	const entry = join(CHECKOUT, "src", "main.ts");
	if (!existsSync(entry)) throw new Error(`${entry} does not exist: the argument must be a Tessera checkout`);
	const port = await freePort();
	const dataDir = mkdtempSync(join(tmpdir(), "tessera-abuse-"));
	const child = spawn(process.execPath, ["src/main.ts"], {
		cwd: CHECKOUT,
		env: { ...process.env, PORT: String(port), HOST: "127.0.0.1", TESSERA_DATA_DIR: dataDir, TESSERA_LOG_LEVEL: "silent" },
		stdio: ["ignore", "inherit", "inherit"],
	});
	children.add(child);
	const exited = new Promise<Exit>((r) =>
		child.once("exit", (code, signal) => {
			children.delete(child);
			rmSync(dataDir, { recursive: true, force: true });
			r({ code, signal, at: performance.now() });
		}),
	);
	const kill = () => {
		if (alive(child)) child.kill("SIGKILL");
	};
	const stop = async () => {
		if (alive(child)) child.kill("SIGTERM");
		const timer = setTimeout(kill, EXIT_CAP_MS);
		await exited;
		clearTimeout(timer);
	};
	const agent = new http.Agent();
	try {
		for (let i = 0; i < 300 && alive(child); i++) {
			try {
				const { status } = await within(send(agent, port, { method: "GET", path: "/healthz" }), 2000);
				if (status === 200) return { name: label, port, pid: child.pid!, origin: `http://127.0.0.1:${port}`, stop, child, exited, kill };
			} catch {}
			await sleep(100);
		}
	} finally {
		agent.destroy();
	}
	kill();
	await exited;
	throw new Error(`Tessera (${CHECKOUT}) did not answer GET /healthz`);
}

/** Runs `phase`; if it has not finished after `capMs`, kills the server so that its requests fail and it ends. */
async function guarded<T>(server: Running, capMs: number, phase: () => Promise<T>): Promise<T> {
	const timer = setTimeout(() => {
		console.error(`abuse: ${server.name} still busy after ${capMs} ms: killing the server`);
		server.kill();
	}, capMs);
	try {
		return await phase();
	} finally {
		clearTimeout(timer);
	}
}

function within<T>(promise: Promise<T>, ms: number): Promise<T> {
	let timer: NodeJS.Timeout | undefined;
	return Promise.race([
		promise,
		new Promise<never>((_, reject) => {
			timer = setTimeout(() => reject(new Error(`no answer in ${ms} ms`)), ms);
		}),
	]).finally(() => clearTimeout(timer));
}

// ---------------------------------------------------------------------------------------------
// Small helpers

function json(method: string, path: string, body: unknown, headers: Record<string, string> = {}): RequestSpec {
	return { method, path, headers: { "content-type": "application/json", ...headers }, body: JSON.stringify(body) };
}

function parse(answer: Answer): Record<string, unknown> {
	try {
		return JSON.parse(answer.body) as Record<string, unknown>;
	} catch {
		return {};
	}
}

/** "201", or "429 too_many_attempts" for an error answer. */
function outcome(answer: Answer): string {
	const code = (parse(answer)["error"] as { code?: string } | undefined)?.code;
	return code ? `${answer.status} ${code}` : String(answer.status);
}

function percentile(sorted: number[], p: number): number {
	if (sorted.length === 0) return Number.NaN;
	return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

interface Latency {
	count: number;
	p50: number;
	p99: number;
	max: number;
}

function latency(values: number[]): Latency {
	const sorted = [...values].sort((a, b) => a - b);
	return { count: sorted.length, p50: percentile(sorted, 50), p99: percentile(sorted, 99), max: sorted.at(-1) ?? Number.NaN };
}

/** CPU seconds the whole machine has been busy (every core), from /proc/stat; undefined off Linux. */
function machineBusySeconds(): number | undefined {
	try {
		const fields = readFileSync("/proc/stat", "utf8").split("\n")[0]!.trim().split(/\s+/).slice(1).map(Number);
		// user nice system idle iowait irq softirq steal: all but idle and iowait are busy (guest is within user).
		const busy = fields.slice(0, 8).reduce((sum, n, i) => (i === 3 || i === 4 ? sum : sum + n), 0);
		return busy / 100;
	} catch {
		return undefined;
	}
}

/**
 * What else ran on the machine while a phase ran: the cores kept busy by processes other than
 * the server under test and this bench. The bench shares the machine; a busy one skews figures.
 */
interface Load {
	/** Cores kept busy by the server under test, on average. */
	serverCores: number | undefined;
	serverCpuSeconds: number | undefined;
	/** By this bench process (the clients). */
	benchCores: number;
	/** By everything else on the machine. */
	otherCores: number | undefined;
	/** 1-minute load average at the end. */
	loadAverage: number;
}

function otherLoad(serverPid: number): () => Load {
	const probe = new ProcessProbe(serverPid);
	probe.start();
	const machine = machineBusySeconds();
	const bench = process.cpuUsage();
	const t0 = performance.now();
	return () => {
		const seconds = (performance.now() - t0) / 1000;
		const server = probe.stop().cpuSeconds;
		const used = process.cpuUsage(bench);
		const benchSeconds = (used.user + used.system) / 1e6;
		const now = machineBusySeconds();
		const other =
			machine === undefined || now === undefined || server === undefined ? undefined : now - machine - server - benchSeconds;
		return {
			serverCores: server === undefined ? undefined : round(server / seconds, 2),
			serverCpuSeconds: server === undefined ? undefined : round(server, 2),
			benchCores: round(benchSeconds / seconds, 2),
			otherCores: other === undefined ? undefined : round(Math.max(0, other) / seconds, 2),
			loadAverage: round(loadavg()[0] ?? Number.NaN, 2),
		};
	};
}

const round = (n: number, digits = 1) => (Number.isFinite(n) ? Number(n.toFixed(digits)) : n);
const ms = (n: number) => (Number.isFinite(n) ? `${n.toFixed(n < 100 ? 1 : 0)} ms` : "–");
const countsText = (counts: Record<string, number>) =>
	Object.entries(counts)
		.sort(([a], [b]) => (a < b ? -1 : 1))
		.map(([k, n]) => `${k}: ${n}`)
		.join(", ") || "none";

function add(counts: Record<string, number>, key: string, n = 1): void {
	counts[key] = (counts[key] ?? 0) + n;
}

let names = 0;
const runTag = Date.now().toString(36).slice(-5);
const newName = (prefix: string) => `${prefix}.${runTag}.${names++}`;

async function signUp(server: Server, agent: http.Agent, prefix: string): Promise<Account> {
	const side = tesseraSide(server);
	const name = newName(prefix);
	const answer = await within(send(agent, server.port, side.signUp(name)), 10_000);
	const account = answer.status === side.signUpStatus ? side.accountFrom(name, answer) : undefined;
	if (!account) throw new Error(`sign-up of ${name} answered ${answer.status}: ${answer.body.slice(0, 300)}`);
	return account;
}

// ---------------------------------------------------------------------------------------------
// 1. Hashing bought by one address

/**
 * argon2id hashes one answer to POST /account/backup-codes cost, read from the source
 * (flows/two-factor.ts requestNewBackupCodes, flows/accounts.ts requirePassword,
 * methods/backup-code/backup-codes.ts prepareSet, limits/attempts.ts):
 * - 201: the password is verified (1) and a new set is made, one argon2id per code (the
 *   answer's codes.length);
 * - 401 invalid_credentials, 409 two_factor_not_enabled: the password was verified (1);
 * - 429 too_many_attempts: refused by the attempt counters before the password is looked at (0);
 * - anything else: counted as 0, and listed.
 */
function hashesFor(answer: Answer): number {
	if (answer.status === 201) {
		const codes = parse(answer)["codes"];
		return 1 + (Array.isArray(codes) ? codes.length : 0);
	}
	const why = outcome(answer);
	return why === "401 invalid_credentials" || why === "409 two_factor_not_enabled" ? 1 : 0;
}

interface SignIns {
	seconds: number;
	outcomes: Record<string, number>;
	networkErrors: number;
	/** Of 201 answers (signed in). */
	signedIn: Latency;
	/** Of every answer, whatever its status. */
	allAnswers: Latency;
	/** Only for the sign-ins alone; under attack see HashingResult.machine. */
	machine?: Load;
}

/** Bystanders signing in, `BYSTANDER_CONNECTIONS` at a time, round robin over their accounts. */
async function bystanderSignIns(server: Server, accounts: Account[], seconds: number): Promise<SignIns> {
	const side = tesseraSide(server);
	let next = 0;
	const sentAt: number[] = [];
	const ok: number[] = [];
	const all: number[] = [];
	const outcomes: Record<string, number> = {};
	const result = await runLoad({
		port: server.port,
		connections: BYSTANDER_CONNECTIONS,
		seconds,
		next: (client) => {
			sentAt[client] = performance.now();
			return side.signIn(accounts[next++ % accounts.length]!);
		},
		expectStatus: side.signInStatus,
		onAnswer: (client, answer) => {
			const took = performance.now() - sentAt[client]!;
			all.push(took);
			if (answer.status === 201) ok.push(took);
			add(outcomes, outcome(answer));
		},
	});
	return {
		seconds: round(result.seconds, 2),
		outcomes,
		networkErrors: result.errors - (all.length - result.requests),
		signedIn: latency(ok),
		allAnswers: latency(all),
	};
}

interface HashingResult {
	attackers: number;
	concurrentPerAttacker: number;
	/** Seconds from the first request to the last answer (requests start only in the first ATTACK_SECONDS). */
	seconds: number;
	outcomes: Record<string, number>;
	perSecond: Record<string, number>;
	networkErrors: number;
	attackerLatency: Latency;
	codesPerSet: number | undefined;
	estimatedHashes: number;
	estimatedHashesPerSecond: number;
	hashEstimate: string;
	/** CPU use while the attack (and the bystanders' sign-ins beside it) ran. */
	machine: Load;
	/** One argon2id hash alone in the bench process, median ms. */
	hashMillis: number;
	/** Server CPU time over one hash's time: an upper bound on the hashes (it also counts HTTP, SQLite). */
	cpuBasedHashesPerSecond: number | undefined;
	bystanderQuiet: SignIns;
	bystanderUnderAttack: SignIns;
}

async function hashingBoughtByOneAddress(): Promise<HashingResult> {
	const server = await startServer("hashing");
	try {
		return await guarded(server, 120_000, async () => {
			const side = tesseraSide(server);
			const agent = new http.Agent({ keepAlive: true });
			const attackers: Account[] = [];
			const bystanders: Account[] = [];
			for (let i = 0; i < ATTACKERS; i++) attackers.push(await signUp(server, agent, "atk"));
			for (let i = 0; i < BYSTANDERS; i++) bystanders.push(await signUp(server, agent, "by"));
			// Two-factor on (authenticator + first set confirmed): only then does the route make a set.
			for (const account of attackers) await within(side.enrol(agent, account), 20_000);
			const probe = await within(
				send(agent, server.port, json("POST", "/api/v1/account/backup-codes", { password: PASSWORD }, attackers[0]!.session)),
				20_000,
			);
			console.error(`abuse: one POST /account/backup-codes before the attack: ${outcome(probe)}, ${hashesFor(probe)} hashes`);
			agent.destroy();
			const millis = await hashMillis(argon2id, 20);

			const quietLoad = otherLoad(server.pid);
			const bystanderQuiet: SignIns = await bystanderSignIns(server, bystanders, QUIET_SECONDS);
			bystanderQuiet.machine = quietLoad();

			const outcomes: Record<string, number> = {};
			const sentAt: number[] = [];
			const took: number[] = [];
			let hashes = 0;
			let codesPerSet: number | undefined;
			const load = otherLoad(server.pid);
			const [attack, bystanderUnderAttack] = await Promise.all([
				runLoad({
					port: server.port,
					connections: ATTACKERS * PER_ATTACKER,
					seconds: ATTACK_SECONDS,
					next: (client) => {
						sentAt[client] = performance.now();
						const account = attackers[Math.floor(client / PER_ATTACKER)]!;
						return json("POST", "/api/v1/account/backup-codes", { password: PASSWORD }, account.session);
					},
					expectStatus: 201,
					onAnswer: (client, answer) => {
						took.push(performance.now() - sentAt[client]!);
						add(outcomes, outcome(answer));
						hashes += hashesFor(answer);
						if (answer.status === 201) codesPerSet ??= hashesFor(answer) - 1;
					},
				}),
				bystanderSignIns(server, bystanders, ATTACK_SECONDS),
			]);
			const machine = load();
			const cpu = machine.serverCpuSeconds;
			const perSecond: Record<string, number> = {};
			for (const [k, n] of Object.entries(outcomes)) perSecond[k] = round(n / attack.seconds);
			return {
				attackers: ATTACKERS,
				concurrentPerAttacker: PER_ATTACKER,
				seconds: round(attack.seconds, 2),
				outcomes,
				perSecond,
				networkErrors: attack.errors - (took.length - attack.requests),
				attackerLatency: latency(took),
				codesPerSet,
				estimatedHashes: hashes,
				estimatedHashesPerSecond: round(hashes / attack.seconds),
				hashEstimate:
					"201 = 1 password verify + 1 argon2id per code in the new set (codes.length of the answer); " +
					"401 invalid_credentials / 409 two_factor_not_enabled = 1; 429 and anything else = 0",
				machine,
				hashMillis: round(millis, 2),
				cpuBasedHashesPerSecond: cpu === undefined ? undefined : round(cpu / (millis / 1000) / attack.seconds),
				bystanderQuiet,
				bystanderUnderAttack,
			};
		});
	} finally {
		await server.stop();
	}
}

// ---------------------------------------------------------------------------------------------
// 2. Sockets held by slow clients

interface SlowSocket {
	kind: "headers" | "body";
	connected: boolean;
	/** ms after the test started, when the socket closed (undefined: still open). */
	closedAt: number | undefined;
	/** The first line the server sent, if any (a 408, say). */
	answer: string | undefined;
}

interface SlowResult {
	perKind: number;
	capSeconds: number;
	marks: {
		seconds: number;
		openHeaders: number;
		openBody: number;
		closedHeaders: number;
		closedBody: number;
		healthz: string;
	}[];
	neverConnected: { headers: number; body: number };
	/** What the server sent before closing, by kind: first line → count. */
	answers: { headers: Record<string, number>; body: Record<string, number> };
	/** Close times in seconds, by kind: min/median/max of those closed before the cap. */
	closeSeconds: { headers: Latency; body: Latency };
}

function openSlow(port: number, kind: SlowSocket["kind"], started: number, sockets: net.Socket[]): Promise<SlowSocket> {
	const partial =
		kind === "headers"
			? "POST /api/v1/sessions HTTP/1.1\r\nHost: 127.0.0.1\r\n"
			: 'POST /api/v1/sessions HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n{"username';
	const state: SlowSocket = { kind, connected: false, closedAt: undefined, answer: undefined };
	return new Promise((resolveOpen) => {
		const socket = net.connect({ host: "127.0.0.1", port });
		sockets.push(socket);
		let received = "";
		socket.setNoDelay(true);
		socket.on("data", (chunk: Buffer) => {
			if (received.length < 200) received += chunk.toString("latin1");
		});
		socket.on("error", () => {});
		socket.on("close", () => {
			state.closedAt = performance.now() - started;
			state.answer = received ? received.split("\r\n")[0] : undefined;
			resolveOpen(state);
		});
		socket.on("connect", () => {
			state.connected = true;
			socket.write(partial);
			resolveOpen(state);
		});
		setTimeout(() => resolveOpen(state), 5000).unref();
	});
}

async function healthz(port: number): Promise<string> {
	const agent = new http.Agent();
	const t0 = performance.now();
	try {
		const { status } = await within(send(agent, port, { method: "GET", path: "/healthz" }), 5000);
		return `${status} in ${ms(performance.now() - t0)}`;
	} catch (error) {
		return `failed: ${error instanceof Error ? error.message : String(error)}`;
	} finally {
		agent.destroy();
	}
}

async function socketsHeldBySlowClients(): Promise<SlowResult> {
	const server = await startServer("slow clients");
	const sockets: net.Socket[] = [];
	try {
		return await guarded(server, (SLOW_CAP_S + 30) * 1000, async () => {
			const started = performance.now();
			const states = await Promise.all([
				...Array.from({ length: SLOW_EACH }, () => openSlow(server.port, "headers", started, sockets)),
				...Array.from({ length: SLOW_EACH }, () => openSlow(server.port, "body", started, sockets)),
			]);
			const of = (kind: SlowSocket["kind"]) => states.filter((s) => s.kind === kind && s.connected);
			const marks: SlowResult["marks"] = [];
			for (const mark of SLOW_MARKS_S) {
				await sleep(Math.max(0, started + mark * 1000 - performance.now()));
				const openHeaders = of("headers").filter((s) => s.closedAt === undefined).length;
				const openBody = of("body").filter((s) => s.closedAt === undefined).length;
				marks.push({
					seconds: mark,
					openHeaders,
					openBody,
					closedHeaders: of("headers").length - openHeaders,
					closedBody: of("body").length - openBody,
					healthz: await healthz(server.port),
				});
				console.error(`abuse: slow clients at ${mark} s: open ${openHeaders} (headers) + ${openBody} (body)`);
			}
			await sleep(Math.max(0, started + SLOW_CAP_S * 1000 - performance.now()));
			const answers = { headers: {} as Record<string, number>, body: {} as Record<string, number> };
			for (const s of states) if (s.closedAt !== undefined) add(answers[s.kind], s.answer ?? "(nothing)");
			const closeTimes = (kind: SlowSocket["kind"]) =>
				latency(of(kind).flatMap((s) => (s.closedAt === undefined ? [] : [s.closedAt / 1000])));
			return {
				perKind: SLOW_EACH,
				capSeconds: SLOW_CAP_S,
				marks,
				neverConnected: { headers: SLOW_EACH - of("headers").length, body: SLOW_EACH - of("body").length },
				answers,
				closeSeconds: { headers: closeTimes("headers"), body: closeTimes("body") },
			};
		});
	} finally {
		for (const socket of sockets) socket.destroy();
		await server.stop();
	}
}

// ---------------------------------------------------------------------------------------------
// 3. Shutdown after aborted requests

interface ShutdownRun {
	aborted: number;
	/** Aborted requests that got any answer bytes before their socket was destroyed. */
	answeredBeforeAbort: number;
	healthzBeforeTerm: string;
	/** SIGTERM to exit, ms; undefined when it had to be killed at the cap. */
	exitMs: number | undefined;
	exit: string;
}

function abortedSignIn(port: number, username: string): Promise<boolean> {
	const body = JSON.stringify({ username, password: PASSWORD });
	const request =
		`POST /api/v1/sessions HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n` +
		`Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`;
	return new Promise((resolveAbort) => {
		let answered = false;
		const socket = net.connect({ host: "127.0.0.1", port });
		const giveUp = setTimeout(() => socket.destroy(), 5000);
		socket.on("data", () => {
			answered = true;
		});
		socket.on("error", () => {});
		socket.on("close", () => {
			clearTimeout(giveUp);
			resolveAbort(answered);
		});
		socket.on("connect", () => {
			socket.write(request, () => setTimeout(() => socket.destroy(), ABORT_AFTER_MS));
		});
	});
}

async function shutdownAfter(aborted: number): Promise<ShutdownRun> {
	const server = await startServer(aborted ? "shutdown after aborts" : "shutdown, control");
	let answeredBeforeAbort = 0;
	let healthzBeforeTerm = "";
	try {
		await guarded(server, 60_000, async () => {
			const agent = new http.Agent({ keepAlive: true });
			const account = await signUp(server, agent, "sd");
			agent.destroy();
			const results = await Promise.all(Array.from({ length: aborted }, () => abortedSignIn(server.port, account.name)));
			answeredBeforeAbort = results.filter(Boolean).length;
			await sleep(QUIET_BEFORE_TERM_MS);
			healthzBeforeTerm = await healthz(server.port);
		});
	} catch (error) {
		await server.stop();
		throw error;
	}
	const term = performance.now();
	if (alive(server.child)) server.child.kill("SIGTERM");
	const timer = setTimeout(() => server.kill(), EXIT_CAP_MS);
	const exit = await server.exited;
	clearTimeout(timer);
	const killed = exit.signal === "SIGKILL";
	return {
		aborted,
		answeredBeforeAbort,
		healthzBeforeTerm,
		exitMs: killed ? undefined : round(exit.at - term, 0),
		exit: killed ? `killed at the ${EXIT_CAP_MS / 1000} s cap` : exit.signal ? `signal ${exit.signal}` : `code ${exit.code}`,
	};
}

// ---------------------------------------------------------------------------------------------

interface Results {
	checkout: string;
	node: string;
	startedAt: string;
	hashing: HashingResult;
	slowClients: SlowResult;
	shutdown: { afterAborts: ShutdownRun; control: ShutdownRun };
}

function table(r: Results): string {
	const h = r.hashing;
	const lat = (s: SignIns) =>
		`p50 ${ms(s.signedIn.p50)}, p99 ${ms(s.signedIn.p99)}, max ${ms(s.signedIn.max)} (${s.signedIn.count} signed in; ${countsText(s.outcomes)}${s.networkErrors ? `; ${s.networkErrors} network errors` : ""}${s.machine ? `; server ${s.machine.serverCores ?? "?"} cores, other processes ${s.machine.otherCores ?? "?"} cores` : ""})`;
	const rows: [string, string][] = [
		[
			"attacker answers/s by status",
			`${Object.entries(h.perSecond)
				.map(([k, n]) => `${k}: ${n}/s`)
				.join(", ")} (${countsText(h.outcomes)} in ${h.seconds} s${h.networkErrors ? `; ${h.networkErrors} network errors` : ""})`,
		],
		["attacker latency", `p50 ${ms(h.attackerLatency.p50)}, p99 ${ms(h.attackerLatency.p99)}, max ${ms(h.attackerLatency.max)}`],
		[
			"est. argon2id hashes/s caused",
			`${h.estimatedHashesPerSecond}/s (${h.estimatedHashes} in ${h.seconds} s; 201 = 1 + ${h.codesPerSet ?? "?"} codes, 409/401 = 1, 429 = 0)`,
		],
		[
			"CPU during attack",
			h.machine.serverCpuSeconds === undefined
				? "–"
				: `server ${h.machine.serverCpuSeconds} s = ${h.machine.serverCores} cores (at ${h.hashMillis} ms a hash, ≤ ${h.cpuBasedHashesPerSecond} hashes/s); bench ${h.machine.benchCores} cores; other processes ${h.machine.otherCores ?? "?"} cores`,
		],
		[`bystander sign-in, no attack (${h.bystanderQuiet.seconds} s)`, lat(h.bystanderQuiet)],
		[`bystander sign-in, under attack (${h.bystanderUnderAttack.seconds} s)`, lat(h.bystanderUnderAttack)],
	];
	const s = r.slowClients;
	for (const m of s.marks) {
		rows.push([
			`slow clients still open at ${m.seconds} s`,
			`partial headers ${m.openHeaders}/${s.perKind} (closed ${m.closedHeaders}), partial body ${m.openBody}/${s.perKind} (closed ${m.closedBody}); /healthz ${m.healthz}`,
		]);
	}
	rows.push([
		`slow clients closed by the server before ${s.capSeconds} s`,
		`headers: ${s.closeSeconds.headers.count} (${countsText(s.answers.headers)}), body: ${s.closeSeconds.body.count} (${countsText(s.answers.body)})`,
	]);
	if (s.neverConnected.headers || s.neverConnected.body) {
		rows.push(["slow clients never connected", `headers ${s.neverConnected.headers}, body ${s.neverConnected.body}`]);
	}
	const sd = (run: ShutdownRun) =>
		`${run.exitMs === undefined ? `> ${EXIT_CAP_MS} ms` : `${run.exitMs} ms`} (${run.exit}; /healthz before SIGTERM ${run.healthzBeforeTerm}${run.aborted ? `; ${run.answeredBeforeAbort} answered before abort` : ""})`;
	rows.push([`SIGTERM → exit after ${r.shutdown.afterAborts.aborted} aborted sign-ins`, sd(r.shutdown.afterAborts)]);
	rows.push(["SIGTERM → exit, no aborted requests (control)", sd(r.shutdown.control)]);
	return [`Abuse bench: ${r.checkout} (Node ${r.node})`, "", "| measure | result |", "|---|---|", ...rows.map(([k, v]) => `| ${k} | ${v} |`)].join(
		"\n",
	);
}

async function main(): Promise<void> {
	const cap = setTimeout(() => {
		console.error(`abuse: the whole run took over ${RUN_CAP_MS / 1000} s: stopping`);
		process.exit(2);
	}, RUN_CAP_MS);
	cap.unref();
	const startedAt = new Date().toISOString();
	console.error(`abuse: measuring ${CHECKOUT}`);
	console.error("abuse: 1. hashing bought by one address");
	const hashing = await hashingBoughtByOneAddress();
	console.error(`abuse: 2. sockets held by slow clients (${SLOW_CAP_S} s)`);
	const slowClients = await socketsHeldBySlowClients();
	console.error("abuse: 3. shutdown after aborted requests");
	const afterAborts = await shutdownAfter(ABORTED);
	const control = await shutdownAfter(0);
	const results: Results = {
		checkout: CHECKOUT,
		node: process.version,
		startedAt,
		hashing,
		slowClients,
		shutdown: { afterAborts, control },
	};
	console.log(table(results));
	const out = process.env["ABUSE_OUT"];
	if (out) {
		writeFileSync(out, `${JSON.stringify(results, null, 2)}\n`);
		console.error(`abuse: results written to ${out}`);
	}
}

main().then(
	() => process.exit(0),
	(error: unknown) => {
		console.error("abuse: failed:", error instanceof Error ? (error.stack ?? error.message) : error);
		process.exit(1);
	},
);
