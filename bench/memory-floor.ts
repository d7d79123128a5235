/**
 * The floor under Tessera's memory: what a Node.js process of the same binary holds before
 * any of Tessera's code, and what the password hashes add, measured in a child process in
 * the same run as the servers. Tessera's peak RSS is read against it: what is above the floor
 * is Tessera's own (its modules, its heap, its connections).
 *
 *  1. bare: `node` started, nothing loaded, at rest;
 *  2. with the internationalisation data Tessera touches (dates in a time zone, plural rules,
 *     numbers and lists in English, French and Arabic): pages of ICU's data in the binary;
 *  3. peak with as many argon2id hashes in flight as Tessera's hash queue runs at once
 *     (`max(2, cores)`, src/hashing.ts), at Tessera's parameters, for two seconds.
 *
 * Usage: imported by bench/run.ts; `node bench/memory-floor.ts` prints it alone.
 */
import { execFileSync } from "node:child_process";
import { availableParallelism } from "node:os";
import { join } from "node:path";
import { ARGON2ID } from "../src/hashing.ts";

export interface MemoryFloor {
	/** RSS, MB (10^6 bytes), of each stage. */
	bareMB: number;
	intlMB: number;
	/** Peak RSS with `lanes` hashes in flight. */
	hashingPeakMB: number;
	lanes: number;
	/** One hash's memory, MiB, from Tessera's parameters. */
	hashMiB: number;
}

/**
 * The child, plain JavaScript (a TypeScript file would load Node's type stripper, about
 * 20 MB that Tessera's compiled server does not hold). Prints the stages as JSON.
 */
const CHILD = `
import { readFileSync } from "node:fs";
const mb = (field) => Number(new RegExp("^" + field + ":\\\\s+(\\\\d+) kB", "m").exec(readFileSync("/proc/self/status", "utf8"))[1]) * 1024 / 1e6;
const settle = () => new Promise((r) => setTimeout(r, 300));
const { options, lanes } = JSON.parse(process.env.FLOOR_HASHING);
await settle();
const bareMB = mb("VmRSS");
const when = new Date(Date.UTC(2026, 0, 2, 3, 4, 5));
for (const locale of ["en", "fr", "ar"]) {
	new Intl.DateTimeFormat(locale, { dateStyle: "long", timeStyle: "short", timeZone: "Europe/Paris" }).format(when);
	new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeZone: "America/New_York" }).format(when);
	new Intl.PluralRules(locale).select(3);
	new Intl.NumberFormat(locale).format(1234.5);
	new Intl.ListFormat(locale, { type: "conjunction" }).format(["a", "b", "c"]);
}
await settle();
const intlMB = mb("VmRSS");
const { hash } = await import("@node-rs/argon2");
const deadline = performance.now() + 2000;
await Promise.all(Array.from({ length: lanes }, async () => {
	while (performance.now() < deadline) await hash("bench mark horse staple 42", options);
}));
process.stdout.write(JSON.stringify({ bareMB, intlMB, hashingPeakMB: mb("VmHWM") }));
`;

/** Runs the measurement in a fresh process of this Node.js, with the memory settings Tessera starts with. */
export function memoryFloor(): MemoryFloor {
	// Tessera's own parameters, and its hash queue's width.
	const lanes = Math.max(2, availableParallelism());
	const output = execFileSync(process.execPath, ["--max-semi-space-size=8", "--max-old-space-size=256", "--input-type=module", "-e", CHILD], {
		cwd: join(import.meta.dirname, ".."),
		env: { ...process.env, MALLOC_ARENA_MAX: "2", FLOOR_HASHING: JSON.stringify({ options: ARGON2ID, lanes }) },
		encoding: "utf8",
	});
	return { ...(JSON.parse(output) as Omit<MemoryFloor, "lanes" | "hashMiB">), lanes, hashMiB: (ARGON2ID.memoryCost ?? 0) / 1024 };
}

export function printMemoryFloor(floor: MemoryFloor): void {
	console.log("\n## The floor under Tessera's memory (RSS, MB; a fresh Node.js process, no Tessera code)");
	console.log("| stage | RSS |");
	console.log("|---|---:|");
	console.log(`| node started, nothing loaded | ${floor.bareMB.toFixed(0)} |`);
	console.log(`| + the internationalisation data Tessera touches | ${floor.intlMB.toFixed(0)} |`);
	console.log(`| peak, + ${floor.lanes} argon2id hashes in flight (${floor.hashMiB} MiB each) | ${floor.hashingPeakMB.toFixed(0)} |`);
}

if (import.meta.main) printMemoryFloor(memoryFloor());
