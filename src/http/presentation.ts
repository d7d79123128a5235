import type { FastifyInstance, FastifyRequest } from "fastify";
import type { Config } from "../config.ts";
import { type Presentation, withPresentation } from "../i18n/context.ts";
import { asLocale, asTimeZone, negotiateLocale } from "../i18n/locales.ts";
import { readCookie } from "./web/cookies.ts";

declare module "fastify" {
	interface FastifyRequest {
		/** The language, time zone and brand this request is answered in. */
		presentation: Presentation;
	}
}

/** The time zone the browser reported (app.js sets it; not a secret, so readable by the page). */
export const TIME_ZONE_COOKIE = "tessera_tz";

/**
 * The language a request is answered in: the one the person chose with the
 * switcher (a cookie), else the one their browser asks for (Accept-Language);
 * a signed-in page then prefers the account's (`adoptAccountPresentation`). The
 * time zone is the browser's, when app.js has told it.
 */
function presentationOf(request: FastifyRequest, config: Config): Presentation {
	const chosen = asLocale(readCookie(request, "lang"), config.pseudoLocale);
	const header = request.headers["accept-language"];
	return {
		locale: chosen ?? negotiateLocale(typeof header === "string" ? header : undefined),
		chosen: chosen !== undefined,
		timeZone: asTimeZone(request.cookies[TIME_ZONE_COOKIE]),
		brand: config.brand,
		page: request.method === "GET" ? request.url : undefined,
	};
}

/**
 * Every request runs in its presentation, so pages, API error messages and the
 * messages it sends are written in it. The context is entered again after the
 * body is read, since a body's events arrive outside it.
 */
export function registerPresentation(app: FastifyInstance, config: Config): void {
	app.decorateRequest("presentation", undefined as unknown as Presentation);
	app.addHook("onRequest", (request, _reply, done) => {
		request.presentation = presentationOf(request, config);
		withPresentation(request.presentation, done);
	});
	app.addHook("preValidation", (request, _reply, done) => withPresentation(request.presentation, done));
	app.addHook("preHandler", (request, _reply, done) => withPresentation(request.presentation, done));
}

/** Runs `fn` in the request's presentation: for an error handler, which may run outside it. */
export function inPresentationOf<T>(request: FastifyRequest, fn: () => T): T {
	return request.presentation ? withPresentation(request.presentation, fn) : fn();
}
