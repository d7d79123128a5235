import createClient, { type Client, type ClientOptions, type Middleware } from "openapi-fetch";
import type { components, operations, paths } from "./openapi.ts";

export type { components, operations, paths };

/** `{ error: { code, message, details } }`: what every error of the API answers. */
export type ApiError = { error: components["schemas"]["Error"] };
/** Every error code the API can answer (docs/errors.md). */
export type ErrorCode = components["schemas"]["Error"]["code"];
export interface TesseraClientOptions extends Omit<ClientOptions, "baseUrl"> {
	/** Tessera's public URL (`TESSERA_PUBLIC_URL`), such as `https://accounts.example.com`. */
	baseUrl: string;
	/** A session token, for the signed-in routes; `useSession` sets or forgets it later. */
	session?: string | undefined;
}

export interface TesseraClient extends Client<paths> {
	/** Sends this session token with every request from now on (`undefined`: none). */
	useSession(token: string | undefined): void;
	/** The session token being sent, if any. */
	readonly session: string | undefined;
}

/**
 * A client for Tessera's JSON API, typed from its OpenAPI document: every path,
 * body, answer and error code is checked by the compiler.
 *
 * ```ts
 * const tessera = createTesseraClient({ baseUrl: "https://accounts.example.com" });
 * const { data, error } = await tessera.POST("/api/v1/sessions", { body: { username, password } });
 * if (error) console.log(error.error.code); // "invalid_credentials" | "too_many_attempts" | …
 * else if ("session" in data) tessera.useSession(data.session.token);
 * ```
 */
export function createTesseraClient(options: TesseraClientOptions): TesseraClient {
	const { session: first, baseUrl, ...rest } = options;
	let session = first;
	const client = createClient<paths>({ ...rest, baseUrl: baseUrl.replace(/\/+$/, "") });
	const bearer: Middleware = {
		onRequest({ request }) {
			if (session !== undefined && !request.headers.has("authorization")) request.headers.set("authorization", `Bearer ${session}`);
			return request;
		},
	};
	client.use(bearer);
	return Object.defineProperties(client as TesseraClient, {
		useSession: {
			value: (token: string | undefined) => {
				session = token;
			},
		},
		session: { get: () => session, enumerable: true },
	});
}

/** Whether a value is the API's error body (for an answer read without the client). */
export function isApiError(value: unknown): value is ApiError {
	const error = (value as { error?: { code?: unknown; message?: unknown } } | null)?.error;
	return typeof error?.code === "string" && typeof error.message === "string";
}
