/**
 * The shapes requests and answers are made of, for the route schemas (schemas.ts).
 */

/**
 * Request schemas: every field typed and bounded, unknown fields refused.
 * Bounds here stop abuse (a megabyte "password"); the friendlier rules
 * (3–30 characters, …) are checked by the flows, which explain them.
 */
export const str = (maxLength: number) => ({ type: "string", maxLength }) as const;

/** A registered method's name: the shared schema the API registers from the registry (http/api/routes.ts). */
export const methodName = { $ref: "methodName#" } as const;

export const object = (properties: Record<string, unknown>, required: string[]) =>
	({ type: "object", additionalProperties: false, properties, required }) as const;

/** `details.fields`: which field and why, as data (the same in every language). */
export const fieldReasons = {
	type: "array",
	items: { type: "object", properties: { field: { type: "string" }, reason: { type: "string" } }, required: ["field", "reason"] },
} as const;

/** `error.fields`: the same, with the problem in words, in the request's language. */
export const fieldProblems = {
	type: "array",
	items: {
		type: "object",
		properties: { field: { type: "string" }, reason: { type: "string" }, problem: { type: "string" } },
		required: ["field", "reason", "problem"],
	},
} as const;

/**
 * `{ error: { code, message, details } }` (src/http/errors.ts errorBody). The
 * serializer sends only the properties listed here: a new detail must be added.
 */
export const errorDetails = {
	type: "object",
	description: "The facts behind the error, as data: the same in every language. Each property appears only when it applies (docs/errors.md).",
	properties: {
		usedAt: { type: "string", format: "date-time", description: "`code_already_used`: when the code was used." },
		replacedAt: { type: "string", format: "date-time", description: "`code_replaced`: when the list the code belongs to was replaced." },
		retryAfterSeconds: { type: "integer", description: "`too_many_attempts`, `resend_too_soon`, `server_busy`: seconds to wait (the `Retry-After` header)." },
		remaining: { type: "integer", description: "`code_already_used` for a backup code: the unused codes left in its list." },
		fields: fieldReasons,
		method: { type: "string", description: "`code_already_used`: the method whose code was used again." },
	},
} as const;

export const errorResponse = {
	type: "object",
	properties: {
		error: {
			type: "object",
			properties: {
				code: { type: "string", description: "Stable, never renamed (docs/errors.md)." },
				message: { type: "string", description: "Words for a person, in the request's language (Accept-Language). Never parse them." },
				details: errorDetails,
				fields: fieldProblems,
			},
			required: ["code", "message", "details"],
		},
	},
	required: ["error"],
} as const;

export const session = {
	type: "object",
	description: "A session: send `token` as `Authorization: Bearer <token>`.",
	properties: { token: { type: "string" }, expiresAt: { type: "string", format: "date-time" } },
	required: ["token", "expiresAt"],
} as const;

export const backupCodeStatus = {
	type: "object",
	properties: { remaining: { type: "integer" }, total: { type: "integer" }, createdAt: { type: "string", format: "date-time" } },
	required: ["remaining", "total", "createdAt"],
} as const;

/** What the person must do before anything else (docs/api.md, `GET /account`). */
export const requiredAction = { type: "string", enum: ["finish_two_factor", "new_backup_codes", "set_up_two_factor"] } as const;

export const twoFactor = {
	type: "object",
	properties: {
		enabled: { type: "boolean" },
		methods: { type: "array", items: { type: "string" } },
		preferred: { type: ["string", "null"] },
		backupCodes: { ...backupCodeStatus, type: ["object", "null"] },
		pendingBackupCodes: {
			type: ["object", "null"],
			properties: { expiresAt: { type: "string", format: "date-time" } },
			required: ["expiresAt"],
		},
		requiredActions: { type: "array", items: requiredAction },
	},
	required: ["enabled", "methods", "preferred", "backupCodes", "pendingBackupCodes", "requiredActions"],
} as const;

export const newCodes = {
	type: "object",
	description: "A new set of backup codes, shown this once; pending until one of them is typed back (`POST /api/v1/account/backup-codes/confirm`).",
	properties: {
		codes: { type: "array", items: { type: "string" } },
		status: { type: "string", enum: ["pending"] },
		expiresAt: { type: "string", format: "date-time" },
	},
	required: ["codes", "status", "expiresAt"],
} as const;

export const codeSent = {
	type: "object",
	description: "`delayed`: the provider did not take the message within 1.5 s; it is still being tried.",
	properties: {
		sentTo: { type: "string", description: "Where it went, masked." },
		status: { type: "string", enum: ["sent", "delayed"] },
		expiresAt: { type: "string", format: "date-time" },
		resendAfter: { type: "string", format: "date-time" },
	},
	required: ["status", "expiresAt", "resendAfter"],
} as const;

export const contactKind = { type: "string", enum: ["email", "phone"] } as const;

export const contact = {
	type: "object",
	properties: {
		kind: contactKind,
		value: { type: "string", description: "An email address, or a phone number in E.164." },
		masked: { type: "string" },
		verified: { type: "boolean" },
		createdAt: { type: "string", format: "date-time" },
	},
	required: ["kind", "value", "masked", "verified", "createdAt"],
} as const;

export const device = {
	type: "object",
	properties: {
		id: { type: "string" },
		label: { type: "string" },
		createdAt: { type: "string", format: "date-time" },
		lastUsedAt: { type: "string", format: "date-time" },
		expiresAt: { type: "string", format: "date-time" },
	},
	required: ["id", "label", "createdAt", "lastUsedAt", "expiresAt"],
} as const;

/** A second-factor challenge: what a sign-in (or turning two-factor off) asks for next. */
export const secondFactor = {
	type: "object",
	properties: {
		challenge: { type: "string", description: "Single use; lasts 10 minutes." },
		methods: { type: "array", items: { type: "string" }, description: "What the account has, in the order to offer them; empty when only recovery is left." },
		preferred: { type: ["string", "null"], description: "The one to propose first; never a backup code." },
		expiresAt: { type: "string", format: "date-time" },
		destinations: { type: "object", additionalProperties: { type: "string" }, description: "Where codes by `sms` and `email` go, masked." },
	},
	required: ["challenge", "methods", "preferred", "expiresAt", "destinations"],
} as const;

export const anyObject = { type: "object", additionalProperties: true } as const;
export const passkey = {
	type: "object",
	properties: {
		id: { type: "string" },
		name: { type: "string" },
		createdAt: { type: "string", format: "date-time" },
		lastUsedAt: { type: ["string", "null"], format: "date-time" },
	},
	required: ["id", "name", "createdAt", "lastUsedAt"],
} as const;
/** One credential of a method (a passkey, the authenticator). */
export const credential = passkey;

export const methodOverview = {
	type: "object",
	properties: {
		name: { type: "string" },
		title: { type: "string" },
		role: { type: "string", enum: ["primary", "fallback"] },
		enrolled: { type: "boolean" },
		settable: { type: "boolean" },
		credentials: { type: "array", items: credential },
	},
	required: ["name", "title", "role", "enrolled", "settable", "credentials"],
} as const;

/** What setting a method up shows: a key for an app, WebAuthn options, or a set of codes (by `kind`). */
export const enrolmentStart = {
	oneOf: [
		{
			type: "object",
			description: "An app that shows codes: scan the QR code, open `uri`, or type `secret`.",
			properties: {
				kind: { type: "string", const: "shared_secret" },
				secret: { type: "string", description: "The key in base32." },
				uri: { type: "string", description: "An otpauth:// URI." },
				qrCodeSvg: { type: "string", description: "The QR code of `uri`, an SVG document." },
			},
			required: ["kind", "secret", "uri", "qrCodeSvg"],
		},
		{
			type: "object",
			description: "A passkey: creation options for `navigator.credentials.create()` (JSON form).",
			properties: { kind: { type: "string", const: "webauthn" }, options: anyObject },
			required: ["kind", "options"],
		},
		{
			type: "object",
			description: "A set of codes, shown this once, dropped at `expiresAt` unless one of them is typed back.",
			properties: {
				kind: { type: "string", const: "code_set" },
				codes: { type: "array", items: { type: "string" } },
				expiresAt: { type: "string", format: "date-time" },
			},
			required: ["kind", "codes", "expiresAt"],
		},
	],
} as const;

export const signedIn = {
	type: "object",
	properties: {
		session,
		device: {
			type: "object",
			description: "With `trustDevice: true`: send `token` as `deviceToken` with `POST /api/v1/sessions` to skip the second step (30 days).",
			properties: { token: { type: "string" }, expiresAt: { type: "string", format: "date-time" } },
			required: ["token", "expiresAt"],
		},
		backupCodes: {
			type: "object",
			description: "Only when a backup code was used; `runningLow` at 3 or fewer.",
			properties: { remaining: { type: "integer" }, runningLow: { type: "boolean" } },
			required: ["remaining", "runningLow"],
		},
		requiredActions: { type: "array", items: requiredAction },
	},
	required: ["session", "requiredActions"],
} as const;

export const waitingRecovery = {
	type: "object",
	properties: {
		status: { type: "string", enum: ["waiting"] },
		via: { type: "string" },
		startedAt: { type: "string", format: "date-time" },
		readyAt: { type: "string", format: "date-time" },
	},
	required: ["status", "via", "startedAt", "readyAt"],
} as const;

export const activityEvent = {
	type: "object",
	properties: {
		id: { type: "string" },
		at: { type: "string", format: "date-time" },
		kind: { type: "string", description: "Never changes; the list is in docs/api.md (Activity)." },
		description: { type: "string", description: "In the request's language." },
		method: { type: ["string", "null"] },
		reason: { type: ["string", "null"], enum: ["typo", "already_used", "old_list", "wrong", null] },
		device: { type: ["string", "null"] },
		ip: { type: ["string", "null"] },
		by: { type: "string", enum: ["you", "operator", "system"] },
	},
	required: ["id", "at", "kind", "description", "method", "reason", "device", "ip", "by"],
} as const;

/** `{ status }`, with the one value (or the few) a route answers. */
export const statusOf = (...values: string[]) =>
	({ type: "object", properties: { status: { type: "string", enum: values } }, required: ["status"] }) as const;


/** How strongly a session was signed in: `GET /sessions/current`'s `authentication`. */
export const authentication = {
	type: "object",
	properties: {
		methods: { type: "array", items: { type: "string" } },
		amr: { type: "array", items: { type: "string" } },
		acr: { type: "string" },
		authTime: { type: "string", format: "date-time" },
		factors: {
			type: "array",
			items: {
				type: "object",
				properties: { method: { type: "string" }, at: { type: "string", format: "date-time" } },
				required: ["method", "at"],
			},
		},
	},
	required: ["methods", "amr", "acr", "authTime", "factors"],
} as const;
