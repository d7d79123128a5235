/**
 * Tessera and better-auth on one database, side by side in one run. Both servers are up,
 * each in its own process; every scenario is cut into slices that the two sides take in
 * turns (Tessera, better-auth, better-auth, Tessera, …), so drift in a shared machine's
 * load touches both alike. Each figure is read against the peer's, or against the side's
 * own password-hash ceiling, measured alone in a slice just before each of its sign-in slices.
 */
import { randomBytes } from "node:crypto";
import http from "node:http";
import { argon2id, hashRun, PASSWORD, scrypt } from "./ceilings.ts";
import { type LoadResult, mergeLoads, runLoad, send } from "./load.ts";
import { type Account, type Challenge, nextTotpCode, type Side, type TwoFactorAccount } from "./peers.ts";
import { type CpuSplit, ProcessProbe } from "./servers.ts";

export interface Row {
	result: LoadResult;
	/** Peak RSS of the server process during the scenario, MB (10^6 bytes). */
	peakMB: number | undefined;
	/** CPU time the server process used during the scenario, seconds. */
	cpuSeconds: number | undefined;
	/** Where the machine's CPU went during the scenario, seconds. */
	split: CpuSplit | undefined;
}

export interface ScenarioRow {
	scenario: string;
	connections: number;
	/** Password hashes each request costs the server (for the share of the hash ceiling). */
	hashesPerRequest: { tessera: number; betterAuth: number };
	tessera: Row;
	betterAuth: Row;
}

/** Hashing alone, in slices next to the sign-in slices: totals, and each slice's rate. */
export interface CeilingRun {
	hashes: number;
	seconds: number;
	slices: number[];
}

export interface DatabaseReport {
	label: string;
	rows: ScenarioRow[];
	ceilings: { argon2id: CeilingRun; scrypt: CeilingRun };
	/** Challenges each side had ready for each second-step scenario. */
	stepSamples: { tessera: number; betterAuth: number };
	/** The backup-code step over HTTP, one at a time, against one argon2id hash (Tessera). */
	backupStep: { stepMs: number; hashMs: number; samples: number };
}

export interface CompareOptions {
	/** Load time a side gets in each scenario, summed over its slices. */
	seconds: number;
	/** Slices each scenario is cut into, the two sides taking turns (ABBA). */
	rounds: number;
	/** Two-factor accounts a side (at most); each yields one TOTP step and one backup-code step under load. */
	stepAccounts: number;
	/** The most set-up (enrolment and challenges) may take per side before the pools are cut short. */
	prepSeconds: number;
	/** Hashing-alone time a side gets next to its sign-in, summed over its slices. */
	ceilingSeconds: number;
	/** How many hashes at once give each hash its most hashes a second here (see hashCeiling). */
	parallel: { argon2id: number; scrypt: number };
}

const SIGN_IN_CONNECTIONS = 16;
const CHECK_CONNECTIONS = 50;
/**
 * Second steps run through a fixed pool of challenges, not for a fixed time: fewer
 * connections and two slices a side keep each connection sending ten or more requests
 * a slice, so the rate is a throughput and not one latency.
 */
const STEP_CONNECTIONS = 8;
const STEP_ROUNDS = 2;
const PREP_CONCURRENCY = 8;
const PLAIN_ACCOUNTS = CHECK_CONNECTIONS;

function median(values: number[]): number {
	const sorted = [...values].sort((a, b) => a - b);
	return sorted[Math.floor(sorted.length / 2)]!;
}

async function measured(side: Side, load: () => Promise<LoadResult>): Promise<Row> {
	const probe = new ProcessProbe(side.server.pid);
	probe.start();
	let result: LoadResult;
	try {
		result = await load();
	} catch (error) {
		probe.stop();
		throw error;
	}
	return { result, ...probe.stop() };
}

function mergeRows(rows: Row[]): Row {
	const peaks = rows.map((r) => r.peakMB).filter((p): p is number => p !== undefined);
	const cpu = rows.map((r) => r.cpuSeconds);
	const splits = rows.map((r) => r.split);
	const sum = (key: keyof CpuSplit) => splits.reduce((total, s) => total + (s?.[key] ?? 0), 0);
	return {
		split: splits.every((s) => s !== undefined)
			? { hashingThreads: sum("hashingThreads"), serverOther: sum("serverOther"), database: sum("database"), loadGenerator: sum("loadGenerator") }
			: undefined,
		result: mergeLoads(rows.map((r) => r.result)),
		peakMB: peaks.length ? Math.max(...peaks) : undefined,
		cpuSeconds: cpu.every((c) => c !== undefined) ? cpu.reduce((a, b) => a + b, 0) : undefined,
	};
}

/** Runs `rounds` slices a side, taking turns Tessera, better-auth, better-auth, Tessera, …, so drift touches both alike. */
async function alternate(
	tessera: Side,
	betterAuth: Side,
	rounds: number,
	slice: (side: Side, round: number) => Promise<Row>,
): Promise<{ tessera: Row; betterAuth: Row }> {
	const t: Row[] = [];
	const b: Row[] = [];
	for (let round = 0; round < rounds; round++) {
		const order = round % 2 === 0 ? ([tessera, betterAuth] as const) : ([betterAuth, tessera] as const);
		for (const side of order) (side === tessera ? t : b).push(await slice(side, round));
	}
	return { tessera: mergeRows(t), betterAuth: mergeRows(b) };
}

/** `items` cut into `parts` slices of near-equal size. */
function chunk<T>(items: T[], parts: number, index: number): T[] {
	const size = Math.ceil(items.length / parts);
	return items.slice(index * size, (index + 1) * size);
}

/** Runs `fn` over `items`, `concurrency` at a time, starting no new item after `deadline`. */
async function inParallel<T, R>(items: T[], concurrency: number, deadline: number, fn: (item: T) => Promise<R>): Promise<R[]> {
	const out: R[] = [];
	let next = 0;
	await Promise.all(
		Array.from({ length: concurrency }, async () => {
			while (next < items.length && performance.now() < deadline) {
				out.push(await fn(items[next++]!));
			}
		}),
	);
	return out;
}

class Names {
	readonly #prefix = `b${randomBytes(3).toString("hex")}_`;
	#n = 0;
	next(): string {
		return `${this.#prefix}${(this.#n++).toString(36)}`;
	}
}

function signUpSlice(side: Side, names: Names, seconds: number, accounts: Account[]): Promise<Row> {
	const pending: string[] = [];
	return measured(side, () =>
		runLoad({
			port: side.server.port,
			connections: SIGN_IN_CONNECTIONS,
			seconds,
			expectStatus: side.signUpStatus,
			next: (client) => {
				pending[client] = names.next();
				return side.signUp(pending[client]!);
			},
			onAnswer: (client, answer) => {
				const account = side.accountFrom(pending[client]!, answer);
				if (account) accounts.push(account);
			},
		}),
	);
}

/** One more account, unmeasured (set-up). */
async function signUpOne(side: Side, names: Names, agent: http.Agent): Promise<Account> {
	const name = names.next();
	const answer = await send(agent, side.server.port, side.signUp(name));
	const account = side.accountFrom(name, answer);
	if (!account) throw new Error(`${side.label}: sign-up failed during set-up: ${answer.status} ${answer.body.slice(0, 200)}`);
	return account;
}

/** More accounts when the sign-up scenario made fewer than the sign-in and session-check scenarios need. */
async function topUp(side: Side, names: Names, accounts: Account[], needed: number): Promise<void> {
	const agent = new http.Agent({ keepAlive: true });
	const missing = Array.from({ length: Math.max(0, needed - accounts.length) }, (_, i) => i);
	await inParallel(missing, PREP_CONCURRENCY, Number.POSITIVE_INFINITY, async () => accounts.push(await signUpOne(side, names, agent)));
	agent.destroy();
}

function signInSlice(side: Side, accounts: Account[], seconds: number): Promise<Row> {
	return measured(side, () =>
		runLoad({
			port: side.server.port,
			connections: SIGN_IN_CONNECTIONS,
			seconds,
			expectStatus: side.signInStatus,
			accept: side.signedIn,
			next: (client) => side.signIn(accounts[client]!),
			// Each account keeps its newest session for the session check: Tessera holds at most 50
			// live sessions an account and ends the oldest, so the one from sign-up would be gone.
			onAnswer: (client, answer) => {
				if (!side.signedIn(answer)) return;
				const account = accounts[client]!;
				const fresh = side.accountFrom(account.name, answer);
				if (fresh) account.session = fresh.session;
			},
		}),
	);
}

function sessionCheckSlice(side: Side, accounts: Account[], seconds: number): Promise<Row> {
	return measured(side, () =>
		runLoad({
			port: side.server.port,
			connections: CHECK_CONNECTIONS,
			seconds,
			expectStatus: 200,
			accept: side.knowsSession,
			next: (client) => side.whoAmI(accounts[client % accounts.length]!),
		}),
	);
}

/**
 * Up to `count` two-factor accounts (spare accounts from the sign-up scenario first, then new
 * ones), each with two challenges (one per second-step scenario), until `prepSeconds` are
 * up: each account is made whole or not started, so both pools stay the same size.
 */
async function prepareSteps(side: Side, names: Names, spare: Account[], count: number, prepSeconds: number) {
	const agent = new http.Agent({ keepAlive: true });
	const deadline = performance.now() + prepSeconds * 1000;
	const slots = Array.from({ length: count }, (_, i) => i);
	const made = await inParallel(slots, PREP_CONCURRENCY, deadline, async (i) => {
		const account = await side.enrol(agent, spare[i] ?? (await signUpOne(side, names, agent)));
		return { account, totp: await side.challenge(agent, account), backup: await side.challenge(agent, account) };
	});
	agent.destroy();
	return { enrolled: made.map((m) => m.account), totp: made.map((m) => m.totp), backup: made.map((m) => m.backup) };
}

function stepSlice(side: Side, pool: Challenge[], seconds: number, request: (c: Challenge) => ReturnType<Side["totpStep"]>) {
	const queue = [...pool];
	return measured(side, () =>
		runLoad({
			port: side.server.port,
			connections: STEP_CONNECTIONS,
			seconds,
			expectStatus: side.stepStatus,
			accept: side.signedIn,
			next: () => {
				const challenge = queue.pop();
				return challenge ? request(challenge) : undefined;
			},
		}),
	);
}

/** Tessera's backup-code step over HTTP, one request at a time, each next to one argon2id hash. */
async function sequentialBackupStep(side: Side, accounts: TwoFactorAccount[], samples: number) {
	const agent = new http.Agent({ keepAlive: true });
	const step: number[] = [];
	const hash: number[] = [];
	// Codes 0 (typed back at enrolment) and 1 (the load scenario) are spent; the rest are free.
	for (let i = 0; i < samples && accounts.length > 0; i++) {
		const account = accounts[i % accounts.length]!;
		const code = account.codes[2 + Math.floor(i / accounts.length)];
		if (!code) break;
		const challenge = await side.challenge(agent, account);
		const t0 = performance.now();
		const answer = await send(agent, side.server.port, side.backupStep(challenge, code));
		step.push(performance.now() - t0);
		if (answer.status !== side.stepStatus) throw new Error(`backup-code step failed: ${answer.status} ${answer.body.slice(0, 200)}`);
		const h0 = performance.now();
		await argon2id(PASSWORD);
		hash.push(performance.now() - h0);
	}
	agent.destroy();
	if (step.length === 0) return { stepMs: Number.NaN, hashMs: Number.NaN, samples: 0 };
	return { stepMs: median(step), hashMs: median(hash), samples: step.length };
}

export async function compareOn(label: string, tessera: Side, betterAuth: Side, options: CompareOptions): Promise<DatabaseReport> {
	const { rounds } = options;
	const slice = options.seconds / rounds;
	const sides = [tessera, betterAuth] as const;
	const names = new Names();
	const rows: ScenarioRow[] = [];
	const add = (scenario: string, connections: number, hashesPerRequest: ScenarioRow["hashesPerRequest"], pair: { tessera: Row; betterAuth: Row }) =>
		rows.push({ scenario, connections, hashesPerRequest, ...pair });

	const accounts = new Map<Side, Account[]>(sides.map((s) => [s, []]));
	add(
		"sign-up",
		SIGN_IN_CONNECTIONS,
		{ tessera: 1, betterAuth: 1 },
		await alternate(tessera, betterAuth, rounds, (side) => signUpSlice(side, names, slice, accounts.get(side)!)),
	);
	for (const side of sides) await topUp(side, names, accounts.get(side)!, PLAIN_ACCOUNTS);
	const plain = new Map(sides.map((s) => [s, accounts.get(s)!.slice(0, PLAIN_ACCOUNTS)]));

	// Each sign-in slice follows a slice of its own hash alone, so the ceiling is read at the same moments.
	const ceilings = { argon2id: { hashes: 0, seconds: 0, slices: [] as number[] }, scrypt: { hashes: 0, seconds: 0, slices: [] as number[] } };
	add(
		"password sign-in",
		SIGN_IN_CONNECTIONS,
		{ tessera: 1, betterAuth: 1 },
		await alternate(tessera, betterAuth, rounds, async (side) => {
			const [name, hasher] = side === tessera ? (["argon2id", argon2id] as const) : (["scrypt", scrypt] as const);
			const run = await hashRun(hasher, options.parallel[name], options.ceilingSeconds / rounds);
			ceilings[name].hashes += run.hashes;
			ceilings[name].seconds += run.seconds;
			ceilings[name].slices.push(run.hashes / run.seconds);
			return signInSlice(side, plain.get(side)!, slice);
		}),
	);

	add(
		"session check",
		CHECK_CONNECTIONS,
		{ tessera: 0, betterAuth: 0 },
		await alternate(tessera, betterAuth, rounds, (side) => sessionCheckSlice(side, plain.get(side)!, slice)),
	);

	const pools = new Map<Side, Awaited<ReturnType<typeof prepareSteps>>>();
	for (const side of sides) {
		const spare = accounts.get(side)!.slice(PLAIN_ACCOUNTS);
		pools.set(side, await prepareSteps(side, names, spare, options.stepAccounts, options.prepSeconds));
	}
	const stepSeconds = options.seconds / STEP_ROUNDS;
	add(
		"TOTP step",
		STEP_CONNECTIONS,
		{ tessera: 0, betterAuth: 0 },
		await alternate(tessera, betterAuth, STEP_ROUNDS, (side, round) =>
			stepSlice(side, chunk(pools.get(side)!.totp, STEP_ROUNDS, round), stepSeconds, (c) =>
				side.totpStep(c, nextTotpCode(c.account.totp)),
			),
		),
	);
	add(
		"backup-code step",
		STEP_CONNECTIONS,
		{ tessera: 1, betterAuth: 0 },
		await alternate(tessera, betterAuth, STEP_ROUNDS, (side, round) =>
			stepSlice(side, chunk(pools.get(side)!.backup, STEP_ROUNDS, round), stepSeconds, (c) => side.backupStep(c, c.account.codes[1]!)),
		),
	);
	const backupStep = await sequentialBackupStep(tessera, pools.get(tessera)!.enrolled, 60);

	const report: DatabaseReport = {
		label,
		rows,
		ceilings,
		stepSamples: { tessera: pools.get(tessera)!.totp.length, betterAuth: pools.get(betterAuth)!.totp.length },
		backupStep,
	};
	printReport(report);
	return report;
}

export function fmt(n: number | undefined, digits = 1): string {
	return n === undefined || !Number.isFinite(n) ? "n/a" : n.toFixed(digits);
}

export function peakOf(rows: ScenarioRow[], side: "tessera" | "betterAuth"): number | undefined {
	const peaks = rows.map((r) => r[side].peakMB).filter((p): p is number => p !== undefined);
	return peaks.length ? Math.max(...peaks) : undefined;
}

export function ceilingOf(report: DatabaseReport, hash: "argon2id" | "scrypt"): number {
	return report.ceilings[hash].hashes / report.ceilings[hash].seconds;
}

function share(row: Row, hashes: number, ceiling: number): string {
	return hashes === 0 ? "—" : `${fmt((100 * row.result.perSecond * hashes) / ceiling)}%`;
}

/** A row's CPU split, ms a request. */
export function perRequestSplit(row: Row): CpuSplit | undefined {
	const { split, result } = row;
	if (!split || result.requests === 0) return undefined;
	const ms = (seconds: number) => (1000 * seconds) / result.requests;
	return {
		hashingThreads: ms(split.hashingThreads),
		serverOther: ms(split.serverOther),
		database: ms(split.database),
		loadGenerator: ms(split.loadGenerator),
	};
}

function cpuPerRequest(row: Row): string {
	return row.cpuSeconds === undefined ? "n/a" : fmt((1000 * row.cpuSeconds) / row.result.requests, 2);
}

function printReport(report: DatabaseReport): void {
	const argon = ceilingOf(report, "argon2id");
	const scr = ceilingOf(report, "scrypt");
	console.log(`\n## ${report.label}: Tessera vs better-auth, same run`);
	console.log(
		`Hash ceilings, hashing alone just before each sign-in slice: argon2id ${fmt(argon)} hashes/s ` +
			`(slices ${report.ceilings.argon2id.slices.map((c) => fmt(c)).join(", ")}), scrypt ${fmt(scr)} hashes/s ` +
			`(slices ${report.ceilings.scrypt.slices.map((c) => fmt(c)).join(", ")}). ` +
			`Second steps: ${report.stepSamples.tessera} (Tessera) and ${report.stepSamples.betterAuth} (better-auth) challenges, made beforehand.`,
	);
	console.log(
		"| scenario | conns | Tessera req/s | better-auth req/s | **Tessera ÷ better-auth** | Tessera p50 / p99 ms | better-auth p50 / p99 ms | better-auth p99 ÷ Tessera p99 | Tessera peak RSS MB | better-auth peak RSS MB | server CPU ms a request (T / BA) | share of own hash ceiling (T / BA) | errors (T / BA) |",
	);
	console.log("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
	for (const row of report.rows) {
		const t = row.tessera.result;
		const b = row.betterAuth.result;
		console.log(
			`| ${row.scenario} | ${row.connections} | ${fmt(t.perSecond)} | ${fmt(b.perSecond)} | **${fmt(t.perSecond / b.perSecond, 2)}×** | ` +
				`${fmt(t.p50, 2)} / ${fmt(t.p99, 2)} | ${fmt(b.p50, 2)} / ${fmt(b.p99, 2)} | ${fmt(b.p99 / t.p99, 2)}× | ` +
				`${fmt(row.tessera.peakMB, 0)} | ${fmt(row.betterAuth.peakMB, 0)} | ${cpuPerRequest(row.tessera)} / ${cpuPerRequest(row.betterAuth)} | ` +
				`${share(row.tessera, row.hashesPerRequest.tessera, argon)} / ${share(row.betterAuth, row.hashesPerRequest.betterAuth, scr)} | ` +
				`${t.errors} / ${b.errors} |`,
		);
	}
	console.log("\nWhere the machine's CPU went, ms a request (Tessera's side; the load generator and the database share the server's cores):");
	console.log("| scenario | hashing threads | the rest of Tessera | PostgreSQL | load generator | the hash's share of it all |");
	console.log("|---|---:|---:|---:|---:|---:|");
	for (const row of report.rows) {
		const split = perRequestSplit(row.tessera);
		if (!split) continue;
		const all = split.hashingThreads + split.serverOther + split.database + split.loadGenerator;
		console.log(
			`| ${row.scenario} | ${fmt(split.hashingThreads, 2)} | ${fmt(split.serverOther, 2)} | ${fmt(split.database, 2)} | ${fmt(split.loadGenerator, 2)} | ${fmt((100 * split.hashingThreads) / all)}% |`,
		);
	}
	const step = report.backupStep;
	console.log(
		`\nTessera backup-code step over HTTP, one at a time (${step.samples} sign-ins, sets of 10): median ${fmt(step.stepMs, 2)} ms ` +
			`vs one argon2id hash ${fmt(step.hashMs, 2)} ms: ${fmt(step.stepMs / step.hashMs, 2)}×`,
	);
}
