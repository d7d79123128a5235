import type { FastifyInstance, FastifyRequest } from "fastify";
import type { FlowDeps } from "../../flows/deps.ts";
import type { Authenticated } from "../../flows/sessions.ts";

declare module "fastify" {
	interface FastifyRequest {
		auth?: Authenticated;
	}
}

/** What every journey's routes share: the app, the flows and the session check. */
export interface Api {
	app: FastifyInstance;
	deps: FlowDeps;
	/** A bearer session, through the gate; its result is `request.auth`. */
	requireSession: (request: FastifyRequest) => Promise<void>;
}

export function bearerToken(request: FastifyRequest): string | undefined {
	const header = request.headers.authorization;
	if (typeof header !== "string") return undefined;
	const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
	return match?.[1];
}

/** The signed-in account of a route behind `requireSession`. */
export const account = (request: FastifyRequest) => request.auth!.account;
