import { TesseraError } from "../../core/errors.ts";
import { outboxPage } from "../../ui/pages/outbox.ts";
import { cameThroughUntrustedProxy, clientAddress, isLoopback, isLoopbackHost } from "../client.ts";
import { noQuery, send, type Web } from "./context.ts";

/** The development outbox: messages as sent, when delivery is to the outbox. */
export function outboxRoutes(web: Web): void {
	const { app, deps } = web;
	if (deps.outbox) {
		const outbox = deps.outbox;
		// It shows codes as sent: only to a browser on this machine, asking for this machine by
		// name (not a page elsewhere whose name was pointed here), and not through a proxy
		// Tessera does not know (which makes every request look local).
		app.get("/dev/outbox", { schema: noQuery }, async (request, reply) => {
			if (cameThroughUntrustedProxy(request) || !isLoopback(clientAddress(request)) || !isLoopbackHost(request)) {
				throw new TesseraError("not_found");
			}
			return send(reply, outboxPage(outbox.list()));
		});
	}
}
