import http from "node:http";
import type { AddressInfo } from "node:net";
import { createRemoteJWKSet, type JWTPayload, jwtVerify } from "jose";

/**
 * What the Shared Signals suites share: a push receiver on loopback that keeps
 * every request, answers as the test says, and a verifier that knows Tessera
 * only by its published configuration (the JWKS at its `jwks_uri`), with jose as
 * the independent check of each Security Event Token.
 */

export interface Push {
	jwt: string;
	path: string;
	contentType: string | undefined;
	authorization: string | undefined;
	/** performance.now() when it arrived. */
	at: number;
}

export type Answer = { status: number; body?: unknown } | "hang" | "drop";

export async function startReceiver() {
	const pushes: Push[] = [];
	let answer: (push: Push, n: number) => Answer = () => ({ status: 202 });
	const server = http.createServer((req, res) => {
		const chunks: Buffer[] = [];
		req.on("data", (c: Buffer) => chunks.push(c));
		req.on("end", () => {
			const push: Push = {
				jwt: Buffer.concat(chunks).toString("utf8"),
				path: req.url ?? "/",
				contentType: req.headers["content-type"],
				authorization: req.headers.authorization,
				at: performance.now(),
			};
			const reply = answer(push, pushes.length);
			pushes.push(push);
			if (reply === "hang") return;
			if (reply === "drop") {
				req.socket.destroy();
				return;
			}
			res.writeHead(reply.status, reply.body === undefined ? {} : { "content-type": "application/json" });
			res.end(reply.body === undefined ? undefined : JSON.stringify(reply.body));
		});
	});
	await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
	const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
	return {
		base,
		pushes,
		/** How the receiver answers from now on. */
		answer(with_: (push: Push, n: number) => Answer) {
			answer = with_;
		},
		close: () =>
			new Promise<void>((resolve) => {
				server.closeAllConnections();
				server.close(() => resolve());
			}),
	};
}

export type Receiver = Awaited<ReturnType<typeof startReceiver>>;

export async function until<T>(find: () => T | undefined | false, what: string, timeoutMs = 5000): Promise<T> {
	const deadline = Date.now() + timeoutMs;
	for (;;) {
		const found = find();
		if (found) return found;
		if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
		await new Promise((r) => setTimeout(r, 10));
	}
}

export interface VerifiedSet {
	header: { alg?: string; kid?: string; typ?: string };
	claims: JWTPayload & { sub_id: Record<string, unknown>; events: Record<string, Record<string, unknown>>; txn?: string };
	/** The one event's type, its last path segment: "session-revoked". */
	type: string;
	event: Record<string, unknown>;
}

/** Reads Tessera's transmitter configuration as a receiver does, and verifies SETs against the keys it names. */
export async function transmitter(base: string) {
	const response = await fetch(`${base}/.well-known/ssf-configuration`);
	if (response.status !== 200) throw new Error(`ssf-configuration: ${response.status}`);
	const configuration = (await response.json()) as Record<string, unknown> & { issuer: string; jwks_uri: string };
	// A key it has not seen is looked up again at once (the suites rotate keys, and run fast).
	const jwks = createRemoteJWKSet(new URL(configuration.jwks_uri), { cooldownDuration: 0 });
	return {
		configuration,
		async verify(jwt: string, audience: string): Promise<VerifiedSet> {
			const { payload, protectedHeader } = await jwtVerify(jwt, jwks, { issuer: configuration.issuer, audience, typ: "secevent+jwt", algorithms: ["RS256"] });
			const claims = payload as VerifiedSet["claims"];
			const types = Object.keys(claims.events ?? {});
			if (types.length !== 1) throw new Error(`a SET with ${types.length} events`);
			return { header: protectedHeader as VerifiedSet["header"], claims, type: types[0]!.split("/").at(-1)!, event: claims.events[types[0]!]! };
		},
	};
}
