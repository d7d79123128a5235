/**
 * What the access log costs: the session check on two Tessera processes sharing one
 * database, one at the default log level and one with logging off (TESSERA_LOG_LEVEL=silent),
 * taking turns (ABBA) in slices of the same run. Each process writes its standard output to a
 * file of its own, as a container runtime or a journal would take it: the cost of writing
 * is the server's, the cost of collecting it is not.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { closeSync, mkdtempSync, openSync, rmSync, statSync } from "node:fs";
import http from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pino from "pino";
import { accessLogger, createLogger } from "../src/logger.ts";
import { fmt } from "./compare.ts";
import { type LoadResult, mergeLoads, runLoad, send } from "./load.ts";
import { type Account, tesseraSide } from "./peers.ts";
import { freePort, ProcessProbe, type Server, tesseraCommand } from "./servers.ts";

const ROOT = join(import.meta.dirname, "..");
const CONNECTIONS = 50;
const ACCOUNTS = 50;

interface LoggingServer extends Server {
	logFile: string;
}

/** Tessera as deployed (bin/tessera-server) with its standard output (the log) going to `logFile`. */
async function startLogging(name: string, env: Record<string, string | undefined>, logFile: string): Promise<LoggingServer> {
	const port = await freePort();
	const out = openSync(logFile, "w");
	const launch = tesseraCommand();
	const childEnv: Record<string, string | undefined> = { ...process.env, ...launch.env, HOST: "127.0.0.1", PORT: String(port), ...env };
	for (const [key, value] of Object.entries(childEnv)) if (value === undefined) delete childEnv[key];
	const child: ChildProcess = spawn(launch.command, launch.args, { cwd: ROOT, env: childEnv, stdio: ["ignore", out, "inherit"] });
	closeSync(out);
	const exited = new Promise((r) => child.once("exit", r));
	const stop = async () => {
		if (child.exitCode === null && child.signalCode === null) child.kill("SIGTERM");
		await exited;
	};
	const agent = new http.Agent();
	for (let i = 0; i < 300 && child.exitCode === null; i++) {
		try {
			if ((await send(agent, port, { method: "GET", path: "/readyz" })).status === 200) {
				agent.destroy();
				return { name, port, pid: child.pid!, origin: `http://127.0.0.1:${port}`, stop, logFile };
			}
		} catch {}
		await new Promise((r) => setTimeout(r, 100));
	}
	agent.destroy();
	await stop();
	throw new Error(`${name} did not start`);
}

/**
 * One access line's CPU time, in this process: the line a session check writes, through the
 * access logger as the server builds it, to /dev/null, a write each. Steadier on a busy
 * machine than the difference of two servers' throughputs.
 */
export function accessLineMicros(lines = 100_000): number {
	const sink = pino.destination({ dest: "/dev/null", sync: true });
	const access = accessLogger(createLogger("info", sink));
	const line = { reqId: "0ca1f89f-999c-440b-be41-b9827ddd6cae", method: "GET", url: "/api/v1/sessions/current", status: 200, ms: 1.2, ip: "127.0.0.1" };
	for (let i = 0; i < 10_000; i++) access.info(line, "request");
	const t0 = process.cpuUsage();
	for (let i = 0; i < lines; i++) access.info(line, "request");
	const used = process.cpuUsage(t0);
	sink.flushSync();
	return (used.user + used.system) / lines;
}

export interface LoggingReport {
	label: string;
	logged: { result: LoadResult; cpuMs: number | undefined; logBytes: number };
	/** One access line's CPU time, µs, measured in this process (accessLineMicros). */
	lineMicros: number;
	silent: { result: LoadResult; cpuMs: number | undefined };
}

/**
 * The session check, `seconds` a side in `rounds` slices taken in turns, on `database`
 * (environment for both processes: DATABASE_URL, or a TESSERA_DATA_DIR they share).
 */
export async function benchLogging(label: string, database: Record<string, string>, seconds: number, rounds: number): Promise<LoggingReport> {
	const dir = mkdtempSync(join(tmpdir(), "tessera-logging-"));
	const common = { ...database, TESSERA_LIMIT_SIGNUP_ADDRESS: "1000000/1h" };
	const servers: LoggingServer[] = [];
	try {
		// The default level is what an operator gets without setting TESSERA_LOG_LEVEL at all.
		servers.push(await startLogging("default logging", { ...common, TESSERA_LOG_LEVEL: undefined }, join(dir, "default.log")));
		servers.push(await startLogging("logging off", { ...common, TESSERA_LOG_LEVEL: "silent" }, join(dir, "silent.log")));
		const [logged, silent] = servers as [LoggingServer, LoggingServer];
		// Sessions made through one process are good on the other: the database is the same.
		const side = tesseraSide(logged);
		const agent = new http.Agent({ keepAlive: true });
		const prefix = `log${Date.now().toString(36)}_`;
		const accounts: Account[] = [];
		// Both processes do the same set-up work (half the sign-ups each) and a warm-up, untimed, so
		// neither starts its timed slices with more compiled, or more memory held, than the other.
		for (let i = 0; i < ACCOUNTS; i++) {
			const name = `${prefix}${i}`;
			const account = side.accountFrom(name, await send(agent, servers[i % 2]!.port, side.signUp(name)));
			if (!account) throw new Error("logging bench: a sign-up failed");
			accounts.push(account);
		}
		agent.destroy();
		for (const server of servers) {
			await runLoad({
				port: server.port,
				connections: CONNECTIONS,
				seconds: Math.min(2, seconds / rounds),
				expectStatus: 200,
				next: (client) => side.whoAmI(accounts[client % accounts.length]!),
			});
		}
		const slices = { logged: [] as LoadResult[], silent: [] as LoadResult[] };
		const cpu = { logged: 0 as number | undefined, silent: 0 as number | undefined };
		const bytesBefore = statSync(logged.logFile).size;
		for (let round = 0; round < rounds; round++) {
			const order = round % 2 === 0 ? (["logged", "silent"] as const) : (["silent", "logged"] as const);
			for (const which of order) {
				const server = which === "logged" ? logged : silent;
				const probe = new ProcessProbe(server.pid);
				probe.start();
				const result = await runLoad({
					port: server.port,
					connections: CONNECTIONS,
					seconds: seconds / rounds,
					expectStatus: 200,
					accept: side.knowsSession,
					next: (client) => side.whoAmI(accounts[client % accounts.length]!),
				});
				const used = probe.stop().cpuSeconds;
				slices[which].push(result);
				cpu[which] = used === undefined || cpu[which] === undefined ? undefined : cpu[which] + used;
			}
		}
		const loggedResult = mergeLoads(slices.logged);
		const silentResult = mergeLoads(slices.silent);
		const perRequest = (seconds: number | undefined, result: LoadResult) => (seconds === undefined ? undefined : (1000 * seconds) / result.requests);
		const report: LoggingReport = {
			label,
			logged: {
				result: loggedResult,
				cpuMs: perRequest(cpu.logged, loggedResult),
				logBytes: statSync(logged.logFile).size - bytesBefore,
			},
			silent: { result: silentResult, cpuMs: perRequest(cpu.silent, silentResult) },
			lineMicros: accessLineMicros(),
		};
		printLogging(report);
		return report;
	} finally {
		await Promise.all(servers.map((s) => s.stop()));
		rmSync(dir, { recursive: true, force: true });
	}
}

/** Throughput with the default log ÷ with logging off: 1 costs nothing; 0.95 is the 5% the target allows. */
export function loggingRatio(report: LoggingReport): number {
	return report.logged.result.perSecond / report.silent.result.perSecond;
}

function printLogging(report: LoggingReport): void {
	const { logged, silent } = report;
	console.log(`\n## ${report.label}: the access log's cost to the session check (50 connections, same run, in turns)`);
	console.log("| log level | checks/s | p50 ms | p99 ms | server CPU ms a check | log bytes a check | errors |");
	console.log("|---|---:|---:|---:|---:|---:|---:|");
	console.log(
		`| default (info) | ${fmt(logged.result.perSecond)} | ${fmt(logged.result.p50, 2)} | ${fmt(logged.result.p99, 2)} | ${fmt(logged.cpuMs, 3)} | ${fmt(logged.logBytes / logged.result.requests, 0)} | ${logged.result.errors} |`,
	);
	console.log(
		`| silent | ${fmt(silent.result.perSecond)} | ${fmt(silent.result.p50, 2)} | ${fmt(silent.result.p99, 2)} | ${fmt(silent.cpuMs, 3)} | — | ${silent.result.errors} |`,
	);
	const cpu = logged.cpuMs !== undefined && silent.cpuMs !== undefined ? `; server CPU a check ${fmt(logged.cpuMs / silent.cpuMs, 2)}×` : "";
	console.log(`With the default log: ${fmt(loggingRatio(report), 3)}× the checks a second of logging off${cpu}.`);
	const share = silent.cpuMs === undefined ? "" : `: ${fmt((100 * report.lineMicros) / (1000 * silent.cpuMs), 1)}% of a check's server CPU with logging off`;
	console.log(`One access line, alone in the bench process: ${fmt(report.lineMicros, 2)} µs of CPU${share}.`);
}
