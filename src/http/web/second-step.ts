import type { FastifyReply, FastifyRequest } from "fastify";
import { isTesseraError, type TesseraError } from "../../core/errors.ts";
import { type ChallengePurpose, openChallenge } from "../../flows/challenge.ts";
import { recoveryOnOffer, sendSignInCode, startSecondStep } from "../../flows/sign-in.ts";
import { t } from "../../i18n/translate.ts";
import type { MethodAnswer, MethodName } from "../../methods/types.ts";
import { answerOf } from "../answers.ts";
import { anotherWayPage, secondFactorPage } from "../../ui/pages/auth.ts";
import { clientInfo } from "../client.ts";
import { statusOf } from "../errors.ts";
import { clearCookie, csrfTokenFor, readCookie } from "./cookies.ts";
import { asFormError, form, noQuery, type PreHandler, send, type Web } from "./context.ts";
import { formRoute } from "./forms.ts";

/**
 * A second step: the page for each method, "Try another way", sending a code,
 * and the answer. Signing in, turning two-factor off and confirming a reset
 * each go through one.
 */
export interface SecondStep {
	base: string;
	cookie: "signin" | "stepup" | "more";
	purpose: ChallengePurpose;
	/** Where to go when the account has no usable second factor. */
	noMethods: string;
	/** Settings steps need the signed-in browser. */
	preHandler?: PreHandler;
	pageText?: { heading: string; intro: string; recoverable?: boolean; cancel?: string };
	/** What the person sees when the challenge has gone. */
	expired(request: FastifyRequest, reply: FastifyReply, message: string): FastifyReply;
	/** Runs the step's effect with the answer; returns where to go. */
	complete(
		request: FastifyRequest,
		reply: FastifyReply,
		input: { challenge: string; method: MethodName; answer: MethodAnswer; trust: boolean },
	): Promise<FastifyReply>;
}

export function secondStepRoutes(web: Web, step: SecondStep): void {
	const { app, deps, csrfCheck } = web;
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
				step.expired(request, reply, t("auth.second.expired"));
				return undefined;
			}
			throw error;
		}
	}
	/** A method answered by WebAuthn gets its options for this step with the page. */
	async function optionsFor(request: FastifyRequest, reply: FastifyReply, method: MethodName) {
		if (deps.methods.get(method).answer !== "webauthn") return {};
		try {
			const started = await startSecondStep(deps, { challenge: readCookie(request, step.cookie)!, method }, clientInfo(request));
			return started.kind === "webauthn" ? { passkeyOptions: started.options } : {};
		} catch (failure) {
			return { error: asFormError(failure, reply).form };
		}
	}
	const view = (name: MethodName) => deps.methods.get(name);
	/** A refusal that says how long to wait: the page says it in the person's words. */
	const retryOf = (e: TesseraError) =>
		typeof e.details.retryAfterSeconds === "number" ? { retry: { seconds: e.details.retryAfterSeconds, now: deps.clock() } } : {};
	const common = { base: step.base, ...(step.pageText ? { purpose: step.pageText } : {}) };

	app.get(
		step.base,
		{
			schema: {
				querystring: {
					type: "object",
					additionalProperties: false,
					properties: {
						method: { $ref: "methodName#" },
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
					method: view(method),
					methods: challenge.methods.map(view),
					destination: challenge.destinations[method],
					...(await optionsFor(request, reply, method)),
					...(query.sent && view(method).sendsCodes ? { sent: { delivered: query.sent === "delivered" } } : {}),
				}),
			);
		},
	);

	app.get(`${step.base}/methods`, { schema: noQuery, preHandler: pre }, async (request, reply) => {
		const challenge = await pending(request, reply);
		if (!challenge) return reply;
		const recovery = await recoveryOnOffer(deps, readCookie(request, step.cookie), step.purpose, challenge.destinations);
		return send(reply, anotherWayPage({ methods: challenge.methods.map(view), destinations: challenge.destinations, base: step.base, recovery }));
	});

	// The answer goes straight to the flow, which reads the challenge once, as the API's does, and
	// refuses a method the account lacks (method_not_available) rather than taking it for another.
	// The challenge is read here only to show the page again.
	formRoute(app, step.base, {
		schema: form({ method: 32, code: 8192, trust: 8, sent: 8 }),
		preHandler: [...pre, csrfCheck],
		run: (request, reply, body: { method?: string; code?: string; trust?: string; sent?: string }) =>
			step.complete(request, reply, {
				challenge: readCookie(request, step.cookie) ?? "",
				method: body.method ?? "",
				answer: answerOf(deps.methods, body.method ?? "", { code: body.code ?? "" }),
				trust: body.trust === "yes",
			}),
		async render(request, reply, { error: e, form }, body) {
			if (e.code === "challenge_expired") {
				clearCookie(request, reply, step.cookie);
				return step.expired(request, reply, e.message).code(statusOf(e.code));
			}
			const challenge = await pending(request, reply);
			if (!challenge) return reply;
			const method = challenge.methods.find((m) => m === body.method) ?? challenge.preferred;
			const options = await optionsFor(request, reply, method);
			return secondFactorPage({
				...common,
				csrf: csrfTokenFor(deps, request, reply),
				method: view(method),
				methods: challenge.methods.map(view),
				error: form,
				...retryOf(e),
				typed: e.code === "code_typo" ? (body.code ?? "") : "",
				destination: challenge.destinations[method],
				// A code was sent for this step: the page still says so, and keeps the field.
				...(body.sent === "yes" && body.method === method && view(method).sendsCodes ? { sent: { delivered: true } } : {}),
				...("passkeyOptions" in options ? { passkeyOptions: options.passkeyOptions } : {}),
			});
		},
	});

	formRoute(app, `${step.base}/send`, {
		schema: form({ method: 32, sent: 8 }),
		preHandler: [...pre, csrfCheck],
		async find(request, reply, body: { method?: string; sent?: string }) {
			const challenge = await pending(request, reply);
			if (!challenge) return undefined;
			const method = challenge.methods.find((m) => m === body.method && view(m).sendsCodes);
			if (!method) {
				reply.redirect(`${step.base}/methods`, 303);
				return undefined;
			}
			return { challenge, method };
		},
		async run(request, reply, _body, { method }) {
			const sent = await sendSignInCode(deps, { challenge: readCookie(request, step.cookie)!, method }, clientInfo(request));
			// Back to the page by GET, so a reload does not send another code.
			return reply.redirect(`${step.base}?method=${method}&sent=${sent.delivery === "sent" ? "delivered" : "delayed"}`, 303);
		},
		render(request, reply, { error: e, form }, body, { challenge, method }) {
			const page = { ...common, csrf: csrfTokenFor(deps, request, reply), method: view(method), methods: challenge.methods.map(view) };
			// Too soon to send another: the one sent before is still on its way, and the page keeps its field.
			const sent = body.sent === "yes" ? { sent: { delivered: true } } : {};
			return secondFactorPage({ ...page, destination: challenge.destinations[method], error: form, ...retryOf(e), ...sent });
		},
	});
}
