import type { ErrorCode } from "../../core/errors.ts";

/**
 * What the OpenAPI document says of each API route besides its schema (http/openapi.ts):
 * a name, a sentence, a group, the error codes the route's own rules can answer, and
 * examples. The codes every route shares (a malformed body, a session that ended, the
 * gate, a fault) are added where they apply; a route the table does not name fails the
 * document's test.
 */
export interface Operation {
	operationId: string;
	summary: string;
	tag: Tag;
	/** The codes of the route's own rules (docs/api.md, "Errors:"). */
	errors: readonly ErrorCode[];
	/** It checks or hashes a password, or makes a set of codes: `server_busy` when too much hashing is queued. */
	hashes?: boolean;
	/** A request body that works. */
	request?: Record<string, unknown>;
	/** Its answer, by status. */
	responses?: Record<number, unknown>;
}

export const tags = [
	{ name: "Accounts and sessions", description: "Signing up, signing in with its second step, the session and its account." },
	{ name: "Methods", description: "Second factors by name: what the account has, setting one up, moving it, removing it." },
	{ name: "Authenticator app", description: "The authenticator's own routes, and turning two-factor off." },
	{ name: "Backup codes", description: "A new set, confirmed by typing one of its codes back." },
	{ name: "Email and phone", description: "Addresses that receive codes and alerts, proved with a code." },
	{ name: "Passkeys", description: "WebAuthn credentials, as a second factor." },
	{ name: "Trusted devices", description: "Browsers that skip the second step for 30 days." },
	{ name: "Passwords", description: "Changing the password, resetting a forgotten one with its second step, and \"Wasn't you?\"." },
	{ name: "Recovery", description: "For someone who knows the password but can use none of the account's second factors." },
	{ name: "Activity", description: "The account's security events." },
] as const;

export type Tag = (typeof tags)[number]["name"];

/** The second step's codes: what a refused answer says. */
const answerErrors = [
	"invalid_code",
	"code_already_used",
	"code_typo",
	"code_replaced",
	"method_not_available",
	"challenge_expired",
	"too_many_attempts",
] as const satisfies readonly ErrorCode[];
const sendErrors = ["method_not_available", "challenge_expired", "resend_too_soon", "too_many_attempts", "delivery_failed", "channel_unavailable"] as const satisfies readonly ErrorCode[];

const at = "2026-06-01T12:00:00.000Z";
const later = "2026-06-01T12:10:00.000Z";
const resendAfter = "2026-06-01T12:01:00.000Z";
const token = "q8Jp2X0vTnY5kW3rB7cF1mZ9sD4hL6gA2eU0iO8yR3t";
const challenge = "Vf3kR8sN1qP6wX0zC4mB7tY2hJ5gL9dA3eU8iO1yK6u";
const accountId = "5f2b8c1e9a7d4f3b2c6e8a1d0f9b7c3e";
const codes = ["7KQ2-M9XD", "H4TZ-W8NB", "P3VR-6JCF", "B2NG-X7QL", "R9DM-4WKT", "T6HX-J3PZ", "C8LW-N5GV", "F2QB-9RMK", "W7JT-K4XD", "M3ZN-8HVP"];
const newCodes = { codes, status: "pending", expiresAt: "2026-06-01T13:00:00.000Z" };
const twoFactorOn = {
	enabled: true,
	methods: ["totp", "backup_code"],
	preferred: "totp",
	backupCodes: { remaining: 10, total: 10, createdAt: at },
	pendingBackupCodes: null,
	requiredActions: [],
};
const twoFactorOff = { enabled: false, methods: [], preferred: null, backupCodes: null, pendingBackupCodes: null, requiredActions: [] };
const twoFactorPending = { ...twoFactorOff, methods: ["totp"], requiredActions: ["finish_two_factor"] };
const secondFactor = { challenge, methods: ["totp", "email", "backup_code"], preferred: "totp", expiresAt: later, destinations: { email: "a•••@example.com" } };
const credential = { id: "9c4e1f7a2b8d3c6e5f0a1b2c3d4e5f60", name: "Authenticator app", createdAt: at, lastUsedAt: null };
const passkey = { id: "3e7a9c1f5b2d8e4a6c0f1b3d5e7a9c2f", name: "Security key", createdAt: at, lastUsedAt: "2026-06-02T08:30:00.000Z" };
const contact = { kind: "email", value: "ada@example.com", masked: "a•••@example.com", verified: true, createdAt: at };
const codeSent = { sentTo: "a•••@example.com", status: "sent", expiresAt: later, resendAfter };
const recovery = { status: "waiting", via: "email", startedAt: at, readyAt: "2026-06-04T12:00:00.000Z" };
const webauthnRequest = {
	challenge: "dGhpcyBpcyAzMiByYW5kb20gYnl0ZXMgb2YgY2hhbGxlbmdl",
	rpId: "accounts.example.com",
	allowCredentials: [{ id: "AQIDBAUGBwgJCgsMDQ4PEA", type: "public-key" }],
	userVerification: "preferred",
	timeout: 300000,
};
const webauthnCreate = {
	challenge: "dGhpcyBpcyAzMiByYW5kb20gYnl0ZXMgb2YgY2hhbGxlbmdl",
	rp: { name: "Tessera", id: "accounts.example.com" },
	user: { id: "X2Y4ZjNiMmM2ZThhMWQwZg", name: "ada.l", displayName: "ada.l" },
	pubKeyCredParams: [{ alg: -7, type: "public-key" }, { alg: -257, type: "public-key" }],
	timeout: 300000,
	attestation: "none",
};
const assertion = {
	id: "AQIDBAUGBwgJCgsMDQ4PEA",
	rawId: "AQIDBAUGBwgJCgsMDQ4PEA",
	type: "public-key",
	response: { clientDataJSON: "eyJ0eXBlIjoid2ViYXV0aG4uZ2V0In0", authenticatorData: "SZYN5YgOjGh0NBcPZHZgW4", signature: "MEUCIQDx" },
	clientExtensionResults: {},
};
const signedIn = { session: { token, expiresAt: "2026-06-02T12:00:00.000Z" }, requiredActions: [] };
const password = "correct horse battery staple";

/** Every API route, by "METHOD /path" as Fastify names it. */
export const operations: Record<string, Operation> = {
	"POST /api/v1/accounts": {
		operationId: "signUp",
		summary: "Sign up",
		tag: "Accounts and sessions",
		errors: ["weak_password", "username_taken", "too_many_attempts"],
		hashes: true,
		request: { username: "ada.l", password, email: "ada@example.com" },
		responses: { 201: { account: { id: accountId, username: "ada.l" }, session: signedIn.session } },
	},
	"POST /api/v1/sessions": {
		operationId: "signIn",
		summary: "Sign in, step one: the password",
		tag: "Accounts and sessions",
		errors: ["invalid_credentials", "too_many_attempts"],
		hashes: true,
		request: { username: "ada.l", password },
		responses: { 201: { session: signedIn.session }, 200: { secondFactor } },
	},
	"POST /api/v1/sessions/second-factor": {
		operationId: "completeSecondFactor",
		summary: "Sign in, step two: a code or a passkey's answer",
		tag: "Accounts and sessions",
		errors: [...answerErrors, "second_factor_unavailable"],
		request: { challenge, method: "totp", code: "492039", trustDevice: true },
		responses: { 201: { ...signedIn, device: { token: "Dk2L9sQ4wE7rT1yU5iO8pA3sD6fG0hJ2kL4zX7cV9bN", expiresAt: "2026-07-01T12:00:00.000Z" } } },
	},
	"POST /api/v1/sessions/second-factor/start": {
		operationId: "startSecondStep",
		summary: "Start a second step with one method: a code sent, or WebAuthn options",
		tag: "Accounts and sessions",
		errors: [...sendErrors, "second_factor_unavailable"],
		request: { challenge, method: "email" },
		responses: { 202: { kind: "code_sent", ...codeSent }, 200: { kind: "webauthn", options: webauthnRequest } },
	},
	"POST /api/v1/sessions/second-factor/send": {
		operationId: "sendSignInCode",
		summary: "Send a sign-in code by text message or email",
		tag: "Accounts and sessions",
		errors: [...sendErrors, "second_factor_unavailable"],
		request: { challenge, method: "sms" },
		responses: { 202: { ...codeSent, sentTo: "•••• 1234" } },
	},
	"POST /api/v1/sessions/second-factor/passkey/options": {
		operationId: "passkeySignInOptions",
		summary: "Options for signing in with a passkey as the second step",
		tag: "Passkeys",
		errors: ["method_not_available", "challenge_expired", "second_factor_unavailable"],
		request: { challenge },
		responses: { 200: { options: webauthnRequest } },
	},
	"POST /api/v1/sessions/second-factor/passkey/verify": {
		operationId: "passkeySignInVerify",
		summary: "Sign in, step two, with a passkey",
		tag: "Passkeys",
		errors: [...answerErrors, "second_factor_unavailable"],
		request: { challenge, response: assertion },
		responses: { 201: signedIn },
	},
	"GET /api/v1/sessions/current": {
		operationId: "currentSession",
		summary: "Check a session, and how strongly it was signed in",
		tag: "Accounts and sessions",
		errors: [],
		responses: {
			200: {
				session: { expiresAt: "2026-06-02T12:00:40.000Z" },
				account: { id: accountId, username: "ada.l" },
				authentication: {
					methods: ["password", "totp"],
					amr: ["pwd", "otp", "mfa"],
					acr: "urn:tessera:acr:two-factor",
					authTime: "2026-06-01T12:00:40.000Z",
					factors: [
						{ method: "password", at },
						{ method: "totp", at: "2026-06-01T12:00:40.000Z" },
					],
				},
			},
		},
	},
	"DELETE /api/v1/sessions/current": {
		operationId: "signOut",
		summary: "Sign out",
		tag: "Accounts and sessions",
		errors: [],
	},
	"GET /api/v1/account": {
		operationId: "getAccount",
		summary: "The account and its two-factor state",
		tag: "Accounts and sessions",
		errors: [],
		responses: { 200: { account: { id: accountId, username: "ada.l", email: "ada@example.com", createdAt: at }, twoFactor: twoFactorOn } },
	},
	"GET /api/v1/account/activity": {
		operationId: "listActivity",
		summary: "The account's security events of the last 90 days, newest first",
		tag: "Activity",
		errors: [],
		responses: {
			200: {
				events: [
					{
						id: "1a2b3c4d5e6f708192a3b4c5d6e7f809",
						at: "2026-06-01T12:00:40.000Z",
						kind: "code_failed",
						description: "A backup code was refused: it was already used.",
						method: "backup_code",
						reason: "already_used",
						device: "Firefox on Windows",
						ip: "203.0.113.7",
						by: "you",
					},
					{
						id: "0f9e8d7c6b5a49382716f5e4d3c2b1a0",
						at,
						kind: "signed_in",
						description: "Signed in.",
						method: "totp",
						reason: null,
						device: "Firefox on Windows",
						ip: "203.0.113.7",
						by: "you",
					},
				],
			},
		},
	},
	"POST /api/v1/account/password": {
		operationId: "changePassword",
		summary: "Change the password (every other session ends)",
		tag: "Passwords",
		errors: ["invalid_credentials", "weak_password", "too_many_attempts"],
		hashes: true,
		request: { currentPassword: password, newPassword: "a new and longer passphrase" },
		responses: { 200: { status: "password_changed" } },
	},
	"POST /api/v1/password-reset": {
		operationId: "requestPasswordReset",
		summary: "Forgot password: send a link or a code",
		tag: "Passwords",
		errors: ["too_many_attempts"],
		hashes: true,
		request: { identifier: "ada@example.com" },
		responses: {
			202: {
				reset: "Rz8xC2vB5nM1qW4eR7tY0uI3oP6aS9dF2gH5jK8lZ1x",
				message:
					"If an account matches, we sent a link to its confirmed email address, or a code by text message to its confirmed phone. The link works for 30 minutes, the code for 10.",
			},
		},
	},
	"POST /api/v1/password-reset/complete": {
		operationId: "completePasswordReset",
		summary: "Set the new password with the link's token or the texted code",
		tag: "Passwords",
		errors: ["invalid_link", "invalid_code", "weak_password", "too_many_attempts"],
		hashes: true,
		request: { token, newPassword: "a new and longer passphrase" },
		responses: { 200: { status: "second_factor_required", secondFactor: { ...secondFactor, methods: ["totp", "backup_code"], destinations: {} } } },
	},
	"POST /api/v1/password-reset/second-factor": {
		operationId: "passwordResetSecondFactor",
		summary: "Confirm a reset with a factor no reset can reach",
		tag: "Passwords",
		errors: [...answerErrors, "invalid_link", "second_factor_unavailable"],
		request: { challenge, method: "backup_code", code: "7KQ2-M9XD" },
		responses: { 200: { status: "password_changed" } },
	},
	"POST /api/v1/secure-account": {
		operationId: "secureAccount",
		summary: "\"Wasn't you?\": sign out everywhere, from an alert's link",
		tag: "Passwords",
		errors: ["invalid_link"],
		request: { token },
		responses: { 200: { status: "signed_out_everywhere" } },
	},
	"POST /api/v1/recovery/options": {
		operationId: "recoveryOptions",
		summary: "What recovery can use, and a recovery under way",
		tag: "Recovery",
		errors: ["challenge_expired"],
		request: { challenge },
		responses: {
			200: {
				contacts: [{ kind: "email", masked: "a•••@example.com" }],
				recovery: null,
				identityCheckOpen: false,
				codesPausedAt: null,
				identityCheckDenied: false,
			},
		},
	},
	"POST /api/v1/recovery/send": {
		operationId: "sendRecoveryCode",
		summary: "Send a code to a confirmed address, to start a recovery",
		tag: "Recovery",
		errors: ["no_contact", "recovery_in_progress", "recovery_paused", "challenge_expired", "resend_too_soon", "too_many_attempts", "delivery_failed", "channel_unavailable"],
		request: { challenge, kind: "email" },
		responses: { 202: codeSent },
	},
	"POST /api/v1/recovery/start": {
		operationId: "startRecovery",
		summary: "Start a recovery with that code: the waiting period begins",
		tag: "Recovery",
		errors: ["invalid_code", "no_contact", "recovery_in_progress", "recovery_paused", "challenge_expired", "too_many_attempts"],
		request: { challenge, kind: "email", code: "482913" },
		responses: { 201: { recovery } },
	},
	"POST /api/v1/recovery/requests": {
		operationId: "fileIdentityCheck",
		summary: "Ask an operator for an identity check",
		tag: "Recovery",
		errors: ["recovery_request_open", "recovery_in_progress", "challenge_expired"],
		request: { challenge, message: "I lost my phone and my backup codes in a move last week.", lastSignIn: "May 2026" },
		responses: { 201: { request: { id: "7b3d9f1a5c2e8b4d6f0a2c4e6b8d0f1a", status: "open", createdAt: at } } },
	},
	"POST /api/v1/recovery/cancel": {
		operationId: "cancelRecovery",
		summary: "Cancel a recovery from an alert's link",
		tag: "Recovery",
		errors: ["invalid_link"],
		request: { token },
		responses: { 200: { status: "recovery_cancelled" } },
	},
	"POST /api/v1/account/totp": {
		operationId: "beginTotp",
		summary: "Start setting up the authenticator app",
		tag: "Authenticator app",
		errors: ["invalid_credentials", "two_factor_already_enabled", "too_many_attempts"],
		hashes: true,
		request: { password },
		responses: {
			201: {
				secret: "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP",
				otpauthUri: "otpauth://totp/Tessera:ada.l?secret=JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP&issuer=Tessera&algorithm=SHA1&digits=6&period=30",
				qrCodeSvg: '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 41 41"><path d="M4 4h7v7H4z"/></svg>',
			},
		},
	},
	"POST /api/v1/account/totp/confirm": {
		operationId: "confirmTotp",
		summary: "Confirm the authenticator with its first code (the first backup codes come with it)",
		tag: "Authenticator app",
		errors: ["invalid_code", "totp_not_pending", "too_many_attempts"],
		hashes: true,
		request: { code: "492039" },
		responses: { 200: { twoFactor: twoFactorPending, backupCodes: newCodes } },
	},
	"POST /api/v1/account/totp/disable": {
		operationId: "disableTotp",
		summary: "Remove the authenticator app",
		tag: "Authenticator app",
		errors: ["invalid_credentials", "two_factor_not_enabled", "last_second_factor", "too_many_attempts"],
		hashes: true,
		request: { password },
		responses: { 200: { twoFactor: twoFactorOff } },
	},
	"POST /api/v1/account/two-factor/disable": {
		operationId: "startDisableTwoFactor",
		summary: "Turn two-factor off, step one: the password",
		tag: "Authenticator app",
		errors: ["invalid_credentials", "two_factor_not_enabled", "second_factor_unavailable", "too_many_attempts"],
		hashes: true,
		request: { password },
		responses: { 200: { secondFactor } },
	},
	"POST /api/v1/account/two-factor/disable/confirm": {
		operationId: "confirmDisableTwoFactor",
		summary: "Turn two-factor off, step two: a second factor",
		tag: "Authenticator app",
		errors: answerErrors,
		request: { challenge, method: "totp", code: "492039" },
		responses: { 200: { twoFactor: twoFactorOff } },
	},
	"POST /api/v1/account/backup-codes": {
		operationId: "newBackupCodes",
		summary: "Get a new set of backup codes (pending until one is typed back)",
		tag: "Backup codes",
		errors: ["invalid_credentials", "two_factor_not_enabled", "too_many_attempts"],
		hashes: true,
		request: { password },
		responses: { 201: newCodes },
	},
	"POST /api/v1/account/backup-codes/confirm": {
		operationId: "confirmBackupCodes",
		summary: "Type one code of the new set back: it becomes the working set",
		tag: "Backup codes",
		errors: ["code_typo", "invalid_code", "no_pending_codes", "too_many_attempts"],
		request: { code: "H4TZ-W8NB" },
		responses: { 200: { backupCodes: { remaining: 10, total: 10, createdAt: at }, twoFactor: twoFactorOn } },
	},
	"GET /api/v1/account/methods": {
		operationId: "listMethods",
		summary: "Every method, strongest first, and what the account has",
		tag: "Methods",
		errors: [],
		responses: {
			200: {
				methods: [
					{ name: "passkey", title: "Passkey", role: "primary", enrolled: false, settable: true, credentials: [] },
					{ name: "totp", title: "Authenticator app", role: "primary", enrolled: true, settable: true, credentials: [credential] },
					{ name: "backup_code", title: "Backup codes", role: "fallback", enrolled: true, settable: false, credentials: [] },
				],
			},
		},
	},
	"POST /api/v1/account/methods/:method": {
		operationId: "beginEnrolment",
		summary: "Start setting a method up",
		tag: "Methods",
		errors: ["invalid_credentials", "method_not_available", "two_factor_already_enabled", "too_many_attempts"],
		hashes: true,
		request: { password },
		responses: {
			201: {
				enrolment: {
					kind: "shared_secret",
					secret: "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP",
					uri: "otpauth://totp/Tessera:ada.l?secret=JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP&issuer=Tessera&algorithm=SHA1&digits=6&period=30",
					qrCodeSvg: '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 41 41"><path d="M4 4h7v7H4z"/></svg>',
				},
			},
		},
	},
	"POST /api/v1/account/methods/:method/confirm": {
		operationId: "confirmEnrolment",
		summary: "Finish setting a method up with its first answer",
		tag: "Methods",
		errors: ["invalid_code", "totp_not_pending", "passkey_already_registered", "method_not_available", "too_many_attempts"],
		hashes: true,
		request: { code: "492039" },
		responses: { 200: { credential, twoFactor: twoFactorPending, backupCodes: newCodes } },
	},
	"POST /api/v1/account/methods/:method/replace": {
		operationId: "beginReplacement",
		summary: "Move a method to a new device (the old one works until the new one is confirmed)",
		tag: "Methods",
		errors: ["invalid_credentials", "method_not_available", "two_factor_not_enabled", "too_many_attempts"],
		hashes: true,
		request: { password },
		responses: { 201: { enrolment: { kind: "webauthn", options: webauthnCreate } } },
	},
	"POST /api/v1/account/methods/:method/remove": {
		operationId: "removeCredential",
		summary: "Remove a credential",
		tag: "Methods",
		errors: ["invalid_credentials", "not_found", "two_factor_not_enabled", "last_second_factor", "method_not_available", "too_many_attempts"],
		hashes: true,
		request: { password, id: passkey.id },
		responses: { 200: { twoFactor: twoFactorOn } },
	},
	"GET /api/v1/account/contacts": {
		operationId: "listContacts",
		summary: "The account's email address and phone number",
		tag: "Email and phone",
		errors: [],
		responses: { 200: { contacts: [contact, { kind: "phone", value: "+12025550199", masked: "•••• 0199", verified: false, createdAt: at }] } },
	},
	"POST /api/v1/account/contacts": {
		operationId: "addContact",
		summary: "Add an address; a code goes there to prove it",
		tag: "Email and phone",
		errors: ["invalid_credentials", "phone_in_use", "email_in_use", "channel_unavailable", "delivery_failed", "resend_too_soon", "too_many_attempts"],
		hashes: true,
		request: { kind: "phone", value: "+1 202 555 0199", password },
		responses: {
			201: {
				contact: { kind: "phone", value: "+12025550199", masked: "•••• 0199", verified: false, createdAt: at },
				code: { ...codeSent, sentTo: "•••• 0199" },
			},
		},
	},
	"POST /api/v1/account/contacts/verify": {
		operationId: "verifyContact",
		summary: "Prove an address with its code",
		tag: "Email and phone",
		errors: ["invalid_code", "no_contact", "email_in_use", "phone_in_use", "too_many_attempts"],
		request: { kind: "email", code: "482913" },
		responses: { 200: { contact } },
	},
	"POST /api/v1/account/contacts/resend": {
		operationId: "resendContactCode",
		summary: "Send an address's code again",
		tag: "Email and phone",
		errors: ["no_contact", "resend_too_soon", "too_many_attempts", "delivery_failed", "channel_unavailable"],
		request: { kind: "email" },
		responses: { 202: { status: "sent", expiresAt: later, resendAfter } },
	},
	"POST /api/v1/account/contacts/remove": {
		operationId: "removeContact",
		summary: "Remove an address",
		tag: "Email and phone",
		errors: ["invalid_credentials", "no_contact", "last_second_factor", "too_many_attempts"],
		hashes: true,
		request: { kind: "phone", password },
		responses: { 200: { contacts: [contact] } },
	},
	"GET /api/v1/account/passkeys": {
		operationId: "listPasskeys",
		summary: "The account's passkeys",
		tag: "Passkeys",
		errors: [],
		responses: { 200: { passkeys: [passkey] } },
	},
	"POST /api/v1/account/passkeys/options": {
		operationId: "passkeyOptions",
		summary: "Options to create a passkey",
		tag: "Passkeys",
		errors: ["invalid_credentials", "method_not_available", "too_many_attempts"],
		hashes: true,
		request: { password },
		responses: { 200: { options: webauthnCreate } },
	},
	"POST /api/v1/account/passkeys": {
		operationId: "addPasskey",
		summary: "Register a passkey with the browser's answer",
		tag: "Passkeys",
		errors: ["invalid_code", "passkey_already_registered", "method_not_available", "too_many_attempts"],
		request: {
			name: "Security key",
			response: {
				id: "AQIDBAUGBwgJCgsMDQ4PEA",
				rawId: "AQIDBAUGBwgJCgsMDQ4PEA",
				type: "public-key",
				response: { clientDataJSON: "eyJ0eXBlIjoid2ViYXV0aG4uY3JlYXRlIn0", attestationObject: "o2NmbXRkbm9uZQ" },
				clientExtensionResults: {},
			},
		},
		responses: { 201: { passkey: { ...passkey, lastUsedAt: null } } },
	},
	"POST /api/v1/account/passkeys/remove": {
		operationId: "removePasskey",
		summary: "Remove a passkey",
		tag: "Passkeys",
		errors: ["invalid_credentials", "not_found", "last_second_factor", "too_many_attempts"],
		hashes: true,
		request: { id: passkey.id, password },
		responses: { 200: { passkeys: [] } },
	},
	"GET /api/v1/account/devices": {
		operationId: "listTrustedDevices",
		summary: "Browsers trusted to skip the second step",
		tag: "Trusted devices",
		errors: [],
		responses: {
			200: {
				devices: [
					{ id: "c1d2e3f4a5b6c7d8e9f0a1b2c3d4e5f6", label: "Firefox on Windows", createdAt: at, lastUsedAt: later, expiresAt: "2026-07-01T12:00:00.000Z" },
				],
			},
		},
	},
	"POST /api/v1/account/devices/revoke": {
		operationId: "revokeTrustedDevice",
		summary: "Forget one trusted device",
		tag: "Trusted devices",
		errors: ["not_found"],
		request: { id: "c1d2e3f4a5b6c7d8e9f0a1b2c3d4e5f6" },
	},
	"POST /api/v1/account/devices/revoke-all": {
		operationId: "revokeAllTrustedDevices",
		summary: "Forget every trusted device",
		tag: "Trusted devices",
		errors: [],
	},
};
