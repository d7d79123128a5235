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
	items: { type: "object", properties: { field: { type: "string" }, reason: { type: "string" } } },
} as const;

/** `error.fields`: the same, with the problem in words, in the request's language. */
export const fieldProblems = {
	type: "array",
	items: { type: "object", properties: { field: { type: "string" }, reason: { type: "string" }, problem: { type: "string" } } },
} as const;

/**
 * `{ error: { code, message, details } }` (src/http/errors.ts errorBody). The
 * serializer sends only the properties listed here: a new detail must be added.
 */
export const errorResponse = {
	type: "object",
	properties: {
		error: {
			type: "object",
			properties: {
				code: { type: "string" },
				message: { type: "string" },
				details: {
					type: "object",
					properties: {
						usedAt: { type: "string", format: "date-time" },
						replacedAt: { type: "string", format: "date-time" },
						retryAfterSeconds: { type: "integer" },
						remaining: { type: "integer" },
						fields: fieldReasons,
						method: { type: "string" },
					},
				},
				fields: fieldProblems,
			},
		},
	},
} as const;

export const session = {
	type: "object",
	properties: { token: { type: "string" }, expiresAt: { type: "string" } },
} as const;

export const backupCodeStatus = {
	type: "object",
	properties: { remaining: { type: "integer" }, total: { type: "integer" }, createdAt: { type: "string" } },
} as const;

export const twoFactor = {
	type: "object",
	properties: {
		enabled: { type: "boolean" },
		methods: { type: "array", items: { type: "string" } },
		preferred: { type: ["string", "null"] },
		backupCodes: { ...backupCodeStatus, type: ["object", "null"] },
		pendingBackupCodes: { type: ["object", "null"], properties: { expiresAt: { type: "string" } } },
		requiredActions: { type: "array", items: { type: "string" } },
	},
} as const;

export const newCodes = {
	type: "object",
	properties: {
		codes: { type: "array", items: { type: "string" } },
		status: { type: "string" },
		expiresAt: { type: "string" },
	},
} as const;

export const codeSent = {
	type: "object",
	properties: {
		sentTo: { type: "string" },
		status: { type: "string" },
		expiresAt: { type: "string" },
		resendAfter: { type: "string" },
	},
} as const;

export const contact = {
	type: "object",
	properties: {
		kind: { type: "string" },
		value: { type: "string" },
		masked: { type: "string" },
		verified: { type: "boolean" },
		createdAt: { type: "string" },
	},
} as const;

export const contactKind = { type: "string", enum: ["email", "phone"] } as const;

export const device = {
	type: "object",
	properties: {
		id: { type: "string" },
		label: { type: "string" },
		createdAt: { type: "string" },
		lastUsedAt: { type: "string" },
		expiresAt: { type: "string" },
	},
} as const;

/** A second-factor challenge: what a sign-in (or turning two-factor off) asks for next. */
export const secondFactor = {
	type: "object",
	properties: {
		challenge: { type: "string" },
		methods: { type: "array", items: { type: "string" } },
		preferred: { type: ["string", "null"] },
		expiresAt: { type: "string" },
		destinations: { type: "object", additionalProperties: { type: "string" } },
	},
} as const;

export const anyObject = { type: "object", additionalProperties: true } as const;
export const passkey = {
	type: "object",
	properties: { id: { type: "string" }, name: { type: "string" }, createdAt: { type: "string" }, lastUsedAt: { type: ["string", "null"] } },
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
} as const;

/** What setting a method up shows: a key for an app, WebAuthn options, or a set of codes. */
export const enrolmentStart = {
	type: "object",
	properties: {
		kind: { type: "string", enum: ["shared_secret", "webauthn", "code_set"] },
		secret: { type: "string" },
		uri: { type: "string" },
		qrCodeSvg: { type: "string" },
		options: anyObject,
		codes: { type: "array", items: { type: "string" } },
		expiresAt: { type: "string" },
	},
} as const;

export const signedIn = {
	type: "object",
	properties: {
		session,
		device: { type: "object", properties: { token: { type: "string" }, expiresAt: { type: "string" } } },
		backupCodes: { type: "object", properties: { remaining: { type: "integer" }, runningLow: { type: "boolean" } } },
		requiredActions: { type: "array", items: { type: "string" } },
	},
} as const;

export const waitingRecovery = {
	type: "object",
	properties: { status: { type: "string" }, via: { type: "string" }, startedAt: { type: "string" }, readyAt: { type: "string" } },
} as const;

export const activityEvent = {
	type: "object",
	properties: {
		id: { type: "string" },
		at: { type: "string" },
		kind: { type: "string" },
		description: { type: "string" },
		method: { type: ["string", "null"] },
		reason: { type: ["string", "null"], enum: ["typo", "already_used", "old_list", "wrong", null] },
		device: { type: ["string", "null"] },
		ip: { type: ["string", "null"] },
		by: { type: "string" },
	},
} as const;

export const ok = { type: "object", properties: { status: { type: "string" } } } as const;


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
