import { beginEnrolment, beginReplacement, confirmEnrolment, listCredentials, methodsOverview, removeCredential } from "../../flows/enrolment.ts";
import { startSecondStep } from "../../flows/sign-in.ts";
import type { MethodName } from "../../methods/types.ts";
import { enrolmentAnswerOf } from "../answers.ts";
import { PASSKEY } from "../method-names.ts";
import { clientInfo } from "../client.ts";
import { codeSentBody, credentialBody, enrolmentBody, methodOverviewBody, newCodesBody, twoFactorBody } from "./bodies.ts";
import { account, type Api } from "./context.ts";
import { apiSchemas as s } from "./schemas.ts";

/**
 * Every method, by name: what the account has, setting one up (begin, then confirm
 * with a first answer), removing a credential, and starting a second step with one
 * (a code sent, or WebAuthn options).
 */
export function methodRoutes({ app, deps, requireSession }: Api): void {
	app.get("/account/methods", { schema: s.listMethods, preHandler: requireSession }, async (request) => ({
		methods: (await methodsOverview(deps, account(request).id)).map(methodOverviewBody),
	}));

	app.post("/account/methods/:method", { schema: s.beginEnrolment, preHandler: requireSession }, async (request, reply) => {
		const { method } = request.params as { method: MethodName };
		const { password } = request.body as { password: string };
		const start = await beginEnrolment(deps, account(request), method, password, clientInfo(request));
		reply.code(201);
		return { enrolment: enrolmentBody(start) };
	});

	// Moving a method with one credential to a new device: confirmed like a set-up, which retires the old one.
	app.post("/account/methods/:method/replace", { schema: s.beginEnrolment, preHandler: requireSession }, async (request, reply) => {
		const { method } = request.params as { method: MethodName };
		const { password } = request.body as { password: string };
		const start = await beginReplacement(deps, account(request), method, password, clientInfo(request));
		reply.code(201);
		return { enrolment: enrolmentBody(start) };
	});

	app.post("/account/methods/:method/confirm", { schema: s.confirmEnrolment, preHandler: requireSession }, async (request) => {
		const { method } = request.params as { method: MethodName };
		const body = request.body as { code?: string; response?: Record<string, unknown>; name?: string };
		const result = await confirmEnrolment(deps, account(request), method, enrolmentAnswerOf(body), clientInfo(request));
		return {
			credential: credentialBody(result.credential),
			twoFactor: twoFactorBody(result.twoFactor),
			...(result.backupCodes ? { backupCodes: newCodesBody(result.backupCodes) } : {}),
		};
	});

	app.post("/account/methods/:method/remove", { schema: s.removeCredential, preHandler: requireSession }, async (request) => {
		const { method } = request.params as { method: MethodName };
		const body = request.body as { id?: string; password: string };
		const state = await removeCredential(deps, account(request), { method, id: body.id, password: body.password }, clientInfo(request));
		return { twoFactor: twoFactorBody(state) };
	});

	app.post("/sessions/second-factor/start", { schema: s.startSecondStep }, async (request, reply) => {
		const body = request.body as { challenge: string; method: MethodName };
		const started = await startSecondStep(deps, body, clientInfo(request));
		if (started.kind === "code_sent") {
			reply.code(202);
			return { kind: started.kind, ...codeSentBody(started) };
		}
		return started;
	});

	// ── Passkeys, under the routes they always had ───────────────────────────
	const passkeysOf = async (accountId: string) => ({ passkeys: (await listCredentials(deps, accountId, PASSKEY)).map(credentialBody) });

	app.get("/account/passkeys", { schema: s.listPasskeys, preHandler: requireSession }, async (request) => passkeysOf(account(request).id));

	app.post("/account/passkeys/options", { schema: s.passkeyOptions, preHandler: requireSession }, async (request) => {
		const { password } = request.body as { password: string };
		const start = await beginEnrolment(deps, account(request), PASSKEY, password, clientInfo(request));
		return { options: start.kind === "webauthn" ? start.options : {} };
	});

	app.post("/account/passkeys", { schema: s.addPasskey, preHandler: requireSession }, async (request, reply) => {
		const body = request.body as { name: string; response: Record<string, unknown> };
		const result = await confirmEnrolment(deps, account(request), PASSKEY, { response: body.response, name: body.name }, clientInfo(request));
		reply.code(201);
		return { passkey: credentialBody(result.credential) };
	});

	app.post("/account/passkeys/remove", { schema: s.removePasskey, preHandler: requireSession }, async (request) => {
		const body = request.body as { id: string; password: string };
		await removeCredential(deps, account(request), { method: PASSKEY, id: body.id, password: body.password }, clientInfo(request));
		return passkeysOf(account(request).id);
	});

	app.post("/sessions/second-factor/passkey/options", { schema: s.passkeySignInOptions }, async (request) => {
		const { challenge } = request.body as { challenge: string };
		const started = await startSecondStep(deps, { challenge, method: PASSKEY }, clientInfo(request));
		return { options: started.kind === "webauthn" ? started.options : {} };
	});
}
