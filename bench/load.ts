import http from "node:http";

/**
 * A small closed-loop HTTP load generator: `connections` clients, each sending its next
 * request when the last answers. It runs in the bench's own process, on the same cores
 * as the server it measures.
 */
export interface LoadResult {
	requests: number;
	errors: number;
	statuses: Record<number, number>;
	seconds: number;
	perSecond: number;
	p50: number;
	p99: number;
	/** Of right answers, sorted, ms. */
	latencies: number[];
}

export interface RequestSpec {
	method: string;
	path: string;
	headers?: Record<string, string>;
	body?: string;
}

export interface Answer {
	status: number;
	body: string;
	headers: http.IncomingHttpHeaders;
}

function percentile(sorted: number[], p: number): number {
	if (sorted.length === 0) return Number.NaN;
	return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

export function send(agent: http.Agent, port: number, spec: RequestSpec): Promise<Answer> {
	return new Promise((resolve, reject) => {
		const request = http.request(
			{ host: "127.0.0.1", port, method: spec.method, path: spec.path, agent, headers: spec.headers },
			(response) => {
				const chunks: Buffer[] = [];
				response.on("data", (c: Buffer) => chunks.push(c));
				response.on("end", () =>
					resolve({ status: response.statusCode ?? 0, body: Buffer.concat(chunks).toString(), headers: response.headers }),
				);
				response.on("error", reject);
			},
		);
		request.on("error", reject);
		if (spec.body) request.end(spec.body);
		else request.end();
	});
}

export async function runLoad(options: {
	port: number;
	connections: number;
	/** The longest the run lasts; it ends sooner when every client has run out of requests. */
	seconds: number;
	/** The request client `i` sends next; undefined when it has nothing more to send. */
	next: (client: number) => RequestSpec | undefined;
	expectStatus: number;
	/** A further test of a right answer (a 200 can still say "no session"). */
	accept?: (answer: Answer) => boolean;
	/** Sees every answer (to keep sessions made by a sign-up, say). */
	onAnswer?: (client: number, answer: Answer) => void;
}): Promise<LoadResult> {
	const agent = new http.Agent({ keepAlive: true, maxSockets: options.connections });
	const latencies: number[] = [];
	const statuses: Record<number, number> = {};
	let errors = 0;
	const started = performance.now();
	const deadline = started + options.seconds * 1000;
	await Promise.all(
		Array.from({ length: options.connections }, async (_, client) => {
			while (performance.now() < deadline) {
				const spec = options.next(client);
				if (!spec) break;
				const t0 = performance.now();
				try {
					const answer = await send(agent, options.port, spec);
					statuses[answer.status] = (statuses[answer.status] ?? 0) + 1;
					if (answer.status !== options.expectStatus || (options.accept && !options.accept(answer))) errors++;
					else latencies.push(performance.now() - t0);
					options.onAnswer?.(client, answer);
				} catch {
					errors++;
				}
			}
		}),
	);
	const seconds = (performance.now() - started) / 1000;
	agent.destroy();
	latencies.sort((a, b) => a - b);
	return {
		requests: latencies.length,
		errors,
		statuses,
		seconds,
		perSecond: latencies.length / seconds,
		p50: percentile(latencies, 50),
		p99: percentile(latencies, 99),
		latencies,
	};
}

/** Several runs (slices of one scenario) as one: requests over their summed time, percentiles over every latency. */
export function mergeLoads(results: LoadResult[]): LoadResult {
	const latencies = results.flatMap((r) => r.latencies).sort((a, b) => a - b);
	const statuses: Record<number, number> = {};
	for (const r of results) for (const [status, n] of Object.entries(r.statuses)) statuses[Number(status)] = (statuses[Number(status)] ?? 0) + n;
	const seconds = results.reduce((sum, r) => sum + r.seconds, 0);
	return {
		requests: latencies.length,
		errors: results.reduce((sum, r) => sum + r.errors, 0),
		statuses,
		seconds,
		perSecond: latencies.length / seconds,
		p50: percentile(latencies, 50),
		p99: percentile(latencies, 99),
		latencies,
	};
}
