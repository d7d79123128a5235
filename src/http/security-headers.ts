import type { FastifyInstance, FastifyRequest } from "fastify";

/** No inline script or style anywhere; the QR code is inline SVG markup, which needs neither. */
export const contentSecurityPolicy = [
	"default-src 'none'",
	"script-src 'self'",
	"style-src 'self'",
	"img-src 'self' data:",
	"connect-src 'self'",
	"form-action 'self'",
	"frame-ancestors 'none'",
	"base-uri 'none'",
].join("; ");

declare module "fastify" {
	interface FastifyRequest {
		/**
		 * Where this page's forms may lead besides Tessera: the app a sign-in returns to.
		 * Browsers apply form-action to every redirect that follows a form.
		 */
		formActions?: string[];
	}
}

/** The policy, with the extra places this page's forms may lead to. */
export function policyWith(formActions: readonly string[] = []): string {
	if (formActions.length === 0) return contentSecurityPolicy;
	return contentSecurityPolicy.replace("form-action 'self'", `form-action 'self' ${formActions.join(" ")}`);
}

/** The headers every response carries, whoever writes it (Fastify, or the OpenID Connect provider). */
export function securityHeaders(request: FastifyRequest): Record<string, string> {
	return {
		"X-Content-Type-Options": "nosniff",
		"Referrer-Policy": "no-referrer",
		"X-Frame-Options": "DENY",
		"Cross-Origin-Opener-Policy": "same-origin",
		"Cross-Origin-Resource-Policy": "same-origin",
		"Permissions-Policy": "camera=(), microphone=(), geolocation=(), payment=()",
		"Content-Security-Policy": policyWith(request.formActions),
		...(request.protocol === "https" ? { "Strict-Transport-Security": "max-age=31536000; includeSubDomains" } : {}),
	};
}

export function registerSecurityHeaders(app: FastifyInstance): void {
	app.addHook("onSend", async (request, reply, payload) => {
		for (const [name, value] of Object.entries(securityHeaders(request))) reply.header(name, value);
		if (!reply.hasHeader("Cache-Control")) reply.header("Cache-Control", "no-store");
		return payload;
	});
}
