/**
 * The servers under test, each in a child process of its own on loopback, and the peak
 * memory (RSS) of such a process while a scenario runs.
 *
 * Tessera runs as `npm start` runs it: the compiled JavaScript (built first when the source
 * changed) through bin/tessera-server, with the same V8 and allocator settings.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import http from "node:http";
import net from "node:net";
import { join } from "node:path";
import { build, upToDate } from "../tools/build.ts";
import { send } from "./load.ts";

const ROOT = join(import.meta.dirname, "..");

export interface Server {
	name: string;
	port: number;
	pid: number;
	/** The value browsers would send as Origin. */
	origin: string;
	stop(): Promise<void>;
}

export function freePort(): Promise<number> {
	return new Promise((resolve) => {
		const server = net.createServer().listen(0, "127.0.0.1", () => {
			const { port } = server.address() as net.AddressInfo;
			server.close(() => resolve(port));
		});
	});
}

/**
 * The command `npm start` runs (bin/tessera-server: dist/main.js and its settings), with this
 * process's Node; dist/ is built first when the source changed.
 */
export function tesseraCommand(): { command: string; args: string[]; env: Record<string, string> } {
	if (!upToDate()) build();
	return { command: join(ROOT, "bin", "tessera-server"), args: [], env: { NODE: process.execPath } };
}

async function startChild(
	name: string,
	launch: { command: string; args: string[]; env?: Record<string, string> },
	env: Record<string, string>,
	readyPath: string,
): Promise<Server> {
	const port = await freePort();
	const child: ChildProcess = spawn(launch.command, launch.args, {
		cwd: ROOT,
		env: { ...process.env, ...launch.env, ...env, PORT: String(port) },
		stdio: ["ignore", "inherit", "inherit"],
	});
	const exited = new Promise((r) => child.once("exit", r));
	const stop = async () => {
		if (child.exitCode === null && child.signalCode === null) child.kill("SIGTERM");
		await exited;
	};
	const agent = new http.Agent();
	for (let i = 0; i < 300; i++) {
		if (child.exitCode !== null) break;
		try {
			const { status } = await send(agent, port, { method: "GET", path: readyPath });
			if (status === 200) {
				agent.destroy();
				return { name, port, pid: child.pid!, origin: `http://127.0.0.1:${port}`, stop };
			}
		} catch {}
		await new Promise((r) => setTimeout(r, 100));
	}
	agent.destroy();
	await stop();
	throw new Error(`${name} did not start`);
}

/** Tessera as it is deployed: `npm start`'s command, configured by its environment. */
export function startTessera(env: Record<string, string>): Promise<Server> {
	return startChild(
		"Tessera",
		tesseraCommand(),
		{
			HOST: "127.0.0.1",
			TESSERA_LOG_LEVEL: "warn",
			// The throttling limits stay at their defaults (right answers are never slowed by them),
			// except sign-ups per address: a sign-up scenario is thousands from one address.
			TESSERA_LIMIT_SIGNUP_ADDRESS: "1000000/1h",
			...env,
		},
		"/readyz",
	);
}

/** The peer, bench/peer/better-auth-server.ts; `database` is `sqlite:/path` or a postgres:// URL. */
export function startBetterAuth(database: string): Promise<Server> {
	return startChild(
		"better-auth",
		{ command: process.execPath, args: ["bench/peer/better-auth-server.ts"] },
		{ BENCH_DATABASE: database },
		"/api/auth/ok",
	);
}

function statusKb(pid: number, field: "VmRSS" | "VmHWM"): number | undefined {
	try {
		const match = new RegExp(`^${field}:\\s+(\\d+) kB`, "m").exec(readFileSync(`/proc/${pid}/status`, "utf8"));
		return match ? Number(match[1]) : undefined;
	} catch {
		return undefined;
	}
}

/** CPU seconds (user + system) a process has used so far; /proc counts in USER_HZ ticks, 100 a second on Linux. */
function cpuSeconds(pid: number): number | undefined {
	try {
		const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
		// The command name, in parentheses, may hold spaces: fields are counted after its ")".
		const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
		return (Number(fields[11]) + Number(fields[12])) / 100;
	} catch {
		return undefined;
	}
}

/** The resident memory (RSS) a process holds now, MB (10^6 bytes); undefined off Linux. */
export function residentMB(pid: number): number | undefined {
	const kb = statusKb(pid, "VmRSS");
	return kb === undefined ? undefined : (kb * 1024) / 1e6;
}

export interface ProcessUse {
	/** The most resident memory (RSS) the process held, MB (10^6 bytes; /proc's "kB" are KiB). */
	peakMB: number | undefined;
	/** CPU time the process used, seconds, all its threads (a password hash runs on libuv's pool). */
	cpuSeconds: number | undefined;
	/** Where the machine's CPU went meanwhile, seconds (Linux only). */
	split: CpuSplit | undefined;
}

/**
 * The CPU time spent on the machine while a scenario ran, by who spent it: the server's
 * libuv pool (where password hashes run), the rest of the server (its event loop, V8's
 * helpers), the database's processes (every `postgres` process: only the server under test
 * is sending them work), and this process (the load generator).
 */
export interface CpuSplit {
	hashingThreads: number;
	serverOther: number;
	database: number;
	loadGenerator: number;
}

/** CPU seconds of one /proc stat line (user + system, after the command's closing parenthesis). */
function statSeconds(stat: string): number {
	const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
	return (Number(fields[11]) + Number(fields[12])) / 100;
}

function splitNow(pid: number): CpuSplit | undefined {
	try {
		let hashingThreads = 0;
		let serverOther = 0;
		for (const tid of readdirSync(`/proc/${pid}/task`)) {
			try {
				const stat = readFileSync(`/proc/${pid}/task/${tid}/stat`, "utf8");
				if (readFileSync(`/proc/${pid}/task/${tid}/comm`, "utf8").startsWith("libuv-worker")) hashingThreads += statSeconds(stat);
				else serverOther += statSeconds(stat);
			} catch {
				// A thread that ended meanwhile.
			}
		}
		let database = 0;
		for (const other of readdirSync("/proc")) {
			if (!/^\d+$/.test(other)) continue;
			try {
				const stat = readFileSync(`/proc/${other}/stat`, "utf8");
				if (stat.includes("(postgres)")) database += statSeconds(stat);
			} catch {
				// A process that ended meanwhile.
			}
		}
		const own = process.cpuUsage();
		return { hashingThreads, serverOther, database, loadGenerator: (own.user + own.system) / 1e6 };
	} catch {
		return undefined;
	}
}

/**
 * What a process used between start() and stop(): its peak RSS, read as the high-water mark
 * (VmHWM) after a reset through /proc/PID/clear_refs, and as RSS sampled every 50 ms in case
 * the reset is not allowed; and its CPU time. Linux only: elsewhere both read undefined.
 */
export class ProcessProbe {
	readonly #pid: number;
	#sampled = 0;
	#timer: NodeJS.Timeout | undefined;
	#reset = false;
	#cpu: number | undefined;
	#split: CpuSplit | undefined;

	constructor(pid: number) {
		this.#pid = pid;
	}

	start(): void {
		try {
			writeFileSync(`/proc/${this.#pid}/clear_refs`, "5");
			this.#reset = true;
		} catch {
			this.#reset = false;
		}
		this.#sampled = statusKb(this.#pid, "VmRSS") ?? 0;
		this.#timer = setInterval(() => {
			this.#sampled = Math.max(this.#sampled, statusKb(this.#pid, "VmRSS") ?? 0);
		}, 50);
		this.#cpu = cpuSeconds(this.#pid);
		this.#split = splitNow(this.#pid);
	}

	stop(): ProcessUse {
		clearInterval(this.#timer);
		const hwm = this.#reset ? (statusKb(this.#pid, "VmHWM") ?? 0) : 0;
		const peak = Math.max(this.#sampled, hwm);
		const cpu = cpuSeconds(this.#pid);
		const before = this.#split;
		const after = splitNow(this.#pid);
		const split =
			before && after
				? {
						hashingThreads: after.hashingThreads - before.hashingThreads,
						serverOther: after.serverOther - before.serverOther,
						database: after.database - before.database,
						loadGenerator: after.loadGenerator - before.loadGenerator,
					}
				: undefined;
		return {
			split,
			peakMB: peak > 0 ? (peak * 1024) / 1e6 : undefined,
			cpuSeconds: cpu !== undefined && this.#cpu !== undefined ? cpu - this.#cpu : undefined,
		};
	}
}
