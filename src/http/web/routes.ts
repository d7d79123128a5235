import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { isTesseraError, TesseraError } from "../../core/errors.ts";
import { type TwoFactorState, twoFactorState } from "../../flows/accounts.ts";
import { signUp } from "../../flows/accounts.ts";
import { addContact, listContacts, removeContact, resendContactCode, verifyContact } from "../../flows/contacts.ts";
import type { FlowDeps } from "../../flows/deps.ts";
import { listTrustedDevices, revokeAllTrustedDevices, revokeTrustedDevice } from "../../flows/trusted-devices.ts";
import type { ContactKind } from "../../store/schema.ts";
import { authenticate, type Authenticated, endSession, type IssuedSession } from "../../flows/sessions.ts";
import type { RegistrationResponseJSON } from "@simplewebauthn/server";
import { beginPasskeyRegistration, finishPasskeyRegistration, removePasskey } from "../../flows/passkeys.ts";
import {
	type ChallengePurpose,
	completeSecondFactor,
	openChallenge,
	passkeySignInOptions,
	sendSignInCode,
	signInWithPassword,
} from "../../flows/sign-in.ts";
import { addPasskeyPage, createPasskeyPage, removePasskeyPage } from "../../ui/pages/passkeys.ts";
import {
	beginTotpEnrollment,
	confirmBackupCodes,
	confirmDisableTwoFactor,
	confirmTotpEnrollment,
	disableTotp,
	startDisableTwoFactor,
	type NewBackupCodes,
	requestNewBackupCodes,
} from "../../flows/two-factor.ts";
import { RUNNING_LOW_AT } from "../../methods/backup-code/backup-codes.ts";
import { methodNames, type MethodName } from "../../methods/types.ts";
import type { Html } from "../../ui/html.ts";
import { anotherWayPage, messagePage, secondFactorPage, signInPage, signUpPage } from "../../ui/pages/auth.ts";
import type { FormError, PageUser } from "../../ui/pages/layout.ts";
import { addContactPage, verifyContactPage } from "../../ui/pages/contacts.ts";
import {
	backupCodesHelpPage,
	helpIndexPage,
	lostPhoneHelpPage,
	phishingHelpPage,
	savingCodesHelpPage,
} from "../../ui/pages/help.ts";
import {
	activityPage,
	adminRequestPage,
	adminRequestsPage,
	cancelRecoveryPage,
	changePasswordPage,
	forgotPasswordPage,
	identityCheckPage,
	identityCheckSentPage,
	linkExpiredPage,
	newPasswordPage,
	passwordResetDonePage,
	secureAccountDonePage,
	secureAccountPage,
	recoverCodePage,
	recoverStartPage,
	recoveryCancelledPage,
	recoveryStartedPage,
	resetSentPage,
	setUpAgainPage,
} from "../../ui/pages/recovery.ts";
import {
	changePassword,
	completePasswordReset,
	completePasswordResetSecondFactor,
	type PasswordResetOutcome,
	RESET_LINK_TTL_MS,
	requestPasswordReset,
	resetLinkIsLive,
	secureAccount,
} from "../../flows/password.ts";
import {
	cancelRecoveryByLink,
	decideRecoveryRequest,
	fileRecoveryRequest,
	findRecoveryRequest,
	listRecoveryRequests,
	RequestNotOpen,
	recoveryOptions,
	sendRecoveryCode,
	startRecovery,
} from "../../flows/recovery.ts";
import { listActivity } from "../../flows/events.ts";
import { looksLikeToken } from "../../core/tokens.ts";
import { resetRequestedMessage } from "../api/routes.ts";
import { outboxPage } from "../../ui/pages/outbox.ts";
import {
	backupCodesPage,
	confirmCodesPage,
	passwordConfirmPage,
	runningLowPage,
	settingsPage,
	totpEnrollPage,
} from "../../ui/pages/settings.ts";
import { registerFormParser } from "../body-parsers.ts";
import { blockingAction } from "../../flows/account-state.ts";
import type { RequiredAction } from "../../flows/accounts.ts";
import { actionOf, requireDeclaredActions, type RouteActions } from "../gate.ts";
import { cameThroughUntrustedProxy, clientAddress, clientInfo, isLoopback, isLoopbackHost } from "../client.ts";
import { applyErrorHeaders, statusOf, toTesseraError } from "../errors.ts";
import { clearCookie, csrfTokenFor, readCookie, rotateCsrf, setCookie, verifyCsrf } from "./cookies.ts";

declare module "fastify" {
	interface FastifyRequest {
		webAuth?: Authenticated;
		twoFactor?: TwoFactorState;
	}
}

const staticFiles = {
	"app.css": { type: "text/css; charset=utf-8", body: readFileSync(new URL("../../ui/static/app.css", import.meta.url)) },
	"webauthn.js": {
		type: "text/javascript; charset=utf-8",
		// The package's browser bundle (its "unpkg" file), served from our own origin.
		body: readFileSync(
			join(dirname(createRequire(import.meta.url).resolve("@simplewebauthn/browser")), "..", "dist", "bundle", "index.umd.min.js"),
		),
	},
	"icon.svg": { type: "image/svg+xml", body: readFileSync(new URL("../../ui/static/icon.svg", import.meta.url)) },
	"app.js": {
		type: "text/javascript; charset=utf-8",
		body: readFileSync(new URL("../../ui/static/app.js", import.meta.url)),
	},
} as const;

/** Form bodies: strings only, bounded, no unknown fields. Friendly checks happen in the flows. */
function form(fields: Record<string, number>) {
	const properties: Record<string, unknown> = { _csrf: { type: "string", maxLength: 128 } };
	for (const [name, maxLength] of Object.entries(fields)) properties[name] = { type: "string", maxLength };
	return { body: { type: "object", additionalProperties: false, properties } };
}

const noQuery = { querystring: { type: "object", additionalProperties: false, properties: {} } };

function send(reply: FastifyReply, page: Html, status = 200): FastifyReply {
	return reply.code(status).type("text/html; charset=utf-8").send(page.value);
}

function formError(error: TesseraError): FormError {
	return { message: error.message, fields: error.fields, code: error.code };
}

/** Errors a form can show next to its fields; anything else goes to the error page. */
function asFormError(error: unknown, reply: FastifyReply): { error: TesseraError; form: FormError } {
	if (!isTesseraError(error) || error.code === "internal_error" || error.code === "csrf_failed") throw error;
	applyErrorHeaders(reply, error);
	return { error, form: formError(error) };
}

function sessionSeconds(session: IssuedSession, now: number): number {
	return Math.max(1, Math.floor((session.expiresAt - now) / 1000));
}

/** The HTML pages. Like the API, they only translate between forms and flows. */
export async function webRoutes(app: FastifyInstance, options: { deps: FlowDeps }): Promise<void> {
	const { deps } = options;
	registerFormParser(app);

	async function currentSession(request: FastifyRequest): Promise<Authenticated | undefined> {
		try {
			return await authenticate(deps, readCookie(request, "session"));
		} catch {
			return undefined;
		}
	}

	/**
	 * Settings pages need a signed-in browser. When every backup code is used,
	 * getting a new set comes before anything else.
	 */
	const requireSignedIn = async (request: FastifyRequest, reply: FastifyReply) => {
		const auth = await currentSession(request);
		if (!auth) {
			if (readCookie(request, "session")) clearCookie(request, reply, "session");
			return reply.redirect("/sign-in", 303);
		}
		request.webAuth = auth;
		request.twoFactor = await twoFactorState(deps, auth.account);
		// The gate: what the account must do first may keep this page's action from going ahead.
		const blocking = blockingAction(request.twoFactor.requiredActions, actionOf(routeActions, request));
		if (blocking) return reply.redirect(requiredStepPage(blocking), 303);
	};
	requireDeclaredActions(app, routeActions, requireSignedIn);

	const requireAdmin = async (request: FastifyRequest, reply: FastifyReply) => {
		await requireSignedIn(request, reply);
		if (reply.sent) return;
		// Not an admin: the page does not exist for them.
		if (request.webAuth?.account.role !== "admin") throw new TesseraError("not_found");
	};
	requireDeclaredActions(app, routeActions, requireAdmin);

	const csrfCheck = async (request: FastifyRequest) => verifyCsrf(deps, request);

	function pageUser(request: FastifyRequest, reply: FastifyReply): PageUser {
		return { username: request.webAuth!.account.username, csrf: csrfTokenFor(deps, request, reply) };
	}

	/** Starts a signed-in browser session, ending whatever session the browser had before. */
	async function startBrowserSession(request: FastifyRequest, reply: FastifyReply, session: IssuedSession) {
		await endSession(deps, readCookie(request, "session"));
		setCookie(request, reply, "session", session.token, sessionSeconds(session, deps.clock()));
		clearCookie(request, reply, "signin");
		rotateCsrf(deps, request, reply);
	}

	for (const [name, file] of Object.entries(staticFiles)) {
		app.get(`/assets/${name}`, { schema: noQuery }, async (_request, reply) =>
			reply.header("Cache-Control", "public, max-age=3600").type(file.type).send(file.body),
		);
	}

	app.get("/", { schema: noQuery }, async (request, reply) =>
		reply.redirect((await currentSession(request)) ? "/settings" : "/sign-in", 303),
	);

	// ── Sign up ──────────────────────────────────────────────────────────────
	app.get("/sign-up", { schema: noQuery }, async (request, reply) =>
		send(reply, signUpPage({ csrf: csrfTokenFor(deps, request, reply) })),
	);

	app.post(
		"/sign-up",
		{ schema: form({ username: 64, password: 1024, email: 320 }), preHandler: csrfCheck },
		async (request, reply) => {
			const body = request.body as { username?: string; password?: string; email?: string };
			try {
				const { session } = await signUp(
					deps,
					{ username: body.username ?? "", password: body.password ?? "", email: body.email },
					clientInfo(request),
				);
				await startBrowserSession(request, reply, session);
				return reply.redirect("/settings", 303);
			} catch (error) {
				const { error: e, form } = asFormError(error, reply);
				const csrf = csrfTokenFor(deps, request, reply);
				return send(reply, signUpPage({ csrf, username: body.username ?? "", email: body.email ?? "", error: form }), statusOf(e.code));
			}
		},
	);

	// ── Sign in ──────────────────────────────────────────────────────────────
	app.get("/sign-in", { schema: noQuery }, async (request, reply) => {
		if (await currentSession(request)) return reply.redirect("/settings", 303);
		return send(reply, signInPage({ csrf: csrfTokenFor(deps, request, reply) }));
	});

	app.post(
		"/sign-in",
		{ schema: form({ username: 320, password: 1024 }), preHandler: csrfCheck },
		async (request, reply) => {
			const body = request.body as { username?: string; password?: string };
			try {
				const result = await signInWithPassword(
					deps,
					{ username: body.username ?? "", password: body.password ?? "", deviceToken: readCookie(request, "device") },
					clientInfo(request),
				);
				if (result.kind === "session") {
					await startBrowserSession(request, reply, result.session);
					return reply.redirect("/settings", 303);
				}
				const ttl = Math.ceil((result.secondFactor.expiresAt - deps.clock()) / 1000);
				setCookie(request, reply, "signin", result.secondFactor.challenge, ttl);
				return reply.redirect("/sign-in/verify", 303);
			} catch (error) {
				const { error: e, form } = asFormError(error, reply);
				const csrf = csrfTokenFor(deps, request, reply);
				return send(reply, signInPage({ csrf, username: body.username ?? "", error: form }), statusOf(e.code));
			}
		},
	);

	/**
	 * A second step: the page for each method, "Try another way", sending a code,
	 * and the answer. Signing in and turning two-factor off both go through one.
	 */
	interface SecondStep {
		base: string;
		cookie: "signin" | "stepup";
		purpose: ChallengePurpose;
		/** Where to go when the account has no usable second factor. */
		noMethods: string;
		/** Settings steps need the signed-in browser. */
		preHandler?: typeof requireSignedIn;
		pageText?: { heading: string; intro: string; recoverable?: boolean; cancel?: string };
		/** What the person sees when the challenge has gone. */
		expired(request: FastifyRequest, reply: FastifyReply, message: string): FastifyReply;
		/** Runs the step's effect with the answer; returns where to go. */
		complete(
			request: FastifyRequest,
			reply: FastifyReply,
			input: { challenge: string; method: MethodName; code: string; trust: boolean },
		): Promise<FastifyReply>;
	}

	function secondStepRoutes(step: SecondStep): void {
		const pre = step.preHandler ? [step.preHandler] : [];
		async function pending(request: FastifyRequest, reply: FastifyReply) {
			try {
				const challenge = await openChallenge(deps, readCookie(request, step.cookie), step.purpose);
				const preferred = challenge.preferred;
				if (preferred === null) {
					// None of the account's second factors can be used: recovery is the way on.
					reply.redirect(step.noMethods, 303);
					return undefined;
				}
				return { ...challenge, preferred };
			} catch (error) {
				if (isTesseraError(error) && error.code === "challenge_expired") {
					clearCookie(request, reply, step.cookie);
					step.expired(request, reply, "This attempt expired. For your safety, start again.");
					return undefined;
				}
				throw error;
			}
		}
		async function optionsFor(request: FastifyRequest, reply: FastifyReply, method: MethodName) {
			if (method !== "passkey") return {};
			try {
				return { passkeyOptions: await passkeySignInOptions(deps, readCookie(request, step.cookie)!, clientInfo(request)) };
			} catch (failure) {
				return { error: asFormError(failure, reply).form };
			}
		}
		const common = { base: step.base, ...(step.pageText ? { purpose: step.pageText } : {}) };

		app.get(
			step.base,
			{
				schema: {
					querystring: {
						type: "object",
						additionalProperties: false,
						properties: {
							method: { type: "string", enum: [...methodNames] },
							sent: { type: "string", enum: ["delivered", "delayed"] },
						},
					},
				},
				preHandler: pre,
			},
			async (request, reply) => {
				const challenge = await pending(request, reply);
				if (!challenge) return reply;
				const query = request.query as { method?: MethodName; sent?: "delivered" | "delayed" };
				const method = query.method && challenge.methods.includes(query.method) ? query.method : challenge.preferred;
				return send(
					reply,
					secondFactorPage({
						...common,
						csrf: csrfTokenFor(deps, request, reply),
						method,
						methods: challenge.methods,
						destination: challenge.destinations[method],
						...(await optionsFor(request, reply, method)),
						...(query.sent && (method === "sms" || method === "email") ? { sent: { delivered: query.sent === "delivered" } } : {}),
					}),
				);
			},
		);

		app.get(`${step.base}/methods`, { schema: noQuery, preHandler: pre }, async (request, reply) => {
			const challenge = await pending(request, reply);
			if (!challenge) return reply;
			return send(reply, anotherWayPage({ methods: challenge.methods, destinations: challenge.destinations, base: step.base }));
		});

		app.post(
			step.base,
			{ schema: form({ method: 32, code: 8192, trust: 8 }), preHandler: [...pre, csrfCheck] },
			async (request, reply) => {
				const body = request.body as { method?: string; code?: string; trust?: string };
				const challenge = await pending(request, reply);
				if (!challenge) return reply;
				const method = challenge.methods.find((m) => m === body.method) ?? challenge.preferred;
				try {
					return await step.complete(request, reply, {
						challenge: readCookie(request, step.cookie)!,
						method,
						code: body.code ?? "",
						trust: body.trust === "yes",
					});
				} catch (error) {
					const { error: e, form } = asFormError(error, reply);
					if (e.code === "challenge_expired") {
						clearCookie(request, reply, step.cookie);
						return step.expired(request, reply, e.message).code(statusOf(e.code));
					}
					const options = await optionsFor(request, reply, method);
					return send(
						reply,
						secondFactorPage({
							...common,
							csrf: csrfTokenFor(deps, request, reply),
							method,
							methods: challenge.methods,
							error: form,
							typed: e.code === "code_typo" ? (body.code ?? "") : "",
							destination: challenge.destinations[method],
							...("passkeyOptions" in options ? { passkeyOptions: options.passkeyOptions } : {}),
						}),
						statusOf(e.code),
					);
				}
			},
		);

		app.post(`${step.base}/send`, { schema: form({ method: 32 }), preHandler: [...pre, csrfCheck] }, async (request, reply) => {
			const body = request.body as { method?: string };
			const challenge = await pending(request, reply);
			if (!challenge) return reply;
			const method = challenge.methods.find((m) => m === body.method && (m === "sms" || m === "email"));
			if (!method) return reply.redirect(`${step.base}/methods`, 303);
			try {
				const sent = await sendSignInCode(deps, { challenge: readCookie(request, step.cookie)!, method }, clientInfo(request));
				// Back to the page by GET, so a reload does not send another code.
				return reply.redirect(`${step.base}?method=${method}&sent=${sent.delivery === "sent" ? "delivered" : "delayed"}`, 303);
			} catch (error) {
				const { error: e, form } = asFormError(error, reply);
				const page = { ...common, csrf: csrfTokenFor(deps, request, reply), method, methods: challenge.methods };
				return send(reply, secondFactorPage({ ...page, destination: challenge.destinations[method], error: form }), statusOf(e.code));
			}
		});
	}

	secondStepRoutes({
		base: "/sign-in/verify",
		cookie: "signin",
		purpose: "sign_in",
		noMethods: "/sign-in/recover",
		expired: (request, reply, message) =>
			send(reply, signInPage({ csrf: csrfTokenFor(deps, request, reply), notice: message.replace("start again.", "start again with your username and password.") }), 410),
		async complete(request, reply, input) {
			const result = await completeSecondFactor(
				deps,
				{ challenge: input.challenge, method: input.method, code: input.code, trustDevice: input.trust },
				clientInfo(request),
			);
			await startBrowserSession(request, reply, result.session);
			if (result.device) {
				setCookie(request, reply, "device", result.device.token, Math.floor((result.device.expiresAt - deps.clock()) / 1000));
			}
			const remaining = result.backupCodes?.remaining;
			if (remaining === undefined) return reply.redirect("/settings", 303);
			// Few codes left: the sign-in ends on the offer of a new set.
			return reply.redirect(remaining <= RUNNING_LOW_AT ? "/settings/backup-codes/running-low" : "/settings?notice=backup_code_used", 303);
		},
	});

	secondStepRoutes({
		base: "/settings/two-factor/off/verify",
		cookie: "stepup",
		purpose: "disable_two_factor",
		noMethods: "/settings",
		preHandler: requireSignedIn,
		pageText: {
			heading: "Turn off two-factor authentication",
			intro: "Your password was right. Anyone with your password will be able to sign in once this is off.",
		},
		expired: (_request, reply, message) =>
			send(reply, messagePage({ title: "That took too long", message, link: { href: "/settings/two-factor/off", text: "Start again" } }), 410),
		async complete(request, reply, input) {
			await confirmDisableTwoFactor(deps, request.webAuth!.account.id, input, clientInfo(request));
			clearCookie(request, reply, "stepup");
			return reply.redirect("/settings?notice=two_factor_off", 303);
		},
	});

	passwordGate(
		"/settings/two-factor/off",
		{
			title: "Turn off two-factor authentication",
			explanation:
				"Without two-factor authentication, your password alone signs in. Your authenticator app and backup codes are removed. Enter your password, then confirm it is you with a second step.",
			submit: "Continue",
			danger: true,
		},
		async (request, reply, password) => {
			const challenge = await startDisableTwoFactor(deps, request.webAuth!.account, password, clientInfo(request));
			setCookie(request, reply, "stepup", challenge.challenge, Math.ceil((challenge.expiresAt - deps.clock()) / 1000));
			return reply.redirect("/settings/two-factor/off/verify", 303);
		},
	);

	app.post("/sign-out", { schema: form({}), preHandler: csrfCheck }, async (request, reply) => {
		await endSession(deps, readCookie(request, "session"));
		clearCookie(request, reply, "session");
		clearCookie(request, reply, "signin");
		clearCookie(request, reply, "stepup");
		return reply.redirect("/sign-in", 303);
	});

	// ── Settings ─────────────────────────────────────────────────────────────
	app.get(
		"/settings",
		{
			schema: {
				querystring: {
					type: "object",
					additionalProperties: false,
					properties: { notice: { type: "string", enum: Object.keys(settingsNotices) } },
				},
			},
			preHandler: requireSignedIn,
		},
		async (request, reply) => {
			const state = request.twoFactor!;
			// The home page leads with what must come first; a set-up under way shows here, to finish or undo.
			const first = state.requiredActions.find((r) => r !== "finish_two_factor");
			if (first) return reply.redirect(requiredStepPage(first), 303);
			const which = (request.query as { notice?: keyof typeof settingsNotices }).notice;
			const notice = which ? settingsNotices[which](state) : undefined;
			const contacts = await listContacts(deps, request.webAuth!.account.id);
			const devices = await listTrustedDevices(deps, request.webAuth!.account.id);
			const passkeys = await deps.methods.passkey.list(deps.db, request.webAuth!.account.id);
			const admin = request.webAuth!.account.role === "admin";
			return send(reply, settingsPage({ user: pageUser(request, reply), twoFactor: state, notice, contacts, devices, passkeys, admin }));
		},
	);

	/**
	 * A settings change that asks for the password first: GET shows the form,
	 * POST runs `onConfirmed` with the password and shows the form again, with
	 * the problem, when the flow refuses.
	 */
	function passwordGate(
		path: string,
		copy: Omit<Parameters<typeof passwordConfirmPage>[0], "user" | "action" | "error">,
		onConfirmed: (request: FastifyRequest, reply: FastifyReply, password: string) => Promise<FastifyReply>,
	): void {
		app.get(path, { schema: noQuery, preHandler: requireSignedIn }, async (request, reply) =>
			send(reply, passwordConfirmPage({ user: pageUser(request, reply), action: path, ...copy })),
		);
		app.post(path, { schema: form({ password: 1024 }), preHandler: [requireSignedIn, csrfCheck] }, async (request, reply) => {
			const { password } = request.body as { password?: string };
			try {
				return await onConfirmed(request, reply, password ?? "");
			} catch (error) {
				const { error: e, form } = asFormError(error, reply);
				return send(reply, passwordConfirmPage({ user: pageUser(request, reply), action: path, ...copy, error: form }), statusOf(e.code));
			}
		});
	}

	passwordGate(
		"/settings/authenticator",
		{
			title: "Set up authenticator app",
			explanation: "To keep your account safe, enter your password before changing how you sign in.",
			submit: "Continue",
		},
		async (request, reply, password) => {
			const enrollment = await beginTotpEnrollment(deps, request.webAuth!.account, password, clientInfo(request));
			return send(reply, totpEnrollPage({ user: pageUser(request, reply), enrollment }));
		},
	);

	app.post(
		"/settings/authenticator/confirm",
		{ schema: form({ code: 128 }), preHandler: [requireSignedIn, csrfCheck] },
		async (request, reply) => {
			const account = request.webAuth!.account;
			const { code } = request.body as { code?: string };
			try {
				const result = await confirmTotpEnrollment(deps, account, code ?? "", clientInfo(request));
				if (!result.backupCodes) return reply.redirect("/settings", 303);
				return send(reply, newCodesPage(request, reply, result.backupCodes, true));
			} catch (error) {
				const { error: e, form } = asFormError(error, reply);
				const enrollment = await deps.methods.totp.pendingEnrollment(account.id, account.username);
				if (!enrollment) return reply.redirect("/settings/authenticator", 303);
				return send(reply, totpEnrollPage({ user: pageUser(request, reply), enrollment, error: form }), statusOf(e.code));
			}
		},
	);

	passwordGate(
		"/settings/authenticator/disable",
		{
			title: "Remove authenticator app",
			explanation:
				"Your app will no longer give codes for Tessera; your other second steps keep working. Enter your password to confirm.",
			submit: "Remove authenticator app",
			danger: true,
		},
		async (request, reply, password) => {
			await disableTotp(deps, request.webAuth!.account, password, clientInfo(request));
			return reply.redirect("/settings", 303);
		},
	);

	/** The page that shows a new set, once. */
	function newCodesPage(request: FastifyRequest, reply: FastifyReply, set: NewBackupCodes, firstSet: boolean): Html {
		return backupCodesPage({
			user: pageUser(request, reply),
			site: `${deps.config.issuer} (${request.host})`,
			username: request.webAuth!.account.username,
			codes: set.codes,
			createdAt: deps.clock(),
			expiresAt: set.expiresAt,
			firstSet,
		});
	}

	passwordGate(
		"/settings/backup-codes/new",
		{
			title: "Get new backup codes",
			explanation: `You will get a new set of ${deps.config.backupCodes.count} codes. Your current codes keep working until you type one of the new ones back to show you saved them. Enter your password to continue.`,
			submit: "Get new codes",
		},
		async (request, reply, password) => {
			const account = request.webAuth!.account;
			const set = await requestNewBackupCodes(deps, account, password, clientInfo(request));
			return send(reply, newCodesPage(request, reply, set, !account.two_factor_enabled));
		},
	);

	app.get("/settings/backup-codes/confirm", { schema: noQuery, preHandler: requireSignedIn }, async (request, reply) => {
		const pending = request.twoFactor!.pendingBackupCodes;
		if (!pending) return reply.redirect("/settings", 303);
		const firstSet = !request.webAuth!.account.two_factor_enabled;
		return send(reply, confirmCodesPage({ user: pageUser(request, reply), expiresAt: pending.expiresAt, firstSet }));
	});

	app.post(
		"/settings/backup-codes/confirm",
		{ schema: form({ code: 128 }), preHandler: [requireSignedIn, csrfCheck] },
		async (request, reply) => {
			const { code } = request.body as { code?: string };
			const account = request.webAuth!.account;
			try {
				const { turnedOn } = await confirmBackupCodes(deps, account, code ?? "", clientInfo(request));
				return reply.redirect(`/settings?notice=${turnedOn ? "two_factor_on" : "codes_replaced"}`, 303);
			} catch (error) {
				const { error: e, form } = asFormError(error, reply);
				const pending = await deps.methods.backupCode.pending(deps.db, account.id);
				if (!pending) {
					return send(
						reply,
						messagePage({
							title: "Those codes expired",
							message: e.message,
							link: { href: "/settings/backup-codes/new", text: "Get a new set" },
						}),
						statusOf(e.code),
					);
				}
				const firstSet = !account.two_factor_enabled;
				return send(
					reply,
					confirmCodesPage({
						user: pageUser(request, reply),
						expiresAt: pending.expiresAt,
						firstSet,
						error: form,
						typed: e.code === "code_typo" ? (code ?? "") : "",
					}),
					statusOf(e.code),
				);
			}
		},
	);

	app.get("/settings/backup-codes/running-low", { schema: noQuery, preHandler: requireSignedIn }, async (request, reply) => {
		const codes = request.twoFactor!.backupCodes;
		if (!codes || codes.remaining > RUNNING_LOW_AT) return reply.redirect("/settings", 303);
		const pendingUntil = request.twoFactor!.pendingBackupCodes?.expiresAt;
		return send(
			reply,
			runningLowPage({ user: pageUser(request, reply), remaining: codes.remaining, total: codes.total, pendingUntil }),
		);
	});


	// ── Email and phone ──────────────────────────────────────────────────────
	const kindQuery = {
		querystring: {
			type: "object",
			additionalProperties: false,
			required: ["kind"],
			properties: { kind: { type: "string", enum: ["email", "phone"] } },
		},
	};
	const kindField = { kind: 8 };
	const asKind = (value: string | undefined): ContactKind => (value === "phone" ? "phone" : "email");

	app.get("/settings/contacts/add", { schema: kindQuery, preHandler: requireSignedIn }, async (request, reply) =>
		send(reply, addContactPage({ user: pageUser(request, reply), kind: (request.query as { kind: ContactKind }).kind })),
	);

	app.post(
		"/settings/contacts/add",
		{ schema: form({ ...kindField, value: 320, password: 1024 }), preHandler: [requireSignedIn, csrfCheck] },
		async (request, reply) => {
			const body = request.body as { kind?: string; value?: string; password?: string };
			const kind = asKind(body.kind);
			try {
				const { contact, code } = await addContact(
					deps,
					request.webAuth!.account,
					{ kind, value: body.value ?? "", password: body.password ?? "" },
					clientInfo(request),
				);
				if (contact.verified) return reply.redirect("/settings", 303);
				return send(
					reply,
					verifyContactPage({ user: pageUser(request, reply), kind, value: contact.value, delivered: code.delivery === "sent" }),
				);
			} catch (error) {
				const { error: e, form } = asFormError(error, reply);
				return send(reply, addContactPage({ user: pageUser(request, reply), kind, value: body.value ?? "", error: form }), statusOf(e.code));
			}
		},
	);

	async function waitingContact(accountId: string, kind: ContactKind) {
		return (await listContacts(deps, accountId)).find((c) => c.kind === kind && !c.verified);
	}

	app.get("/settings/contacts/verify", { schema: kindQuery, preHandler: requireSignedIn }, async (request, reply) => {
		const { kind } = request.query as { kind: ContactKind };
		const waiting = await waitingContact(request.webAuth!.account.id, kind);
		if (!waiting) return reply.redirect("/settings", 303);
		return send(reply, verifyContactPage({ user: pageUser(request, reply), kind, value: waiting.value }));
	});

	app.post(
		"/settings/contacts/verify",
		{ schema: form({ ...kindField, code: 64 }), preHandler: [requireSignedIn, csrfCheck] },
		async (request, reply) => {
			const body = request.body as { kind?: string; code?: string };
			const kind = asKind(body.kind);
			const account = request.webAuth!.account;
			try {
				await verifyContact(deps, account, { kind, code: body.code ?? "" }, clientInfo(request));
				return reply.redirect(`/settings?notice=${kind}_verified`, 303);
			} catch (error) {
				const { error: e, form } = asFormError(error, reply);
				const waiting = await waitingContact(account.id, kind);
				if (!waiting) return reply.redirect("/settings", 303);
				return send(reply, verifyContactPage({ user: pageUser(request, reply), kind, value: waiting.value, error: form }), statusOf(e.code));
			}
		},
	);

	app.post(
		"/settings/contacts/resend",
		{ schema: form(kindField), preHandler: [requireSignedIn, csrfCheck] },
		async (request, reply) => {
			const kind = asKind((request.body as { kind?: string }).kind);
			const account = request.webAuth!.account;
			const waiting = await waitingContact(account.id, kind);
			if (!waiting) return reply.redirect("/settings", 303);
			try {
				const code = await resendContactCode(deps, account, kind, clientInfo(request));
				return send(
					reply,
					verifyContactPage({ user: pageUser(request, reply), kind, value: waiting.value, delivered: code.delivery === "sent" }),
				);
			} catch (error) {
				const { error: e, form } = asFormError(error, reply);
				return send(reply, verifyContactPage({ user: pageUser(request, reply), kind, value: waiting.value, error: form }), statusOf(e.code));
			}
		},
	);

	for (const kind of ["email", "phone"] as const) {
		passwordGate(
			`/settings/contacts/remove-${kind}`,
			{
				title: kind === "phone" ? "Remove phone number" : "Remove email address",
				explanation:
					kind === "phone"
						? "Sign-in codes will no longer be sent to this number. Enter your password to confirm."
						: "You will no longer be able to sign in with this address, or get codes by email. Enter your password to confirm.",
				submit: "Remove",
				danger: true,
			},
			async (request, reply, password) => {
				await removeContact(deps, request.webAuth!.account, { kind, password }, clientInfo(request));
				return reply.redirect("/settings", 303);
			},
		);
	}

	// ── Passkeys ─────────────────────────────────────────────────────────────
	app.get("/settings/passkeys/add", { schema: noQuery, preHandler: requireSignedIn }, async (request, reply) =>
		send(reply, addPasskeyPage({ user: pageUser(request, reply) })),
	);

	app.post(
		"/settings/passkeys/add",
		{ schema: form({ name: 64, password: 1024 }), preHandler: [requireSignedIn, csrfCheck] },
		async (request, reply) => {
			const body = request.body as { name?: string; password?: string };
			const name = (body.name ?? "").trim() || "Passkey";
			try {
				const options = await beginPasskeyRegistration(deps, request.webAuth!.account, body.password ?? "", clientInfo(request));
				return send(reply, createPasskeyPage({ user: pageUser(request, reply), name, options }));
			} catch (error) {
				const { error: e, form } = asFormError(error, reply);
				return send(reply, addPasskeyPage({ user: pageUser(request, reply), name, error: form }), statusOf(e.code));
			}
		},
	);

	app.post(
		"/settings/passkeys/finish",
		{ schema: form({ name: 64, response: 8192 }), preHandler: [requireSignedIn, csrfCheck] },
		async (request, reply) => {
			const body = request.body as { name?: string; response?: string };
			try {
				let response: RegistrationResponseJSON;
				try {
					response = JSON.parse(body.response ?? "") as RegistrationResponseJSON;
				} catch {
					throw new TesseraError("invalid_code", { message: "The browser did not create a passkey. Try again." });
				}
				await finishPasskeyRegistration(deps, request.webAuth!.account, { name: body.name ?? "", response }, clientInfo(request));
				return reply.redirect("/settings?notice=passkey_added", 303);
			} catch (error) {
				const { error: e, form } = asFormError(error, reply);
				return send(reply, addPasskeyPage({ user: pageUser(request, reply), name: body.name ?? "", error: form }), statusOf(e.code));
			}
		},
	);

	const idQuery = {
		querystring: { type: "object", additionalProperties: false, required: ["id"], properties: { id: { type: "string", maxLength: 64 } } },
	};

	async function myPasskey(request: FastifyRequest, id: string) {
		return (await deps.methods.passkey.list(deps.db, request.webAuth!.account.id)).find((p) => p.id === id);
	}

	app.get("/settings/passkeys/remove", { schema: idQuery, preHandler: requireSignedIn }, async (request, reply) => {
		const passkey = await myPasskey(request, (request.query as { id: string }).id);
		if (!passkey) return reply.redirect("/settings", 303);
		return send(reply, removePasskeyPage({ user: pageUser(request, reply), passkey }));
	});

	app.post(
		"/settings/passkeys/remove",
		{ schema: form({ id: 64, password: 1024 }), preHandler: [requireSignedIn, csrfCheck] },
		async (request, reply) => {
			const body = request.body as { id?: string; password?: string };
			const passkey = await myPasskey(request, body.id ?? "");
			if (!passkey) return reply.redirect("/settings", 303);
			try {
				await removePasskey(deps, request.webAuth!.account, { id: passkey.id, password: body.password ?? "" }, clientInfo(request));
				return reply.redirect("/settings", 303);
			} catch (error) {
				const { error: e, form } = asFormError(error, reply);
				return send(reply, removePasskeyPage({ user: pageUser(request, reply), passkey, error: form }), statusOf(e.code));
			}
		},
	);

	// ── Trusted devices ──────────────────────────────────────────────────────
	app.post(
		"/settings/devices/revoke",
		{ schema: form({ id: 64 }), preHandler: [requireSignedIn, csrfCheck] },
		async (request, reply) => {
			await revokeTrustedDevice(deps, request.webAuth!.account.id, (request.body as { id?: string }).id ?? "");
			return reply.redirect("/settings?notice=device_revoked", 303);
		},
	);

	app.post("/settings/devices/revoke-all", { schema: form({}), preHandler: [requireSignedIn, csrfCheck] }, async (request, reply) => {
		await revokeAllTrustedDevices(deps.db, request.webAuth!.account.id);
		return reply.redirect("/settings?notice=device_revoked", 303);
	});

	// ── Passwords ────────────────────────────────────────────────────────────
	app.get("/settings/password", { schema: noQuery, preHandler: requireSignedIn }, async (request, reply) =>
		send(reply, changePasswordPage({ user: pageUser(request, reply) })),
	);

	app.post(
		"/settings/password",
		{ schema: form({ current: 1024, password: 1024 }), preHandler: [requireSignedIn, csrfCheck] },
		async (request, reply) => {
			const body = request.body as { current?: string; password?: string };
			const auth = request.webAuth!;
			try {
				await changePassword(deps, auth.account, { current: body.current ?? "", password: body.password ?? "" }, clientInfo(request), auth.sessionId);
				return reply.redirect("/settings?notice=password_changed", 303);
			} catch (error) {
				const { error: e, form } = asFormError(error, reply);
				// The current password's problem belongs to its own field.
				const fixed = e.code === "invalid_credentials" ? { ...form, fields: [{ field: "current", problem: "Not the right password." }] } : form;
				return send(reply, changePasswordPage({ user: pageUser(request, reply), error: fixed }), statusOf(e.code));
			}
		},
	);

	app.get("/forgot-password", { schema: noQuery }, async (request, reply) =>
		send(reply, forgotPasswordPage({ csrf: csrfTokenFor(deps, request, reply) })),
	);

	app.post("/forgot-password", { schema: form({ identifier: 320 }), preHandler: csrfCheck }, async (request, reply) => {
		const { identifier } = request.body as { identifier?: string };
		try {
			const { token } = await requestPasswordReset(deps, identifier ?? "", clientInfo(request));
			setCookie(request, reply, "reset", token, Math.floor(RESET_LINK_TTL_MS / 1000));
			return reply.redirect("/forgot-password/code", 303);
		} catch (error) {
			const { error: e, form } = asFormError(error, reply);
			return send(reply, forgotPasswordPage({ csrf: csrfTokenFor(deps, request, reply), identifier: identifier ?? "", error: form }), statusOf(e.code));
		}
	});

	app.get("/forgot-password/code", { schema: noQuery }, async (request, reply) => {
		if (!readCookie(request, "reset")) return reply.redirect("/forgot-password", 303);
		return send(reply, resetSentPage({ csrf: csrfTokenFor(deps, request, reply), message: resetRequestedMessage }));
	});

	app.post(
		"/forgot-password/code",
		{ schema: form({ code: 64, password: 1024 }), preHandler: csrfCheck },
		async (request, reply) => {
			const body = request.body as { code?: string; password?: string };
			const token = readCookie(request, "reset");
			if (!token) return reply.redirect("/forgot-password", 303);
			try {
				const outcome = await completePasswordReset(deps, { token, code: body.code ?? "", password: body.password ?? "" }, clientInfo(request));
				clearCookie(request, reply, "reset");
				return resetOutcome(request, reply, outcome);
			} catch (error) {
				const { error: e, form } = asFormError(error, reply);
				const help = { href: "/forgot-password", text: "Ask for a new code" };
				const page = resetSentPage({ csrf: csrfTokenFor(deps, request, reply), message: resetRequestedMessage, error: { ...form, help }, typed: body.code ?? "" });
				return send(reply, page, statusOf(e.code));
			}
		},
	);

	const tokenQuery = {
		querystring: {
			type: "object",
			additionalProperties: false,
			properties: { token: { type: "string", maxLength: 128 } },
		},
	};

	/**
	 * Where a reset's link or code leads: done, or, with two-factor on, the second
	 * step that confirms the new password (its challenge in the sign-in cookie, so
	 * "Can't use any of these?" leads on to recovery).
	 */
	function resetOutcome(request: FastifyRequest, reply: FastifyReply, outcome: PasswordResetOutcome) {
		if (outcome.status === "password_changed") return send(reply, passwordResetDonePage());
		const { challenge, expiresAt } = outcome.secondFactor;
		setCookie(request, reply, "signin", challenge, Math.ceil((expiresAt - deps.clock()) / 1000));
		return reply.redirect("/reset-password/verify", 303);
	}

	const resetLinkExpired = {
		title: "This link has expired",
		message: "Password reset links work once, for 30 minutes. Ask for a new one.",
		again: { href: "/forgot-password", text: "Ask for a new link" },
	};
	const resetCopy = {
		title: "Choose a new password",
		intro: "Every session signs out and trusted devices are forgotten. If two-factor authentication is on, you confirm the new password with your authenticator app, a passkey or a backup code next.",
		submit: "Continue",
	};

	// A page reached from a link in a message: the token comes in the address and goes on in the form.
	app.get("/reset-password", { schema: tokenQuery }, async (request, reply) => {
		const { token } = request.query as { token?: string };
		if (!(await resetLinkIsLive(deps, token, "password_reset"))) return send(reply, linkExpiredPage(resetLinkExpired), 410);
		return send(reply, newPasswordPage({ csrf: csrfTokenFor(deps, request, reply), action: "/reset-password", token: token!, ...resetCopy }));
	});
	app.post("/reset-password", { schema: form({ token: 128, password: 1024 }), preHandler: csrfCheck }, async (request, reply) => {
		const body = request.body as { token?: string; password?: string };
		try {
			const outcome = await completePasswordReset(deps, { token: body.token ?? "", password: body.password ?? "" }, clientInfo(request));
			return resetOutcome(request, reply, outcome);
		} catch (error) {
			const { error: e, form } = asFormError(error, reply);
			if (e.code === "invalid_link") return send(reply, linkExpiredPage(resetLinkExpired), statusOf(e.code));
			const page = newPasswordPage({ csrf: csrfTokenFor(deps, request, reply), action: "/reset-password", token: body.token ?? "", ...resetCopy, error: form });
			return send(reply, page, statusOf(e.code));
		}
	});

	secondStepRoutes({
		base: "/reset-password/verify",
		cookie: "signin",
		purpose: "password_reset",
		noMethods: "/sign-in/recover",
		pageText: {
			heading: "Confirm your new password",
			intro: "Your new password takes effect once you confirm it is you. A code by email or text message cannot confirm a reset: use your authenticator app, a passkey or a backup code.",
			recoverable: true,
			cancel: "/sign-in",
		},
		expired: (_request, reply, message) =>
			send(reply, linkExpiredPage({ ...resetLinkExpired, title: "That took too long", message: `${message} Your password was not changed.` }), 410),
		async complete(request, reply, input) {
			await completePasswordResetSecondFactor(deps, input, clientInfo(request));
			clearCookie(request, reply, "signin");
			return send(reply, passwordResetDonePage());
		},
	});

	const secureExpired = {
		title: "This link has expired",
		message: "“Wasn't you?” links work once, for 7 days, and only while the address they were sent to is on the account. If you are worried about your account, reset your password now.",
		again: { href: "/forgot-password", text: "Reset your password" },
	};

	// One button, no password: a mail scanner that follows the link changes nothing, and the link sets nothing.
	app.get("/secure-account", { schema: tokenQuery }, async (request, reply) => {
		const { token } = request.query as { token?: string };
		if (!(await resetLinkIsLive(deps, token, "secure_account"))) return send(reply, linkExpiredPage(secureExpired), 410);
		return send(reply, secureAccountPage({ csrf: csrfTokenFor(deps, request, reply), token: token! }));
	});
	app.post("/secure-account", { schema: form({ token: 128 }), preHandler: csrfCheck }, async (request, reply) => {
		const body = request.body as { token?: string };
		try {
			await secureAccount(deps, { token: body.token ?? "" }, clientInfo(request));
		} catch (error) {
			const { error: e } = asFormError(error, reply);
			if (e.code === "invalid_link") return send(reply, linkExpiredPage(secureExpired), statusOf(e.code));
			throw error;
		}
		return send(reply, secureAccountDonePage());
	});

	// ── Account recovery ─────────────────────────────────────────────────────
	async function recoveryPageFor(request: FastifyRequest, reply: FastifyReply, error?: FormError, status = 200) {
		try {
			const options = await recoveryOptions(deps, readCookie(request, "signin"));
			const page = recoverStartPage({ csrf: csrfTokenFor(deps, request, reply), options, waitHours: Math.round(deps.config.recoveryWaitMs / 3_600_000), ...(error ? { error } : {}) });
			return send(reply, page, status);
		} catch (failure) {
			const { error: e } = asFormError(failure, reply);
			if (e.code !== "challenge_expired") throw failure;
			clearCookie(request, reply, "signin");
			const notice = "To recover your account, first sign in with your username and password.";
			return send(reply, signInPage({ csrf: csrfTokenFor(deps, request, reply), notice }), 410);
		}
	}

	app.get("/sign-in/recover", { schema: noQuery }, async (request, reply) => recoveryPageFor(request, reply));

	app.post("/sign-in/recover/send", { schema: form({ kind: 8 }), preHandler: csrfCheck }, async (request, reply) => {
		const kind = asKind((request.body as { kind?: string }).kind);
		try {
			const sent = await sendRecoveryCode(deps, { challenge: readCookie(request, "signin") ?? "", kind }, clientInfo(request));
			const csrf = csrfTokenFor(deps, request, reply);
			return send(reply, recoverCodePage({ csrf, kind, sentTo: sent.sentTo, delivered: sent.delivery === "sent" }));
		} catch (error) {
			const { error: e, form } = asFormError(error, reply);
			return recoveryPageFor(request, reply, form, statusOf(e.code));
		}
	});

	app.post("/sign-in/recover/code", { schema: form({ kind: 8, code: 64 }), preHandler: csrfCheck }, async (request, reply) => {
		const body = request.body as { kind?: string; code?: string };
		const kind = asKind(body.kind);
		try {
			const recovery = await startRecovery(deps, { challenge: readCookie(request, "signin") ?? "", kind, code: body.code ?? "" }, clientInfo(request));
			clearCookie(request, reply, "signin");
			return send(reply, recoveryStartedPage({ readyAt: recovery.readyAt }), 201);
		} catch (error) {
			const { error: e, form } = asFormError(error, reply);
			if (e.code === "challenge_expired" || e.code === "recovery_in_progress" || e.code === "no_contact") return recoveryPageFor(request, reply, form, statusOf(e.code));
			const options = await recoveryOptions(deps, readCookie(request, "signin")).catch(() => undefined);
			const sentTo = options?.contacts.find((c) => c.kind === kind)?.masked ?? "";
			const help = { href: "/help/lost-phone", text: "Lost your phone? How to get back in" };
			const page = recoverCodePage({ csrf: csrfTokenFor(deps, request, reply), kind, sentTo, error: { ...form, help } });
			return send(reply, page, statusOf(e.code));
		}
	});

	app.get("/sign-in/recover/identity", { schema: noQuery }, async (request, reply) =>
		send(reply, identityCheckPage({ csrf: csrfTokenFor(deps, request, reply) })),
	);

	app.post(
		"/sign-in/recover/identity",
		{ schema: form({ message: 2000, contactsUsed: 500, lastSignIn: 100 }), preHandler: csrfCheck },
		async (request, reply) => {
			const body = request.body as { message?: string; contactsUsed?: string; lastSignIn?: string };
			const values = { message: body.message ?? "", contactsUsed: body.contactsUsed ?? "", lastSignIn: body.lastSignIn ?? "" };
			try {
				await fileRecoveryRequest(deps, { challenge: readCookie(request, "signin") ?? "", ...values }, clientInfo(request));
				clearCookie(request, reply, "signin");
				return send(reply, identityCheckSentPage(), 201);
			} catch (error) {
				const { error: e, form } = asFormError(error, reply);
				if (e.code === "challenge_expired" || e.code === "recovery_in_progress" || e.code === "recovery_request_open") {
					return recoveryPageFor(request, reply, form, statusOf(e.code));
				}
				return send(reply, identityCheckPage({ csrf: csrfTokenFor(deps, request, reply), values, error: form }), statusOf(e.code));
			}
		},
	);

	const cancelExpired = {
		title: "This link no longer works",
		message: "The recovery has already ended (cancelled, or completed), or this link was used or has expired.",
	};

	app.get("/recovery/cancel", { schema: tokenQuery }, async (request, reply) => {
		const { token } = request.query as { token?: string };
		if (!token || !looksLikeToken(token)) return send(reply, linkExpiredPage(cancelExpired), 410);
		return send(reply, cancelRecoveryPage({ csrf: csrfTokenFor(deps, request, reply), token }));
	});

	app.post("/recovery/cancel", { schema: form({ token: 128 }), preHandler: csrfCheck }, async (request, reply) => {
		const { token } = request.body as { token?: string };
		if (!(await cancelRecoveryByLink(deps, token, clientInfo(request)))) return send(reply, linkExpiredPage(cancelExpired), 410);
		return send(reply, recoveryCancelledPage());
	});

	app.get("/settings/two-factor/required", { schema: noQuery, preHandler: requireSignedIn }, async (request, reply) => {
		const required = request.twoFactor!.requiredActions;
		// The app is set up: the codes come next. A set already shown waits to be typed back.
		if (required.includes("finish_two_factor")) {
			return reply.redirect(request.twoFactor!.pendingBackupCodes ? "/settings/backup-codes/confirm" : "/settings/backup-codes/new", 303);
		}
		if (!required.includes("set_up_two_factor")) return reply.redirect("/settings", 303);
		return send(reply, setUpAgainPage({ user: pageUser(request, reply) }));
	});

	// ── Activity ─────────────────────────────────────────────────────────────
	app.get("/settings/activity", { schema: noQuery, preHandler: requireSignedIn }, async (request, reply) =>
		send(reply, activityPage({ user: pageUser(request, reply), events: await listActivity(deps, request.webAuth!.account.id) })),
	);

	// ── Help centre ──────────────────────────────────────────────────────────
	const helpPages: Record<string, () => Html> = {
		"/help": helpIndexPage,
		"/help/backup-codes": backupCodesHelpPage,
		"/help/saving-codes": savingCodesHelpPage,
		"/help/lost-phone": lostPhoneHelpPage,
		"/help/phishing": phishingHelpPage,
	};
	for (const [path, page] of Object.entries(helpPages)) {
		app.get(path, { schema: noQuery }, async (_request, reply) => send(reply, page()));
	}

	// ── Admin: identity checks ───────────────────────────────────────────────
	const adminNotices = { approved: "Approved: the waiting period has started and the person has been alerted.", denied: "Denied." } as const;
	app.get(
		"/admin/recovery",
		{
			schema: { querystring: { type: "object", additionalProperties: false, properties: { notice: { type: "string", enum: Object.keys(adminNotices) } } } },
			preHandler: requireAdmin,
		},
		async (request, reply) => {
			const which = (request.query as { notice?: keyof typeof adminNotices }).notice;
			const requests = await listRecoveryRequests(deps.db, "open");
			return send(reply, adminRequestsPage({ user: pageUser(request, reply), requests, notice: which ? adminNotices[which] : undefined }));
		},
	);

	app.get("/admin/recovery/request", { schema: idQuery, preHandler: requireAdmin }, async (request, reply) => {
		const found = await findRecoveryRequest(deps.db, (request.query as { id: string }).id);
		if (!found) throw new TesseraError("not_found");
		const events = await listActivity(deps, found.accountId);
		return send(reply, adminRequestPage({ user: pageUser(request, reply), request: found, events }));
	});

	app.post(
		"/admin/recovery/decide",
		{ schema: form({ id: 64, decision: 8, note: 1000 }), preHandler: [requireAdmin, csrfCheck] },
		async (request, reply) => {
			const body = request.body as { id?: string; decision?: string; note?: string };
			const found = await findRecoveryRequest(deps.db, body.id ?? "");
			if (!found) throw new TesseraError("not_found");
			const note = (body.note ?? "").trim();
			const decision = body.decision === "approve" ? "approve" : body.decision === "deny" ? "deny" : undefined;
			const events = await listActivity(deps, found.accountId);
			const problem = (message: string, status = 400) =>
				send(reply, adminRequestPage({ user: pageUser(request, reply), request: found, events, error: { message, code: "invalid_request" } }), status);
			if (!decision) return problem("Choose approve or deny.");
			try {
				const admin = request.webAuth!.account;
				await decideRecoveryRequest(deps, { id: found.id, decision, actor: `admin:${admin.username}`, actorAccountId: admin.id, note });
			} catch (error) {
				if (error instanceof RequestNotOpen) return problem("This request was already decided.", 409);
				if (isTesseraError(error) && ["recovery_in_progress", "invalid_request", "own_identity_check"].includes(error.code)) {
					return problem(error.message, statusOf(error.code));
				}
				throw error;
			}
			return reply.redirect(`/admin/recovery?notice=${decision === "approve" ? "approved" : "denied"}`, 303);
		},
	);

	// ── Development outbox ───────────────────────────────────────────────────
	if (deps.outbox) {
		const outbox = deps.outbox;
		// It shows codes as sent: only to a browser on this machine, asking for this machine by
		// name (not a page elsewhere whose name was pointed here), and not through a proxy
		// Tessera does not know (which makes every request look local).
		app.get("/dev/outbox", { schema: noQuery }, async (request, reply) => {
			if (cameThroughUntrustedProxy(request) || !isLoopback(clientAddress(request)) || !isLoopbackHost(request)) {
				throw new TesseraError("not_found");
			}
			return send(reply, outboxPage(outbox.list()));
		});
	}
}

/** What a settings page says after a step, by the `notice` in its address. */
const settingsNotices = {
	two_factor_off: () => "Two-factor authentication is off. Your password alone now signs in.",
	two_factor_on: () => "Two-factor authentication is on. Keep your backup codes safe.",
	codes_replaced: () => "Your new backup codes are active. Your old codes no longer work.",
	passkey_added: () => "Your passkey is ready. Next time, confirm it is you with it.",
	device_revoked: () => "Done. That device will be asked for a second step at its next sign-in.",
	password_changed: () => "Your password is changed. Every other session has been signed out.",
	email_verified: () => "Your email address is confirmed. You can now sign in with it.",
	phone_verified: () => "Your phone number is confirmed.",
	backup_code_used: (state: TwoFactorState) =>
		state.backupCodes
			? `You signed in with a backup code. ${state.backupCodes.remaining} of ${state.backupCodes.total} codes are left.`
			: "You signed in with a backup code.",
} as const;

/** What each signed-in page does, in the gate's words: the gate decides whether it may. */
const routeActions: RouteActions = {
	"GET /settings": "read_account",
	"GET /settings/two-factor/required": "read_account",
	"GET /settings/activity": "read_activity",
	"GET /settings/authenticator": "set_up_authenticator",
	"POST /settings/authenticator": "set_up_authenticator",
	"POST /settings/authenticator/confirm": "set_up_authenticator",
	"GET /settings/authenticator/disable": "remove_authenticator",
	"POST /settings/authenticator/disable": "remove_authenticator",
	"GET /settings/backup-codes/new": "new_backup_codes",
	"POST /settings/backup-codes/new": "new_backup_codes",
	"GET /settings/backup-codes/running-low": "new_backup_codes",
	"GET /settings/backup-codes/confirm": "confirm_backup_codes",
	"POST /settings/backup-codes/confirm": "confirm_backup_codes",
	"GET /settings/two-factor/off": "turn_off_two_factor",
	"POST /settings/two-factor/off": "turn_off_two_factor",
	"GET /settings/two-factor/off/verify": "turn_off_two_factor",
	"POST /settings/two-factor/off/verify": "turn_off_two_factor",
	"GET /settings/two-factor/off/verify/methods": "turn_off_two_factor",
	"POST /settings/two-factor/off/verify/send": "turn_off_two_factor",
	"GET /settings/password": "change_password",
	"POST /settings/password": "change_password",
	"GET /settings/contacts/add": "manage_contacts",
	"POST /settings/contacts/add": "manage_contacts",
	"GET /settings/contacts/verify": "manage_contacts",
	"POST /settings/contacts/verify": "manage_contacts",
	"POST /settings/contacts/resend": "manage_contacts",
	"GET /settings/contacts/remove-email": "manage_contacts",
	"POST /settings/contacts/remove-email": "manage_contacts",
	"GET /settings/contacts/remove-phone": "manage_contacts",
	"POST /settings/contacts/remove-phone": "manage_contacts",
	"GET /settings/passkeys/add": "manage_passkeys",
	"POST /settings/passkeys/add": "manage_passkeys",
	"POST /settings/passkeys/finish": "manage_passkeys",
	"GET /settings/passkeys/remove": "manage_passkeys",
	"POST /settings/passkeys/remove": "manage_passkeys",
	"POST /settings/devices/revoke": "manage_trusted_devices",
	"POST /settings/devices/revoke-all": "manage_trusted_devices",
	"GET /admin/recovery": "review_identity_checks",
	"GET /admin/recovery/request": "review_identity_checks",
	"POST /admin/recovery/decide": "review_identity_checks",
};

/** The page that leads with what the account must do first. */
function requiredStepPage(required: RequiredAction): string {
	return required === "new_backup_codes" ? "/settings/backup-codes/running-low" : "/settings/two-factor/required";
}

/** The error page for anything a form could not show itself. */
export function renderErrorPage(error: unknown, reply: FastifyReply): FastifyReply {
	const e = toTesseraError(error);
	applyErrorHeaders(reply, e);
	const link =
		e.code === "csrf_failed" || e.code === "not_found" ? { href: "/", text: "Go to Tessera" } : { href: "/", text: "Start again" };
	const titles: Partial<Record<string, string>> = {
		csrf_failed: "This form has expired",
		not_found: "Page not found",
		too_many_attempts: "Too many attempts",
		internal_error: "Something went wrong",
	};
	return send(reply, messagePage({ title: titles[e.code] ?? "That didn't work", message: e.message, link, code: e.code }), statusOf(e.code));
}
