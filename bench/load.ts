import http from "node:http";

/** A small closed-loop HTTP load generator: `connections` clients, each sending its next request when the last answers. */
export interface LoadResult {
	requests: number;
	errors: number;
	statuses: Record<number, number>;
	seconds: number;
	perSecond: number;
	p50: number;
	p99: number;
}

export interface RequestSpec {
	method: string;
	path: string;
	headers?: Record<string, string>;
	body?: string;
}

function percentile(sorted: number[], p: number): number {
	if (sorted.length === 0) return Number.NaN;
	return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

export function send(agent: http.Agent, port: number, spec: RequestSpec): Promise<{ status: number; body: string }> {
	return new Promise((resolve, reject) => {
		const request = http.request(
			{ host: "127.0.0.1", port, method: spec.method, path: spec.path, agent, headers: spec.headers },
			(response) => {
				const chunks: Buffer[] = [];
				response.on("data", (c: Buffer) => chunks.push(c));
				response.on("end", () => resolve({ status: response.statusCode ?? 0, body: Buffer.concat(chunks).toString() }));
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
	seconds: number;
	/** The request client `i` sends next. */
	next: (client: number) => RequestSpec;
	expectStatus: number;
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
				const t0 = performance.now();
				try {
					const { status } = await send(agent, options.port, options.next(client));
					statuses[status] = (statuses[status] ?? 0) + 1;
					if (status !== options.expectStatus) errors++;
					else latencies.push(performance.now() - t0);
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
	};
}
