import { type Kysely, sql } from "kysely";
import type { Migration } from "kysely/migration";

/**
 * The OpenID Connect provider's storage, shared by every instance.
 *
 * - oidc_models: what the provider keeps (sessions, interactions, grants, codes,
 *   tokens), one row per object, its payload as JSON. Tokens and codes are keyed
 *   by an identifier that is not the token's secret part alone. `account_id` and
 *   `grant_id` let a sign-out end everything of a person or a grant at once.
 * - oidc_keys: signing keys, their private parts sealed with the server secret.
 *   The newest is the one that signs; older ones stay published until `retire_at`.
 * - oidc_clients: apps, added by command; secrets as SHA-256 only.
 * - oidc_consents: what a person allowed a third-party app, until withdrawn.
 * - oidc_logouts: back-channel logout notices owed to apps, sent and retried by any instance.
 */
export const openIdConnect: Migration = {
	async up(db: Kysely<unknown>) {
		await db.schema
			.createTable("oidc_models")
			.addColumn("model", "text", (c) => c.notNull())
			.addColumn("id", "text", (c) => c.notNull())
			.addColumn("payload", "text", (c) => c.notNull())
			.addColumn("grant_id", "text")
			.addColumn("uid", "text")
			.addColumn("user_code", "text")
			.addColumn("account_id", "text")
			.addColumn("expires_at", "bigint")
			.addColumn("consumed_at", "bigint")
			.addPrimaryKeyConstraint("oidc_models_pk", ["model", "id"])
			.execute();
		await db.schema.createIndex("oidc_models_grant").on("oidc_models").column("grant_id").execute();
		await db.schema.createIndex("oidc_models_uid").on("oidc_models").columns(["model", "uid"]).execute();
		await db.schema.createIndex("oidc_models_account").on("oidc_models").columns(["account_id", "model"]).execute();
		await db.schema.createIndex("oidc_models_expires").on("oidc_models").column("expires_at").execute();

		await db.schema
			.createTable("oidc_keys")
			.addColumn("kid", "text", (c) => c.primaryKey())
			.addColumn("alg", "text", (c) => c.notNull())
			.addColumn("public_jwk", "text", (c) => c.notNull())
			.addColumn("sealed_private_jwk", "text", (c) => c.notNull())
			.addColumn("created_at", "bigint", (c) => c.notNull())
			.addColumn("retire_at", "bigint")
			.execute();
		// One signing key at a time: two instances making the first key (or rotating) at once make one.
		await db.schema.createIndex("oidc_keys_one_signing").on("oidc_keys").column("alg").unique().where(sql.ref("retire_at"), "is", null).execute();

		await db.schema
			.createTable("oidc_clients")
			.addColumn("id", "text", (c) => c.primaryKey())
			.addColumn("name", "text", (c) => c.notNull())
			.addColumn("redirect_uris", "text", (c) => c.notNull())
			.addColumn("post_logout_redirect_uris", "text", (c) => c.notNull())
			.addColumn("public", "integer", (c) => c.notNull())
			.addColumn("first_party", "integer", (c) => c.notNull())
			.addColumn("backchannel_logout_uri", "text")
			.addColumn("resources", "text", (c) => c.notNull())
			.addColumn("secret_hash", "text")
			.addColumn("created_at", "bigint", (c) => c.notNull())
			.addColumn("updated_at", "bigint", (c) => c.notNull())
			.execute();

		await db.schema
			.createTable("oidc_consents")
			.addColumn("account_id", "text", (c) => c.notNull())
			.addColumn("client_id", "text", (c) => c.notNull())
			.addColumn("scopes", "text", (c) => c.notNull())
			.addColumn("created_at", "bigint", (c) => c.notNull())
			.addColumn("updated_at", "bigint", (c) => c.notNull())
			.addPrimaryKeyConstraint("oidc_consents_pk", ["account_id", "client_id"])
			.execute();

		await db.schema
			.createTable("oidc_logouts")
			.addColumn("id", "text", (c) => c.primaryKey())
			.addColumn("client_id", "text", (c) => c.notNull())
			.addColumn("account_id", "text", (c) => c.notNull())
			.addColumn("sid", "text")
			.addColumn("attempts", "integer", (c) => c.notNull().defaultTo(0))
			.addColumn("due_at", "bigint", (c) => c.notNull())
			.addColumn("created_at", "bigint", (c) => c.notNull())
			.execute();
		await db.schema.createIndex("oidc_logouts_due").on("oidc_logouts").column("due_at").execute();
	},
};
