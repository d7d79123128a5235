import type { Db } from "./db.ts";
import type { OidcClientsTable, OidcKeysTable } from "./schema.ts";

/** The OpenID Connect provider's statements: its objects, keys, apps, consents and the logouts owed to apps. */

export interface ModelRow {
	payload: string;
	expires_at: number | null;
	consumed_at: number | null;
}

export async function upsertModel(
	db: Db,
	row: { model: string; id: string; payload: string; grantId: string | null; uid: string | null; userCode: string | null; accountId: string | null; expiresAt: number | null },
): Promise<void> {
	const values = {
		payload: row.payload,
		grant_id: row.grantId,
		uid: row.uid,
		user_code: row.userCode,
		account_id: row.accountId,
		expires_at: row.expiresAt,
	};
	await db
		.insertInto("oidc_models")
		.values({ model: row.model, id: row.id, consumed_at: null, ...values })
		.onConflict((oc) => oc.columns(["model", "id"]).doUpdateSet(values))
		.execute();
}

export function findModel(db: Db, model: string, id: string): Promise<ModelRow | undefined> {
	return db.selectFrom("oidc_models").select(["payload", "expires_at", "consumed_at"]).where("model", "=", model).where("id", "=", id).executeTakeFirst();
}

export function findModelBy(db: Db, model: string, column: "uid" | "user_code", value: string): Promise<ModelRow | undefined> {
	return db.selectFrom("oidc_models").select(["payload", "expires_at", "consumed_at"]).where("model", "=", model).where(column, "=", value).executeTakeFirst();
}

/** Marks an object consumed once: the first caller wins. */
export async function consumeModel(db: Db, model: string, id: string, now: number): Promise<void> {
	await db.updateTable("oidc_models").set({ consumed_at: now }).where("model", "=", model).where("id", "=", id).where("consumed_at", "is", null).execute();
}

export async function destroyModel(db: Db, model: string, id: string): Promise<void> {
	await db.deleteFrom("oidc_models").where("model", "=", model).where("id", "=", id).execute();
}

/** Ends a grant and everything issued under it: codes, access and refresh tokens. */
export async function destroyGrant(db: Db, grantId: string): Promise<void> {
	await db.deleteFrom("oidc_models").where("grant_id", "=", grantId).execute();
	await db.deleteFrom("oidc_models").where("model", "=", "Grant").where("id", "=", grantId).execute();
}

/** Every provider session of a person, with its payload (which apps it signed in to, with which sid). */
export function sessionsOfAccount(db: Db, accountId: string): Promise<{ id: string; payload: string }[]> {
	return db.selectFrom("oidc_models").select(["id", "payload"]).where("account_id", "=", accountId).where("model", "=", "Session").execute();
}

/** Which apps hold anything of a person's (grants): the apps a sign-out everywhere must tell. */
export async function clientsWithGrants(db: Db, accountId: string): Promise<string[]> {
	const rows = await db.selectFrom("oidc_models").select("payload").where("account_id", "=", accountId).where("model", "=", "Grant").execute();
	return [...new Set(rows.map((r) => (JSON.parse(r.payload) as { clientId: string }).clientId))];
}

/** Everything the provider holds of a person: sessions, sign-ins under way or finished, grants, codes and tokens. */
export async function destroyAccountModels(db: Db, accountId: string): Promise<void> {
	await db.deleteFrom("oidc_models").where("account_id", "=", accountId).execute();
}

/** A person's grants to one app, and all issued under them. */
export async function destroyClientGrants(db: Db, accountId: string, clientId: string): Promise<void> {
	const rows = await db.selectFrom("oidc_models").select(["id", "payload"]).where("account_id", "=", accountId).where("model", "=", "Grant").execute();
	for (const row of rows) {
		if ((JSON.parse(row.payload) as { clientId: string }).clientId === clientId) await destroyGrant(db, row.id);
	}
}

export async function pruneModels(db: Db, now: number): Promise<void> {
	await db.deleteFrom("oidc_models").where("expires_at", "<=", now).execute();
}

// ── Keys ──────────────────────────────────────────────────────────────────────

export function readKeys(db: Db): Promise<OidcKeysTable[]> {
	return db.selectFrom("oidc_keys").selectAll().orderBy("created_at", "desc").orderBy("kid").execute();
}

/**
 * A new signing key takes over: the one that signed until now is retired at
 * `retireAt` (when the last token it signed has expired), and keys past their
 * retirement go. Written only if the newest key is still `expectedNewest`, so
 * two instances rotating at once make one key, not two.
 */
export async function addSigningKey(db: Db, key: OidcKeysTable, expectedNewest: string | null, retireAt: number, now: number): Promise<boolean> {
	try {
		return await db.transaction().execute(async (tx) => {
			const newest = await tx.selectFrom("oidc_keys").select("kid").where("retire_at", "is", null).orderBy("created_at", "desc").executeTakeFirst();
			if ((newest?.kid ?? null) !== expectedNewest) return false;
			await tx.updateTable("oidc_keys").set({ retire_at: retireAt }).where("retire_at", "is", null).execute();
			await tx.insertInto("oidc_keys").values(key).execute();
			await tx.deleteFrom("oidc_keys").where("retire_at", "<=", now).execute();
			return true;
		});
	} catch (error) {
		// Another instance's key won (one signing key at a time: oidc_keys_one_signing).
		if ((await db.selectFrom("oidc_keys").select("kid").where("retire_at", "is", null).executeTakeFirst()) !== undefined) return false;
		throw error;
	}
}

// ── Apps ──────────────────────────────────────────────────────────────────────

export async function insertClient(db: Db, client: OidcClientsTable): Promise<void> {
	await db.insertInto("oidc_clients").values(client).execute();
}

export function readClient(db: Db, id: string): Promise<OidcClientsTable | undefined> {
	return db.selectFrom("oidc_clients").selectAll().where("id", "=", id).executeTakeFirst();
}

export function listClients(db: Db): Promise<OidcClientsTable[]> {
	return db.selectFrom("oidc_clients").selectAll().orderBy("created_at").orderBy("id").execute();
}

export async function setClientSecret(db: Db, id: string, secretHash: string, now: number): Promise<boolean> {
	const result = await db.updateTable("oidc_clients").set({ secret_hash: secretHash, updated_at: now }).where("id", "=", id).where("public", "=", 0).executeTakeFirst();
	return Number(result.numUpdatedRows) === 1;
}

/** Removes an app and everything it holds: grants, tokens, consents and logouts owed. */
export async function deleteClient(db: Db, id: string): Promise<boolean> {
	return db.transaction().execute(async (tx) => {
		const result = await tx.deleteFrom("oidc_clients").where("id", "=", id).executeTakeFirst();
		if (Number(result.numDeletedRows) !== 1) return false;
		const grants = await tx.selectFrom("oidc_models").select(["id", "payload"]).where("model", "=", "Grant").execute();
		for (const grant of grants) {
			if ((JSON.parse(grant.payload) as { clientId: string }).clientId === id) await destroyGrant(tx, grant.id);
		}
		await tx.deleteFrom("oidc_consents").where("client_id", "=", id).execute();
		await tx.deleteFrom("oidc_logouts").where("client_id", "=", id).execute();
		return true;
	});
}

// ── Consents ──────────────────────────────────────────────────────────────────

export function readConsent(db: Db, accountId: string, clientId: string): Promise<{ scopes: string } | undefined> {
	return db.selectFrom("oidc_consents").select("scopes").where("account_id", "=", accountId).where("client_id", "=", clientId).executeTakeFirst();
}

export async function saveConsent(db: Db, accountId: string, clientId: string, scopes: string, now: number): Promise<void> {
	await db
		.insertInto("oidc_consents")
		.values({ account_id: accountId, client_id: clientId, scopes, created_at: now, updated_at: now })
		.onConflict((oc) => oc.columns(["account_id", "client_id"]).doUpdateSet({ scopes, updated_at: now }))
		.execute();
}

export function consentsOf(db: Db, accountId: string): Promise<{ client_id: string; scopes: string; created_at: number; updated_at: number }[]> {
	return db
		.selectFrom("oidc_consents")
		.select(["client_id", "scopes", "created_at", "updated_at"])
		.where("account_id", "=", accountId)
		.orderBy("updated_at", "desc")
		.execute();
}

export async function deleteConsent(db: Db, accountId: string, clientId: string): Promise<boolean> {
	const result = await db.deleteFrom("oidc_consents").where("account_id", "=", accountId).where("client_id", "=", clientId).executeTakeFirst();
	return Number(result.numDeletedRows) === 1;
}

// ── Back-channel logouts owed ─────────────────────────────────────────────────

export async function queueLogouts(db: Db, rows: { id: string; clientId: string; accountId: string; sid: string | null }[], now: number): Promise<void> {
	if (rows.length === 0) return;
	await db
		.insertInto("oidc_logouts")
		.values(rows.map((r) => ({ id: r.id, client_id: r.clientId, account_id: r.accountId, sid: r.sid, due_at: now, created_at: now })))
		.execute();
}

/** Claims logouts that are due: each is pushed back by `leaseMs` so another instance leaves it alone meanwhile. */
export async function claimDueLogouts(db: Db, now: number, leaseMs: number, limit: number) {
	return db.transaction().execute(async (tx) => {
		const rows = await tx.selectFrom("oidc_logouts").selectAll().where("due_at", "<=", now).orderBy("due_at").limit(limit).execute();
		const claimed = [];
		for (const row of rows) {
			const result = await tx
				.updateTable("oidc_logouts")
				.set({ due_at: now + leaseMs, attempts: row.attempts + 1 })
				.where("id", "=", row.id)
				.where("due_at", "=", row.due_at)
				.executeTakeFirst();
			if (Number(result.numUpdatedRows) === 1) claimed.push({ ...row, attempts: row.attempts + 1 });
		}
		return claimed;
	});
}

export async function logoutDelivered(db: Db, id: string): Promise<void> {
	await db.deleteFrom("oidc_logouts").where("id", "=", id).execute();
}

export async function logoutFailed(db: Db, id: string, dueAt: number): Promise<void> {
	await db.updateTable("oidc_logouts").set({ due_at: dueAt }).where("id", "=", id).execute();
}

export async function dropLogoutsOlderThan(db: Db, before: number): Promise<void> {
	await db.deleteFrom("oidc_logouts").where("created_at", "<=", before).execute();
}
