import assert from "node:assert/strict";
import { randomBytes } from "node:crypto";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";
import type { AxeResults } from "axe-core";
import { Secret, TOTP } from "otpauth";
import type { Locator, Page } from "playwright-core";
import { loadConfig } from "../../src/config.ts";
import { defaultBrand } from "../../src/core/brand.ts";
import type { Clock } from "../../src/core/clock.ts";
import { catalogs } from "../../src/i18n/catalog.ts";
import { withPresentation } from "../../src/i18n/context.ts";
import { direction, type Locale } from "../../src/i18n/locales.ts";
import { type MessageKey, type MessageValues, rich, t } from "../../src/i18n/translate.ts";
import type { Html } from "../../src/ui/html.ts";
import { createTessera, type Tessera } from "../../src/server.ts";
import { throwawayDatabase, type ThrowawayDatabase } from "./databases.ts";
import { capturedLogger } from "./harness.ts";

/** What the browser suites share: a real server, TOTP codes, axe-core and a few page readers. */

export const SCREENSHOTS = fileURLToPath(new URL("../../test-output/screenshots/", import.meta.url));
export const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");
export const SESSION_COOKIE = "__Host-tessera_session";

/** A real Tessera listening on loopback, on a throwaway SQLite database, with the system clock unless given another. */
export interface Server {
	tessera: Tessera;
	database: ThrowawayDatabase;
	base: string;
	/** Lines the server logged at warn level or above. */
	logs: string[];
}

export interface ServerOptions {
	/** More environment for loadConfig (TESSERA_DELIVERY, TESSERA_SMTP_URL…), over the data folder and log level set here. */
	env?: Record<string, string>;
	/** The server's clock; the system clock when not given. */
	clock?: Clock;
	/** The loopback port to listen on; any free one when not given. */
	port?: number;
}

export async function startServer(options: ServerOptions = {}): Promise<Server> {
	const database = await throwawayDatabase("sqlite");
	const config = loadConfig({ TESSERA_DATA_DIR: database.dataDir, TESSERA_LOG_LEVEL: "warn", ...options.env });
	const { logger, logs } = capturedLogger(config.logLevel);
	const tessera = await createTessera({
		config,
		store: database.store,
		secret: randomBytes(32),
		logger,
		clock: options.clock,
	});
	const base = await tessera.app.listen({ port: options.port ?? 0, host: "127.0.0.1" });
	return { tessera, database, base, logs };
}

export function serverErrors(server: Server): string[] {
	return server.logs.filter((line) => {
		try {
			return (JSON.parse(line) as { level?: number }).level! >= 50;
		} catch {
			return true;
		}
	});
}

// ── TOTP ─────────────────────────────────────────────────────────────────────

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * The code an authenticator app shows now for the key on the page. Never one
 * about to expire: within 3 s of a step boundary, wait for the next step first.
 */
export async function authenticatorCode(key: string): Promise<string> {
	const left = 30_000 - (Date.now() % 30_000);
	if (left < 3_000) await sleep(left + 250);
	const totp = new TOTP({ secret: Secret.fromBase32(key.replace(/\s/g, "")), digits: 6, period: 30, algorithm: "SHA1" });
	return totp.generate();
}

// ── What a person sees ───────────────────────────────────────────────────────

/** The text a person sees in an element: rendered text, without hidden parts. */
export async function shown(target: Locator): Promise<string> {
	return (await target.innerText()).trim();
}

export function formatViolations(where: string, results: AxeResults): string {
	const lines = [`${results.violations.length} accessibility violation(s) on ${where} (${results.url}):`];
	for (const v of results.violations) {
		lines.push(`  • ${v.id} [${v.impact ?? "?"}] ${v.help}`, `    ${v.helpUrl}`);
		for (const node of v.nodes) {
			lines.push(`    - ${node.target.join(" ")}`, `      ${node.html.slice(0, 200)}`);
			for (const line of (node.failureSummary ?? "").split("\n")) lines.push(`      ${line}`);
		}
	}
	return lines.join("\n");
}

/**
 * Runs axe-core on the page as it is now. The app's CSP stays on: axe is
 * evaluated through the DevTools protocol, which CSP does not govern, so the
 * journey runs under the same policy a person's browser enforces.
 */
export async function assertAccessible(page: Page, where: string): Promise<void> {
	if (!(await page.evaluate(() => "axe" in window))) await page.evaluate(AXE_SOURCE);
	const results = (await page.evaluate(() =>
		(window as unknown as { axe: { run(context: Document, options: object): Promise<unknown> } }).axe.run(document, {
			resultTypes: ["violations"],
		}),
	)) as AxeResults;
	assert.equal(results.violations.length, 0, formatViolations(where, results));
}

// ── Languages ────────────────────────────────────────────────────────────────

const textOf = (markup: string) =>
	markup
		.replace(/<[^>]*>/g, "")
		.replace(/&(amp|lt|gt|quot|#39);/g, (_, e: string) => ({ amp: "&", lt: "<", gt: ">", quot: '"', "#39": "'" })[e]!);

/** Every argument a message names, given a value: the caller's, or 1 (a number suits plurals and text alike). */
function argumentsOf(message: string, values: MessageValues | undefined): Record<string, string | number> {
	const out: Record<string, string | number> = {};
	for (const [, name] of message.matchAll(/\{\s*(\w+)/g)) if (name !== "product") out[name!] = values?.[name!] ?? 1;
	return out;
}

/**
 * What a page in `locale` says where the English page says `english`: the
 * message(s) of the catalogs whose English is exactly that, in `locale`, as `t`
 * writes them; or, for words inside a rich message ("New here?
 * <link>Create an account</link>"), what that tag holds in `locale`. Usually
 * one; more when two messages share their English. The English finds the
 * message, so a suite needs no key names, and it never looks for the English on
 * the page: it looks for these words. Throws, naming the text, when no message
 * has that English: the page's words are not in the catalogs yet.
 */
export function say(locale: Locale, english: string, values?: MessageValues): string[] {
	const keys = Object.keys(catalogs.en) as MessageKey[];
	const presentation = { locale, timeZone: undefined, brand: defaultBrand };
	const words = new Set<string>();
	for (const key of keys.filter((k) => catalogs.en[k] === english)) {
		words.add(withPresentation(presentation, () => t(key, { ...argumentsOf(catalogs.en[key], values), ...values })));
	}
	if (words.size === 0) {
		for (const key of keys) {
			const message: string = catalogs.en[key];
			for (const [, tag, content] of message.matchAll(/<(\w+)>([^<]*)<\/\1>/g)) {
				if (content !== english) continue;
				const held: string[] = [];
				const tags = Object.fromEntries(
					[...message.matchAll(/<(\w+)>/g)].map(([, name]) => [
						name!,
						(inner: Html) => {
							if (name === tag) held.push(inner.value);
							return inner;
						},
					]),
				);
				withPresentation(presentation, () => rich(key, argumentsOf(message, values), tags));
				for (const h of held) words.add(textOf(h));
			}
		}
	}
	if (words.size === 0) throw new Error(`no message in the catalogs reads “${english}”: the page's words cannot be checked in ${locale} until they are`);
	return [...words];
}

/** Text as a person reads it: runs of spaces (no-break ones too, as French puts before « : ») as one. */
export function normalSpace(text: string): string {
	return text.replace(/\s+/g, " ").trim();
}

/** A pattern for an accessible name that is exactly one of `words` (or starts with one, with `prefix`), whatever its spaces. */
export function named(words: string[], options: { prefix?: boolean } = {}): RegExp {
	const escaped = words.map((w) => normalSpace(w).replace(/[.*+?^${}()|[\]\\]/g, "\\$&").replace(/ /g, "\\s+"));
	return new RegExp(`^(?:${escaped.join("|")})${options.prefix ? "" : "$"}`);
}

/** The page's `<html lang dir>` says the language it is in. */
export async function assertDocumentLanguage(page: Page, locale: Locale, where: string): Promise<void> {
	const { lang, dir } = await page.evaluate(() => ({ lang: document.documentElement.lang, dir: document.documentElement.dir }));
	assert.equal(lang, locale, `${where}: <html lang="${lang}">, expected "${locale}"`);
	assert.equal(dir, direction(locale), `${where}: <html dir="${dir}">, expected "${direction(locale)}"`);
}
