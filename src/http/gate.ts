import type { FastifyInstance, FastifyRequest } from "fastify";
import type { SessionAction } from "../flows/account-state.ts";

/**
 * How a face maps its routes to the gate's named actions (flows/account-state.ts):
 * a table per face, "METHOD /path" → action. A route behind the face's session
 * check that the table does not name stops the app from starting, so no route
 * slips past the gate.
 */
export type RouteActions = Readonly<Record<string, SessionAction>>;

export function routeKey(method: string, url: string): string {
	return `${method} ${url}`;
}

/** The action of the route serving `request`. */
export function actionOf(actions: RouteActions, request: FastifyRequest): SessionAction {
	const action = actions[routeKey(request.method, request.routeOptions.url ?? "")];
	if (!action) throw new Error(`${request.method} ${request.routeOptions.url} names no action for the gate`);
	return action;
}

/** Refuses to register a route that runs `sessionCheck` without an action in `actions`. */
export function requireDeclaredActions(app: FastifyInstance, actions: RouteActions, sessionCheck: unknown, prefix = ""): void {
	app.addHook("onRoute", (route) => {
		const handlers = [route.preHandler].flat();
		if (!handlers.includes(sessionCheck as never)) return;
		for (const method of [route.method].flat()) {
			if (method === "HEAD") continue;
			const key = routeKey(method, route.url);
			if (!actions[key]) throw new Error(`${key} runs the session check but names no action for the gate (${prefix || "/"})`);
		}
	});
}
