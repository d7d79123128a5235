import http from "node:http";
import type { AddressInfo } from "node:net";
import { Webhook } from "standardwebhooks";

/** One POST as the receiver saw it. */
export interface Received {
	id: string;
	timestamp: string;
	signature: string;
	body: string;
	type: string;
	data: Record<string, unknown>;
	/** What the receiver answered: a status, or "hang" (no answer at all). */
	answered: number | "hang";
}

/**
 * An app's webhook receiver on loopback. Each POST is kept with its headers;
 * the answer is the next one queued (a status, or "hang": no answer until the
 * sender gives up), 204 when none is. Signatures are checked with the
 * `standardwebhooks` package, an implementation independent of Tessera's.
 */
export async function startReceiver() {
	const received: Received[] = [];
	const answers: (number | "hang")[] = [];
	const hanging = new Set<http.ServerResponse>();
	const waiters: (() => void)[] = [];
	const server = http.createServer((request, response) => {
		const chunks: Buffer[] = [];
		request.on("data", (c: Buffer) => chunks.push(c));
		request.on("end", () => {
			const body = Buffer.concat(chunks).toString("utf8");
			const answer = answers.shift() ?? 204;
			let parsed: { type?: string; data?: Record<string, unknown> } = {};
			try {
				parsed = JSON.parse(body) as typeof parsed;
			} catch {
				// Kept as it came: a test looks at it.
			}
			received.push({
				id: String(request.headers["webhook-id"] ?? ""),
				timestamp: String(request.headers["webhook-timestamp"] ?? ""),
				signature: String(request.headers["webhook-signature"] ?? ""),
				body,
				type: parsed.type ?? "",
				data: parsed.data ?? {},
				answered: answer,
			});
			for (const wake of waiters.splice(0)) wake();
			if (answer === "hang") {
				hanging.add(response);
				response.on("close", () => hanging.delete(response));
				return;
			}
			response.writeHead(answer).end();
		});
	});
	await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
	const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hooks/tessera`;
	return {
		url,
		received,
		/** Answers for the next POSTs, in order. */
		answer(...next: (number | "hang")[]) {
			answers.push(...next);
		},
		/** Answers 204 from now on. */
		forgetAnswers() {
			answers.length = 0;
		},
		/** Whether `message` verifies with `secret` (whsec_...), per the standardwebhooks package. */
		verifies(message: Received, secret: string): boolean {
			try {
				new Webhook(secret).verify(message.body, {
					"webhook-id": message.id,
					"webhook-timestamp": message.timestamp,
					"webhook-signature": message.signature,
				});
				return true;
			} catch {
				return false;
			}
		},
		/** Resolves once at least `count` POSTs came; fails after `timeoutMs`. */
		async waitFor(count: number, timeoutMs = 10_000): Promise<Received[]> {
			const deadline = Date.now() + timeoutMs;
			while (received.length < count) {
				const left = deadline - Date.now();
				if (left <= 0) throw new Error(`expected ${count} webhooks, got ${received.length}: ${received.map((r) => r.type).join(", ")}`);
				await new Promise<void>((resolve) => {
					const timer = setTimeout(resolve, left);
					waiters.push(() => {
						clearTimeout(timer);
						resolve();
					});
				});
			}
			return received;
		},
		close: () =>
			new Promise<void>((resolve) => {
				for (const response of hanging) response.destroy();
				server.closeAllConnections();
				server.close(() => resolve());
			}),
	};
}

export type Receiver = Awaited<ReturnType<typeof startReceiver>>;
