import { createHash, timingSafeEqual } from "node:crypto";
import type { Adapter, AdapterPayload } from "oidc-provider";
import type { Db } from "../store/db.ts";
import { consumeModel, destroyGrant, destroyModel, findModel, findModelBy, type ModelRow, readClient, upsertModel } from "../store/oidc.ts";
import type { OidcClientsTable } from "../store/schema.ts";

/**
 * The provider's storage over the project's database: every instance sees every
 * session, grant, code and token. Apps are not stored here: they are read from
 * the apps table, which the `tessera clients` command writes, on every use, so a
 * change reaches every instance at once.
 */

/** The secret an app presents, as the provider read it from the request. */
export type PresentedSecret = () => string | undefined;

const sha256Hex = (value: string) => createHash("sha256").update(value, "utf8").digest("hex");

export function hashClientSecret(secret: string): string {
	return sha256Hex(secret);
}

/**
 * What the provider compares a presented secret with. Only the secret's SHA-256
 * is stored; when the presented one hashes to it, the provider is given that
 * one to compare (so its own constant-time comparison succeeds), and otherwise a
 * value no one knows, so it fails.
 */
function secretFor(row: OidcClientsTable, presented: string | undefined, unknowable: string): string {
	if (row.secret_hash === null || presented === undefined) return unknowable;
	const given = Buffer.from(sha256Hex(presented), "hex");
	const stored = Buffer.from(row.secret_hash, "hex");
	return given.length === stored.length && timingSafeEqual(given, stored) ? presented : unknowable;
}

export function clientMetadata(row: OidcClientsTable, clientSecret: string | undefined): AdapterPayload {
	const isPublic = row.public === 1;
	const redirectUris = JSON.parse(row.redirect_uris) as string[];
	// A public app whose addresses are not web addresses is a native app (its own scheme).
	const native = isPublic && redirectUris.some((uri) => !/^https?:/i.test(uri));
	return {
		client_id: row.id,
		application_type: native ? "native" : "web",
		client_name: row.name,
		redirect_uris: redirectUris,
		post_logout_redirect_uris: JSON.parse(row.post_logout_redirect_uris) as string[],
		grant_types: ["authorization_code", "refresh_token"],
		response_types: ["code"],
		token_endpoint_auth_method: isPublic ? "none" : "client_secret_basic",
		...(isPublic ? {} : { client_secret: clientSecret }),
		...(row.backchannel_logout_uri ? { backchannel_logout_uri: row.backchannel_logout_uri, backchannel_logout_session_required: false } : {}),
		id_token_signed_response_alg: "RS256",
		"urn:tessera:first_party": row.first_party === 1,
		"urn:tessera:resources": JSON.parse(row.resources) as string[],
	};
}

/** Whose an interaction is, once someone is signed in to it or it holds a finished sign-in. */
function accountOfInteraction(payload: AdapterPayload): string | undefined {
	const p = payload as { result?: { login?: { accountId?: unknown } }; session?: { accountId?: unknown } };
	const id = p.result?.login?.accountId ?? p.session?.accountId;
	return typeof id === "string" ? id : undefined;
}

function payloadOf(row: ModelRow | undefined, now: number): AdapterPayload | undefined {
	if (!row) return undefined;
	if (row.expires_at !== null && Number(row.expires_at) <= now) return undefined;
	const payload = JSON.parse(row.payload) as AdapterPayload;
	if (row.consumed_at !== null) payload.consumed = Math.floor(Number(row.consumed_at) / 1000);
	return payload;
}

/**
 * Expiry is on the provider's clock (the system's): it stamps what it issues
 * with Date.now(), so what it stored expires by the same clock.
 */
export class KyselyAdapter implements Adapter {
	readonly #model: string;
	readonly #db: Db;
	readonly #clock: () => number;
	readonly #presented: PresentedSecret;
	readonly #unknowable: string;

	constructor(model: string, db: Db, clock: () => number, presented: PresentedSecret, unknowable: string) {
		this.#model = model;
		this.#db = db;
		this.#clock = clock;
		this.#presented = presented;
		this.#unknowable = unknowable;
	}

	async upsert(id: string, payload: AdapterPayload, expiresIn: number): Promise<void> {
		if (this.#model === "Client") throw new Error("Apps are added with the tessera clients command.");
		const now = this.#clock();
		await upsertModel(this.#db, {
			model: this.#model,
			id,
			payload: JSON.stringify(payload),
			grantId: payload.grantId ?? null,
			uid: payload.uid ?? null,
			userCode: payload.userCode ?? null,
			accountId: payload.accountId ?? accountOfInteraction(payload) ?? null,
			expiresAt: expiresIn ? now + expiresIn * 1000 : null,
		});
	}

	async find(id: string): Promise<AdapterPayload | undefined> {
		if (this.#model === "Client") {
			const row = await readClient(this.#db, id);
			return row ? clientMetadata(row, secretFor(row, this.#presented(), this.#unknowable)) : undefined;
		}
		return payloadOf(await findModel(this.#db, this.#model, id), this.#clock());
	}

	async findByUserCode(userCode: string): Promise<AdapterPayload | undefined> {
		return payloadOf(await findModelBy(this.#db, this.#model, "user_code", userCode), this.#clock());
	}

	async findByUid(uid: string): Promise<AdapterPayload | undefined> {
		return payloadOf(await findModelBy(this.#db, this.#model, "uid", uid), this.#clock());
	}

	async consume(id: string): Promise<void> {
		await consumeModel(this.#db, this.#model, id, this.#clock());
	}

	async destroy(id: string): Promise<void> {
		await destroyModel(this.#db, this.#model, id);
	}

	async revokeByGrantId(grantId: string): Promise<void> {
		await destroyGrant(this.#db, grantId);
	}
}
