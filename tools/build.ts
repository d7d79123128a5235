/**
 * `npm run build`: compiles src/ to JavaScript ahead of time, so a running server holds no
 * TypeScript-stripping machinery and starts from plain modules. TypeScript's own compiler
 * (tsconfig.build.json) emits the files and rewrites every `./x.ts` import to `./x.js`; the files
 * read from disk at run time beside the code (the stylesheet, script and icon in src/ui/static)
 * are copied next to it, at the same relative paths. The source stays the truth: tests and
 * `npm run tessera` keep running it directly.
 *
 * Usage: node tools/build.ts [--if-changed] [OUT_DIR]   (default dist/, replaced whole). OUT_DIR
 * must sit directly in the repository, like dist/, so that paths such as ../../assets resolve
 * alike and node_modules is found. --if-changed (what `npm start` uses) does nothing when no file
 * under src/, no tsconfig and no installed package changed since the last build.
 */
import { spawnSync } from "node:child_process";
import { cpSync, existsSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join, relative, resolve } from "node:path";

const ROOT = join(import.meta.dirname, "..");
const SRC = join(ROOT, "src");
/** Folders under src/ whose files are read at run time rather than imported. */
const STATIC = ["ui/static"];
/** Written last: a build that stopped half-way has none, and is made again. */
const STAMP = ".built";

export function build(outDir = join(ROOT, "dist")): void {
	const out = resolve(ROOT, outDir);
	if (dirname(out) !== ROOT) throw new Error(`build: ${outDir} must be a folder directly in the repository (like dist/)`);
	rmSync(out, { recursive: true, force: true });
	const tsc = join(dirname(createRequire(import.meta.url).resolve("typescript/package.json")), "bin", "tsc");
	const result = spawnSync(process.execPath, [tsc, "-p", join(ROOT, "tsconfig.build.json"), "--outDir", out], {
		cwd: ROOT,
		stdio: "inherit",
	});
	if (result.status !== 0) throw new Error(`build: the TypeScript compiler failed (exit ${result.status ?? result.signal})`);
	for (const folder of STATIC) {
		const from = join(SRC, folder);
		if (!existsSync(from)) throw new Error(`build: ${relative(ROOT, from)} is missing`);
		cpSync(from, join(out, folder), { recursive: true });
	}
	// Nothing compiled may still name a .ts file: Node would not find it beside the .js.
	const left = leftoverTsImports(out);
	if (left.length > 0) throw new Error(`build: imports of .ts files left in ${relative(ROOT, out)}: ${left.join(", ")}`);
	writeFileSync(join(out, STAMP), `${new Date().toISOString()}\n`);
}

/** Whether `outDir` holds a complete build newer than every input of one. */
export function upToDate(outDir = join(ROOT, "dist")): boolean {
	let built: number;
	try {
		built = statSync(join(resolve(ROOT, outDir), STAMP)).mtimeMs;
	} catch {
		return false;
	}
	const inputs = [join(ROOT, "tsconfig.json"), join(ROOT, "tsconfig.build.json"), join(ROOT, "package-lock.json")];
	for (const entry of readdirSync(SRC, { recursive: true, withFileTypes: true })) {
		if (entry.isFile()) inputs.push(join(entry.parentPath, entry.name));
	}
	return inputs.every((path) => !existsSync(path) || statSync(path).mtimeMs <= built);
}

/** Files under `dir` whose code still imports a `.ts` module (statically or through import()). */
export function leftoverTsImports(dir: string): string[] {
	const found: string[] = [];
	for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
		if (!entry.isFile()) continue;
		const path = join(entry.parentPath, entry.name);
		if (entry.name.endsWith(".ts")) {
			found.push(relative(dir, path));
			continue;
		}
		if (!entry.name.endsWith(".js")) continue;
		const code = readFileSync(path, "utf8");
		if (/(?:\bfrom\s*|\bimport\s*\(\s*|\bimport\s+)["'`][^"'`]+\.ts["'`]/.test(code)) found.push(relative(dir, path));
	}
	return found;
}

if (import.meta.main) {
	const args = process.argv.slice(2);
	const ifChanged = args[0] === "--if-changed";
	const outDir = resolve(ROOT, (ifChanged ? args[1] : args[0]) ?? "dist");
	if (ifChanged && upToDate(outDir)) process.exit(0);
	const started = Date.now();
	try {
		build(outDir);
	} catch (error) {
		console.error(error instanceof Error ? error.message : error);
		process.exit(1);
	}
	console.log(`built ${relative(ROOT, outDir)}/ in ${Date.now() - started} ms`);
}
