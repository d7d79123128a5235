import { execFile } from "node:child_process";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { configReference } from "../../src/config.ts";

const ROOT = fileURLToPath(new URL("../..", import.meta.url));
const CLI = join(ROOT, "src", "cli.ts");

export interface Run {
	code: number;
	stdout: string;
	stderr: string;
}

/** The test runner's environment without any Tessera setting, plus `env`. */
export function commandEnv(env: Record<string, string>): Record<string, string> {
	const settings = new Set<string>(configReference.map(([name]) => name));
	const clean: Record<string, string> = {};
	for (const [key, value] of Object.entries(process.env)) {
		if (value === undefined || settings.has(key) || key.startsWith("TESSERA_") || key.startsWith("NODE_TEST")) continue;
		clean[key] = value;
	}
	return { ...clean, ...env };
}

/** Runs `tessera <args>` as an operator would, to its end. */
export function tessera(env: Record<string, string>, ...args: string[]): Promise<Run> {
	return new Promise((resolve, reject) => {
		execFile(process.execPath, [CLI, ...args], { cwd: ROOT, env: commandEnv(env), timeout: 60_000 }, (error, stdout, stderr) => {
			if (error && typeof error.code !== "number") {
				reject(new Error(`tessera ${args.join(" ")} did not end normally: ${error.message}\n${stderr}`));
				return;
			}
			resolve({ code: error ? Number(error.code) : 0, stdout, stderr });
		});
	});
}

export function show(run: Run): string {
	return `exit ${run.code}\n--- stdout\n${run.stdout}\n--- stderr\n${run.stderr}`;
}
