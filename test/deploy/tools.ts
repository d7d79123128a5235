import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";

/** The repository's root, for the deploy files and the tools run on them. */
export const ROOT = new URL("../../", import.meta.url).pathname;

export const read = (path: string): string => readFileSync(new URL(`../../${path}`, import.meta.url), "utf8");

/**
 * Why a suite that needs `command` cannot run here, or undefined when it can.
 * Under CI=true a missing tool throws: CI must never pass by skipping the checks.
 * Elsewhere the suite is skipped, and the run says so loudly.
 */
export function toolSkipReason(command: string, versionArgs: string[], install: string): string | undefined {
	const probe = spawnSync(command, versionArgs, { encoding: "utf8" });
	if (!probe.error && probe.status === 0) return undefined;
	const missing = `${command} is not installed (${install}).`;
	if (process.env["CI"] === "true") throw new Error(`The deploy checks are required under CI=true. ${missing}`);
	console.warn(`\n*** ${missing} Its deploy checks are NOT run on this machine. ***\n`);
	return missing;
}

/** Runs a tool from the repository's root with only PATH and HOME from this environment, so no setting of the machine's leaks into what it prints. */
export function runTool(command: string, args: string[]): string {
	const result = spawnSync(command, args, {
		cwd: ROOT,
		encoding: "utf8",
		env: { PATH: process.env["PATH"] ?? "/usr/bin:/bin", HOME: process.env["HOME"] ?? "/tmp" },
		maxBuffer: 16 * 1024 * 1024,
	});
	if (result.error) throw result.error;
	if (result.status !== 0) throw new Error(`${command} ${args.join(" ")} failed (${result.status}):\n${result.stderr}`);
	return result.stdout;
}

/** The Containerfile's instructions, continuation lines joined, comments dropped. */
export function containerfileInstructions(): { keyword: string; args: string }[] {
	const joined = read("Containerfile")
		.split("\n")
		.filter((line) => !/^\s*#/.test(line))
		.join("\n")
		.replace(/\\\n/g, " ");
	return joined
		.split("\n")
		.map((line) => line.trim())
		.filter(Boolean)
		.map((line) => {
			const [keyword = "", ...rest] = line.split(/\s+/);
			return { keyword: keyword.toUpperCase(), args: rest.join(" ") };
		});
}

/** The image's HEALTHCHECK command, as the exec-form array the Containerfile writes. */
export function imageHealthcheck(): string[] {
	const healthcheck = containerfileInstructions().find((i) => i.keyword === "HEALTHCHECK");
	if (!healthcheck) throw new Error("the Containerfile has no HEALTHCHECK");
	const json = /\bCMD\s+(\[.*\])\s*$/.exec(healthcheck.args)?.[1];
	if (!json) throw new Error(`HEALTHCHECK is not in exec form: ${healthcheck.args}`);
	return JSON.parse(json) as string[];
}
