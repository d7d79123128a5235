import { accessSync, constants, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type BrowserContext, type BrowserContextOptions, chromium } from "playwright-core";

/** Debian's Chromium (`apt-get install chromium`); TESSERA_CHROMIUM points elsewhere. */
export const CHROMIUM_PATH = process.env["TESSERA_CHROMIUM"] ?? "/usr/bin/chromium";

/**
 * The flags every browser test runs Chromium with. Playwright adds its own
 * automation switches on top, and the fresh --user-data-dir itself: it refuses
 * one in `args`, so each browser gets a new folder through launchPersistentContext.
 */
export const CHROMIUM_FLAGS = [
	"--headless",
	"--no-sandbox",
	"--disable-gpu",
	"--disable-quic",
	"--no-first-run",
	"--disable-background-networking",
	"--disable-component-update",
	"--disable-sync",
] as const;

function chromiumMissing(): string | undefined {
	try {
		accessSync(CHROMIUM_PATH, constants.X_OK);
		return undefined;
	} catch {
		return `Chromium is not installed at ${CHROMIUM_PATH} (install it with: apt-get install -y chromium).`;
	}
}

/**
 * Why the browser suites cannot run here, or undefined when they can. Under
 * CI=true a missing Chromium throws: CI must never pass by skipping them.
 * Elsewhere the suites are skipped, and the run says so loudly.
 */
export function browserSkipReason(): string | undefined {
	const missing = chromiumMissing();
	if (!missing) return undefined;
	if (process.env["CI"] === "true") throw new Error(`Browser tests are required under CI=true. ${missing}`);
	console.warn(`\n*** ${missing} The browser suites are NOT run on this machine. ***\n`);
	return missing;
}

export interface Browser {
	context: BrowserContext;
	userDataDir: string;
	close(): Promise<void>;
}

/** A new Chromium with a fresh, empty profile, and the one context it opens with. */
export async function launchBrowser(options: BrowserContextOptions = {}): Promise<Browser> {
	const missing = chromiumMissing();
	if (missing) throw new Error(missing);
	const userDataDir = mkdtempSync(join(tmpdir(), "tessera-chromium-"));
	try {
		const context = await chromium.launchPersistentContext(userDataDir, {
			executablePath: CHROMIUM_PATH,
			args: [...CHROMIUM_FLAGS],
			headless: true,
			timeout: 30_000,
			...options,
		});
		context.setDefaultTimeout(10_000);
		context.setDefaultNavigationTimeout(15_000);
		return {
			context,
			userDataDir,
			async close() {
				await context.close().catch(() => {});
				rmSync(userDataDir, { recursive: true, force: true });
			},
		};
	} catch (error) {
		rmSync(userDataDir, { recursive: true, force: true });
		throw error;
	}
}
