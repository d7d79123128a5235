import type { FastifyRequest } from "fastify";
import { canonicalAddress } from "../core/address.ts";
import type { ClientInfo } from "../flows/deps.ts";

/** The client's address, canonical (no port, IPv4-mapped as IPv4), through the proxies Tessera trusts. */
export function clientAddress(request: FastifyRequest): string {
	return canonicalAddress(request.ip);
}

export function clientInfo(request: FastifyRequest): ClientInfo {
	const agent = request.headers["user-agent"];
	return {
		ip: clientAddress(request),
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

/**
 * The names a request asked for: its own Host header and, when a proxy added
 * one, X-Forwarded-Host (which Fastify takes as the hostname from a trusted
 * hop, and which a page can set on its own same-origin requests). Each without
 * its port, lower-case. A check of the name must pass for every one of them.
 */
function askedHostnames(request: FastifyRequest): string[] {
	const names = [request.headers.host, request.headers["x-forwarded-host"]].flat().filter((h): h is string => typeof h === "string");
	return names.map((h) => h.trim().toLowerCase().replace(/:\d+$/, ""));
}

function isLoopbackName(host: string): boolean {
	return host === "localhost" || host === "[::1]" || /^127\.\d+\.\d+\.\d+$/.test(host);
}

/** Whether the request asked for this machine itself by name: localhost, 127.x.x.x or [::1], with or without a port. */
export function isLoopbackHost(request: FastifyRequest): boolean {
	const names = askedHostnames(request);
	return names.length > 0 && names.every(isLoopbackName);
}

/**
 * Whether the request asked for an address, `localhost` or one of `names`
 * (a scraper on the operator's network), not some other name pointed here.
 */
export function isAllowedScrapeHost(request: FastifyRequest, names: string[]): boolean {
	const hosts = askedHostnames(request);
	const isAddress = (h: string) => /^\d+\.\d+\.\d+\.\d+$/.test(h) || /^\[[0-9a-f:.]+\]$/.test(h);
	return hosts.length > 0 && hosts.every((h) => isAddress(h) || isLoopbackName(h) || names.includes(h));
}

/**
 * Whether a request came through a proxy Tessera was not told to trust. Such a
 * proxy (nginx on the same host, say) makes every request look like it came from
 * loopback; its forwarding headers are the sign. Tessera reads X-Forwarded-For
 * from the hops it trusts: a request with any forwarding header (`Forwarded`,
 * `X-Forwarded-For`, `X-Real-IP`) counts as direct only when X-Forwarded-For was
 * read through a trusted hop.
 */
export function cameThroughUntrustedProxy(request: FastifyRequest): boolean {
	const headers = request.headers;
	const forwarded = headers.forwarded !== undefined || headers["x-real-ip"] !== undefined || headers["x-forwarded-for"] !== undefined;
	if (!forwarded) return false;
	// With the nearest hop trusted, Fastify read the header: more than the socket's own address.
	return headers["x-forwarded-for"] === undefined || request.ips === undefined || request.ips.length < 2;
}
