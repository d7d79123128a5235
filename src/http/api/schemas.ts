import { activityEvent, anyObject, authentication, backupCodeStatus, codeSent, contact, contactKind, credential, device, enrolmentStart, errorResponse, methodName, methodOverview, newCodes, object, ok, passkey, secondFactor, session, signedIn, str, twoFactor, waitingRecovery } from "./shapes.ts";

/** Every API route's schema: its body, parameters and answers (made of shapes.ts). */
export const apiSchemas = {
	changePassword: {
		body: object({ currentPassword: str(1024), newPassword: str(1024) }, ["currentPassword", "newPassword"]),
		response: { 200: ok, "4xx": errorResponse },
	},
	requestPasswordReset: {
		body: object({ identifier: str(320) }, ["identifier"]),
		response: { 202: { type: "object", properties: { reset: { type: "string" }, message: { type: "string" } } }, "4xx": errorResponse },
	},
	completePasswordReset: {
		body: object({ token: str(128), code: str(64), newPassword: str(1024) }, ["token", "newPassword"]),
		response: { 200: { type: "object", properties: { status: { type: "string" }, secondFactor } }, "4xx": errorResponse },
	},
	passwordResetSecondFactor: {
		body: object(
			{ challenge: str(128), method: methodName, code: str(128), response: anyObject },
			["challenge", "method"],
		),
		response: { 200: ok, "4xx": errorResponse },
	},
	secureAccount: {
		body: object({ token: str(128) }, ["token"]),
		response: { 200: ok, "4xx": errorResponse },
	},
	recoveryOptions: {
		body: object({ challenge: str(128) }, ["challenge"]),
		response: {
			200: {
				type: "object",
				properties: {
					contacts: { type: "array", items: { type: "object", properties: { kind: { type: "string" }, masked: { type: "string" } } } },
					recovery: { ...waitingRecovery, type: ["object", "null"] },
					identityCheckOpen: { type: "boolean" },
					codesPausedAt: { type: ["string", "null"], format: "date-time" },
					identityCheckDenied: { type: "boolean" },
				},
			},
			"4xx": errorResponse,
		},
	},
	recoverySend: {
		body: object({ challenge: str(128), kind: contactKind }, ["challenge", "kind"]),
		response: { 202: codeSent, "4xx": errorResponse, "5xx": errorResponse },
	},
	recoveryStart: {
		body: object({ challenge: str(128), kind: contactKind, code: str(64) }, ["challenge", "kind", "code"]),
		response: { 201: { type: "object", properties: { recovery: waitingRecovery } }, "4xx": errorResponse },
	},
	recoveryRequest: {
		body: object(
			{ challenge: str(128), message: str(2000), contactsUsed: str(500), lastSignIn: str(100) },
			["challenge", "message"],
		),
		response: {
			201: { type: "object", properties: { request: { type: "object", properties: { id: { type: "string" }, status: { type: "string" }, createdAt: { type: "string" } } } } },
			"4xx": errorResponse,
		},
	},
	recoveryCancel: {
		body: object({ token: str(128) }, ["token"]),
		response: { 200: ok, "4xx": errorResponse },
	},
	currentSession: {
		response: {
			200: {
				type: "object",
				properties: {
					session: { type: "object", properties: { expiresAt: { type: "string" } }, required: ["expiresAt"] },
					account: { type: "object", properties: { id: { type: "string" }, username: { type: "string" } }, required: ["id", "username"] },
					authentication,
				},
				required: ["session", "account", "authentication"],
			},
			"4xx": errorResponse,
		},
	},
	activity: {
		response: { 200: { type: "object", properties: { events: { type: "array", items: activityEvent } } }, "4xx": errorResponse },
	},
	disableTwoFactor: {
		body: object({ password: str(1024) }, ["password"]),
		response: {
			200: {
				type: "object",
				properties: {
					secondFactor,
				},
			},
			"4xx": errorResponse,
		},
	},
	confirmDisableTwoFactor: {
		body: object({ challenge: str(128), method: methodName, code: str(8192), response: anyObject }, ["challenge", "method"]),
		response: { 200: { type: "object", properties: { twoFactor } }, "4xx": errorResponse },
	},
	passkeySignInOptions: {
		body: object({ challenge: str(128) }, ["challenge"]),
		response: { 200: { type: "object", properties: { options: anyObject } }, "4xx": errorResponse },
	},
	passkeySignInVerify: {
		body: object({ challenge: str(128), response: anyObject, trustDevice: { type: "boolean" } }, ["challenge", "response"]),
		response: { 201: signedIn, "4xx": errorResponse },
	},
	listPasskeys: {
		response: { 200: { type: "object", properties: { passkeys: { type: "array", items: passkey } } }, "4xx": errorResponse },
	},
	passkeyOptions: {
		body: object({ password: str(1024) }, ["password"]),
		response: { 200: { type: "object", properties: { options: anyObject } }, "4xx": errorResponse },
	},
	addPasskey: {
		body: object({ name: str(64), response: anyObject }, ["name", "response"]),
		response: { 201: { type: "object", properties: { passkey } }, "4xx": errorResponse },
	},
	removePasskey: {
		body: object({ id: str(64), password: str(1024) }, ["id", "password"]),
		response: { 200: { type: "object", properties: { passkeys: { type: "array", items: passkey } } }, "4xx": errorResponse },
	},
	listDevices: {
		response: { 200: { type: "object", properties: { devices: { type: "array", items: device } } }, "4xx": errorResponse },
	},
	revokeDevice: { body: object({ id: str(64) }, ["id"]), response: { "4xx": errorResponse } },
	sendCode: {
		body: object({ challenge: str(128), method: methodName }, ["challenge", "method"]),
		response: { 202: codeSent, "4xx": errorResponse, "5xx": errorResponse },
	},
	startSecondStep: {
		body: object({ challenge: str(128), method: methodName }, ["challenge", "method"]),
		response: {
			200: { type: "object", properties: { kind: { type: "string", enum: ["webauthn"] }, options: anyObject } },
			202: { type: "object", properties: { kind: { type: "string", enum: ["code_sent"] }, ...codeSent.properties } },
			"4xx": errorResponse,
			"5xx": errorResponse,
		},
	},
	listMethods: {
		response: { 200: { type: "object", properties: { methods: { type: "array", items: methodOverview } } }, "4xx": errorResponse },
	},
	beginEnrolment: {
		params: object({ method: methodName }, ["method"]),
		body: object({ password: str(1024) }, ["password"]),
		response: { 201: { type: "object", properties: { enrolment: enrolmentStart } }, "4xx": errorResponse },
	},
	confirmEnrolment: {
		params: object({ method: methodName }, ["method"]),
		body: object({ code: str(128), response: anyObject, name: str(64) }, []),
		response: { 200: { type: "object", properties: { credential, twoFactor, backupCodes: newCodes } }, "4xx": errorResponse },
	},
	removeCredential: {
		params: object({ method: methodName }, ["method"]),
		body: object({ id: str(64), password: str(1024) }, ["password"]),
		response: { 200: { type: "object", properties: { twoFactor } }, "4xx": errorResponse },
	},
	listContacts: {
		response: { 200: { type: "object", properties: { contacts: { type: "array", items: contact } } }, "4xx": errorResponse },
	},
	addContact: {
		body: object({ kind: contactKind, value: str(320), password: str(1024) }, ["kind", "value", "password"]),
		response: {
			201: { type: "object", properties: { contact, code: codeSent } },
			"4xx": errorResponse,
			"5xx": errorResponse,
		},
	},
	verifyContact: {
		body: object({ kind: contactKind, code: str(64) }, ["kind", "code"]),
		response: { 200: { type: "object", properties: { contact } }, "4xx": errorResponse },
	},
	resendContact: {
		body: object({ kind: contactKind }, ["kind"]),
		response: { 202: codeSent, "4xx": errorResponse, "5xx": errorResponse },
	},
	removeContact: {
		body: object({ kind: contactKind, password: str(1024) }, ["kind", "password"]),
		response: { 200: { type: "object", properties: { contacts: { type: "array", items: contact } } }, "4xx": errorResponse },
	},
	signUp: {
		body: object({ username: str(64), password: str(1024), email: str(320) }, ["username", "password"]),
		response: {
			201: {
				type: "object",
				properties: {
					account: { type: "object", properties: { id: { type: "string" }, username: { type: "string" } } },
					session,
				},
			},
			"4xx": errorResponse,
		},
	},
	signIn: {
		body: object({ username: str(320), password: str(1024), deviceToken: str(128) }, ["username", "password"]),
		response: {
			201: { type: "object", properties: { session } },
			200: {
				type: "object",
				properties: {
					secondFactor,
				},
			},
			"4xx": errorResponse,
		},
	},
	secondFactor: {
		body: object(
			{ challenge: str(128), method: methodName, code: str(128), response: anyObject, trustDevice: { type: "boolean" } },
			["challenge", "method"],
		),
		response: {
			201: signedIn,
			"4xx": errorResponse,
		},
	},
	noBody: { response: { "4xx": errorResponse } },
	getAccount: {
		response: {
			200: {
				type: "object",
				properties: {
					account: {
						type: "object",
						properties: {
							id: { type: "string" },
							username: { type: "string" },
							email: { type: ["string", "null"] },
							createdAt: { type: "string" },
						},
					},
					twoFactor,
				},
			},
			"4xx": errorResponse,
		},
	},
	beginTotp: {
		body: object({ password: str(1024) }, ["password"]),
		response: {
			201: {
				type: "object",
				properties: { secret: { type: "string" }, otpauthUri: { type: "string" }, qrCodeSvg: { type: "string" } },
			},
			"4xx": errorResponse,
		},
	},
	disableTotp: {
		body: object({ password: str(1024) }, ["password"]),
		response: { 200: { type: "object", properties: { twoFactor } }, "4xx": errorResponse },
	},
	newBackupCodes: {
		body: object({ password: str(1024) }, ["password"]),
		response: { 201: newCodes, "4xx": errorResponse },
	},
	confirmBackupCodes: {
		body: object({ code: str(128) }, ["code"]),
		response: {
			200: { type: "object", properties: { backupCodes: backupCodeStatus, twoFactor } },
			"4xx": errorResponse,
		},
	},
	code: {
		body: object({ code: str(128) }, ["code"]),
		response: {
			200: { type: "object", properties: { twoFactor, backupCodes: newCodes } },
			"4xx": errorResponse,
		},
	},
} as const;
