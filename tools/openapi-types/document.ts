import { createHash, randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Writable } from "node:stream";
import { loadConfig } from "../../src/config.ts";
import { OPENAPI_PATH } from "../../src/http/openapi.ts";
import { createLogger } from "../../src/logger.ts";
import { createTessera } from "../../src/server.ts";
import { openSqlite } from "../../src/store/db.ts";

/** Where the typed client's generated types live. */
export const TYPES_FILE = new URL("../../clients/typescript/src/openapi.ts", import.meta.url);

/** The line of the generated file that records which document it was made from. */
export const HASH_LINE = /^\/\/ Document SHA-256: ([0-9a-f]{64})$/m;

/** The SHA-256 of a document, as its JSON. */
export function hashOf(document: unknown): string {
	return createHash("sha256").update(JSON.stringify(document)).digest("hex");
}

/**
 * The OpenAPI document a server with the default settings serves (the one the
 * typed client is made from): a throwaway server on an empty SQLite database,
 * asked for it as any client would be.
 */
export async function servedDocument(): Promise<{ document: Record<string, unknown>; hash: string }> {
	const dir = mkdtempSync(join(tmpdir(), "tessera-openapi-"));
	const store = openSqlite(join(dir, "tessera.db"));
	const config = loadConfig({ TESSERA_DATA_DIR: dir, TESSERA_LOG_LEVEL: "error" });
	const logger = createLogger("error", new Writable({ write: (_chunk, _encoding, done) => done() }));
	const tessera = await createTessera({ config, store, secret: randomBytes(32), logger });
	try {
		const response = await tessera.app.inject({ method: "GET", url: OPENAPI_PATH });
		if (response.statusCode !== 200) throw new Error(`${OPENAPI_PATH} answered ${response.statusCode}`);
		const document = response.json() as Record<string, unknown>;
		return { document, hash: hashOf(document) };
	} finally {
		await tessera.close();
		rmSync(dir, { recursive: true, force: true });
	}
}
