import { createHmac, timingSafeEqual } from "node:crypto";
import type { FastifyReply, FastifyRequest } from "fastify";
import { TesseraError } from "../../core/errors.ts";
import { newToken } from "../../core/tokens.ts";
import type { FlowDeps } from "../../flows/deps.ts";
import { isSecureContext } from "../client.ts";

/**
 * "app": the app sign-in (OpenID Connect interaction) a journey returns to when it ends;
 * "more": a step-up's second step (an app's, or the console's "Confirm it's you");
 * "reprove": what an operator typed in a console form while they confirm it is them;
 * "notice": what a page says once after a step (see `redirectWithNotice`);
 * "lang": the language chosen with the switcher.
 */
export type CookieKind = "session" | "signin" | "csrf" | "device" | "stepup" | "reset" | "app" | "more" | "reprove" | "notice" | "lang";

/**
 * `__Host-` cookies: Secure, Path=/, no Domain, so no other host or path can
 * set or read them. Browsers accept them only in a secure context; on plain
 * HTTP to a non-loopback host the names drop the prefix and the Secure flag.
 */
export function cookieName(request: FastifyRequest, kind: CookieKind): string {
	return isSecureContext(request) ? `__Host-tessera_${kind}` : `tessera_${kind}`;
}

export function readCookie(request: FastifyRequest, kind: CookieKind): string | undefined {
	return request.cookies[cookieName(request, kind)];
}

export function setCookie(
	request: FastifyRequest,
	reply: FastifyReply,
	kind: CookieKind,
	value: string,
	maxAgeSeconds?: number,
): void {
	reply.setCookie(cookieName(request, kind), value, {
		path: "/",
		httpOnly: true,
		sameSite: "lax",
		secure: isSecureContext(request),
		...(maxAgeSeconds !== undefined ? { maxAge: maxAgeSeconds } : {}),
	});
}

export function clearCookie(request: FastifyRequest, reply: FastifyReply, kind: CookieKind): void {
	reply.clearCookie(cookieName(request, kind), { path: "/", secure: isSecureContext(request), httpOnly: true, sameSite: "lax" });
}

function formToken(deps: FlowDeps, cookieValue: string): string {
	return createHmac("sha256", deps.keys.hmacKey("csrf")).update(cookieValue).digest("base64url");
}

/**
 * CSRF: a random cookie, and in every form an HMAC of it under a server key.
 * A cross-site page can neither read the cookie nor compute the HMAC. The
 * cookie is renewed at every sign-in, and Sec-Fetch-Site and Origin, where the
 * browser sends them, must name this origin.
 */
export function csrfTokenFor(deps: FlowDeps, request: FastifyRequest, reply: FastifyReply): string {
	let value = readCookie(request, "csrf");
	if (!value || !/^[A-Za-z0-9_-]{43}$/.test(value)) {
		value = newToken(deps.random);
		setCookie(request, reply, "csrf", value);
		// Later code in this request must see the same value.
		request.cookies[cookieName(request, "csrf")] = value;
	}
	return formToken(deps, value);
}

/** A new CSRF secret, as at every sign-in: a token planted or seen before sign-in is worth nothing after. */
export function rotateCsrf(deps: FlowDeps, request: FastifyRequest, reply: FastifyReply): void {
	const value = newToken(deps.random);
	setCookie(request, reply, "csrf", value);
	request.cookies[cookieName(request, "csrf")] = value;
}

export function verifyCsrf(deps: FlowDeps, request: FastifyRequest): void {
	// Browsers say where a request comes from; anything but this origin (or a typed URL) is refused.
	const site = request.headers["sec-fetch-site"];
	if (typeof site === "string" && site !== "same-origin" && site !== "none") throw new TesseraError("csrf_failed");
	const origin = request.headers.origin;
	if (typeof origin === "string" && origin !== "null") {
		const expected = `${request.protocol}://${request.host}`;
		if (origin !== expected) throw new TesseraError("csrf_failed");
	}
	const cookie = readCookie(request, "csrf");
	const sent = (request.body as Record<string, unknown> | undefined)?.["_csrf"];
	if (!cookie || typeof sent !== "string") throw new TesseraError("csrf_failed");
	const expected = Buffer.from(formToken(deps, cookie));
	const given = Buffer.from(sent);
	if (expected.length !== given.length || !timingSafeEqual(expected, given)) throw new TesseraError("csrf_failed");
}

/**
 * After a step, to a page that says how it went: the notice is named in the
 * address and in a short-lived cookie, and the page says it only while both
 * agree (`takeNotice`), once; a reload shows the page without it.
 */
export function redirectWithNotice(request: FastifyRequest, reply: FastifyReply, path: string, notice: string): FastifyReply {
	setCookie(request, reply, "notice", notice, 300);
	return reply.redirect(`${path}?notice=${notice}`, 303);
}

/** The notice named in the address, when it is the one owed; the cookie is spent either way. */
export function takeNotice<T extends string>(request: FastifyRequest, reply: FastifyReply, named: T | undefined): T | undefined {
	const owed = readCookie(request, "notice");
	if (owed === undefined) return undefined;
	clearCookie(request, reply, "notice");
	return named !== undefined && owed === named ? named : undefined;
}
