/**
 * Table shapes, as Kysely sees them. Times are integer milliseconds since the
 * Unix epoch (bigint in PostgreSQL, INTEGER in SQLite); flags are 0/1 integers,
 * so one set of queries runs on both databases.
 */
import type { Generated, Selectable } from "kysely";

export interface AccountsTable {
	id: string;
	/** Canonical (lower-case) username: unique without regard to case. */
	username: string;
	email: string | null;
	password_hash: string;
	/** argon2id salt for this account's backup codes (see methods/backup-code). */
	backup_code_salt: string | null;
	two_factor_enabled: number;
	preferred_method: string | null;
	created_at: number;
	updated_at: number;
	/** Set by an operator: the account cannot sign in (it answers like a wrong password). */
	locked_at: Generated<number | null>;
	/** "user", or "admin" for people who review identity checks. */
	role: Generated<string>;
	/** 1 after recovery or an operator reset two-factor: set it up again before anything else. */
	two_factor_required: Generated<number>;
	/**
	 * Since then (a password reset that no strong factor confirmed), codes by email and
	 * SMS are not a second step, until a factor no reset can reach signs in.
	 */
	codes_paused_at: Generated<number | null>;
	/** The language its messages are written in ("en", "fr", "ar"); null until known. */
	language: Generated<string | null>;
	/** Its IANA time zone, from the browser; null until known (UTC). */
	time_zone: Generated<string | null>;
}

/** An account row as read from the database. */
export type Account = Selectable<AccountsTable>;

/**
 * Every column of an account, named: queries list them rather than select `*`,
 * so a column added by a later migration never changes the shape of a
 * statement a running instance has prepared (PostgreSQL refuses those).
 */
export const accountColumns = [
	"id",
	"username",
	"email",
	"password_hash",
	"backup_code_salt",
	"two_factor_enabled",
	"preferred_method",
	"created_at",
	"updated_at",
	"locked_at",
	"role",
	"two_factor_required",
	"codes_paused_at",
	"language",
	"time_zone",
] as const satisfies readonly (keyof AccountsTable)[];

export interface SessionsTable {
	id: string;
	token_hash: string;
	account_id: string;
	created_at: number;
	last_seen_at: number;
	expires_at: number;
	ip: string | null;
	user_agent: string | null;
	/** The factors it was signed in with, JSON (core/authentication-strength.ts); null for sessions from before they were recorded. */
	authentication: Generated<string | null>;
	/** The time of its latest factor; null as `authentication`. */
	authenticated_at: Generated<number | null>;
}

export interface LoginChallengesTable {
	id: string;
	/**
	 * "sign_in"; "disable_two_factor" for confirming that change with a second factor;
	 * "password_reset" for a reset on an account with two-factor, waiting for its second step.
	 */
	purpose: Generated<"sign_in" | "disable_two_factor" | "password_reset" | "step_up" | "step_up_phishing_resistant">;
	token_hash: string;
	account_id: string;
	created_at: number;
	expires_at: number;
	consumed_at: number | null;
	ip: string | null;
	/** A reset's link (or texted code) this challenge completes, claimed with it. */
	action_token_id: Generated<string | null>;
	/** A step-up's session: the one it strengthens. */
	session_id: Generated<string | null>;
	/** A reset's new password, as argon2id, set when its second step succeeds. */
	new_password_hash: Generated<string | null>;
}

export interface TotpCredentialsTable {
	account_id: string;
	/** AES-256-GCM sealed secret (see core/secret-box.ts). */
	secret_sealed: string;
	created_at: number;
	confirmed_at: number | null;
	/** The highest 30-second step ever accepted: a code at or below it is a replay. */
	last_used_step: number | null;
	/** A new phone's key, sealed, waiting for its first code to replace `secret_sealed` (migration 015). */
	replacement_sealed: string | null;
	replacement_created_at: number | null;
}

export type BackupCodeSetStatus = "pending" | "active" | "replaced";

export interface BackupCodeSetsTable {
	id: string;
	account_id: string;
	/** "alphanumeric:8", "numeric:8", …: the format and length codes of this set are read back in. */
	format: string;
	/** Key of the set's final HMAC: the same code in two sets hashes differently. */
	salt: string;
	status: BackupCodeSetStatus;
	created_at: number;
	/** A pending set is dropped at this time unless one of its codes is typed back. */
	expires_at: number | null;
	activated_at: number | null;
	replaced_at: number | null;
}

export interface BackupCodesTable {
	id: string;
	set_id: string;
	account_id: string;
	code_hash: string;
	used_at: number | null;
}

export interface ThrottleCountersTable {
	key: string;
	window_start: number;
	/** The window's length, so one statement can count keys with different limits. */
	window_ms: number;
	/** Failed attempts plus those still being checked. */
	count: number;
	/** Attempts still being checked. */
	pending: number;
}

export type ContactKind = "email" | "phone";

export interface ContactsTable {
	id: string;
	account_id: string;
	kind: ContactKind;
	/** Email in lower case, phone in E.164. */
	value: string;
	created_at: number;
	verified_at: number | null;
}

export interface OneTimeCodesTable {
	id: string;
	account_id: string;
	/** "contact": proves an address; "sign_in": a second factor, bound to its challenge. */
	purpose: "contact" | "sign_in" | "recovery";
	channel: "email" | "sms";
	contact_id: string | null;
	challenge_id: string | null;
	/** HMAC-SHA-256 of the code under a server key. */
	code_hash: string;
	created_at: number;
	expires_at: number;
	used_at: number | null;
	/** Set when a newer code for the same purpose replaced this one ("Resend"). */
	superseded_at: number | null;
}

export interface TrustedDevicesTable {
	id: string;
	account_id: string;
	/** SHA-256 of the device token; the token itself lives only in the device's cookie or app. */
	token_hash: string;
	/** "Firefox on Windows". */
	label: string;
	created_at: number;
	last_used_at: number;
	expires_at: number;
	/** The second factor it was trusted with, JSON (core/authentication-strength.ts); null for devices trusted before it was kept. */
	second_factor: Generated<string | null>;
}

export interface PasskeysTable {
	id: string;
	account_id: string;
	/** The credential's id, base64url, as the authenticator reports it. */
	credential_id: string;
	/** COSE public key, base64url. */
	public_key: string;
	/** The signature counter last seen; a counter that goes back means a cloned authenticator. */
	counter: number;
	/** JSON array of transports ("internal", "usb", …). */
	transports: string;
	name: string;
	/**
	 * "singleDevice" or "multiDevice" (synced), as registration reported it; null for
	 * passkeys registered before it was kept. Added by the passkey method's own migration.
	 */
	device_type: Generated<string | null>;
	created_at: number;
	last_used_at: number | null;
}

export interface WebauthnChallengesTable {
	id: string;
	account_id: string;
	purpose: "register" | "sign_in";
	/** base64url, 32 random bytes; a nonce, not a secret, but single use. */
	challenge: string;
	login_challenge_id: string | null;
	created_at: number;
	expires_at: number;
	used_at: number | null;
}

export interface ContactValueLocksTable {
	kind: ContactKind;
	value: string;
}

export interface SecurityEventsTable {
	id: string;
	account_id: string | null;
	/** A stable name: "signed_in", "backup_code_used", "recovery_started", … (flows/events.ts). */
	kind: string;
	method: string | null;
	/** "person", "system", "operator:<name>" (the CLI) or "admin:<username>" (the admin page). */
	actor: string;
	ip: string | null;
	/** The address's network (an IPv4 address, an IPv6 /64): a device seen from a new network is new. */
	network: string | null;
	/** "Firefox on Windows". */
	device: string | null;
	/** JSON: details that depend on the kind, never a secret. */
	detail: string | null;
	created_at: number;
	/** null: no alert owed; "pending", "sent" or "failed". */
	alert_state: Generated<"pending" | "sent" | "failed" | null>;
	alert_attempts: Generated<number>;
	/** When a pending alert may next be tried (or, while one instance sends it, when its claim lapses). */
	alert_due_at: Generated<number | null>;
	/** JSON [{channel, to}]: addresses the account no longer has that hear of it too. */
	alert_also_to: Generated<string | null>;
}

export type RecoveryStatus = "waiting" | "cancelled" | "completed";

export interface AccountRecoveriesTable {
	id: string;
	account_id: string;
	/** How the person proved it: "email", "phone", or "operator" (an approved identity check). */
	via: string;
	status: RecoveryStatus;
	started_at: number;
	/** Two-factor is reset at the first sign-in from this time on. */
	ready_at: number;
	ended_at: number | null;
	/** "sign_in" (a working factor), "link" (the cancel link), "secure_account", "operator:<name>", "completed". */
	ended_by: string | null;
}

/** "withdrawn": the person signed in with a second step, or secured the account, before a decision. */
export type RecoveryRequestStatus = "open" | "approved" | "denied" | "withdrawn";

export interface RecoveryRequestsTable {
	id: string;
	account_id: string;
	status: RecoveryRequestStatus;
	message: string;
	contacts_used: string;
	last_sign_in: string;
	ip: string | null;
	device: string | null;
	created_at: number;
	decided_at: number | null;
	decided_by: string | null;
	decision_note: string | null;
}

export type ActionTokenPurpose = "password_reset" | "password_reset_sms" | "secure_account" | "cancel_recovery";

export interface ActionTokensTable {
	id: string;
	account_id: string;
	purpose: ActionTokenPurpose;
	/** SHA-256 of the token; the token itself is only in the link or the client. */
	token_hash: string;
	code_hash: string | null;
	recovery_id: string | null;
	/** The confirmed address the link went to: removing or replacing it ends the link. */
	contact_id: Generated<string | null>;
	created_at: number;
	expires_at: number;
	used_at: number | null;
}

export interface MigrationLockTable {
	id: Generated<string>;
}

export interface Schema {
	accounts: AccountsTable;
	sessions: SessionsTable;
	login_challenges: LoginChallengesTable;
	totp_credentials: TotpCredentialsTable;
	backup_code_sets: BackupCodeSetsTable;
	backup_codes: BackupCodesTable;
	throttle_counters: ThrottleCountersTable;
	contacts: ContactsTable;
	one_time_codes: OneTimeCodesTable;
	trusted_devices: TrustedDevicesTable;
	passkeys: PasskeysTable;
	webauthn_challenges: WebauthnChallengesTable;
	contact_value_locks: ContactValueLocksTable;
	security_events: SecurityEventsTable;
	account_recoveries: AccountRecoveriesTable;
	recovery_requests: RecoveryRequestsTable;
	action_tokens: ActionTokensTable;
	oidc_models: OidcModelsTable;
	oidc_keys: OidcKeysTable;
	oidc_clients: OidcClientsTable;
	oidc_consents: OidcConsentsTable;
	oidc_logouts: OidcLogoutsTable;
	ssf_streams: SsfStreamsTable;
	ssf_sets: SsfSetsTable;
	webhook_endpoints: WebhookEndpointsTable;
	webhook_deliveries: WebhookDeliveriesTable;
	webhook_attempts: WebhookAttemptsTable;
}

export interface OidcModelsTable {
	/** The provider's model: "Session", "Grant", "AccessToken", … */
	model: string;
	id: string;
	/** JSON. */
	payload: string;
	grant_id: string | null;
	uid: string | null;
	user_code: string | null;
	account_id: string | null;
	expires_at: number | null;
	consumed_at: number | null;
}

export interface OidcKeysTable {
	kid: string;
	alg: string;
	public_jwk: string;
	/** The private JWK, sealed with a key derived from the server secret. */
	sealed_private_jwk: string;
	created_at: number;
	/** Set when a newer key took over: published until then, for the tokens it signed. */
	retire_at: number | null;
}

export interface OidcClientsTable {
	id: string;
	name: string;
	/** JSON arrays of exact addresses. */
	redirect_uris: string;
	post_logout_redirect_uris: string;
	public: number;
	first_party: number;
	backchannel_logout_uri: string | null;
	/** JSON array: the resource servers (APIs) this app may get access tokens for. */
	resources: string;
	/** SHA-256 (hex) of the secret; null for public clients. */
	secret_hash: string | null;
	created_at: number;
	updated_at: number;
}

export interface OidcConsentsTable {
	account_id: string;
	client_id: string;
	/** Space-separated scopes allowed. */
	scopes: string;
	created_at: number;
	updated_at: number;
}

export interface OidcLogoutsTable {
	id: string;
	client_id: string;
	account_id: string;
	sid: string | null;
	attempts: Generated<number>;
	due_at: number;
	created_at: number;
}

/** A Shared Signals stream: one receiver, its delivery and the events it gets. */
export interface SsfStreamsTable {
	id: string;
	/** JSON array of the `aud` values. */
	audience: string;
	description: string | null;
	/** urn:ietf:rfc:8935 (push) or urn:ietf:rfc:8936 (poll). */
	delivery_method: string;
	/** Push only: where SETs are posted. */
	endpoint_url: string | null;
	/** Who set the push endpoint: one the receiver set is sent only to public addresses. */
	endpoint_by: Generated<"operator" | "receiver">;
	/** Push only: the Authorization header value to send, sealed. */
	authorization_sealed: string | null;
	/** JSON arrays of event type URIs. */
	events_requested: string;
	events_delivered: string;
	status: "enabled" | "paused" | "disabled";
	status_reason: string | null;
	/** Who set the status last: a stream the operator disabled, its receiver cannot enable. */
	status_by: Generated<"operator" | "receiver">;
	/** SHA-256 of the receiver's bearer token. */
	token_hash: string;
	/** When the receiver last asked for a verification event. */
	verified_at: number | null;
	created_at: number;
	updated_at: number;
}

/** A Security Event Token owed on a stream, signed when it is sent. */
export interface SsfSetsTable {
	jti: string;
	stream_id: string;
	/** The security event it comes from: SETs of one cause share it. */
	txn: string | null;
	account_id: string | null;
	event_type: string;
	/** JSON: the `sub_id` claim. */
	subject: string;
	/** JSON: the event's own claims. */
	event: string;
	created_at: number;
	state: "pending" | "delivered" | "acknowledged" | "failed";
	/** Push only: when it may be sent next (null once settled, and for poll). */
	due_at: number | null;
	attempts: Generated<number>;
	last_error: string | null;
	settled_at: number | null;
}

export interface WebhookEndpointsTable {
	id: string;
	url: string;
	/** The event types it receives, as ",a,b," (one LIKE finds a type); null: every type. */
	events: string | null;
	enabled: Generated<number>;
	/** The signing secret's bytes, sealed with a key derived from the server secret. */
	secret_sealed: string;
	/** During a rotation: the previous secret, sealed, which also signs until it expires. */
	previous_secret_sealed: string | null;
	previous_secret_expires_at: number | null;
	created_at: number;
	updated_at: number;
}

export interface WebhookDeliveriesTable {
	/** The message id and the endpoint id, joined by a dot. */
	id: string;
	endpoint_id: string;
	/** The `webhook-id`: the same for every endpoint and every try. */
	message_id: string;
	type: string;
	/** The JSON body, exactly as signed and sent. */
	payload: string;
	state: Generated<"pending" | "delivered" | "failed">;
	attempts: Generated<number>;
	/** When it may next be tried (while an instance sends it, when its claim lapses); null once done. */
	due_at: number | null;
	/** Until when an instance's claim holds it while sending; null when no try is under way. */
	claimed_until: Generated<number | null>;
	/** After a failed try from this time on, it is given up. */
	expires_at: number;
	created_at: number;
	delivered_at: Generated<number | null>;
}

export interface WebhookAttemptsTable {
	id: string;
	delivery_id: string;
	endpoint_id: string;
	attempted_at: number;
	duration_ms: number;
	/** The receiver's HTTP status; null when none came (refused, timed out). */
	status: number | null;
	error: string | null;
}
