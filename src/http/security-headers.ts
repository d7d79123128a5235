import type { FastifyInstance } from "fastify";

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

export function registerSecurityHeaders(app: FastifyInstance): void {
	app.addHook("onSend", async (request, reply, payload) => {
		reply.header("X-Content-Type-Options", "nosniff");
		reply.header("Referrer-Policy", "no-referrer");
		reply.header("X-Frame-Options", "DENY");
		reply.header("Cross-Origin-Opener-Policy", "same-origin");
		reply.header("Cross-Origin-Resource-Policy", "same-origin");
		reply.header("Permissions-Policy", "camera=(), microphone=(), geolocation=(), payment=()");
		reply.header("Content-Security-Policy", contentSecurityPolicy);
		if (request.protocol === "https") reply.header("Strict-Transport-Security", "max-age=31536000; includeSubDomains");
		if (!reply.hasHeader("Cache-Control")) reply.header("Cache-Control", "no-store");
		return payload;
	});
}
