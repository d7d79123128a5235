import { generateKeyPairSync } from "node:crypto";
import { open, seal } from "../core/secret-box.ts";
import { newId } from "../core/tokens.ts";
import type { FlowDeps } from "../flows/deps.ts";
import { addSigningKey, readKeys } from "../store/oidc.ts";

/**
 * The provider's signing keys live in the database, so every instance signs
 * with the same key and publishes the same set. The first start makes one; a
 * newer one takes over on a schedule or by command, and the one it replaces
 * stays published until every token it signed has expired.
 */

export interface SigningKeys {
	/** Private JWKs, the one that signs first. */
	keys: Record<string, unknown>[];
	/** Identifies the set: when it changes, the provider is rebuilt. */
	version: string;
	newestCreatedAt: number;
}

const ALG = "RS256";

function sealedWith(deps: FlowDeps, kid: string, jwk: Record<string, unknown>): string {
	return seal(deps.keys.key("oidc-signing-keys"), Buffer.from(JSON.stringify(jwk)), `oidc-key:${kid}`, deps.random);
}

/** A new RSA key, its private part sealed. */
function makeKey(deps: FlowDeps, now: number) {
	const kid = newId(deps.random);
	const { privateKey, publicKey } = generateKeyPairSync("rsa", { modulusLength: 2048 });
	const privateJwk = { ...privateKey.export({ format: "jwk" }), kid, alg: ALG, use: "sig" };
	const publicJwk = { ...publicKey.export({ format: "jwk" }), kid, alg: ALG, use: "sig" };
	return { kid, alg: ALG, public_jwk: JSON.stringify(publicJwk), sealed_private_jwk: sealedWith(deps, kid, privateJwk), created_at: now, retire_at: null };
}

/**
 * Makes a new signing key and retires the current one after `keepOldMs` (the
 * longest a token it signed lives). Two instances rotating at once make one key.
 */
export async function rotateSigningKey(deps: FlowDeps, keepOldMs: number): Promise<{ kid: string } | undefined> {
	const now = deps.clock();
	const current = (await readKeys(deps.db)).find((k) => k.retire_at === null);
	const key = makeKey(deps, now);
	return (await addSigningKey(deps.db, key, current?.kid ?? null, now + keepOldMs, now)) ? { kid: key.kid } : undefined;
}

/** The keys to sign with and publish; the first call on an empty database makes one. */
export async function loadSigningKeys(deps: FlowDeps, keepOldMs: number): Promise<SigningKeys> {
	let rows = await readKeys(deps.db);
	if (!rows.some((k) => k.retire_at === null)) {
		await rotateSigningKey(deps, keepOldMs);
		rows = await readKeys(deps.db);
	}
	const now = deps.clock();
	const live = rows.filter((k) => k.retire_at === null || k.retire_at > now);
	// The signing key (not retired) first: the provider signs with the first key of an algorithm.
	live.sort((a, b) => (a.retire_at === null ? -1 : b.retire_at === null ? 1 : b.created_at - a.created_at));
	const keys = live.map((k) => JSON.parse(open(deps.keys.key("oidc-signing-keys"), k.sealed_private_jwk, `oidc-key:${k.kid}`).toString("utf8")) as Record<string, unknown>);
	return { keys, version: live.map((k) => k.kid).join(","), newestCreatedAt: live[0]?.created_at ?? now };
}

/** What the operator sees of the keys: never a private part. */
export async function describeKeys(deps: FlowDeps) {
	return (await readKeys(deps.db)).map((k) => ({
		kid: k.kid,
		alg: k.alg,
		createdAt: new Date(Number(k.created_at)).toISOString(),
		signing: k.retire_at === null,
		...(k.retire_at !== null ? { publishedUntil: new Date(Number(k.retire_at)).toISOString() } : {}),
	}));
}
