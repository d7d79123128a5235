import { lookup as dnsLookup, type LookupAddress } from "node:dns";
import type { RequestOptions } from "node:http";
import type { LookupFunction } from "node:net";
import { isInternalAddress, isInternalHost, MAX_REFUSAL_BYTES, PUSH_TIMEOUT_MS } from "./signals.ts";

// How a Security Event Token reaches a push receiver (RFC 8935): one POST, its answer, and the
// address checks for an endpoint a receiver set. The sender that decides what to push is signal-pushes.ts.

// Not `import http from "node:http"`: an ES import of node:http reads every export, and its
// WebSocket getters load Node's fetch implementation (undici), which Tessera does not use here.
const http = process.getBuiltinModule("node:http");
const https = process.getBuiltinModule("node:https");

/** What a receiver's 400 said (RFC 8935: `err`, `description`), short and as data. */
export function refusal(body: string): string {
	try {
		const parsed = JSON.parse(body) as { err?: unknown; description?: unknown };
		if (typeof parsed.err === "string") return `${parsed.err}${typeof parsed.description === "string" ? `: ${parsed.description}` : ""}`.slice(0, 500);
	} catch {
		// Not JSON: the status says enough.
	}
	return "HTTP 400";
}

export class PushTimeout extends Error {}

class InternalAddress extends Error {}

/**
 * Resolves a receiver-set endpoint's name and refuses to connect when any of its
 * addresses is internal: what is checked is what is connected to.
 */
const publicOnlyLookup: LookupFunction = (hostname, options, callback) => {
	dnsLookup(hostname, { ...options, all: true }, (error, addresses: LookupAddress[]) => {
		if (error) return callback(error, "", 0);
		const internal = addresses.find((a) => isInternalAddress(a.address));
		if (internal || addresses.length === 0) {
			return callback(new InternalAddress(`${hostname} resolves to ${internal ? "an internal address" : "no address"}: not sent`) as NodeJS.ErrnoException, "", 0);
		}
		if (options.all) return (callback as unknown as (e: null, a: LookupAddress[]) => void)(null, addresses);
		callback(null, addresses[0]!.address, addresses[0]!.family);
	});
};

/**
 * One RFC 8935 POST, answered within PUSH_TIMEOUT_MS, redirects not followed.
 * The answer's body is read only for a 400 (up to MAX_REFUSAL_BYTES); any other
 * answer's is dropped unread. `publicOnly`: the endpoint was set by the receiver,
 * so it is connected to only at public addresses.
 */
export function postSet(endpoint: string, headers: Record<string, string>, body: string, publicOnly: boolean): Promise<{ status: number; body: string }> {
	return new Promise((resolve, reject) => {
		const url = new URL(endpoint);
		if (publicOnly && isInternalHost(url.hostname)) return reject(new InternalAddress(`${url.hostname} is an internal address: not sent`));
		const secure = url.protocol === "https:";
		const options: RequestOptions = {
			method: "POST",
			headers: { ...headers, "content-length": String(Buffer.byteLength(body)) },
			...(publicOnly ? { lookup: publicOnlyLookup } : {}),
		};
		const request = (secure ? https : http).request(url, options, (response) => {
			const status = response.statusCode ?? 0;
			if (status !== 400) {
				finish({ status, body: "" });
				response.destroy();
				return;
			}
			const chunks: Buffer[] = [];
			let size = 0;
			response.on("data", (chunk: Buffer) => {
				chunks.push(chunk);
				size += chunk.length;
				if (size >= MAX_REFUSAL_BYTES) {
					finish({ status, body: Buffer.concat(chunks).subarray(0, MAX_REFUSAL_BYTES).toString("utf8") });
					response.destroy();
				}
			});
			response.on("end", () => finish({ status, body: Buffer.concat(chunks).toString("utf8") }));
			response.on("error", () => finish({ status, body: "" }));
		});
		let done = false;
		const timer = setTimeout(() => request.destroy(new PushTimeout()), PUSH_TIMEOUT_MS);
		function finish(answer: { status: number; body: string }) {
			if (done) return;
			done = true;
			clearTimeout(timer);
			resolve(answer);
		}
		request.on("error", (error) => {
			if (done) return;
			done = true;
			clearTimeout(timer);
			reject(error);
		});
		request.end(body);
	});
}
