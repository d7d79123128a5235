import { activityEvent, anyObject, authentication, backupCodeStatus, codeSent, contact, contactKind, credential, device, enrolmentStart, errorResponse, methodName, methodOverview, newCodes, object, passkey, secondFactor, session, signedIn, statusOf, str, twoFactor, waitingRecovery } from "./shapes.ts";

/** An answer with no body. */
const noContent = { type: "null", description: "Done; no body." } as const;

const passkeyList = { type: "object", properties: { passkeys: { type: "array", items: passkey } }, required: ["passkeys"] } as const;
const contactList = { type: "object", properties: { contacts: { type: "array", items: contact } }, required: ["contacts"] } as const;
const webauthnOptions = (what: string) =>
	({ type: "object", properties: { options: { ...anyObject, description: `WebAuthn ${what} (JSON form).` } }, required: ["options"] }) as const;

/** Every API route's schema: its body, parameters and answers (made of shapes.ts). */
export const apiSchemas = {
	changePassword: {
		body: object({ currentPassword: str(1024), newPassword: str(1024) }, ["currentPassword", "newPassword"]),
		response: { 200: statusOf("password_changed"), "4xx": errorResponse, "5xx": errorResponse },
	},
	requestPasswordReset: {
		body: object({ identifier: str(320) }, ["identifier"]),
		response: {
			202: {
				type: "object",
				description: "The same answer, as fast, whether or not an account matched.",
				properties: {
					reset: { type: "string", description: "Sent back with a texted code to `POST /api/v1/password-reset/complete`." },
					message: { type: "string" },
				},
				required: ["reset", "message"],
			},
			"4xx": errorResponse,
			"5xx": errorResponse,
		},
	},
	completePasswordReset: {
		body: object({ token: str(128), code: str(64), newPassword: str(1024) }, ["token", "newPassword"]),
		response: {
			200: {
				oneOf: [
					{ ...statusOf("password_changed"), description: "No two-factor on the account: the password is changed." },
					{
						type: "object",
						description: "Two-factor is on: the new password waits for a factor that no reset can reach (`POST /api/v1/password-reset/second-factor`).",
						properties: { status: { type: "string", const: "second_factor_required" }, secondFactor },
						required: ["status", "secondFactor"],
					},
				],
			},
			"4xx": errorResponse,
			"5xx": errorResponse,
		},
	},
	passwordResetSecondFactor: {
		body: object(
			{ challenge: str(128), method: methodName, code: str(128), response: anyObject },
			["challenge", "method"],
		),
		response: { 200: statusOf("password_changed"), "4xx": errorResponse },
	},
	secureAccount: {
		body: object({ token: str(128) }, ["token"]),
		response: { 200: statusOf("signed_out_everywhere"), "4xx": errorResponse },
	},
	recoveryOptions: {
		body: object({ challenge: str(128) }, ["challenge"]),
		response: {
			200: {
				type: "object",
				properties: {
					contacts: {
						type: "array",
						items: { type: "object", properties: { kind: contactKind, masked: { type: "string" } }, required: ["kind", "masked"] },
					},
					recovery: { ...waitingRecovery, type: ["object", "null"] },
					identityCheckOpen: { type: "boolean" },
					codesPausedAt: { type: ["string", "null"], format: "date-time" },
					identityCheckDenied: { type: "boolean" },
				},
				required: ["contacts", "recovery", "identityCheckOpen", "codesPausedAt", "identityCheckDenied"],
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
		response: { 201: { type: "object", properties: { recovery: waitingRecovery }, required: ["recovery"] }, "4xx": errorResponse },
	},
	recoveryRequest: {
		body: object(
			{ challenge: str(128), message: str(2000), contactsUsed: str(500), lastSignIn: str(100) },
			["challenge", "message"],
		),
		response: {
			201: {
				type: "object",
				properties: {
					request: {
						type: "object",
						properties: { id: { type: "string" }, status: { type: "string", enum: ["open"] }, createdAt: { type: "string", format: "date-time" } },
						required: ["id", "status", "createdAt"],
					},
				},
				required: ["request"],
			},
			"4xx": errorResponse,
		},
	},
	recoveryCancel: {
		body: object({ token: str(128) }, ["token"]),
		response: { 200: statusOf("recovery_cancelled"), "4xx": errorResponse },
	},
	currentSession: {
		response: {
			200: {
				type: "object",
				properties: {
					session: { type: "object", properties: { expiresAt: { type: "string", format: "date-time" } }, required: ["expiresAt"] },
					account: { type: "object", properties: { id: { type: "string" }, username: { type: "string" } }, required: ["id", "username"] },
					authentication,
				},
				required: ["session", "account", "authentication"],
			},
			"4xx": errorResponse,
		},
	},
	activity: {
		response: { 200: { type: "object", properties: { events: { type: "array", items: activityEvent } }, required: ["events"] }, "4xx": errorResponse },
	},
	disableTwoFactor: {
		body: object({ password: str(1024) }, ["password"]),
		response: {
			200: {
				type: "object",
				properties: {
					secondFactor,
				},
				required: ["secondFactor"],
			},
			"4xx": errorResponse,
			"5xx": errorResponse,
		},
	},
	confirmDisableTwoFactor: {
		body: object({ challenge: str(128), method: methodName, code: str(8192), response: anyObject }, ["challenge", "method"]),
		response: { 200: { type: "object", properties: { twoFactor }, required: ["twoFactor"] }, "4xx": errorResponse },
	},
	passkeySignInOptions: {
		body: object({ challenge: str(128) }, ["challenge"]),
		response: { 200: webauthnOptions("request options for `navigator.credentials.get()`"), "4xx": errorResponse },
	},
	passkeySignInVerify: {
		body: object({ challenge: str(128), response: anyObject, trustDevice: { type: "boolean" } }, ["challenge", "response"]),
		response: { 201: signedIn, "4xx": errorResponse },
	},
	listPasskeys: {
		response: { 200: passkeyList, "4xx": errorResponse },
	},
	passkeyOptions: {
		body: object({ password: str(1024) }, ["password"]),
		response: { 200: webauthnOptions("creation options for `navigator.credentials.create()`"), "4xx": errorResponse, "5xx": errorResponse },
	},
	addPasskey: {
		body: object({ name: str(64), response: anyObject }, ["name", "response"]),
		response: { 201: { type: "object", properties: { passkey }, required: ["passkey"] }, "4xx": errorResponse },
	},
	removePasskey: {
		body: object({ id: str(64), password: str(1024) }, ["id", "password"]),
		response: { 200: passkeyList, "4xx": errorResponse, "5xx": errorResponse },
	},
	listDevices: {
		response: { 200: { type: "object", properties: { devices: { type: "array", items: device } }, required: ["devices"] }, "4xx": errorResponse },
	},
	revokeDevice: { body: object({ id: str(64) }, ["id"]), response: { 204: noContent, "4xx": errorResponse } },
	sendCode: {
		body: object({ challenge: str(128), method: methodName }, ["challenge", "method"]),
		response: { 202: codeSent, "4xx": errorResponse, "5xx": errorResponse },
	},
	startSecondStep: {
		body: object({ challenge: str(128), method: methodName }, ["challenge", "method"]),
		response: {
			200: {
				type: "object",
				description: "A passkey: request options for `navigator.credentials.get()`, bound to this step.",
				properties: { kind: { type: "string", enum: ["webauthn"] }, options: anyObject },
				required: ["kind", "options"],
			},
			202: {
				type: "object",
				description: "A method that sends codes: the code was sent, as with `POST /api/v1/sessions/second-factor/send`.",
				properties: { kind: { type: "string", enum: ["code_sent"] }, ...codeSent.properties },
				required: ["kind", ...codeSent.required],
			},
			"4xx": errorResponse,
			"5xx": errorResponse,
		},
	},
	listMethods: {
		response: { 200: { type: "object", properties: { methods: { type: "array", items: methodOverview } }, required: ["methods"] }, "4xx": errorResponse },
	},
	beginEnrolment: {
		params: object({ method: methodName }, ["method"]),
		body: object({ password: str(1024) }, ["password"]),
		response: { 201: { type: "object", properties: { enrolment: enrolmentStart }, required: ["enrolment"] }, "4xx": errorResponse, "5xx": errorResponse },
	},
	confirmEnrolment: {
		params: object({ method: methodName }, ["method"]),
		body: object({ code: str(128), response: anyObject, name: str(64) }, []),
		response: {
			200: {
				type: "object",
				description: "`backupCodes`: the first set, when setting up the authenticator turned the set-up on.",
				properties: { credential, twoFactor, backupCodes: newCodes },
				required: ["credential", "twoFactor"],
			},
			"4xx": errorResponse,
		},
	},
	removeCredential: {
		params: object({ method: methodName }, ["method"]),
		body: object({ id: str(64), password: str(1024) }, ["password"]),
		response: { 200: { type: "object", properties: { twoFactor }, required: ["twoFactor"] }, "4xx": errorResponse, "5xx": errorResponse },
	},
	listContacts: {
		response: { 200: contactList, "4xx": errorResponse },
	},
	addContact: {
		body: object({ kind: contactKind, value: str(320), password: str(1024) }, ["kind", "value", "password"]),
		response: {
			201: { type: "object", properties: { contact, code: codeSent }, required: ["contact", "code"] },
			"4xx": errorResponse,
			"5xx": errorResponse,
		},
	},
	verifyContact: {
		body: object({ kind: contactKind, code: str(64) }, ["kind", "code"]),
		response: { 200: { type: "object", properties: { contact }, required: ["contact"] }, "4xx": errorResponse },
	},
	resendContact: {
		body: object({ kind: contactKind }, ["kind"]),
		response: { 202: codeSent, "4xx": errorResponse, "5xx": errorResponse },
	},
	removeContact: {
		body: object({ kind: contactKind, password: str(1024) }, ["kind", "password"]),
		response: { 200: contactList, "4xx": errorResponse, "5xx": errorResponse },
	},
	signUp: {
		body: object({ username: str(64), password: str(1024), email: str(320) }, ["username", "password"]),
		response: {
			201: {
				type: "object",
				properties: {
					account: { type: "object", properties: { id: { type: "string" }, username: { type: "string" } }, required: ["id", "username"] },
					session,
				},
				required: ["account", "session"],
			},
			"4xx": errorResponse,
			"5xx": errorResponse,
		},
	},
	signIn: {
		body: object({ username: str(320), password: str(1024), deviceToken: str(128) }, ["username", "password"]),
		response: {
			201: { type: "object", description: "No second factor on the account: signed in.", properties: { session }, required: ["session"] },
			200: {
				type: "object",
				description: "A second factor is on: answer `secondFactor.challenge` with `POST /api/v1/sessions/second-factor`.",
				properties: {
					secondFactor,
				},
				required: ["secondFactor"],
			},
			"4xx": errorResponse,
			"5xx": errorResponse,
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
	noBody: { response: { 204: noContent, "4xx": errorResponse } },
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
							email: { type: ["string", "null"], description: "The verified email address, if any." },
							createdAt: { type: "string", format: "date-time" },
						},
						required: ["id", "username", "email", "createdAt"],
					},
					twoFactor,
				},
				required: ["account", "twoFactor"],
			},
			"4xx": errorResponse,
		},
	},
	beginTotp: {
		body: object({ password: str(1024) }, ["password"]),
		response: {
			201: {
				type: "object",
				properties: {
					secret: { type: "string", description: "The key in base32, to type in." },
					otpauthUri: { type: "string" },
					qrCodeSvg: { type: "string", description: "The QR code of `otpauthUri`, an SVG document." },
				},
				required: ["secret", "otpauthUri", "qrCodeSvg"],
			},
			"4xx": errorResponse,
			"5xx": errorResponse,
		},
	},
	disableTotp: {
		body: object({ password: str(1024) }, ["password"]),
		response: { 200: { type: "object", properties: { twoFactor }, required: ["twoFactor"] }, "4xx": errorResponse, "5xx": errorResponse },
	},
	newBackupCodes: {
		body: object({ password: str(1024) }, ["password"]),
		response: { 201: newCodes, "4xx": errorResponse, "5xx": errorResponse },
	},
	confirmBackupCodes: {
		body: object({ code: str(128) }, ["code"]),
		response: {
			200: { type: "object", properties: { backupCodes: backupCodeStatus, twoFactor }, required: ["backupCodes", "twoFactor"] },
			"4xx": errorResponse,
		},
	},
	code: {
		body: object({ code: str(128) }, ["code"]),
		response: {
			200: {
				type: "object",
				description: "`backupCodes`: the first set, shown this once; two-factor turns on when one of them is typed back.",
				properties: { twoFactor, backupCodes: newCodes },
				required: ["twoFactor"],
			},
			"4xx": errorResponse,
		},
	},
} as const;
