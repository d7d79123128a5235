import type { FastifyReply } from "fastify";
import { signUp, twoFactorState } from "../../flows/accounts.ts";
import { endSession } from "../../flows/sessions.ts";
import { completeSecondFactor, sendSignInCode, signInWithPassword } from "../../flows/sign-in.ts";
import type { MethodName } from "../../methods/types.ts";
import { answerOf } from "../answers.ts";
import { clientInfo } from "../client.ts";
import { PASSKEY } from "../method-names.ts";
import { authenticationBody, challengeBody, codeSentBody, iso, secondFactorBody, sessionBody, twoFactorBody } from "./bodies.ts";
import { account, type Api, bearerToken } from "./context.ts";
import { apiSchemas as s } from "./schemas.ts";

/** Signing up, signing in with its second step, the session and the account it belongs to. */
export function accountAndSessionRoutes({ app, deps, requireSession }: Api): void {
	app.post("/accounts", { schema: s.signUp }, async (request, reply) => {
		const body = request.body as { username: string; password: string; email?: string };
		// An app's Accept-Language, when it sends one, is the account's first language.
		const language = request.headers["accept-language"] ? request.presentation.locale : undefined;
		const result = await signUp(deps, { ...body, ...(language && language !== "en-XA" ? { language } : {}) }, clientInfo(request));
		reply.code(201);
		return { account: result.account, session: sessionBody(result.session) };
	});

	app.post("/sessions", { schema: s.signIn }, async (request, reply: FastifyReply) => {
		const body = request.body as { username: string; password: string; deviceToken?: string };
		const result = await signInWithPassword(deps, body, clientInfo(request));
		if (result.kind === "session") {
			reply.code(201);
			return { session: sessionBody(result.session) };
		}
		reply.code(200);
		return { secondFactor: challengeBody(result.secondFactor) };
	});

	// ── The second step ───────────────────────────────────────────────────────
	app.post("/sessions/second-factor", { schema: s.secondFactor }, async (request, reply) => {
		const body = request.body as { challenge: string; method: MethodName; code?: string; response?: unknown; trustDevice?: boolean };
		const input = { challenge: body.challenge, method: body.method, answer: answerOf(deps.methods, body.method, body), trustDevice: body.trustDevice };
		const result = await completeSecondFactor(deps, input, clientInfo(request));
		reply.code(201);
		return secondFactorBody(result);
	});

	app.post("/sessions/second-factor/passkey/verify", { schema: s.passkeySignInVerify }, async (request, reply) => {
		const body = request.body as { challenge: string; response: unknown; trustDevice?: boolean };
		const result = await completeSecondFactor(
			deps,
			{ challenge: body.challenge, method: PASSKEY, answer: answerOf(deps.methods, PASSKEY, body), trustDevice: body.trustDevice },
			clientInfo(request),
		);
		reply.code(201);
		return secondFactorBody(result);
	});

	app.post("/sessions/second-factor/send", { schema: s.sendCode }, async (request, reply) => {
		const body = request.body as { challenge: string; method: MethodName };
		const sent = await sendSignInCode(deps, body, clientInfo(request));
		reply.code(202);
		return codeSentBody(sent);
	});

	// ── Signed in ─────────────────────────────────────────────────────────────
	// "Who is this?" for an app checking its session on every request: one lookup, nothing else.
	app.get("/sessions/current", { schema: s.currentSession, preHandler: requireSession }, async (request) => {
		const { account: a, expiresAt, authentication } = request.auth!;
		return {
			session: { expiresAt: iso(expiresAt) },
			account: { id: a.id, username: a.username },
			authentication: authenticationBody(authentication),
		};
	});

	app.delete("/sessions/current", { schema: s.noBody, preHandler: requireSession }, async (request, reply) => {
		await endSession(deps, bearerToken(request));
		reply.code(204);
	});

	app.get("/account", { schema: s.getAccount, preHandler: requireSession }, async (request) => {
		const a = account(request);
		return {
			account: { id: a.id, username: a.username, email: a.email, createdAt: iso(a.created_at) },
			twoFactor: twoFactorBody(await twoFactorState(deps, a)),
		};
	});
}
