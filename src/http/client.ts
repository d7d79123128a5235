import type { FastifyRequest } from "fastify";
import type { ClientInfo } from "../flows/deps.ts";

export function clientInfo(request: FastifyRequest): ClientInfo {
	const agent = request.headers["user-agent"];
	return {
		ip: request.ip,
		userAgent: typeof agent === "string" ? agent : undefined,
		origin: `${request.protocol}://${request.host}`,
		rpId: request.hostname,
	};
}

const loopbackHosts = new Set(["localhost", "127.0.0.1", "[::1]", "::1"]);

/**
 * Whether the browser treats this origin as secure: HTTPS, or a loopback host
 * (browsers accept Secure cookies there). Only then can cookies carry the
 * `__Host-` prefix, which browsers refuse without `Secure`.
 */
export function isSecureContext(request: FastifyRequest): boolean {
	if (request.protocol === "https") return true;
	return loopbackHosts.has(request.hostname.toLowerCase());
}

/** Whether a client address is this machine's own (127.0.0.0/8, ::1, or IPv4-mapped loopback). */
export function isLoopback(ip: string): boolean {
	return ip === "::1" || /^(::ffff:)?127\./.test(ip);
}
