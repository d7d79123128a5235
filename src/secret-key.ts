import { randomBytes } from "node:crypto";
import { chmodSync, mkdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { ConfigError } from "./config.ts";

/**
 * The server secret: TESSERA_SECRET when set, else `secret.key` in the data
 * folder, created on first start with mode 0600. It never enters the database,
 * so a copy of the database alone cannot check a backup code or read an
 * authenticator key.
 */
export function loadServerSecret(configured: Uint8Array | undefined, dataDir: string): { secret: Uint8Array; source: string } {
	if (configured) return { secret: configured, source: "TESSERA_SECRET" };
	mkdirSync(dataDir, { recursive: true, mode: 0o700 });
	const path = join(dataDir, "secret.key");
	try {
		const text = readFileSync(path, "utf8").trim();
		const secret = Buffer.from(text, "hex");
		if (secret.length < 32 || !/^[0-9a-f]+$/i.test(text)) throw new ConfigError(`${path} does not hold a valid key (64+ hex characters).`);
		if ((statSync(path).mode & 0o077) !== 0) chmodSync(path, 0o600);
		return { secret, source: path };
	} catch (error) {
		if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw error;
	}
	const secret = randomBytes(32);
	// "wx": never overwrite a key another process just wrote.
	try {
		writeFileSync(path, `${secret.toString("hex")}\n`, { mode: 0o600, flag: "wx" });
	} catch (error) {
		if ((error as NodeJS.ErrnoException).code === "EEXIST") return loadServerSecret(undefined, dataDir);
		throw error;
	}
	return { secret, source: `${path} (created)` };
}
