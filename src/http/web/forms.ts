import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import type { TesseraError } from "../../core/errors.ts";
import { Html } from "../../ui/html.ts";
import type { FormError } from "../../ui/pages/layout.ts";
import { passwordConfirmPage } from "../../ui/pages/settings.ts";
import { statusOf } from "../errors.ts";
import { asFormError, form, noQuery, type PreHandler, send, type Web } from "./context.ts";

/** A refusal a form can show: the flow's error, and its words for the form. */
export interface FormFailure {
	error: TesseraError;
	form: FormError;
}

type Answer = Html | FastifyReply;

export interface FormRoute<Body, Found> {
	schema: object;
	preHandler: PreHandler | PreHandler[];
	/**
	 * What the form is about, read before the flow runs and outside its error
	 * handling. `undefined` when it has answered itself (a redirect).
	 */
	find?(request: FastifyRequest, reply: FastifyReply, body: Body): Found | undefined | Promise<Found | undefined>;
	/** Calls the flow and answers: a redirect, or the next page. */
	run(request: FastifyRequest, reply: FastifyReply, body: Body, found: Found): Promise<FastifyReply>;
	/**
	 * When the flow refuses: the page to show, sent with the error's status
	 * (`statusOf`), or an answer of its own.
	 */
	render(request: FastifyRequest, reply: FastifyReply, failure: FormFailure, body: Body, found: Found): Answer | Promise<Answer>;
}

/**
 * A form's POST: parse the body, call the flow and answer, or, when the flow
 * refuses with an error a form can show (`asFormError`), the form again with it.
 */
export function formRoute<Body, Found = undefined>(app: FastifyInstance, path: string, route: FormRoute<Body, Found>): void {
	app.post(path, { schema: route.schema, preHandler: route.preHandler }, async (request, reply) => {
		const body = request.body as Body;
		let found = undefined as Found;
		if (route.find) {
			const result = await route.find(request, reply, body);
			if (result === undefined) return reply;
			found = result;
		}
		try {
			return await route.run(request, reply, body, found);
		} catch (error) {
			const failure = asFormError(error, reply);
			const answer = await route.render(request, reply, failure, body, found);
			return answer instanceof Html ? send(reply, answer, statusOf(failure.error.code)) : answer;
		}
	});
}

/**
 * A settings change that asks for the password first: GET shows the form,
 * POST runs `onConfirmed` with the password and shows the form again, with
 * the problem, when the flow refuses.
 */
export function passwordGate(
	web: Web,
	path: string,
	copy: Omit<Parameters<typeof passwordConfirmPage>[0], "user" | "action" | "error">,
	onConfirmed: (request: FastifyRequest, reply: FastifyReply, password: string) => Promise<FastifyReply>,
): void {
	const { app, requireSignedIn, csrfCheck, pageUser } = web;
	app.get(path, { schema: noQuery, preHandler: requireSignedIn }, async (request, reply) =>
		send(reply, passwordConfirmPage({ user: pageUser(request, reply), action: path, ...copy })),
	);
	formRoute<{ password?: string }>(app, path, {
		schema: form({ password: 1024 }),
		preHandler: [requireSignedIn, csrfCheck],
		run: (request, reply, { password }) => onConfirmed(request, reply, password ?? ""),
		render: (request, reply, { form }) => passwordConfirmPage({ user: pageUser(request, reply), action: path, ...copy, error: form }),
	});
}
